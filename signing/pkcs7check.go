package signing

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"
)

// checkPKCS7 verifies the detached PKCS#7 signature contents over content and fills in the
// signer, issuer, signing time and timestamp of s. The signature must match content and the
// signing time (if recorded) must lie within the certificate's validity.
func checkPKCS7(s *Signature, contents, content []byte) error {
	der, err := firstElement(contents)
	if err != nil {
		return fmt.Errorf("the signature value is not PKCS#7: %w", err)
	}
	p7, err := pkcs7.Parse(der)
	if err != nil {
		return fmt.Errorf("the signature value is not PKCS#7: %w", err)
	}
	cert := p7.GetOnlySigner()
	if cert == nil {
		return errors.New("the signature does not hold exactly one signer with its certificate")
	}
	s.Signer, s.Issuer = cert.Subject.String(), cert.Issuer.String()
	var signed time.Time
	if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &signed) == nil && s.Time.IsZero() {
		s.Time = signed
	}
	p7.Content = content
	if err := p7.Verify(); err != nil {
		var mismatch *pkcs7.MessageDigestMismatchError
		if errors.As(err, &mismatch) {
			return errors.New("the signed bytes were changed after signing (digest mismatch)")
		}
		return fmt.Errorf("the signature does not verify: %w", err)
	}
	return checkTimestamp(s, p7)
}

// checkTimestamp reads an RFC 3161 timestamp token, if any, and checks that it stamps this
// signature value. The time-stamping authority's certificate is not checked.
func checkTimestamp(s *Signature, p7 *pkcs7.PKCS7) error {
	si := p7.Signers[0]
	for _, attr := range si.UnauthenticatedAttributes {
		if !attr.Type.Equal(oidTimeStampToken) {
			continue
		}
		ts, err := timestamp.Parse(attr.Value.Bytes)
		if err != nil {
			return fmt.Errorf("timestamp: %w", err)
		}
		h := ts.HashAlgorithm.New()
		h.Write(si.EncryptedDigest)
		if !bytes.Equal(h.Sum(nil), ts.HashedMessage) {
			return errors.New("the timestamp does not belong to this signature")
		}
		s.Timestamp = ts.Time
	}
	return nil
}
