package pdf

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/pdftest"
)

// testDoc is a small agreement with names in several scripts.
func testDoc(status string) *AgreementDoc {
	return &AgreementDoc{
		Order: &cwo.WorkOrder{ID: "CWO-T-1", Title: "Faster arrays — Phase 2", Status: status, Version: 3,
			Issued: cwo.MustDate("2026-09-15")},
		Funder:     &cwo.Funder{LegalName: "Ελληνική Εταιρεία Δεδομένων Α.Ε.", Signatory: cwo.Person{Name: "Ελένη Παπαδοπούλου", Title: "Διευθύνουσα"}},
		Contractor: &cwo.Contractor{Name: "Example Labs", LegalName: "Example Labs, LLC", Signatory: cwo.Person{Name: "Stéfan van der Walt", Title: "Director"}},
		Project:    &cwo.Project{Name: "NumPy"},
		Body: "## Team\n\nŁukasz Langa and Zoë Martin, for 12.500,00 € — in full.\n\n" +
			"| Name | Role |\n|---|---|\n| Zoë | Lead |\n\n[site](https://numpy.org) and [bad](javascript:alert(1))\n\n" +
			"## Terms\n\n" + strings.Repeat("The parties agree to the terms of this clause, which fill the first page. ", 30) + "\n",
		Fingerprint: strings.Repeat("3f9a12c0e4b1", 5) + "abcd",
	}
}

func renderDoc(t *testing.T, d *AgreementDoc) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Agreement(&buf, d, Options{Paper: "a4", Brand: "#AA3300"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAgreementUnicodeRoundTrips(t *testing.T) {
	path := renderDoc(t, testDoc(cwo.StatusSent))
	pdftest.QPDFCheck(t, path)
	pdftest.PDFCPUValidate(t, path)
	text := pdftest.Text(t, path)
	if !regexp.MustCompile(`1\.\s+Team`).MatchString(text) {
		t.Errorf("the first clause is not numbered 1.")
	}
	for _, want := range []string{"Stéfan van der Walt", "Łukasz Langa", "Zoë", "12.500,00 €", "—", "Ελένη Παπαδοπούλου",
		"Ελληνική Εταιρεία Δεδομένων", "CWO-T-1 v3 · page 1 of 2 · fingerprint 3f9a12c0e4b1", "page 2 of 2",
		strings.Repeat("3f9a12c0e4b1", 5) + "abcd"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}
}

func TestAgreementWatermarkOnlyInDrafts(t *testing.T) {
	draftPath := renderDoc(t, testDoc(cwo.StatusDraft))
	draft := watermarkPixels(t, draftPath)
	signed := watermarkPixels(t, renderDoc(t, testDoc(cwo.StatusSigned)))
	if draft-signed < 1000 {
		t.Errorf("light-grey watermark pixels on the signature page: draft %d, signed %d; want at least 1000 more in the draft", draft, signed)
	}
	// The mark is an artifact drawn as outlines: not in the text, not between the clauses.
	text := strings.Join(strings.Fields(pdftest.Text(t, draftPath)), "")
	if _, body, _ := strings.Cut(text, "1.Team"); strings.Contains(body, "DRAFT") || strings.Contains(body, "DRAF") {
		t.Errorf("the watermark is extracted as text")
	}
	qdf, err := pdftest.Tool(t, "qpdf", "--qdf", "--object-streams=disable", draftPath, "-")
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(qdf, []byte("/Artifact <</Type /Pagination /Subtype /Watermark>> BDC")); n != 2 {
		t.Errorf("%d watermark artifacts, want one on each of the 2 pages", n)
	}
}

// TestAgreementStatusFields checks that only an order that can be signed has signature blocks,
// fields and initials boxes; that drafts and cancelled orders say why they have none and what
// would make them signable; and that the title block shows a status only when it bars signature.
func TestAgreementStatusFields(t *testing.T) {
	for _, c := range []struct {
		status string
		fields int
		says   string
		title  string // the status in the title block, "" for none
		blocks bool
	}{
		{cwo.StatusDraft, 0, "Not for signature This is a draft of Community Work Order CWO-T-1, version 3, for discussion only. " +
			"It is not an offer, is not for signature, and has no signature blocks or fields. It becomes signable only when " +
			"the Contractor issues it for signature", "DRAFT", false},
		{cwo.StatusCancelled, 0, "Cancelled: not for signature Community Work Order CWO-T-1, version 3, issued 15 September 2026, " +
			"has been cancelled: it is not for signature", "CANCELLED", false},
		{cwo.StatusSent, 2, "Signatures The parties sign Community Work Order", "", true},
		{cwo.StatusSigned, 2, "Signatures The parties sign Community Work Order", "", true},
		{cwo.StatusActive, 2, "Signatures The parties sign Community Work Order", "", true},
	} {
		path := renderDoc(t, testDoc(c.status))
		if fields := pdftest.SigFields(t, path); len(fields) != c.fields {
			t.Errorf("%s: signature fields = %v, want %d", c.status, fields, c.fields)
		}
		text := strings.Join(strings.Fields(pdftest.Text(t, path)), " ")
		if !strings.Contains(text, c.says) {
			t.Errorf("%s: the last page does not say %q:\n%s", c.status, c.says, text)
		}
		for _, block := range []string{"FOR THE CONTRACTOR", "FOR THE FUNDER", "Stéfan van der Walt", "Ελένη Παπαδοπούλου"} {
			if strings.Contains(text, block) != c.blocks {
				t.Errorf("%s: %q in the text: %v, want %v", c.status, block, !c.blocks, c.blocks)
			}
		}
		head, _, _ := strings.Cut(text, "1. Team")
		if c.title != "" && (!strings.Contains(head, "STATUS") || !strings.Contains(head, c.title)) {
			t.Errorf("%s: the title block lacks the status %s: %q", c.status, c.title, head)
		}
		for _, word := range []string{"STATUS", "Active", "Sent", "Signed", "Draft", "Cancelled"} {
			if c.title == "" && strings.Contains(head, word) {
				t.Errorf("%s: the title block shows the workflow status (%q): %q", c.status, word, head)
			}
		}
	}
	cancelled := markPixels(t, renderDoc(t, testDoc(cwo.StatusCancelled)))
	sent := markPixels(t, renderDoc(t, testDoc(cwo.StatusSent)))
	if cancelled-sent < 1000 {
		t.Errorf("pink CANCELLED pixels: cancelled %d, sent %d", cancelled, sent)
	}
}

// TestAgreementTitleBlockVersion checks that a version above 1 names, in the title block, the
// version it replaces and that version's date.
func TestAgreementTitleBlockVersion(t *testing.T) {
	d := testDoc(cwo.StatusSent)
	d.Order.Previous = &cwo.Previous{Issued: cwo.MustDate("2026-04-15")}
	text := strings.Join(strings.Fields(pdftest.Text(t, renderDoc(t, d))), " ")
	if want := "3, replaces version 2 of 15 April 2026"; !strings.Contains(text, want) {
		t.Errorf("the title block does not say %q: %q", want, text[:min(len(text), 300)])
	}
}

// markPixels counts the pixels of page 2 in the CANCELLED mark's pink.
func markPixels(t *testing.T, path string) int {
	return countPixels(t, path, func(c color.Color) bool {
		r, g, b, _ := c.RGBA()
		r, g, b = r>>8, g>>8, b>>8
		return r >= 235 && g >= 195 && g <= 230 && b >= 195 && b <= 230 && r > g+15
	})
}

// watermarkPixels counts the pixels of page 2 in the DRAFT watermark's light grey.
func watermarkPixels(t *testing.T, path string) int {
	return countPixels(t, path, func(c color.Color) bool {
		g := color.GrayModel.Convert(c).(color.Gray).Y
		return g >= 226 && g <= 244
	})
}

// countPixels renders page 2 at 30 dpi and counts the pixels for which want holds.
func countPixels(t *testing.T, path string, want func(color.Color) bool) int {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "p")
	if out, err := pdftest.Tool(t, "pdftoppm", "-png", "-r", "30", "-f", "2", "-l", "2", "-singlefile", path, prefix); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if want(img.At(x, y)) {
				n++
			}
		}
	}
	return n
}

func TestAgreementMetadataAndLinks(t *testing.T) {
	path := renderDoc(t, testDoc(cwo.StatusSent))
	info, err := pdftest.Tool(t, "pdfinfo", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Title:           Faster arrays — Phase 2: Community Work Order CWO-T-1 v3",
		"Author:          Example Labs", "Creator:         cwo " + cwo.Version, "Keywords:        Community Work Order, CWO-T-1",
		"CreationDate:    Tue Sep 15 00:00:00 2026", "Page size:       595.28 x 841.89 pts (A4)"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte("/URI (https://numpy.org)")) || bytes.Contains(raw, []byte("javascript")) {
		t.Errorf("links: want the https link and no javascript: link")
	}
	if fields := pdftest.SigFields(t, path); len(fields) != 2 {
		t.Errorf("signature fields = %v, want 2", fields)
	}
}

func TestAgreementSameBytes(t *testing.T) {
	a, _ := os.ReadFile(renderDoc(t, testDoc(cwo.StatusDraft)))
	b, _ := os.ReadFile(renderDoc(t, testDoc(cwo.StatusDraft)))
	if !bytes.Equal(a, b) {
		t.Errorf("two renders of the same agreement differ")
	}
}

func TestCoverage(t *testing.T) {
	body := DefaultFonts().Style(Regular)
	if m := body.Missing("Zoë Łukasz Ελένη € — Ω Nguyễn Thị Hương “quoted” ‘x’ – …"); len(m) != 0 {
		t.Errorf("the embedded fonts miss %q", string(m))
	}
	if m := body.Missing("山田 太郎 山"); string(m) != "山田太郎" {
		t.Errorf("Missing(CJK) = %q, want each CJK rune once", string(m))
	}
}

func TestHostileTextStaysText(t *testing.T) {
	d := testDoc(cwo.StatusSent)
	evil := `Acme ) Tj ET BT /F1 99 Tf (pwned) Tj \ ( <</S /JavaScript /JS (app.alert(1))>>`
	d.Funder.LegalName = evil
	d.Order.Title = `Title ) Tj ET \\ (`
	d.Body += "\n[launch](file:///bin/sh) [js](javascript:alert(1)) <script>alert(1)</script>\n"
	path := renderDoc(t, d)
	pdftest.QPDFCheck(t, path)
	text := pdftest.Text(t, path)
	flat := strings.Join(strings.Fields(text), "") // the name wraps in its column
	if !strings.Contains(flat, strings.Join(strings.Fields(evil), "")) {
		t.Errorf("the hostile funder name does not show literally")
	}
	if !strings.Contains(text, "<script>alert(1)</script>") {
		t.Errorf("inline HTML does not show literally")
	}
	out, err := pdftest.Tool(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
	if err != nil {
		t.Fatal(err)
	}
	// The XMP metadata is XML text, uncompressed: the name is there as escaped text, which is
	// data, not PDF syntax. Look for actions everywhere else.
	out, xmp := cutMetadata(t, out)
	if !bytes.Contains(xmp, []byte("Acme ) Tj ET BT /F1 99 Tf (pwned) Tj \\ ( &lt;&lt;/S /JavaScript")) {
		t.Errorf("the XMP metadata does not hold the hostile name as escaped text:\n%s", xmp)
	}
	for _, bad := range []string{"/JavaScript", "/JS ", "/Launch", "/Type /EmbeddedFile", "/Filespec", "/URI (file:", "/URI (javascript"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("the PDF contains %s", bad)
		}
	}
}

// cutMetadata returns qdf, a PDF written by qpdf --qdf, without the bytes of its XMP metadata
// stream, and those bytes.
func cutMetadata(t *testing.T, qdf []byte) (rest, xmp []byte) {
	t.Helper()
	i := bytes.Index(qdf, []byte("/Type /Metadata"))
	if i < 0 {
		t.Fatal("the PDF has no XMP metadata stream")
	}
	start := bytes.Index(qdf[i:], []byte("stream\n"))
	end := bytes.Index(qdf[i:], []byte("endstream"))
	if start < 0 || end < start {
		t.Fatal("the XMP metadata stream has no end")
	}
	start, end = i+start+len("stream\n"), i+end
	rest = append(append([]byte{}, qdf[:start]...), qdf[end:]...)
	return rest, qdf[start:end]
}
