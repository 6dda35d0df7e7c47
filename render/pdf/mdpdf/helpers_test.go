package mdpdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/fonts"
	"github.com/cwo-tool/cwo/internal/fpdf"
	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/internal/shaped"
	"github.com/cwo-tool/cwo/typeset"
)

// Test page geometry in points (US Letter, one-inch margins).
const (
	testMargin = 72.0
	footerText = "Page"
)

// testStyle is the style used by the tests.
func testStyle() Style {
	return Style{
		Family:         "Go",
		Mono:           "GoMono",
		Size:           10.5,
		Leading:        1.35,
		HeadingSizes:   [4]float64{17, 13, 11.5, 10.5},
		NumberHeadings: true,
		Text:           [3]int{20, 20, 20},
		Heading:        [3]int{16, 42, 84},
		Link:           [3]int{0, 70, 160},
		Rule:           [3]int{150, 150, 150},
	}
}

// testShaper lays out text in one typeset style, as render/pdf's fonts do.
type testShaper struct{ st *typeset.Style }

func (s testShaper) Shape(text string) shaped.Line { return s.st.Shape(text) }
func (s testShaper) Width(text string) float64     { return s.st.Width(text) }
func (s testShaper) Breaks(text string) []int      { return typeset.Breaks(text) }
func (s testShaper) RTL(text string) bool          { return typeset.RTL(text) }

// registerFonts registers the embedded document fonts as shaped families "Go" and "GoMono" (the
// names the tests were written with).
func registerFonts(t testing.TB, pdf *fpdf.Fpdf) {
	t.Helper()
	for _, f := range []struct {
		family, style string
		data          []byte
	}{{"Go", "", fonts.Regular}, {"Go", "B", fonts.Bold}, {"Go", "I", fonts.Italic}, {"Go", "BI", fonts.BoldItalic}, {"GoMono", "", fonts.Mono}} {
		face, err := typeset.Parse(f.data, "")
		if err != nil {
			t.Fatal(err)
		}
		pdf.AddShapedFont(f.family, f.style, testShaper{typeset.NewStyle(face)}, face.Metrics())
	}
	if err := pdf.Error(); err != nil {
		t.Fatalf("register fonts: %v", err)
	}
}

// newDoc returns a Letter document with the Go fonts, a running header,
// a page-number footer in the bottom margin and automatic page breaks.
func newDoc(t testing.TB) *fpdf.Fpdf {
	t.Helper()
	pdf := fpdf.New("P", "pt", "Letter", "")
	pdf.SetCreationDate(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC))
	pdf.SetCatalogSort(true)
	registerFonts(t, pdf)
	pdf.SetMargins(testMargin, testMargin, testMargin)
	pdf.SetAutoPageBreak(true, testMargin)
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("Go", "I", 8)
		pdf.SetTextColor(120, 120, 120)
		pdf.Text(testMargin, 48, "Community Work Order — Confidential")
	})
	pdf.SetFooterFunc(func() {
		pdf.SetFont("Go", "", 8)
		pdf.SetTextColor(120, 120, 120)
		_, h := pdf.GetPageSize()
		pdf.Text(testMargin, h-40, footerText+" "+strconv.Itoa(pdf.PageNo()))
	})
	pdf.AddPage()
	return pdf
}

// renderDoc renders md into a new document and returns the PDF bytes.
func renderDoc(t testing.TB, md []byte) []byte {
	t.Helper()
	pdf := newDoc(t)
	if err := New(pdf, testStyle()).Render(md); err != nil {
		t.Fatalf("Render: %v", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("Output: %v", err)
	}
	return buf.Bytes()
}

// writePDF writes data into the test's temporary directory (and into
// $MDPDF_KEEP when set, for manual inspection) and returns its path.
func writePDF(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("MDPDF_KEEP"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// pdftotext runs poppler's pdftotext with args on path and returns stdout.
// A missing pdftotext fails the test.
func pdftotext(t testing.TB, path string, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils) is required: %v", err)
	}
	out, err := exec.Command(bin, append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %v: %v", args, err)
	}
	return string(out)
}

// bboxLine is a visual line of text: the words of a page that share a
// vertical position, left to right.
type bboxLine struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// bboxPage is a page reported by pdftotext -bbox.
type bboxPage struct {
	width, height float64
	lines         []bboxLine
}

// bboxPages returns the lines of every page of path (pdftest.Lines).
func bboxPages(t testing.TB, path string) []bboxPage {
	t.Helper()
	var pages []bboxPage
	for _, p := range pdftest.Lines(t, path) {
		bp := bboxPage{width: p.Width, height: p.Height}
		for _, l := range p.Lines {
			bp.lines = append(bp.lines, bboxLine{text: l.Text, xMin: l.XMin, yMin: l.YMin, xMax: l.XMax, yMax: l.YMax})
		}
		pages = append(pages, bp)
	}
	return pages
}

// isChrome reports whether l is the test document's header or footer.
func isChrome(l bboxLine) bool {
	return strings.HasPrefix(l.text, footerText+" ") || strings.HasPrefix(l.text, "Community Work Order — Confidential")
}
