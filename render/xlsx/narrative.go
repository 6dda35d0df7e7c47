package xlsx

import (
	"strings"
	"unicode/utf8"
)

// noItemTitle names hours logged without a scope item.
const noItemTitle = "(no item) hours without a scope item"

// maxRowHeight is the tallest row a spreadsheet allows, in points; longer text is cut off on
// screen but kept whole in the cell.
const maxRowHeight = 409

// narrativeChars is about how many characters of text fit on one line of a narrative row, which
// spans columns A to D (94 character widths), with a margin for wider fonts.
const narrativeChars = 92

// narrative writes the period's progress notes: summary, highlights, risks and next steps. Each
// paragraph or list entry is a wrapped text cell across columns A to D.
func (s *summarySheet) narrative() {
	p := s.b.r.Progress
	s.section("Narrative")
	if p == nil {
		s.text(cell("A", s.row), "No progress notes were written for this period.", s.b.st.muted)
		s.row++
		return
	}
	s.paragraphs("Summary", narrativeParagraphs(p.Summary), "")
	s.paragraphs("Highlights", p.Highlights, "• ")
	s.paragraphs("Risks", p.Risks, "• ")
	s.paragraphs("Next steps", p.Next, "• ")
}

// paragraphs writes a label row, then one wrapped row per entry, each starting with bullet.
func (s *summarySheet) paragraphs(label string, entries []string, bullet string) {
	s.text(cell("A", s.row), label, s.b.st.label)
	s.row++
	n := 0
	for _, e := range entries {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		s.wrapped(bullet + e)
		n++
	}
	if n == 0 {
		s.text(cell("A", s.row), "None.", s.b.st.muted)
		s.row++
	}
}

// wrapped writes text in a cell merged across columns A to D, with a row tall enough to show it.
func (s *summarySheet) wrapped(text string) {
	from, to := cell("A", s.row), cell(summaryLastCol, s.row)
	s.do(func() error { return s.f.MergeCell(s.name, from, to) })
	s.text(from, text, s.b.st.wrap)
	s.styleRange(from, to, s.b.st.wrap)
	s.fitRow(s.row, text, narrativeChars)
	s.row++
}

// fitRow makes row tall enough for text wrapped at about chars characters a line. Spreadsheet
// programs do not grow merged cells by themselves.
func (s *summarySheet) fitRow(row int, text string, chars int) {
	lines := 0
	for line := range strings.SplitSeq(text, "\n") {
		lines += max(1, (utf8.RuneCountInString(line)+chars-1)/chars)
	}
	if lines > 1 {
		h := min(float64(lines)*lineHeight+3, maxRowHeight)
		s.do(func() error { return s.f.SetRowHeight(s.name, row, h) })
	}
}

// layout sets column widths and the page setup: landscape, one page wide.
func (s *summarySheet) layout() {
	for i, w := range summaryWidths {
		col := string(rune('A' + i))
		s.width(col, col, w)
	}
	s.do(func() error { return pageSetup(s.f, s.name) })
}
