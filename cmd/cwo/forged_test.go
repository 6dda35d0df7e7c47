package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/pdfupdate"
	renderpdf "github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/signing/signingtest"
)

// TestVerifyForgedContent forges the agreement's page 2 (a word of a clause changed) while
// keeping the fingerprint that the metadata and every footer carry, has the contractor sign the
// forgery, and requires verify --workspace, which renders the agreement again, to fail naming
// page 2: once with the forgery as an update before the signature, once with the forgery
// rewritten into a single revision by qpdf.
func TestVerifyForgedContent(t *testing.T) {
	f := newSignFixture(t, false)
	forged := forgePage(t, readFile(t, f.pdf), 2)
	cases := []struct {
		name string
		make func(path string)
		want string
	}{
		{"forged in an update before the signature", func(path string) {
			os.WriteFile(path, forged, 0o644)
		}, "after rendering, revision 3: the content of page 2: /Filter, /Length changed"},
		{"forged file in one revision", func(path string) {
			if _, err := exec.LookPath("qpdf"); err != nil {
				t.Skip("qpdf is not installed")
			}
			in := path + ".in"
			os.WriteFile(in, forged, 0o644)
			if out, err := exec.Command("qpdf", in, path).CombinedOutput(); err != nil {
				t.Fatalf("qpdf: %v\n%s", err, out)
			}
		}, "page 2 differs from the agreement the workspace renders"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(f.dir, fmt.Sprintf("forged-%d.pdf", i))
			tc.make(path)
			signed := path + ".signed"
			if code, out, errOut := cwoRun(t, "sign", path, "--key", f.contractorKey, "--cert", f.contractorCert, "--out", signed); code != 0 {
				t.Fatalf("cwo sign = %d\n%s%s", code, out, errOut)
			}
			code, out, errOut := cwoRun(t, "verify", signed, "--workspace", f.workspace)
			for _, want := range []string{"contractor: valid signature", "MISMATCH: the fingerprint matches, but the file is not the agreement the workspace renders: " + tc.want} {
				if code != 1 || !strings.Contains(out, want) {
					t.Errorf("cwo verify = %d, output lacks %q:\n%s%s", code, want, out, errOut)
				}
			}
			if strings.Contains(out, "page 1") || strings.Contains(out, "page 3") {
				t.Errorf("cwo verify names pages that were not forged:\n%s", out)
			}
		})
	}
}

// forgePage returns pdf followed by an update that rewrites page n's content with the first
// "this" of its text changed to "that" (the text is shown as UTF-16 strings: the fonts map each
// character to its Unicode code point).
func forgePage(t *testing.T, pdf []byte, n int) []byte {
	t.Helper()
	doc, err := pdfupdate.Open(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := doc.Pages()
	if err != nil || len(pages) < n {
		t.Fatalf("page %d: %v", n, err)
	}
	content, err := doc.PageContent(pages[n-1])
	if err != nil {
		t.Fatal(err)
	}
	// Text is drawn as glyph IDs: change the first "i" of the page into an "a".
	glyph := func(s string) []byte {
		g := renderpdf.DefaultFonts().Style(renderpdf.Regular).Shape(s).Runs[0].Glyphs[0].ID
		return fmt.Appendf(nil, "<%04X>", g)
	}
	changed := bytes.Replace(content, glyph("i"), glyph("a"), 1)
	if bytes.Equal(changed, content) {
		t.Fatalf("page %d shows no letter \"i\" to change", n)
	}
	id, _ := pages[n-1].Key("Contents").ID()
	return signingtest.ReplaceObject(pdf, id, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(changed), changed))
}
