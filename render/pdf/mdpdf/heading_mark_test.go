package mdpdf

import (
	"fmt"
	"strings"
	"testing"
)

// TestOnHeading checks that Style.OnHeading hears of every heading, in order, with its clause
// number, its plain text (emphasis dropped) and the page and height it is drawn at: a heading
// after pages of text is reported on its own page.
func TestOnHeading(t *testing.T) {
	var md strings.Builder
	md.WriteString("## Parties\n\nThe parties.\n\n## *Scope* of work\n\n### First item\n\nText.\n\n")
	md.WriteString("## Payment\n\n" + strings.Repeat("A long paragraph of payment terms. ", 400) + "\n\n## Notices\n\nBy e-mail.\n")
	pdf := newDoc(t)
	var got []string
	var pages []int
	var ys []float64
	st := testStyle()
	st.OnHeading = func(h HeadingMark) {
		got = append(got, fmt.Sprintf("%d %s %s", h.Level, h.Number, h.Text))
		pages = append(pages, pdf.PageNo())
		ys = append(ys, h.Y)
	}
	if err := New(pdf, st).Render([]byte(md.String())); err != nil {
		t.Fatal(err)
	}
	want := []string{"2 1. Parties", "2 2. Scope of work", "3 2.1 First item", "2 3. Payment", "2 4. Notices"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("headings = %q, want %q", got, want)
	}
	for i := 1; i < 4; i++ {
		if pages[i] != 1 || ys[i] <= ys[i-1] {
			t.Errorf("heading %q on page %d at y %.1f, want page 1 below the one before (y %.1f)", got[i], pages[i], ys[i], ys[i-1])
		}
	}
	_, h := pdf.GetPageSize()
	if pages[4] != pdf.PageNo() || pages[4] <= 1 || ys[4] < testMargin || ys[4] > h-testMargin {
		t.Errorf("heading %q on page %d at y %.1f, want the last page (%d), inside the content area", got[4], pages[4], ys[4], pdf.PageNo())
	}
	if ys[0] < testMargin || ys[0] > h-testMargin {
		t.Errorf("first heading at y %.1f, outside the page's content area", ys[0])
	}
}
