package signing

import (
	"crypto"
	"crypto/sha256"
	"encoding/asn1"
	"fmt"

	"github.com/digitorus/pdfsign/sign"
	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"
)

// CMS attribute types used here.
var (
	oidSigningCertificateV2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47} // RFC 5035
	oidTimeStampToken       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14} // RFC 3161
)

// cms returns a detached PKCS#7 (CMS) SignedData over content, signed with SHA-256: the content
// type, message digest, signing time and signing-certificate-v2 attributes are signed; the
// signer's certificate and chain are included. With a TSA URL, an RFC 3161 timestamp over the
// signature is fetched and added as an unsigned attribute.
func (c *Credentials) cms(content []byte, tsaURL string) ([]byte, error) {
	sd, err := pkcs7.NewSignedData(content)
	if err != nil {
		return nil, fmt.Errorf("PKCS#7: %w", err)
	}
	sd.SetDigestAlgorithm(pkcs7.OIDDigestAlgorithmSHA256)
	certAttr, err := signingCertificateV2(c.Certificate.Raw)
	if err != nil {
		return nil, err
	}
	cfg := pkcs7.SignerInfoConfig{ExtraSignedAttributes: []pkcs7.Attribute{certAttr}}
	if err := sd.AddSignerChain(c.Certificate, c.Signer, c.Chain, cfg); err != nil {
		return nil, fmt.Errorf("PKCS#7: %w", err)
	}
	sd.Detach()
	if tsaURL != "" {
		if err := addTimestamp(sd, tsaURL); err != nil {
			return nil, err
		}
	}
	der, err := sd.Finish()
	if err != nil {
		return nil, fmt.Errorf("PKCS#7: %w", err)
	}
	return der, nil
}

// signingCertificateV2 returns the ESS signing-certificate-v2 attribute (SHA-256 of the
// signer's certificate), which binds the certificate to the signature as PAdES requires.
func signingCertificateV2(cert []byte) (pkcs7.Attribute, error) {
	type essCertIDv2 struct{ CertHash []byte } // hashAlgorithm defaults to SHA-256
	type signingCertificate struct{ Certs []essCertIDv2 }
	sum := sha256.Sum256(cert)
	der, err := asn1.Marshal(signingCertificate{Certs: []essCertIDv2{{CertHash: sum[:]}}})
	if err != nil {
		return pkcs7.Attribute{}, fmt.Errorf("signing-certificate attribute: %w", err)
	}
	return pkcs7.Attribute{Type: oidSigningCertificateV2, Value: asn1.RawValue{FullBytes: der}}, nil
}

// addTimestamp asks the time-stamping authority at url to timestamp the signature value and
// stores the token in the signer info, using pdfsign's RFC 3161 client.
func addTimestamp(sd *pkcs7.SignedData, url string) error {
	si := &sd.GetSignedData().SignerInfos[0]
	client := &sign.SignContext{SignData: sign.SignData{DigestAlgorithm: crypto.SHA256, TSA: sign.TSA{URL: url}}}
	resp, err := client.GetTSA(si.EncryptedDigest)
	if err != nil {
		return fmt.Errorf("timestamp from %s: %w", url, err)
	}
	ts, err := timestamp.ParseResponse(resp)
	if err != nil {
		return fmt.Errorf("timestamp from %s: %w", url, err)
	}
	attr := pkcs7.Attribute{Type: oidTimeStampToken, Value: asn1.RawValue{FullBytes: ts.RawToken}}
	if err := si.SetUnauthenticatedAttributes([]pkcs7.Attribute{attr}); err != nil {
		return fmt.Errorf("timestamp: %w", err)
	}
	return nil
}
