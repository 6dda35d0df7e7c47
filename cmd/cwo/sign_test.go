package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/signing/signingtest"
)

// signFixture is a rendered agreement and throwaway credentials for both parties, all in one
// temporary folder. The contractor has an ECDSA PEM key; the funder an ECDSA (or, with rsa,
// RSA-2048) key in a PKCS#12 file protected by the password in funderPass.
type signFixture struct {
	dir, workspace, pdf              string
	contractorKey, contractorCert    string
	funderP12, funderPass, wrongPass string
	ca                               *signingtest.CA
}

func newSignFixture(t *testing.T, rsa bool) *signFixture {
	t.Helper()
	f := &signFixture{dir: t.TempDir(), workspace: baseCopy(t), ca: signingtest.NewCA(t, "cwo test CA")}
	out := filepath.Join(f.dir, "out")
	if code, stdout, stderr := cwoRun(t, "render", f.workspace, "--out", out, "--only", "agreements"); code != 0 {
		t.Fatalf("cwo render = %d\n%s%s", code, stdout, stderr)
	}
	f.pdf = filepath.Join(out, "agreements", "O-1-v1.pdf")
	f.contractorKey, f.contractorCert = f.ca.Issue(t, "Alex Morgan", signingtest.Options{}).WritePEM(t, f.dir, "contractor")
	opt := signingtest.Options{}
	if rsa {
		opt.RSABits = 2048
	}
	f.funderP12 = f.ca.Issue(t, "Jane Doe", opt).WriteP12(t, f.dir, "funder", "s3cret")
	f.funderPass, f.wrongPass = filepath.Join(f.dir, "funder.pass"), filepath.Join(f.dir, "wrong.pass")
	os.WriteFile(f.funderPass, []byte("s3cret\n"), 0o600)
	os.WriteFile(f.wrongPass, []byte("guess\n"), 0o600)
	return f
}

// signBoth signs the agreement as contractor, then as funder, and returns the final file.
func (f *signFixture) signBoth(t *testing.T) string {
	t.Helper()
	code, out, errOut := cwoRun(t, "sign", f.pdf, "--key", f.contractorKey, "--cert", f.contractorCert, "--reason", "I agree")
	if code != 0 {
		t.Fatalf("cwo sign contractor = %d\n%s%s", code, out, errOut)
	}
	one := strings.TrimSuffix(f.pdf, ".pdf") + ".signed-contractor.pdf"
	code, out, errOut = cwoRun(t, "sign", one, "--field", pdfupdate.FieldFunder, "--p12", f.funderP12, "--password-file", f.funderPass)
	if code != 0 {
		t.Fatalf("cwo sign funder = %d\n%s%s", code, out, errOut)
	}
	return strings.TrimSuffix(f.pdf, ".pdf") + ".signed-contractor-funder.pdf"
}

func TestSignAndVerify(t *testing.T) {
	f := newSignFixture(t, true)
	unsigned := readFile(t, f.pdf)
	signed := f.signBoth(t)
	if !bytes.Equal(readFile(t, f.pdf), unsigned) {
		t.Fatal("cwo sign changed its input")
	}
	if !bytes.HasPrefix(readFile(t, signed), unsigned) {
		t.Fatal("the unsigned agreement is not a prefix of the signed one")
	}
	code, out, errOut := cwoRun(t, "verify", signed, "--workspace", f.workspace, "--require-all")
	if code != 0 {
		t.Fatalf("cwo verify = %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"order: O-1 version 1", "contractor: valid signature", "signer:   CN=Alex Morgan,O=cwo test",
		"reason:   I agree", "funder: valid signature", "signer:   CN=Jane Doe,O=cwo test", "(the whole file)",
		"after the last signature: nothing appended", "matches order O-1 version 1", "result: ok"} {
		if !strings.Contains(out, want) {
			t.Errorf("cwo verify output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = cwoRun(t, "verify", signed, "--json")
	var res struct {
		OK         bool
		Signatures []struct {
			Field, Signer string
			Valid         bool
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 || !res.OK || len(res.Signatures) != 2 || !res.Signatures[1].Valid {
		t.Errorf("cwo verify --json = %d, %v, %+v\n%s", code, err, res, out)
	}
	checkPdfsig(t, signed, 2)
}

// checkPdfsig runs poppler's pdfsig on path and requires n signatures, each valid.
func checkPdfsig(t *testing.T, path string, n int) {
	t.Helper()
	if _, err := exec.LookPath("pdfsig"); err != nil {
		t.Skip("pdfsig (poppler-utils) is not installed")
	}
	out, _ := exec.Command("pdfsig", "-nocert", path).CombinedOutput()
	if got := strings.Count(string(out), "Signature Validation: Signature is Valid."); got != n {
		t.Errorf("pdfsig reports %d valid signatures, want %d:\n%s", got, n, out)
	}
}

func TestVerifyDetectsTampering(t *testing.T) {
	f := newSignFixture(t, false)
	signed := f.signBoth(t)
	data := readFile(t, signed)
	tests := []struct {
		name string
		edit func(path string)
		args []string
		want []string
	}{
		{"byte flipped in the signed range", func(p string) { os.WriteFile(p, signingtest.FlipStreamByte(data), 0o644) }, nil,
			[]string{"contractor: INVALID signature: the signed bytes were changed", "funder: INVALID signature", "result: FAILED"}},
		{"update appended after signing", func(p string) { os.WriteFile(p, signingtest.AppendUpdate(data), 0o644) }, nil,
			[]string{"contractor: valid signature", "after the last signature: MODIFIED:", "(1 update) appended after byte", "result: FAILED"}},
		{"order edited after rendering", func(p string) { os.WriteFile(p, data, 0o644); editOrder(t, f.workspace) },
			[]string{"--workspace", f.workspace}, []string{"funder: valid signature", "MISMATCH: order O-1 changed since this agreement was rendered", "result: FAILED"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "copy.pdf")
			tt.edit(path)
			code, out, errOut := cwoRun(t, append([]string{"verify", path}, tt.args...)...)
			if code != 1 {
				t.Errorf("cwo verify = %d, want 1\n%s%s", code, out, errOut)
			}
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("cwo verify output lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

// editOrder changes order O-1's title in the workspace.
func editOrder(t *testing.T, workspace string) {
	t.Helper()
	path := filepath.Join(workspace, "orders", "O-1.yaml")
	data := readFile(t, path)
	if err := os.WriteFile(path, bytes.Replace(data, []byte("title: Faster NumPy"), []byte("title: Much Faster NumPy"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSignRefuses(t *testing.T) {
	f := newSignFixture(t, false)
	expiredKey, expiredCert := f.ca.Issue(t, "Old", signingtest.Options{NotBefore: time.Now().AddDate(-2, 0, 0), NotAfter: time.Now().AddDate(-1, 0, 0)}).WritePEM(t, f.dir, "expired")
	otherKey, _ := f.ca.Issue(t, "Other", signingtest.Options{}).WritePEM(t, f.dir, "other")
	plain := filepath.Join(f.dir, "invoice.pdf")
	os.WriteFile(plain, signingtest.PlainPDF("An invoice"), 0o644)
	pem := []string{"--key", f.contractorKey, "--cert", f.contractorCert}
	tests := []struct {
		name string
		file string
		args []string
		code int
		want string
	}{
		{"wrong password", f.pdf, []string{"--p12", f.funderP12, "--password-file", f.wrongPass}, 1, "wrong password"},
		{"key does not match certificate", f.pdf, []string{"--key", otherKey, "--cert", f.contractorCert}, 1, "private key does not match the certificate"},
		{"expired certificate", f.pdf, []string{"--key", expiredKey, "--cert", expiredCert}, 1, "certificate is not valid at the signing time"},
		{"unknown field", f.pdf, append([]string{"--field", "witness"}, pem...), 1, `"witness" (the agreement has "contractor", "funder"): no such signature field`},
		{"not an agreement", plain, pem, 1, "not a cwo agreement"},
		{"no key", f.pdf, nil, 2, "give --key and --cert (PEM), or --p12"},
		{"PEM and PKCS#12", f.pdf, append([]string{"--p12", f.funderP12}, pem...), 2, "not both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := readFile(t, tt.file)
			code, out, errOut := cwoRun(t, append([]string{"sign", tt.file}, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("cwo sign = %d, %q; want %d and %q\n%s", code, errOut, tt.code, tt.want, out)
			}
			if !bytes.Equal(readFile(t, tt.file), before) {
				t.Error("the input file changed")
			}
			if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(tt.file), "*.signed-*")); len(matches) > 0 {
				t.Errorf("a failed sign wrote %v", matches)
			}
		})
	}
}

func TestSignOutput(t *testing.T) {
	f := newSignFixture(t, false)
	pem := []string{"--key", f.contractorKey, "--cert", f.contractorCert}
	target := filepath.Join(f.dir, "signed.pdf")
	os.WriteFile(target, []byte("keep me"), 0o644)
	if code, _, errOut := cwoRun(t, append([]string{"sign", f.pdf, "--out", target}, pem...)...); code != 1 || !strings.Contains(errOut, "use --force") {
		t.Errorf("cwo sign over an existing file = %d, %q; want 1 and a refusal", code, errOut)
	}
	if string(readFile(t, target)) != "keep me" {
		t.Error("the existing output was overwritten without --force")
	}
	unsigned := readFile(t, f.pdf)
	if code, out, errOut := cwoRun(t, append([]string{"sign", f.pdf, "--out", f.pdf}, pem...)...); code != 0 {
		t.Fatalf("cwo sign --out FILE (in place) = %d\n%s%s", code, out, errOut)
	}
	if got := readFile(t, f.pdf); !bytes.HasPrefix(got, unsigned) || len(got) == len(unsigned) {
		t.Error("signing in place did not append a signature to the file")
	}
	if tmp, _ := filepath.Glob(filepath.Join(filepath.Dir(f.pdf), ".*.tmp")); len(tmp) > 0 {
		t.Errorf("temporary files left behind: %v", tmp)
	}
}

func TestSignWithTimestamp(t *testing.T) {
	f := newSignFixture(t, false)
	tsa := f.ca.TSA(t)
	out := filepath.Join(f.dir, "stamped.pdf")
	code, stdout, errOut := cwoRun(t, "sign", f.pdf, "--key", f.contractorKey, "--cert", f.contractorCert, "--tsa", tsa.URL, "--out", out)
	if code != 0 {
		t.Fatalf("cwo sign --tsa = %d\n%s%s", code, stdout, errOut)
	}
	code, stdout, _ = cwoRun(t, "verify", out)
	if code != 0 || !strings.Contains(stdout, "timestamp: ") || !strings.Contains(stdout, "funder: not signed") {
		t.Errorf("cwo verify of a timestamped, half-signed agreement = %d:\n%s", code, stdout)
	}
	if code, stdout, _ = cwoRun(t, "verify", out, "--require-all"); code != 1 || !strings.Contains(stdout, "the funder field is not signed") {
		t.Errorf("cwo verify --require-all of a half-signed agreement = %d, want 1:\n%s", code, stdout)
	}
	checkPdfsig(t, out, 1)
}

func TestSignedName(t *testing.T) {
	for _, tt := range []struct{ file, field, want string }{
		{"out/O-1-v1.pdf", pdfupdate.FieldContractor, "out/O-1-v1.signed-contractor.pdf"},
		{"out/O-1-v1.signed-contractor.pdf", pdfupdate.FieldFunder, "out/O-1-v1.signed-contractor-funder.pdf"},
		{"a.signed-x/O-1.pdf", pdfupdate.FieldFunder, "a.signed-x/O-1.signed-funder.pdf"},
	} {
		if got := signedName(tt.file, tt.field); got != tt.want {
			t.Errorf("signedName(%q, %q) = %q, want %q", tt.file, tt.field, got, tt.want)
		}
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
