// Package signingtest makes throwaway certificate authorities and signing identities for tests,
// so that no private key is ever committed. Keys are ECDSA P-256 unless RSA is asked for.
package signingtest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// CA is a self-signed certificate authority.
type CA struct {
	Cert *x509.Certificate
	Key  crypto.Signer
}

// Identity is a key and the certificate a CA issued for it.
type Identity struct {
	Cert *x509.Certificate
	Key  crypto.Signer
	CA   *CA
}

// Options change the identity Issue makes.
type Options struct {
	RSABits   int       // RSA key of this size instead of ECDSA P-256
	NotBefore time.Time // default: an hour ago
	NotAfter  time.Time // default: in a year
}

// NewCA makes a CA named cn, valid from a day ago for ten years.
func NewCA(t testing.TB, cn string) *CA {
	t.Helper()
	key := ecKey(t)
	tmpl := &x509.Certificate{
		SerialNumber: serial(t), Subject: pkix.Name{CommonName: cn, Organization: []string{"cwo test"}},
		NotBefore: time.Now().Add(-24 * time.Hour), NotAfter: time.Now().AddDate(10, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	return &CA{Cert: create(t, tmpl, tmpl, key.Public(), key), Key: key}
}

// Issue makes a signing identity named cn.
func (ca *CA) Issue(t testing.TB, cn string, opt Options) *Identity {
	t.Helper()
	var key crypto.Signer = ecKey(t)
	if opt.RSABits > 0 {
		k, err := rsa.GenerateKey(rand.Reader, opt.RSABits)
		if err != nil {
			t.Fatal(err)
		}
		key = k
	}
	if opt.NotBefore.IsZero() {
		opt.NotBefore = time.Now().Add(-time.Hour)
	}
	if opt.NotAfter.IsZero() {
		opt.NotAfter = time.Now().AddDate(1, 0, 0)
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(t), Subject: pkix.Name{CommonName: cn, Organization: []string{"cwo test"}},
		NotBefore: opt.NotBefore, NotAfter: opt.NotAfter,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
	}
	return &Identity{Cert: create(t, tmpl, ca.Cert, key.Public(), ca.Key), Key: key, CA: ca}
}

// WritePEM writes name.key (PKCS#8) and name.crt (the certificate, then the CA's) into dir and
// returns their paths.
func (id *Identity) WritePEM(t testing.TB, dir, name string) (keyPath, certPath string) {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(id.Key)
	if err != nil {
		t.Fatal(err)
	}
	keyPath, certPath = filepath.Join(dir, name+".key"), filepath.Join(dir, name+".crt")
	write(t, keyPath, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
	certs := append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: id.Cert.Raw}),
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: id.CA.Cert.Raw})...)
	write(t, certPath, certs)
	return keyPath, certPath
}

// WriteCAPEM writes the CA certificate to dir/name.crt and returns its path.
func (ca *CA) WriteCAPEM(t testing.TB, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name+".crt")
	write(t, path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Cert.Raw}))
	return path
}

// WriteP12 writes name.p12, protected by password, into dir and returns its path.
func (id *Identity) WriteP12(t testing.TB, dir, name, password string) string {
	t.Helper()
	data, err := pkcs12.Modern.Encode(id.Key, id.Cert, []*x509.Certificate{id.CA.Cert}, password)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".p12")
	write(t, path, data)
	return path
}

func ecKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func serial(t testing.TB) *big.Int {
	t.Helper()
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func create(t testing.TB, tmpl, parent *x509.Certificate, pub crypto.PublicKey, signer crypto.Signer) *x509.Certificate {
	t.Helper()
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

func write(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
