package mdpdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/internal/fpdf"
)

// TestHeadingsKeepWithNext renders many sections of varying length so
// that headings fall at every position on the page, followed by every kind
// of block, and checks that no page ends with a heading.
func TestHeadingsKeepWithNext(t *testing.T) {
	follow := []string{
		"Short paragraph after the heading.",
		strings.Repeat("A longer paragraph that wraps over several lines. ", 8),
		"- first item\n- second item\n  - nested item",
		"| Column | Other |\n|---|---|\n| cell | " + strings.Repeat("tall cell ", 40) + " |\n| b | c |",
		"```\ncode line one\ncode line two\ncode line three\n```",
		"> Quoted text that follows the heading directly.",
		"### H: Sub-heading\n\nText under the sub-heading.",
		"#### H: Deep heading\n\n1. one\n2. two",
	}
	var b strings.Builder
	b.WriteString("# H: Title\n\n")
	for i := range 64 {
		fmt.Fprintf(&b, "## H: Section %d\n\n%s\n\n", i, follow[i%len(follow)])
		b.WriteString(strings.Repeat("Filler words to move the next heading down the page. ", 1+i*5%17))
		b.WriteString("\n\n")
	}
	path := writePDF(t, "keep.pdf", renderDoc(t, []byte(b.String())))
	if n := checkGeometry(t, path, testMargin, func(s string) bool { return strings.Contains(s, "H:") }); n < 10 {
		t.Fatalf("got %d pages, want at least 10", n)
	}
}

func TestUnsafeLinksAreNotClickable(t *testing.T) {
	src := "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](data:text/html;base64,xx) " +
		"[d](vbscript:msgbox) [e](file:///etc/passwd) [f](/relative) [g](#anchor) [h](ftp://x.example) " +
		"<javascript:alert(1)> [i](https:) [j](mailto:)\n\n![img](https://img.example/x.png)"
	data := renderDoc(t, []byte(src))
	path := writePDF(t, "unsafe.pdf", data)
	if bytes.Contains(data, []byte("/URI")) || bytes.Contains(data, []byte("/Annots")) {
		t.Error("unsafe link produced a link annotation")
	}
	txt := pdftotext(t, path, "-layout")
	for _, want := range []string{"a b c d e f g h", "img"} {
		if !strings.Contains(txt, want) {
			t.Errorf("link text %q not drawn", want)
		}
	}
}

func TestSafeLinkSchemes(t *testing.T) {
	src := "[a](HTTPS://Example.ORG/x) [b](http://example.org/a%20b?q=1&r=(2)) <https://auto.example/p> " +
		"<someone@example.org> [c](mailto:x@example.org?subject=Hi) [d](https://example.org/é) " +
		"bare https://bare.example/path, www.example.com and clerk@example.org."
	data := renderDoc(t, []byte(src))
	writePDF(t, "safe.pdf", data)
	for _, uri := range []string{
		`/URI (HTTPS://Example.ORG/x)`, `/URI (http://example.org/a%20b?q=1&r=\(2\))`,
		`/URI (https://auto.example/p)`, `/URI (mailto:someone@example.org)`,
		`/URI (mailto:x@example.org?subject=Hi)`, `/URI (https://example.org/%C3%A9)`,
		`/URI (https://bare.example/path)`, `/URI (http://www.example.com)`, `/URI (mailto:clerk@example.org)`,
	} {
		if !bytes.Contains(data, []byte(uri)) {
			t.Errorf("missing annotation %s", uri)
		}
	}
}

func TestNumberingContinuesAcrossRenders(t *testing.T) {
	pdf := newDoc(t)
	r := New(pdf, testStyle())
	for _, src := range []string{"# Title\n\n## One\n\n### One A", "## Two\n\n### Two A\n\n### Two B"} {
		if err := r.Render([]byte(src)); err != nil {
			t.Fatal(err)
		}
	}
	txt := pdftotext(t, writePDF(t, "numbers.pdf", output(t, pdf)), "-layout")
	for _, re := range []string{`1\.\s+One`, `1\.1\s+One A`, `2\.\s+Two`, `2\.1\s+Two A`, `2\.2\s+Two B`} {
		if !regexp.MustCompile(re).MatchString(txt) {
			t.Errorf("%s not found in\n%s", re, txt)
		}
	}
}

func TestNumberingOff(t *testing.T) {
	st := testStyle()
	st.NumberHeadings = false
	pdf := newDoc(t)
	if err := New(pdf, st).Render([]byte("## One\n\n### Two")); err != nil {
		t.Fatal(err)
	}
	txt := pdftotext(t, writePDF(t, "plain.pdf", output(t, pdf)), "-layout")
	if regexp.MustCompile(`\d`).MatchString(txt[:strings.Index(txt, "Page")]) {
		t.Errorf("unexpected numbers in\n%s", txt)
	}
}

func TestNumber(t *testing.T) {
	r := &Renderer{st: Style{NumberHeadings: true}}
	var got []string
	for _, level := range []int{1, 3, 2, 4, 3, 4, 4, 2, 5, 6, 2} {
		got = append(got, r.number(level))
	}
	want := []string{"", "1.", "1.", "1.1", "1.1", "1.1.1", "1.1.2", "2.", "2.1", "2.1.1", "3."}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("numbers = %q, want %q", got, want)
	}
}

func TestErrors(t *testing.T) {
	t.Run("missing fonts", func(t *testing.T) {
		pdf := fpdf.New("P", "pt", "Letter", "")
		if err := New(pdf, testStyle()).Render([]byte("# x")); err == nil {
			t.Error("Render without registered fonts succeeded")
		}
	})
	t.Run("missing mono font", func(t *testing.T) {
		pdf := fpdf.New("P", "pt", "Letter", "")
		registerFonts(t, pdf)
		st := testStyle()
		st.Mono = "Nope"
		if err := New(pdf, st).Render([]byte("`x`")); err == nil {
			t.Error("Render with an unregistered mono font succeeded")
		}
	})
	t.Run("empty family", func(t *testing.T) {
		if err := New(newDoc(t), Style{}).Render([]byte("x")); err == nil {
			t.Error("Render with an empty family succeeded")
		}
	})
	t.Run("document error", func(t *testing.T) {
		pdf := newDoc(t)
		pdf.SetErrorf("earlier failure")
		if err := New(pdf, testStyle()).Render([]byte("x")); err == nil || err.Error() != "earlier failure" {
			t.Errorf("err = %v, want the document's error", err)
		}
	})
	t.Run("nil", func(t *testing.T) {
		if err := New(nil, testStyle()).Render([]byte("x")); err == nil {
			t.Error("Render on a nil document succeeded")
		}
	})
}

// TestMillimetresA4 renders into an A4 document measured in millimetres,
// with no page added yet and default margins.
func TestMillimetresA4(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	registerFonts(t, pdf)
	pdf.SetMargins(25, 25, 25)
	pdf.SetAutoPageBreak(true, 25)
	if err := New(pdf, testStyle()).Render(readSample(t)); err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, "a4.pdf", output(t, pdf))
	headings := sampleHeadings(t)
	if n := checkGeometry(t, path, 25*72/25.4, func(s string) bool { return headings[s] }); n < 3 {
		t.Fatalf("got %d pages, want at least 3", n)
	}
}

// TestTallRowIsSplit checks that a table row taller than a page is split
// across pages rather than drawn into the bottom margin.
func TestTallRowIsSplit(t *testing.T) {
	src := "| Clause | Text |\n|---|---|\n| 1 | " + strings.Repeat("word ", 1500) + "END |\n| 2 | after |"
	path := writePDF(t, "tall.pdf", renderDoc(t, []byte(src)))
	if n := checkGeometry(t, path, testMargin, func(string) bool { return false }); n < 2 {
		t.Fatalf("got %d pages, want at least 2", n)
	}
	pages := strings.Split(pdftotext(t, path, "-layout"), "\f")
	for i, p := range pages[:len(pages)-1] {
		if !regexp.MustCompile(`Clause\s+Text`).MatchString(p) {
			t.Errorf("page %d lacks the repeated header row", i+1)
		}
	}
	if txt := strings.Join(pages, ""); !strings.Contains(txt, "END") || !strings.Contains(txt, "after") {
		t.Error("row text lost")
	}
}

func TestRenderKeepsCallerState(t *testing.T) {
	pdf := newDoc(t)
	pdf.SetFont("Go", "B", 14)
	pdf.SetTextColor(200, 0, 0)
	pdf.SetDrawColor(0, 200, 0)
	pdf.SetLineWidth(3)
	if err := New(pdf, testStyle()).Render([]byte("Some *text* and a [link](https://x.example).\n\n---")); err != nil {
		t.Fatal(err)
	}
	if sz, _ := pdf.GetFontSize(); pdf.GetFontStyle() != "B" || sz != 14 {
		t.Errorf("font = %s %v, want B 14", pdf.GetFontStyle(), sz)
	}
	if r, g, b := pdf.GetTextColor(); r != 200 || g != 0 || b != 0 {
		t.Errorf("text colour = %d,%d,%d", r, g, b)
	}
	if r, g, b := pdf.GetDrawColor(); r != 0 || g != 200 || b != 0 {
		t.Errorf("draw colour = %d,%d,%d", r, g, b)
	}
	if pdf.GetLineWidth() != 3 {
		t.Errorf("line width = %v", pdf.GetLineWidth())
	}
	if x, y := pdf.GetXY(); x != testMargin || y <= testMargin {
		t.Errorf("position = %v,%v, want the left margin below the text", x, y)
	}
}

// output returns the bytes of pdf.
func output(t testing.TB, pdf *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDistribute(t *testing.T) {
	approx := func(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }
	// Everything fits: columns grow in proportion to their natural width.
	w := distribute([]float64{50, 150}, []float64{30, 40}, 400, 20)
	if !approx(w[0], 100) || !approx(w[1], 300) {
		t.Errorf("fitting columns = %v", w)
	}
	// A long column wraps; the narrow ones keep their natural width.
	w = distribute([]float64{40, 900, 120}, []float64{30, 80, 100}, 468, 20)
	if !approx(w[0], 40) || !approx(w[2], 120) || !approx(w[1], 308) {
		t.Errorf("wrapping columns = %v", w)
	}
	// Even the longest words do not fit: every column keeps minW.
	w = distribute([]float64{500, 500, 500}, []float64{300, 200, 100}, 300, 40)
	for _, v := range w {
		if v < 40-0.01 {
			t.Errorf("column narrower than the minimum: %v", w)
		}
	}
	if !approx(sum(w), 300) {
		t.Errorf("columns = %v, want a total of 300", w)
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain Zoë €":         "plain Zoë €",
		"a\tb\nc\rd":          "a b c d",
		"nul\x00bel\x07":      "nulbel",
		"emoji 😀 𠮷":           "emoji 😀 𠮷", // drawn from a font that has them, or validation says so
		"bad \xff\xc3(":       "bad \uFFFD\uFFFD(",
		"soft\u00adhyphen":    "softhyphen",
		"zw\u200bsp\ufeff":    "zwsp",
		"line\u2028para":      "line para",
		"non\uffffchar\ufdd0": "nonchar",
		"c1\u0085\u009f":      "c1",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}
