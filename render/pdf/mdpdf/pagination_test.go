package mdpdf

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/internal/pdftest"
)

// pageTexts returns the body lines of every page of path, top to bottom (header and footer
// left out).
func pageTexts(t *testing.T, path string) [][]string {
	t.Helper()
	var pages [][]string
	for _, p := range bboxPages(t, path) {
		var lines []string
		for _, l := range p.lines {
			if !isChrome(l) {
				lines = append(lines, l.text)
			}
		}
		pages = append(pages, lines)
	}
	return pages
}

// tagged returns n words "TAG" separated by spaces: a paragraph whose lines can be told apart
// from others' in the extracted text.
func tagged(tag string, n int) string {
	return strings.TrimSpace(strings.Repeat(tag+" ", n))
}

// countLines returns how many lines of page contain word.
func countLines(page []string, word string) int {
	n := 0
	for _, l := range page {
		if strings.Contains(" "+l+" ", " "+word+" ") {
			n++
		}
	}
	return n
}

// checkSplits checks that every paragraph tagged with one of tags that spans pages has at
// least two lines on each page, and returns how many were split.
func checkSplits(t *testing.T, pages [][]string, tags []string) int {
	t.Helper()
	split := 0
	for _, tag := range tags {
		var counts []int
		for _, p := range pages {
			if n := countLines(p, tag); n > 0 {
				counts = append(counts, n)
			}
		}
		if len(counts) > 1 {
			split++
		}
		for i, n := range counts {
			if len(counts) > 1 && n < minLines {
				t.Errorf("paragraph %s: %d line(s) on its page %d of %d (lines per page %v)", tag, n, i+1, len(counts), counts)
			}
		}
	}
	return split
}

// TestWidowsAndOrphans renders paragraphs of 1 to 8 lines (most of them 3 to 5, the lengths
// where a break may leave a single line), in the body and in list items, so that page breaks
// fall at every line of them, and checks that a paragraph split between pages leaves at least
// two lines on each.
func TestWidowsAndOrphans(t *testing.T) {
	var b strings.Builder
	var tags []string
	lines := []int{3, 1, 4, 3, 5, 2, 3, 8, 4, 3, 5, 6}
	for i := range 400 {
		tag := fmt.Sprintf("p%dx", i)
		tags = append(tags, tag)
		words := 17*lines[i%len(lines)] - 4 - i%7
		if i%5 == 4 {
			fmt.Fprintf(&b, "- %s\n- short item\n\n", tagged(tag, words))
			continue
		}
		fmt.Fprintf(&b, "%s\n\n", tagged(tag, words))
	}
	path := writePDF(t, "widows.pdf", renderDoc(t, []byte(b.String())))
	pages := pageTexts(t, path)
	if split := checkSplits(t, pages, tags); split < 20 {
		t.Errorf("%d paragraphs split across %d pages, want at least 8 to test anything", split, len(pages))
	}
}

// TestTrailerKeepsWithItem renders scope items, each a heading, a text or a list, and an
// italic "Planned effort" line, at every position on the page, and checks that the line stays
// with its item: it never opens a page, and the line above it belongs to its item.
func TestTrailerKeepsWithItem(t *testing.T) {
	var b strings.Builder
	for i := range 60 {
		tag := fmt.Sprintf("q%dx", i)
		fmt.Fprintf(&b, "### Item %d\n\n", i)
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "%s\n\n", tagged(tag, 5+i*29%70))
		case 1:
			fmt.Fprintf(&b, "%s:\n\n- %s\n- %s\n\n", tag, tagged(tag, 4), tagged(tag, 3+i%20))
		}
		fmt.Fprintf(&b, "*Planned effort: %d hours.*\n\n", i)
	}
	path := writePDF(t, "trailers.pdf", renderDoc(t, []byte(b.String())))
	pages := pageTexts(t, path)
	re := regexp.MustCompile(`^Planned effort: (\d+) hours\.$`)
	seen := 0
	for pi, p := range pages {
		for li, l := range p {
			m := re.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			seen++
			if li == 0 {
				t.Errorf("page %d opens with %q", pi+1, l)
				continue
			}
			above := p[li-1]
			if !strings.Contains(above, "q"+m[1]+"x") && !strings.HasSuffix(above, "Item "+m[1]) {
				t.Errorf("page %d: %q follows %q, not its item", pi+1, l, above)
			}
		}
	}
	if seen != 60 || len(pages) < 6 {
		t.Fatalf("found %d trailers on %d pages, want 60 on at least 6", seen, len(pages))
	}
}

// TestTableBreaks renders tables of 1 to 9 body rows and a total, each introduced by a line
// ending in a colon, after fillers of every length, and checks each page a table is on: at
// least two body rows (all of them when it has fewer), never the total without two body rows,
// the repeated header on every page it continues on, and its lead-in on its first page.
func TestTableBreaks(t *testing.T) {
	var b strings.Builder
	rows := map[int]int{}
	for k := range 48 {
		n := 1 + k%9
		rows[k] = n
		fmt.Fprintf(&b, "%s\n\nSchedule s%dx:\n\n| Item t%dx | Amount |\n|---|---|\n", tagged("filler", 4+k*53%150), k, k)
		for j := range n {
			fmt.Fprintf(&b, "| r%dx row %d | €%d.00 |\n", k, j, 100*(j+1))
		}
		fmt.Fprintf(&b, "| **Total u%dx** | **€%d.00** |\n\n", k, 50*n*(n+1))
	}
	path := writePDF(t, "tables.pdf", renderDoc(t, []byte(b.String())))
	pages := pageTexts(t, path)
	split := 0
	for k, n := range rows {
		var on []int // pages holding rows of table k
		for pi, p := range pages {
			body, total := countLines(p, fmt.Sprintf("r%dx", k)), countLines(p, fmt.Sprintf("u%dx", k))
			if body+total == 0 {
				continue
			}
			on = append(on, pi)
			if body < min(minLines, n) {
				t.Errorf("table %d (%d rows): page %d holds %d body row(s) and %d total", k, n, pi+1, body, total)
			}
			if countLines(p, fmt.Sprintf("t%dx", k)) != 1 {
				t.Errorf("table %d: page %d lacks its header row", k, pi+1)
			}
		}
		if len(on) > 1 {
			split++
		}
		if len(on) == 0 || countLines(pages[on[0]], fmt.Sprintf("s%dx:", k)) != 1 {
			t.Errorf("table %d: its lead-in is not on the page where it starts", k)
		}
	}
	if split < 3 {
		t.Errorf("%d tables split across pages, want at least 3 to test anything", split)
	}
}

// TestKeepWithEnd renders texts of every length ending with a paragraph of four lines, asking
// for a block after them, and checks that the block fits below the text on its last page
// together with at least the paragraph's last two lines.
func TestKeepWithEnd(t *testing.T) {
	const block = 230.0
	for i := range 24 {
		pdf := newDoc(t)
		src := fmt.Sprintf("## Clause\n\n%s\n\n## Last clause\n\n%s\n", tagged("filler", 20+i*31), tagged("endx", 60))
		r := New(pdf, testStyle())
		r.KeepWithEnd(block)
		if err := r.Render([]byte(src)); err != nil {
			t.Fatal(err)
		}
		_, h := pdf.GetPageSize()
		if y := pdf.GetY(); y+block > h-testMargin+eps {
			t.Errorf("filler %d: the text ends at %.1f, leaving no room for %.0f above %.1f", i, y, block, h-testMargin)
		}
		pdf.Text(testMargin, pdf.GetY()+block-4, "BLOCK")
		path := writePDF(t, "end.pdf", output(t, pdf))
		pages := pageTexts(t, path)
		last := pages[len(pages)-1]
		if n := countLines(last, "endx"); n < minLines || countLines(last, "BLOCK") != 1 {
			t.Errorf("filler %d: the last page holds %d line(s) of the last paragraph with the block: %q", i, n, last)
		}
		checkSplits(t, pages, []string{"endx", "filler"})
	}
}

// TestFiguresLineUp checks that a column of figures is set flush right with its decimal marks
// lined up, the header above it flush right, and a column written flush left left alone.
func TestFiguresLineUp(t *testing.T) {
	src := "| Item | Hours | Amount | Code |\n|---|---|---:|:---|\n" +
		"| one | 7.5 | €30,000.00 | 12 |\n| two | 450 | €1,500.00 | 3 |\n| three | 1,250 | €37,500.50 | 456 |\n" +
		"| **Total** | **1,707.5** | **€69,000.50** | |\n"
	pdf := newDoc(t)
	if err := New(pdf, testStyle()).Render([]byte(src)); err != nil {
		t.Fatal(err)
	}
	width := func(s, style string) float64 {
		pdf.SetFont("Go", style, testStyle().Size)
		return pdf.GetStringWidth(s)
	}
	frac, fracBold := width(".5", ""), width(".5", "B")
	path := writePDF(t, "figures.pdf", output(t, pdf))
	words := map[string]bboxLine{}
	for _, w := range bboxWords(t, path) {
		words[w.text] = w
	}
	near := func(what string, a, b float64) {
		t.Helper()
		if d := a - b; d < -0.6 || d > 0.6 {
			t.Errorf("%s: %.2f and %.2f differ", what, a, b)
		}
	}
	mark := words["7.5"].xMax - frac
	near("decimal marks of 7.5 and 1,707.5", words["1,707.5"].xMax-fracBold, mark)
	near("last digit of 450 and decimal mark of 7.5", words["450"].xMax, mark)
	near("last digit of 1,250 and decimal mark of 7.5", words["1,250"].xMax, mark)
	near("Hours header and the column's right edge", words["Hours"].xMax, words["7.5"].xMax)
	right := words["€30,000.00"].xMax
	for _, s := range []string{"€1,500.00", "€37,500.50", "Amount"} {
		near(s+" and €30,000.00 flush right", words[s].xMax, right)
	}
	near("flush-left codes", words["12"].xMin, words["456"].xMin)
	if words["€69,000.50"].xMax < right+0.1 {
		t.Errorf("the bold total ends at %.2f, not past the regular amounts (%.2f): its decimal mark is not lined up", words["€69,000.50"].xMax, right)
	}
}

// TestTabularFigures checks that every digit of each document face has one width, which lines
// up figures in columns.
func TestTabularFigures(t *testing.T) {
	pdf := newDoc(t)
	for _, f := range []struct{ family, style string }{{"Go", ""}, {"Go", "B"}, {"Go", "I"}, {"Go", "BI"}, {"GoMono", ""}} {
		pdf.SetFont(f.family, f.style, 10)
		want := pdf.GetStringWidth("0")
		for d := '1'; d <= '9'; d++ {
			if w := pdf.GetStringWidth(string(d)); w != want {
				t.Errorf("%s %q: digit %c is %.3f wide, 0 is %.3f", f.family, f.style, d, w, want)
			}
		}
		if a, b := pdf.GetStringWidth("1,111.11"), pdf.GetStringWidth("0,000.00"); a != b {
			t.Errorf("%s %q: 1,111.11 is %.3f wide, 0,000.00 %.3f: kerning moves figures", f.family, f.style, a, b)
		}
	}
}

func TestIsFigure(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
		end  string // the figure up to its integer part's end
	}{
		{"7.5", true, "7"}, {"450", true, "450"}, {"1,250", true, "1,250"}, {"€30,000.00", true, "€30,000"},
		{"12.500,00 €", true, "12.500"}, {"USD 1,000", true, "USD 1,000"}, {"1.000 EUR", true, "1.000"},
		{"−3 %", true, "−3"}, {"(1,200.50)", true, "(1,200"}, {"1 250,5", true, "1 250"}, {"$175", true, "$175"},
		{"July 1, 2026", false, ""}, {"2026-07-01", false, ""}, {"", false, ""}, {"€", false, ""},
		{"12 hours", false, ""}, {"v2", false, ""}, {"1.2.3", true, "1.2"}, {"A1", false, ""},
	} {
		if got := isFigure(c.s); got != c.want {
			t.Errorf("isFigure(%q) = %v, want %v", c.s, got, c.want)
		}
		if c.want {
			if got := c.s[:intEnd(c.s)]; got != c.end {
				t.Errorf("integer part of %q = %q, want %q", c.s, got, c.end)
			}
		}
	}
}

// bboxWords returns every word of path.
func bboxWords(t *testing.T, path string) []bboxLine {
	t.Helper()
	var words []bboxLine
	for _, p := range pdftest.Words(t, path) {
		for _, w := range p.Lines {
			words = append(words, bboxLine{text: w.Text, xMin: w.XMin, yMin: w.YMin, xMax: w.XMax, yMax: w.YMax})
		}
	}
	return words
}

// TestHeadingTextsLineUp checks that the texts of numbered headings of one level start at one
// x, whether their number has one digit or two ("9." and "10.", "9.1" and "10.1").
func TestHeadingTextsLineUp(t *testing.T) {
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "## Clause%d\n\n### Sub%d\n\nText.\n\n", i, i)
	}
	path := writePDF(t, "numbers.pdf", renderDoc(t, []byte(b.String())))
	x := map[string]float64{}
	for _, w := range bboxWords(t, path) {
		for _, level := range []string{"Clause", "Sub"} {
			if !strings.HasPrefix(w.text, level) {
				continue
			}
			if _, ok := x[level]; !ok {
				x[level] = w.xMin
			}
			if d := w.xMin - x[level]; d < -0.1 || d > 0.1 {
				t.Errorf("%s starts at x=%.2f, the first heading of its level at %.2f", w.text, w.xMin, x[level])
			}
		}
	}
	if len(x) != 2 {
		t.Fatalf("headings not found: %v", x)
	}
}
