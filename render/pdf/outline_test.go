package pdf

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/pdftest"
)

// TestAgreementOutline checks the bookmarks qpdf reads: the title, each clause with its number
// and its sub-clauses one level below, and the signatures, each on the page it names (the
// signatures on the last page).
func TestAgreementOutline(t *testing.T) {
	d := testDoc(cwo.StatusSent)
	d.Body = "## Parties\n\nThe parties.\n\n## Scope of *work*\n\n### Faster “arrays”\n\nText.\n\n### Docs\n\nMore.\n\n" +
		"## Payment\n\n" + strings.Repeat("Terms of payment, at length. ", 300) + "\n"
	path := renderDoc(t, d)
	pdftest.QPDFCheck(t, path)
	pdftest.PDFCPUValidate(t, path)
	got := outlineOf(t, path)
	last := pdfInfo(t, path)["Pages"]
	if n, _ := strconv.Atoi(last); n < 3 {
		t.Fatalf("%s pages, want the long payment clause to take three or more", last)
	}
	want := []string{
		"0 p1 Faster arrays — Phase 2", "0 p1 1. Parties", "0 p1 2. Scope of work", "1 p1 2.1 Faster “arrays”",
		"1 p1 2.2 Docs", "0 p1 3. Payment", "0 p" + last + " Signatures",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// outlineOf returns "LEVEL pPAGE TITLE" for each bookmark of the PDF at path, as qpdf reads them.
func outlineOf(t *testing.T, path string) []string {
	t.Helper()
	out, err := pdftest.Tool(t, "qpdf", "--json", "--json-key=outlines", path)
	if err != nil {
		t.Fatalf("qpdf --json: %v\n%s", err, out)
	}
	type item struct {
		Title string `json:"title"`
		Page  int    `json:"destpageposfrom1"`
		Kids  []item `json:"kids"`
	}
	var doc struct {
		Outlines []item `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var lines []string
	var walk func([]item, int)
	walk = func(items []item, level int) {
		for _, it := range items {
			lines = append(lines, fmt.Sprintf("%d p%d %s", level, it.Page, it.Title))
			walk(it.Kids, level+1)
		}
	}
	walk(doc.Outlines, 0)
	return lines
}

// TestAgreementXMPEqualsInfo checks that the XMP metadata pdfinfo -meta prints says what the
// document information says, field by field and date by date, and that the catalog's /Lang is
// English of the locale's region.
func TestAgreementXMPEqualsInfo(t *testing.T) {
	for _, tt := range []struct{ locale, lang string }{{"en-US", "en-US"}, {"en-001", "en-001"}, {"de-DE", "en-DE"}} {
		d := testDoc(cwo.StatusSent)
		d.Locale = tt.locale
		d.Contractor.Name = `Example <Labs> & "Sons"`
		path := renderDoc(t, d)
		info := pdfInfo(t, path, "-isodates")
		x := readXMP(t, path)
		pairs := [][3]string{
			{"Title", info["Title"], x.Title}, {"Author", info["Author"], x.Creator}, {"Subject", info["Subject"], x.Description},
			{"Keywords", info["Keywords"], x.Keywords}, {"Creator", info["Creator"], x.CreatorTool}, {"Producer", info["Producer"], x.Producer},
			{"Lang", tt.lang, x.Language},
		}
		for _, p := range pairs {
			if p[1] == "" || p[1] != p[2] {
				t.Errorf("%s: Info %s = %q, XMP %q; want equal and set", tt.locale, p[0], p[1], p[2])
			}
		}
		for _, p := range [][3]string{{"CreationDate", info["CreationDate"], x.CreateDate}, {"ModDate", info["ModDate"], x.ModifyDate}} {
			a, errA := time.Parse(time.RFC3339, p[1]) // both must say their offset from UT
			b, errB := time.Parse(time.RFC3339, p[2])
			if errA != nil || errB != nil || !a.Equal(b) {
				t.Errorf("%s: Info %s = %q, XMP %q; want the same instant, each with its zone", tt.locale, p[0], p[1], p[2])
			}
		}
		if info["CreationDate"] != "2026-09-15T00:00:00Z" {
			t.Errorf("CreationDate = %q, want the issued date at midnight UT", info["CreationDate"])
		}
		qdf, err := pdftest.Tool(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(qdf, []byte("/Lang ("+tt.lang+")")) {
			t.Errorf("%s: the catalog has no /Lang (%s)", tt.locale, tt.lang)
		}
	}
}

// pdfInfo returns pdfinfo's fields ("Title", "CreationDate" ...) for the PDF at path.
func pdfInfo(t *testing.T, path string, args ...string) map[string]string {
	t.Helper()
	out, err := pdftest.Tool(t, "pdfinfo", append(args, path)...)
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	fields := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			fields[k] = strings.TrimSpace(v)
		}
	}
	return fields
}

// xmpFields are the XMP properties cwo writes.
type xmpFields struct {
	Title       string `xml:"RDF>Description>title>Alt>li"`
	Creator     string `xml:"RDF>Description>creator>Seq>li"`
	Description string `xml:"RDF>Description>description>Alt>li"`
	Language    string `xml:"RDF>Description>language>Bag>li"`
	Keywords    string `xml:"RDF>Description>Keywords"`
	Producer    string `xml:"RDF>Description>Producer"`
	CreatorTool string `xml:"RDF>Description>CreatorTool"`
	CreateDate  string `xml:"RDF>Description>CreateDate"`
	ModifyDate  string `xml:"RDF>Description>ModifyDate"`
}

// readXMP parses the XMP metadata pdfinfo -meta prints for the PDF at path.
func readXMP(t *testing.T, path string) xmpFields {
	t.Helper()
	out, err := pdftest.Tool(t, "pdfinfo", "-meta", path)
	if err != nil {
		t.Fatalf("pdfinfo -meta: %v\n%s", err, out)
	}
	i := bytes.Index(out, []byte("<x:xmpmeta"))
	j := bytes.LastIndex(out, []byte("</x:xmpmeta>"))
	if i < 0 || j < i {
		t.Fatalf("pdfinfo -meta prints no XMP packet:\n%s", out)
	}
	var x xmpFields
	if err := xml.Unmarshal(out[i:j+len("</x:xmpmeta>")], &x); err != nil {
		t.Fatalf("XMP: %v", err)
	}
	return x
}
