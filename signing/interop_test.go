package signing_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/signing"
	"github.com/cwo-tool/cwo/signing/signingtest"
)

// TestVerifyOpenSSLSignatures inserts CMS signatures made by `openssl cms -sign` into the funder
// field: DER and BER (indefinite lengths, which end in end-of-contents octets), with and without
// signed attributes. Verify must accept each, as other validators do.
func TestVerifyOpenSSLSignatures(t *testing.T) {
	bin, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl is not installed")
	}
	ca := signingtest.NewCA(t, "OpenSSL CA")
	id := ca.Issue(t, "Jane Doe", signingtest.Options{})
	dir := t.TempDir()
	keyPath, certPath := id.WritePEM(t, dir, "jane")
	c := &signing.Credentials{Signer: id.Key, Certificate: id.Cert}
	for _, tc := range []struct {
		name  string
		flags []string
		ber   bool // the blob uses indefinite lengths
	}{
		{"DER", nil, false},
		{"DER without signed attributes", []string{"-noattr"}, false},
		{"BER streamed", []string{"-stream"}, true},
		{"BER streamed without signed attributes", []string{"-stream", "-noattr"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var blob []byte
			cms := func(content []byte) ([]byte, error) {
				in := filepath.Join(dir, "content")
				if err := os.WriteFile(in, content, 0o600); err != nil {
					return nil, err
				}
				args := append([]string{"cms", "-sign", "-binary", "-md", "sha256", "-in", in, "-signer", certPath,
					"-inkey", keyPath, "-outform", "DER"}, tc.flags...)
				out, err := exec.Command(bin, args...).Output()
				blob = out
				return out, err
			}
			signed, err := signing.SignWith(agreement(t), c, signing.Options{Field: pdfupdate.FieldFunder}, cms)
			if err != nil {
				t.Fatal(err)
			}
			if indefinite := len(blob) > 1 && blob[1] == 0x80; indefinite != tc.ber {
				t.Fatalf("openssl wrote indefinite lengths: %v, want %v (the test does not test what it says)", indefinite, tc.ber)
			}
			checkFunderValid(t, signed)
		})
	}
}

// TestVerifyPdfsigSignature signs the funder field with poppler's pdfsig (NSS, as Okular does),
// after cwo signed as contractor. NSS writes BER with indefinite lengths.
func TestVerifyPdfsigSignature(t *testing.T) {
	for _, tool := range []string{"pdfsig", "certutil", "pk12util"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (poppler-utils, libnss3-tools)", tool)
		}
	}
	dir := t.TempDir()
	ca := signingtest.NewCA(t, "NSS CA")
	id := ca.Issue(t, "Jane Doe", signingtest.Options{RSABits: 2048})
	p12 := id.WriteP12(t, dir, "jane", "pw")
	nss := "sql:" + filepath.Join(dir, "nss")
	run(t, "mkdir", "-p", filepath.Join(dir, "nss"))
	run(t, "certutil", "-N", "-d", nss, "--empty-password")
	run(t, "pk12util", "-i", p12, "-d", nss, "-W", "pw")
	one, err := signing.Sign(agreement(t), creds(t, ca, "Alex Morgan", signingtest.Options{}), signing.Options{Field: pdfupdate.FieldContractor})
	if err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "one.pdf"), filepath.Join(dir, "two.pdf")
	if err := os.WriteFile(in, one, 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, "pdfsig", "-nssdir", nss, "-nick", "Jane Doe - cwo test", // the friendly name WriteP12 gives
		"-sign", pdfupdate.FieldFunder, in, out)
	two, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	r := checkFunderValid(t, two)
	if c := r.Signatures[0]; !c.Valid || len(c.ChangedAfter) > 0 {
		t.Errorf("contractor = %+v, want valid, with pdfsig's update allowed", c)
	}
}

// checkFunderValid verifies data and requires the funder's signature to be valid and the
// report to be OK.
func checkFunderValid(t *testing.T, data []byte) *signing.Report {
	t.Helper()
	r, err := signing.Verify(data)
	if err != nil {
		t.Fatal(err)
	}
	f := r.Signatures[1]
	if f.Field != pdfupdate.FieldFunder || !f.Valid || !r.OK() {
		t.Fatalf("funder = %+v, report OK %v; want a valid funder signature", f, r.OK())
	}
	return r
}

// run runs a command and fails the test with its output when it fails.
func run(t *testing.T, name string, args ...string) {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil && !strings.Contains(string(out), "NSS_Shutdown") {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}
