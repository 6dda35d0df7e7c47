package cwo_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// TestPDFTextUses checks how PDFText says each text of the base workspace is used: the parties'
// names, addresses and signatories, the governing law and venue, and the order's title and ID
// are contract-critical; headings
// are bold, the tagline italic; everything else (short names, roadmaps, scope text, contacts,
// brochures' other text) is plain.
func TestPDFTextUses(t *testing.T) {
	ws := loadBase(t)
	var got []string
	plain := map[string]bool{}
	ws.PDFText(func(v cwo.TextValue) {
		use := v.Use
		if use == (cwo.TextUse{}) {
			plain[v.Text] = true
			return
		}
		pos := v.Pos()
		s := fmt.Sprintf("%s:%d:%d %q", v.File, pos.Line, pos.Col, v.Text)
		if use.Critical != "" {
			s += " in " + use.Critical
		}
		if use.Bold {
			s += " bold"
		}
		if use.Italic {
			s += " italic"
		}
		got = append(got, s)
	})
	want := []string{
		`contractor.yaml:1:7 "Example Labs" in a party's name bold`,
		`contractor.yaml:2:13 "Example Labs, LLC" in a party's legal name bold`,
		`contractor.yaml:3:11 "1 Example Road" in a party's address`,
		`contractor.yaml:3:29 "Austin, TX 78701" in a party's address`,
		`contractor.yaml:3:49 "USA" in a party's address`,
		`contractor.yaml:5:19 "Alex Morgan" in a signatory's name`,
		`contractor.yaml:5:39 "Director" in a signatory's title`,
		`projects/numpy.yaml:1:7 "NumPy" bold`,
		`projects/numpy.yaml:2:10 "The fundamental package for scientific computing with Python" italic`,
		`projects/numpy.yaml:11:14 "Universal SIMD for all ufuncs" bold`,
		`projects/numpy.yaml:17:14 "Documentation" bold`,
		`funders/acme.yaml:1:13 "Acme Analytics, Inc." in a party's legal name bold`,
		`funders/acme.yaml:4:11 "1 Main St" in a party's address`,
		`funders/acme.yaml:4:24 "Springfield, IL 62701" in a party's address`,
		`funders/acme.yaml:4:49 "USA" in a party's address`,
		`funders/acme.yaml:5:19 "Jane Doe" in a signatory's name`,
		`funders/acme.yaml:5:36 "VP Engineering" in a signatory's title`,
		`funders/acme.yaml:6:16 "the State of Texas, USA" in the governing law`,
		`funders/acme.yaml:7:8 "the state and federal courts in Austin, Texas" in the venue`,
		`orders/O-1.yaml:1:1 "O-1" in the order ID bold`,
		`orders/O-1.yaml:1:8 "Faster NumPy" in the order title bold`,
		`orders/O-1.yaml:19:12 "Release management" bold`,
		`orders/O-2.yaml:1:1 "O-2" in the order ID bold`,
		`orders/O-2.yaml:1:8 "NumPy docs" in the order title bold`,
		`brochures/conf.yaml:1:8 "Invest in your tools" bold`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("PDFText uses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, text := range []string{"Acme", "Faster ufuncs.", "Help with releases.", "Priya Raman", "Lead developer", "alex@example.org", "NumFOCUS", "Sales", "On signature"} {
		if !plain[text] {
			t.Errorf("PDFText did not report %q as plain text", text)
		}
	}
}

// TestPDFTextReportingContactIsPlain: a funder's reporting contact is not a signatory, though
// it has the same fields.
func TestPDFTextReportingContactIsPlain(t *testing.T) {
	ws := loadBase(t, edit{"funders/acme.yaml", "", "legal_name: Acme Analytics, Inc.\naddress: [x]\nsignatory: {name: Jane Doe, title: CFO}\n" +
		"reporting_contact: {name: Ann Lee, title: PM, email: ann@acme.example}\n"})
	uses := map[string]cwo.TextUse{}
	ws.PDFText(func(v cwo.TextValue) { uses[v.Text] = v.Use })
	for text, critical := range map[string]string{"Jane Doe": "a signatory's name", "CFO": "a signatory's title", "Ann Lee": "", "PM": ""} {
		if got := uses[text].Critical; got != critical {
			t.Errorf("%q: Critical = %q, want %q", text, got, critical)
		}
	}
}
