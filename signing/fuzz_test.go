package signing_test

import (
	"testing"

	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/signing"
	"github.com/cwo-tool/cwo/signing/signingtest"
)

// FuzzVerify checks that Verify never panics, whatever the bytes: malformed input must give an
// error.
func FuzzVerify(f *testing.F) {
	f.Add(signingtest.PlainPDF("x"))
	f.Add(handMadeAgreement())
	f.Add([]byte("%PDF-1.7\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := signing.Verify(data)
		if err == nil && r == nil {
			t.Fatal("Verify returned neither a report nor an error")
		}
	})
}

// FuzzSign checks that Sign never panics and that whatever it signs verifies.
func FuzzSign(f *testing.F) {
	f.Add(handMadeAgreement(), "witness")
	f.Add(signingtest.PlainPDF("x"), pdfupdate.FieldContractor)
	ca := signingtest.NewCA(f, "Fuzz CA")
	id := ca.Issue(f, "Fuzz", signingtest.Options{})
	c := &signing.Credentials{Signer: id.Key, Certificate: id.Cert}
	f.Fuzz(func(t *testing.T, data []byte, field string) {
		signed, err := signing.Sign(data, c, signing.Options{Field: field})
		if err != nil {
			return
		}
		r, err := signing.Verify(signed)
		if err != nil {
			t.Fatalf("Verify(Sign(data)): %v", err)
		}
		for _, s := range r.Signatures {
			if s.Field == field && !s.Valid {
				t.Fatalf("Verify(Sign(data)): %s: %s", field, s.Problem)
			}
		}
	})
}
