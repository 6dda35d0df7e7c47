package signing_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/signing"
	"github.com/cwo-tool/cwo/signing/signingtest"
)

// signedTwice signs the test agreement as contractor, then as funder.
func signedTwice(t *testing.T) (one, two []byte) {
	t.Helper()
	ca := signingtest.NewCA(t, "Test CA")
	one, err := signing.Sign(agreement(t), creds(t, ca, "Alex Morgan", signingtest.Options{}), signing.Options{Field: pdfupdate.FieldContractor})
	if err != nil {
		t.Fatal(err)
	}
	two, err = signing.Sign(one, creds(t, ca, "Jane Doe", signingtest.Options{}), signing.Options{Field: pdfupdate.FieldFunder})
	if err != nil {
		t.Fatal(err)
	}
	return one, two
}

func TestVerifyUnsigned(t *testing.T) {
	r, err := signing.Verify(agreement(t))
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || r.SignedUpTo != 0 || r.Appended != nil || len(r.Signatures) != 2 {
		t.Fatalf("Verify(unsigned) = %+v, want OK with two unsigned fields", r)
	}
	for _, s := range r.Signatures {
		if s.Signed || s.Valid {
			t.Errorf("unsigned field %s reported as %+v", s.Field, s)
		}
	}
}

func TestVerifyTampered(t *testing.T) {
	one, two := signedTwice(t)
	t.Run("byte flipped in the signed range", func(t *testing.T) {
		r, err := signing.Verify(signingtest.FlipStreamByte(two))
		if err != nil {
			t.Fatal(err)
		}
		if r.OK() {
			t.Fatal("Verify(tampered) is OK")
		}
		for _, s := range r.Signatures {
			if s.Valid || !strings.Contains(s.Problem, "changed after signing") {
				t.Errorf("%s: valid %v, problem %q; want invalid, changed after signing", s.Field, s.Valid, s.Problem)
			}
		}
	})
	t.Run("update appended after the last signature", func(t *testing.T) {
		r, err := signing.Verify(signingtest.AppendUpdate(two))
		if err != nil {
			t.Fatal(err)
		}
		if r.OK() || r.Appended == nil || r.Appended.Revisions != 1 || r.SignedUpTo != len(two) {
			t.Fatalf("Verify(appended) = %+v / %+v, want one appended revision after byte %d", r, r.Appended, len(two))
		}
		for _, s := range r.Signatures {
			if !s.Valid {
				t.Errorf("%s: %s; the signatures themselves are still valid", s.Field, s.Problem)
			}
		}
	})
	t.Run("changed, then signed by the other party", func(t *testing.T) {
		info := signingtest.InfoObject(one)
		changed := signingtest.ReplaceObject(one, info, "<< /Title (Faster NumPy: Community Work Order O-1 v1) /Keywords (Community Work Order, O-1, fingerprint "+strings.Repeat("0", 64)+") >>")
		ca := signingtest.NewCA(t, "Other CA")
		two, err := signing.Sign(changed, creds(t, ca, "Mallory", signingtest.Options{}), signing.Options{Field: pdfupdate.FieldFunder})
		if err != nil {
			t.Fatal(err)
		}
		r, err := signing.Verify(two)
		if err != nil {
			t.Fatal(err)
		}
		c := r.Signatures[0]
		want := "the document information (/Info): /Author, /CreationDate, /Creator, /Keywords, /ModDate, /Producer, /Subject, /Title changed"
		if r.OK() || r.Appended != nil || !c.Valid || len(c.ChangedAfter) != 1 || c.ChangedAfter[0].What != want {
			t.Errorf("Verify = OK %v, contractor %+v; want not OK, %q after the contractor signed (object %d)", r.OK(), c, want, info)
		}
		if f := r.Signatures[1]; !f.Valid || len(f.ChangedAfter) > 0 {
			t.Errorf("funder = %+v, want valid and unmodified", f)
		}
	})
	t.Run("second signature keeps the first valid", func(t *testing.T) {
		r, err := signing.Verify(one)
		if err != nil {
			t.Fatal(err)
		}
		if !r.OK() || !r.Signatures[0].Valid || !r.Signatures[0].WholeDocument || r.Signatures[1].Signed {
			t.Errorf("Verify(contractor only) = %+v", r.Signatures)
		}
		r, err = signing.Verify(two)
		if err != nil || !r.OK() || len(r.Signatures[0].ChangedAfter) > 0 || r.Signatures[0].Unchecked != "" {
			t.Errorf("Verify(contractor only) = %+v", r.Signatures)
		}
	})
}

func TestVerifyNotAgreement(t *testing.T) {
	for name, data := range map[string][]byte{"plain PDF": signingtest.PlainPDF("x"), "text": []byte("%PDF-1.4 hello")} {
		if _, err := signing.Verify(data); !errors.Is(err, signing.ErrNotAgreement) {
			t.Errorf("Verify(%s): %v, want ErrNotAgreement", name, err)
		}
	}
}

func TestVerifyMalformedDoesNotHang(t *testing.T) {
	// Inputs that sent the PDF reader signing once used (digitorus/pdf) into an endless loop.
	unclosed := strings.Replace(string(handMadeAgreement()), "/Fields [6 0 R]", "/Fields [6%0 R]", 1)
	noEOF := append(signingtest.PlainPDF("x"), bytes.Repeat([]byte(" "), 4<<20)...) // the reader searches for %%EOF in quadratic time
	noEOF = bytes.Replace(noEOF, []byte("%%EOF"), []byte("%%EOX"), 1)
	for name, data := range map[string][]byte{"array open at endobj": []byte(unclosed), "4 MB without %%EOF": noEOF} {
		done := make(chan error, 1)
		go func() { _, err := signing.Verify(data); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, signing.ErrNotAgreement) {
				t.Errorf("Verify(%s): %v, want ErrNotAgreement", name, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Verify(%s) did not return", name)
		}
	}
}
