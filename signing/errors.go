package signing

import "errors"

// Kinds of failure that callers may want to tell apart (test with errors.Is).
var (
	// ErrNotAgreement: the file is not a cwo agreement (no order, version or fingerprint in its
	// metadata, or no signature fields).
	ErrNotAgreement = errors.New("not a cwo agreement")
	// ErrUnknownField: the agreement has no signature field with the requested name.
	ErrUnknownField = errors.New("no such signature field")
	// ErrAlreadySigned: the requested field already holds a signature.
	ErrAlreadySigned = errors.New("signature field is already signed")
	// ErrWrongPassword: the PKCS#12 password is wrong.
	ErrWrongPassword = errors.New("wrong password")
	// ErrKeyMismatch: the private key does not belong to the certificate.
	ErrKeyMismatch = errors.New("private key does not match the certificate")
	// ErrCertificateTime: the certificate is expired or not yet valid at the signing time.
	ErrCertificateTime = errors.New("certificate is not valid at the signing time")
	// ErrUnsupported: a key type or PDF feature this package does not handle.
	ErrUnsupported = errors.New("unsupported")
)
