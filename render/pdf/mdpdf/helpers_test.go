package mdpdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/fonts"
	"github.com/cwo-tool/cwo/internal/fpdf"
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

var (
	rePage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	reWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// bboxPages parses the output of pdftotext -bbox for path, grouping words
// into visual lines (pdftotext's own line grouping splits lines at wide
// gaps such as the one after a clause number).
func bboxPages(t testing.TB, path string) []bboxPage {
	t.Helper()
	out := pdftotext(t, path, "-bbox")
	var pages []bboxPage
	for _, chunk := range strings.Split(out, "<page ")[1:] {
		m := rePage.FindStringSubmatch("<page " + chunk)
		if m == nil {
			t.Fatalf("unexpected pdftotext page header: %.80s", chunk)
		}
		p := bboxPage{width: atof(t, m[1]), height: atof(t, m[2])}
		var words []bboxLine
		for _, wm := range reWord.FindAllStringSubmatch(chunk, -1) {
			words = append(words, bboxLine{
				text: unescapeXML(wm[5]),
				xMin: atof(t, wm[1]), yMin: atof(t, wm[2]),
				xMax: atof(t, wm[3]), yMax: atof(t, wm[4]),
			})
		}
		p.lines = groupLines(words)
		pages = append(pages, p)
	}
	return pages
}

// groupLines joins words whose bottoms are within a point of each other.
func groupLines(words []bboxLine) []bboxLine {
	sort.SliceStable(words, func(i, j int) bool {
		if d := words[i].yMax - words[j].yMax; d < -1 || d > 1 {
			return d < 0
		}
		return words[i].xMin < words[j].xMin
	})
	var lines []bboxLine
	for _, w := range words {
		if n := len(lines); n > 0 && w.yMax-lines[n-1].yMax < 1 && lines[n-1].yMax-w.yMax < 1 {
			l := &lines[n-1]
			l.text += " " + w.text
			l.xMin, l.xMax = min(l.xMin, w.xMin), max(l.xMax, w.xMax)
			l.yMin, l.yMax = min(l.yMin, w.yMin), max(l.yMax, w.yMax)
			continue
		}
		lines = append(lines, w)
	}
	return lines
}

func atof(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func unescapeXML(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(s)
}

// isChrome reports whether l is the test document's header or footer.
func isChrome(l bboxLine) bool {
	return strings.HasPrefix(l.text, footerText+" ") || strings.HasPrefix(l.text, "Community Work Order — Confidential")
}
