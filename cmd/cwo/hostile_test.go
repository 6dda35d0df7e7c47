package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/signing/signingtest"
)

// TestHostilePDFs gives sign and verify files made to exhaust them: each must end in time with
// exit code 1 and a message, not crash, hang or read the file whole.
func TestHostilePDFs(t *testing.T) {
	f := newSignFixture(t, false)
	pdf, err := os.ReadFile(f.pdf)
	if err != nil {
		t.Fatal(err)
	}
	const depth = 2_000_000
	nested := strings.Repeat("[", depth) + strings.Repeat("]", depth)
	cases := []struct {
		name string
		make func(path string) error
		want string // in the error output of both commands
	}{
		{"catalog nested 2,000,000 levels deep", func(path string) error {
			return os.WriteFile(path, signingtest.ReplaceObject(pdf, objectNum(t, pdf, "Root"), "<< /Type /Catalog /X "+nested+" >>"), 0o644)
		}, "not a cwo agreement"},
		{"signature field nested 2,000,000 levels deep", func(path string) error {
			return os.WriteFile(path, signingtest.ReplaceObject(pdf, fieldNum(t, pdf), "<< /FT /Sig /T (contractor) /V "+nested+" >>"), 0o644)
		}, "not a cwo agreement"},
		{"file of 2 GiB", func(path string) error {
			return os.Truncate(path, 2<<30)
		}, "is larger than 256 MiB"},
		{"FIFO", func(path string) error {
			return syscall.Mkfifo(path, 0o644)
		}, "not a regular file (a FIFO): only PDF files are read"},
		{"folder", func(path string) error {
			return os.Mkdir(path, 0o755)
		}, "not a regular file (a folder): only PDF files are read"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(f.dir, fmt.Sprintf("hostile-%d.pdf", i))
			if tc.name == "file of 2 GiB" {
				os.WriteFile(path, pdf, 0o644) // a real agreement at the start, then zeros
			}
			if err := tc.make(path); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"verify", path},
				{"sign", path, "--key", f.contractorKey, "--cert", f.contractorCert, "--out", path + ".signed"},
			} {
				code, out, errOut := runWithin(t, 20*time.Second, args...)
				if code != 1 || !strings.Contains(errOut, tc.want) {
					t.Errorf("cwo %s = %d\n%s%s\nwant exit code 1 and %q", args[0], code, out, errOut, tc.want)
				}
			}
		})
	}
}

// TestVerifyHugeLength replaces the signed agreement's first content stream with one whose
// /Length claims 100 GB: verify reads no further than the file and names the change.
func TestVerifyHugeLength(t *testing.T) {
	f := newSignFixture(t, false)
	if code, out, errOut := cwoRun(t, "sign", f.pdf, "--key", f.contractorKey, "--cert", f.contractorCert); code != 0 {
		t.Fatalf("cwo sign = %d\n%s%s", code, out, errOut)
	}
	signed := strings.TrimSuffix(f.pdf, ".pdf") + ".signed-contractor.pdf"
	data, err := os.ReadFile(signed)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdfupdate.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := doc.Pages()
	if err != nil {
		t.Fatal(err)
	}
	content, _ := pages[0].Key("Contents").ID()
	hostile := filepath.Join(f.dir, "huge-length.pdf")
	os.WriteFile(hostile, signingtest.ReplaceObject(data, content, "<< /Length 99999999999 >>\nstream\nq Q\nendstream"), 0o644)
	code, out, errOut := runWithin(t, 20*time.Second, "verify", hostile)
	if code != 1 || !strings.Contains(out, "CHANGED:  revision 4: the content of page 1: /Filter, /Length changed") {
		t.Errorf("cwo verify = %d\n%s%s\nwant exit code 1 naming the content of page 1", code, out, errOut)
	}
}

// runWithin runs cwo in-process and fails the test if it has not returned within d.
func runWithin(t *testing.T, d time.Duration, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code        int
		out, errOut string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(t.Context(), args, &out, &errb)
		done <- result{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.errOut
	case <-time.After(d):
		t.Fatalf("cwo %s did not return within %s", strings.Join(args, " "), d)
		return 0, "", ""
	}
}

// objectNum returns the object number the trailer of pdf gives for key ("Root", "Info").
func objectNum(t *testing.T, pdf []byte, key string) int {
	t.Helper()
	doc, err := pdfupdate.Open(pdf)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := doc.Trailer().Key(key).ID()
	return n
}

// fieldNum returns the object number of the contractor's signature field.
func fieldNum(t *testing.T, pdf []byte) int {
	t.Helper()
	doc, err := pdfupdate.Open(pdf)
	if err != nil {
		t.Fatal(err)
	}
	fields := doc.Trailer().Key("Root").Key("AcroForm").Key("Fields")
	for i := range fields.Len() {
		if fl := fields.Index(i); fl.Key("T").Text() == pdfupdate.FieldContractor {
			n, _ := fl.ID()
			return n
		}
	}
	t.Fatal("no contractor field")
	return 0
}
