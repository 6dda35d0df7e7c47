package xlsx

// maxRowHeight is the tallest row a spreadsheet allows, in points; longer text is cut off on
// screen but kept whole in the cell.
const maxRowHeight = 409

// narrative writes the period's progress notes: summary, highlights, risks and next steps, as
// rich text. Each paragraph or list entry is a wrapped cell across the grid.
func (s *summarySheet) narrative() {
	p := s.b.r.Progress
	if p == nil {
		s.section("Progress notes", 1)
		s.muted("No progress notes were written for this period.")
		return
	}
	summary := richCells(p.Summary)
	s.section("Progress notes", len(summary)+1)
	s.paragraphs("Summary", summary)
	s.paragraphs("Highlights", noteEntries(p.Highlights))
	s.paragraphs("Risks", noteEntries(p.Risks))
	s.paragraphs("Next steps", noteEntries(p.Next))
}

// noteEntries turns list entries of the progress notes into bulleted cells, skipping empty ones.
func noteEntries(list []string) []*richText {
	var out []*richText
	for _, e := range list {
		if t := richEntry(e, bulletMark); len(t.runs) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// paragraphs writes a label row, kept on the page of the first cell after it, then one wrapped
// row per cell.
func (s *summarySheet) paragraphs(label string, cells []*richText) {
	first := lineHeight
	if len(cells) > 0 {
		first = max(lineHeight, richHeight(cells[0]))
	}
	s.keep(lineHeight + first)
	s.label(label)
	s.next(0)
	for _, t := range cells {
		s.wrapped(t)
	}
	if len(cells) == 0 {
		s.muted("None.")
	}
}

// richHeight is the height in points of a narrative row showing t.
func richHeight(t *richText) float64 {
	return linesHeight(textLines(t.Plain(), span("A", summaryLastCol)))
}

// wrapped writes rich text in a cell merged across the grid, with a row tall enough to show it
// (spreadsheet programs do not grow merged cells by themselves). Links show as underlined text
// with their address; the cell itself is not made a hyperlink, which LibreOffice would show as
// one unwrapped line of link text, losing the formatting.
func (s *summarySheet) wrapped(t *richText) {
	from, to := cell("A", s.row), cell(summaryLastCol, s.row)
	h := richHeight(t)
	s.keep(max(h, lineHeight))
	s.do(func() error { return s.f.MergeCell(s.name, from, to) })
	s.do(func() error { return s.f.SetCellRichText(s.name, from, t.Runs()) })
	s.styleRange(from, to, s.b.st.wrap)
	s.next(h)
}
