package signing

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// Credentials are what a signature is made with: a private key, its certificate and the
// certificates between it and a root (the chain, which may be empty).
type Credentials struct {
	Signer      crypto.Signer
	Certificate *x509.Certificate
	Chain       []*x509.Certificate
}

// LoadPEM reads an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC 1; RSA or ECDSA) and a PEM
// certificate file whose first certificate is the signer's; further certificates form the chain.
// It checks that the key matches the certificate.
func LoadPEM(keyPEM, certPEM []byte) (*Credentials, error) {
	key, err := parseKey(keyPEM)
	if err != nil {
		return nil, err
	}
	certs, err := parseCertificates(certPEM)
	if err != nil {
		return nil, err
	}
	c := &Credentials{Signer: key, Certificate: certs[0], Chain: certs[1:]}
	return c, c.checkKey()
}

// LoadPKCS12 reads a PKCS#12 (.p12, .pfx) file holding a key, its certificate and optionally a
// chain. A wrong password gives an error wrapping ErrWrongPassword.
func LoadPKCS12(data []byte, password string) (*Credentials, error) {
	key, cert, chain, err := pkcs12.DecodeChain(data, password)
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		return nil, fmt.Errorf("PKCS#12: %w", ErrWrongPassword)
	}
	if err != nil {
		return nil, fmt.Errorf("PKCS#12: %w", err)
	}
	signer, err := asSigner(key)
	if err != nil {
		return nil, fmt.Errorf("PKCS#12: %w", err)
	}
	c := &Credentials{Signer: signer, Certificate: cert, Chain: chain}
	return c, c.checkKey()
}

// Name is the signer's name as shown in a signature appearance: the certificate's common name,
// else its whole subject.
func (c *Credentials) Name() string {
	if cn := c.Certificate.Subject.CommonName; cn != "" {
		return cn
	}
	return c.Certificate.Subject.String()
}

// Check verifies that the key matches the certificate and that the certificate is valid at t.
func (c *Credentials) Check(t time.Time) error {
	if err := c.checkKey(); err != nil {
		return err
	}
	cert := c.Certificate
	if t.Before(cert.NotBefore) || t.After(cert.NotAfter) {
		return fmt.Errorf("certificate of %s is valid from %s to %s, not at %s: %w", cert.Subject,
			cert.NotBefore.UTC().Format(time.RFC3339), cert.NotAfter.UTC().Format(time.RFC3339),
			t.UTC().Format(time.RFC3339), ErrCertificateTime)
	}
	return nil
}

// checkKey reports whether the signer's public key is the certificate's.
func (c *Credentials) checkKey() error {
	pub, ok := c.Signer.Public().(interface{ Equal(crypto.PublicKey) bool })
	if !ok || !pub.Equal(c.Certificate.PublicKey) {
		return fmt.Errorf("certificate of %s: %w", c.Certificate.Subject, ErrKeyMismatch)
	}
	return nil
}

// parseKey decodes the first private key block of a PEM file.
func parseKey(data []byte) (crypto.Signer, error) {
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			return nil, errors.New("key: no PEM private key found")
		}
		var key any
		var err error
		switch block.Type {
		case "PRIVATE KEY":
			key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
		case "RSA PRIVATE KEY":
			key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
		case "EC PRIVATE KEY":
			key, err = x509.ParseECPrivateKey(block.Bytes)
		case "ENCRYPTED PRIVATE KEY":
			return nil, fmt.Errorf("key: encrypted PEM keys are %w; decrypt it (openssl pkey -in KEY -out PLAIN) or use --p12", ErrUnsupported)
		default:
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("key: %w", err)
		}
		signer, err := asSigner(key)
		if err != nil {
			return nil, fmt.Errorf("key: %w", err)
		}
		return signer, nil
	}
}

// asSigner accepts RSA and ECDSA private keys.
func asSigner(key any) (crypto.Signer, error) {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		return k, nil
	case *ecdsa.PrivateKey:
		return k, nil
	}
	return nil, fmt.Errorf("%T keys are %w (use RSA or ECDSA)", key, ErrUnsupported)
}

// parseCertificates decodes every CERTIFICATE block of a PEM file, in order.
func parseCertificates(data []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("certificate %d: %w", len(certs)+1, err)
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		return nil, errors.New("certificate: no PEM certificate found")
	}
	return certs, nil
}
