package signing_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/signing"
	"github.com/cwo-tool/cwo/signing/signingtest"
	"github.com/digitorus/pdfsign/verify"
)

func TestSignContractorThenFunder(t *testing.T) {
	unsigned := agreement(t)
	ca := signingtest.NewCA(t, "Test CA")
	opt := signing.Options{Field: pdfupdate.FieldContractor, Reason: "I agree (fully)", Location: "Zürich"}
	one, err := signing.Sign(unsigned, creds(t, ca, "Alex Morgan", signingtest.Options{}), opt)
	if err != nil {
		t.Fatalf("sign contractor: %v", err)
	}
	two, err := signing.Sign(one, creds(t, ca, "Jane Dœ", signingtest.Options{RSABits: 2048}), signing.Options{Field: pdfupdate.FieldFunder})
	if err != nil {
		t.Fatalf("sign funder: %v", err)
	}
	if !bytes.HasPrefix(one, unsigned) || !bytes.HasPrefix(two, one) {
		t.Fatal("a signed file does not start with the bytes it signed")
	}
	r, err := signing.Verify(two)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || r.Appended != nil || r.OrderID != "O-1" || r.Version != 1 || len(r.Fingerprint) != 64 {
		t.Fatalf("Verify = %+v, want OK for O-1 v1 with nothing appended", r)
	}
	for i, want := range []struct {
		field, signer string
		revision      int
		whole         bool
	}{{pdfupdate.FieldContractor, "CN=Alex Morgan,O=cwo test", 3, false}, {pdfupdate.FieldFunder, "CN=Jane Dœ,O=cwo test", 4, true}} {
		s := r.Signatures[i]
		if s.Field != want.field || !s.Signed || !s.Valid || s.Signer != want.signer || s.Revision != want.revision || s.WholeDocument != want.whole {
			t.Errorf("signature %d = %+v, want %s valid by %s covering revision %d", i, s, want.field, want.signer, want.revision)
		}
	}
	if s := r.Signatures[0]; s.Reason != opt.Reason || s.Location != opt.Location || time.Since(s.Time) > time.Minute {
		t.Errorf("contractor signature: reason %q, location %q, time %v", s.Reason, s.Location, s.Time)
	}
	checkPdfsign(t, two, 2)
	checkPdfsig(t, two, []string{pdfupdate.FieldContractor, pdfupdate.FieldFunder}, 2)
}

// checkPdfsign cross-checks with pdfsign's own verifier: n signers, each signature valid.
func checkPdfsign(t *testing.T, data []byte, n int) {
	t.Helper()
	opts := verify.DefaultVerifyOptions()
	opts.AllowUntrustedRoots = true
	resp, err := verify.VerifyWithOptions(bytes.NewReader(data), int64(len(data)), opts)
	if err != nil {
		t.Fatalf("pdfsign verify: %v", err)
	}
	if len(resp.Signers) != n {
		t.Fatalf("pdfsign verify found %d signers, want %d", len(resp.Signers), n)
	}
	for i, s := range resp.Signers {
		if !s.ValidSignature {
			t.Errorf("pdfsign verify: signer %d (%s) not valid: %s", i, s.Name, resp.Error)
		}
	}
}

// checkPdfsig runs poppler's pdfsig: it must list the fields in order, the signed ones with a
// valid signature, the others as not signed.
func checkPdfsig(t *testing.T, data []byte, fields []string, signed int) {
	t.Helper()
	out := pdfsig(t, data)
	sections := strings.Split(out, "Signature #")[1:]
	if len(sections) != len(fields) {
		t.Fatalf("pdfsig lists %d signature fields, want %d:\n%s", len(sections), len(fields), out)
	}
	for i, sec := range sections {
		want := "Signature Validation: Signature is Valid."
		if i >= signed {
			want = "The signature form field is not signed."
		}
		if !strings.Contains(sec, "Signature Field Name: "+fields[i]+"\n") || !strings.Contains(sec, want) {
			t.Errorf("pdfsig: field %d is not %s with %q:\n%s", i+1, fields[i], want, sec)
		}
	}
}

func TestSignWithTimestamp(t *testing.T) {
	ca := signingtest.NewCA(t, "Test CA")
	tsa := ca.TSA(t)
	signed, err := signing.Sign(agreement(t), creds(t, ca, "Alex Morgan", signingtest.Options{}), signing.Options{Field: pdfupdate.FieldContractor, TSA: tsa.URL})
	if err != nil {
		t.Fatal(err)
	}
	r, err := signing.Verify(signed)
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Signatures[0]; !s.Valid || time.Since(s.Timestamp) > time.Minute {
		t.Errorf("timestamped signature = %+v, want valid with a timestamp", s)
	}
	checkPdfsig(t, signed, []string{pdfupdate.FieldContractor, pdfupdate.FieldFunder}, 1)
}

func TestSignErrors(t *testing.T) {
	ca := signingtest.NewCA(t, "Test CA")
	good := creds(t, ca, "Alex Morgan", signingtest.Options{})
	expired := creds(t, ca, "Old", signingtest.Options{NotBefore: time.Now().AddDate(-2, 0, 0), NotAfter: time.Now().AddDate(-1, 0, 0)})
	future := creds(t, ca, "Future", signingtest.Options{NotBefore: time.Now().AddDate(0, 0, 1)})
	mismatched := &signing.Credentials{Signer: creds(t, ca, "Other", signingtest.Options{}).Signer, Certificate: good.Certificate}
	signed, err := signing.Sign(agreement(t), good, signing.Options{Field: pdfupdate.FieldContractor})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		data  []byte
		creds *signing.Credentials
		field string
		want  error
	}{
		{"unknown field", agreement(t), good, "witness", signing.ErrUnknownField},
		{"field already signed", signed, good, pdfupdate.FieldContractor, signing.ErrAlreadySigned},
		{"expired certificate", agreement(t), expired, pdfupdate.FieldContractor, signing.ErrCertificateTime},
		{"certificate not yet valid", agreement(t), future, pdfupdate.FieldContractor, signing.ErrCertificateTime},
		{"key does not match certificate", agreement(t), mismatched, pdfupdate.FieldContractor, signing.ErrKeyMismatch},
		{"plain PDF", signingtest.PlainPDF("An invoice"), good, pdfupdate.FieldContractor, signing.ErrNotAgreement},
		{"not a PDF", []byte("hello, world\n"), good, pdfupdate.FieldContractor, signing.ErrNotAgreement},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := bytes.Clone(tc.data)
			out, err := signing.Sign(tc.data, tc.creds, signing.Options{Field: tc.field})
			if !errors.Is(err, tc.want) || out != nil {
				t.Errorf("Sign = %d bytes, %v; want error %v", len(out), err, tc.want)
			}
			if !bytes.Equal(before, tc.data) {
				t.Error("Sign changed its input")
			}
		})
	}
}

func TestLoadPKCS12(t *testing.T) {
	dir := t.TempDir()
	id := signingtest.NewCA(t, "Test CA").Issue(t, "Alex Morgan", signingtest.Options{})
	data, err := os.ReadFile(id.WriteP12(t, dir, "alex", "s3cret"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := signing.LoadPKCS12(data, "wrong"); !errors.Is(err, signing.ErrWrongPassword) {
		t.Errorf("LoadPKCS12 with a wrong password: %v, want ErrWrongPassword", err)
	}
	c, err := signing.LoadPKCS12(data, "s3cret")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "Alex Morgan" || len(c.Chain) != 1 {
		t.Errorf("LoadPKCS12: name %q, chain of %d, want Alex Morgan and the CA", c.Name(), len(c.Chain))
	}
}

func TestLoadPEM(t *testing.T) {
	dir := t.TempDir()
	ca := signingtest.NewCA(t, "Test CA")
	keyA, certA := ca.Issue(t, "A", signingtest.Options{}).WritePEM(t, dir, "a")
	keyB, _ := ca.Issue(t, "B", signingtest.Options{}).WritePEM(t, dir, "b")
	read := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	c, err := signing.LoadPEM(read(keyA), read(certA))
	if err != nil || c.Name() != "A" || len(c.Chain) != 1 {
		t.Errorf("LoadPEM(a) = %+v, %v; want A with the CA as chain", c, err)
	}
	if _, err := signing.LoadPEM(read(keyB), read(certA)); !errors.Is(err, signing.ErrKeyMismatch) {
		t.Errorf("LoadPEM(b's key, a's certificate): %v, want ErrKeyMismatch", err)
	}
	if _, err := signing.LoadPEM(read(certA), read(certA)); err == nil {
		t.Error("LoadPEM with no key: no error")
	}
}
