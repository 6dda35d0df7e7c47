package xlsx

import (
	"net/url"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

// contributionHeader titles the Contributions sheet's columns. The Note column (the last) is
// left out when no pull request has a note; a pull request's URL is the link of its title and
// reference, not a column of its own.
var contributionHeader = []string{"Title", "Pull request", "Item", "State", "Opened", "Merged or closed", "Note"}

// Widths of the Contributions sheet's columns, in characters: titles and notes wrap within
// maxContribText, so that the sheet prints on a landscape page at (nearly) full size.
const (
	maxContribText = 44
	contribDate    = 12
	contribClosed  = 12
)

// textSlack is how much wider than the measure of textLines the faces that LibreOffice puts in
// Calibri's place set text: titles and notes are sized and their rows counted with it, so that
// a title that fits one line in Excel is not cut in LibreOffice.
const textSlack = 1.15

// wideText is how much wider than average text a pull request reference (owner/repo#N) draws:
// its digits, "#" and "m" are wide in every face that programs use for Calibri.
const wideText = 1.3

// stateLabel names a contribution state for readers: a closed pull request was not merged.
func stateLabel(state string) string {
	if state == cwo.StateClosed {
		return "closed (not merged)"
	}
	return state
}

// linkable reports whether u may become a hyperlink: only absolute http, https and mailto URLs.
func linkable(u string) bool {
	if !cwo.SafeURL(u) {
		return false
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// contribRef is what the Pull request column shows: the reference (owner/repo#N), a hyperlink
// to the URL when the URL is linkable; else the URL itself as text, so that it stays visible.
func contribRef(c cwo.Contribution) string {
	if c.URL != "" && !linkable(c.URL) {
		return c.URL
	}
	return c.Ref()
}

// contributions writes the Contributions sheet: one row per pull request, its title (wrapped:
// LibreOffice does not wrap a hyperlink) and its reference (owner/repo#N), a hyperlink to it
// when the URL is safe, else the URL as plain text, and a note
// for a pull request that may not be the team's work under the order (a bot's, opened outside
// the order's term, by someone not on its team).
func (b *book) contributions() error {
	s := &sheet{f: b.f, name: sheetContributions}
	st := b.st
	header := contributionHeader
	if !b.anyContributionNote() {
		header = header[:len(header)-1]
	}
	widths := b.contributionWidths(len(header))
	lines := 1
	for i, t := range header {
		s.text(cell(col(i), 1), t, st.header)
		lines = max(lines, textLines(t, widths[i]))
	}
	s.rowHeight(1, linesHeight(lines))
	row := 2
	for _, c := range b.r.Contributions {
		b.contributionRow(s, row, c, widths)
		row++
	}
	if len(b.r.Contributions) == 0 {
		s.text("A2", "No pull requests were opened, merged or closed in this period, or open at its end.", st.muted)
		row++
	}
	b.contributionLayout(s, widths, row-1)
	return s.Err()
}

// anyContributionNote reports whether some pull request has a note.
func (b *book) anyContributionNote() bool {
	for _, c := range b.r.Contributions {
		if cwo.FlagNote(b.r.Order, c) != "" {
			return true
		}
	}
	return false
}

// contributionWidths sizes the first n columns to their content: the reference column to the
// longest reference, so that none is cut; titles and notes wrap within maxContribText.
func (b *book) contributionWidths(n int) []float64 {
	ws := make([]int, len(contributionHeader))
	for i, t := range contributionHeader {
		ws[i] = textWidth(t)
	}
	for _, c := range b.r.Contributions {
		ws[0] = max(ws[0], wrapWidth(int(float64(len([]rune(c.Title)))*textSlack)+1))
		ws[1] = max(ws[1], wrapWidth(int(float64(len([]rune(contribRef(c))))*wideText+1)))
		ws[2] = max(ws[2], textWidth(c.Item))
		ws[3] = max(ws[3], textWidth(stateLabel(c.State)))
		ws[6] = max(ws[6], wrapWidth(int(float64(len([]rune(cwo.FlagNote(b.r.Order, c))))*textSlack)+1))
	}
	ws[4], ws[5] = contribDate, contribClosed
	out := make([]float64, n)
	for i := range out {
		hi := maxTextWidth
		if i == 0 || i == 6 {
			hi = maxContribText
		}
		out[i] = fitWidth(ws[i], minTextWidth, hi)
	}
	return out
}

// contributionRow writes one pull request, as tall as its wrapped title and note need. The
// merged or closed date shows only once the pull request was no longer open at the period's
// end.
func (b *book) contributionRow(s *sheet, row int, c cwo.Contribution, widths []float64) {
	st := b.st
	text := c.Title
	if text == "" {
		text = c.URL
	}
	s.text(cell("A", row), text, st.wrap)
	ref := contribRef(c)
	b.link(s, cell("B", row), ref, c.URL)
	s.text(cell("C", row), c.Item, st.text)
	s.text(cell("D", row), stateLabel(c.State), st.text)
	s.date(cell("E", row), c.Opened, st.date)
	if c.State != cwo.StateOpen {
		s.date(cell("F", row), cwo.MaxDate(c.Merged, c.Closed), st.date)
	}
	lines := max(textLines(text, widths[0]/textSlack), textLines(ref, widths[1]/wideText))
	if len(widths) > 6 {
		note := cwo.FlagNote(b.r.Order, c)
		s.text(cell("G", row), note, st.wrap)
		lines = max(lines, textLines(note, widths[6]/textSlack))
	}
	s.rowHeight(row, linesHeight(lines))
}

// link writes text into ref, as a hyperlink to u when u is linkable, else as plain text.
func (b *book) link(s *sheet, ref, text, u string) {
	if !linkable(u) {
		s.text(ref, text, b.st.text)
		return
	}
	s.text(ref, text, b.st.link)
	tip := u
	s.do(func() error {
		return s.f.SetCellHyperLink(s.name, ref, u, "External", excelize.HyperlinkOpts{Tooltip: &tip})
	})
}

// contributionLayout sets the column widths, the frozen header, filter buttons and the page
// setup.
func (b *book) contributionLayout(s *sheet, widths []float64, lastRow int) {
	for i, w := range widths {
		s.width(col(i), col(i), w)
	}
	last := col(len(widths) - 1)
	s.do(func() error { return s.f.SetPanes(s.name, freezeHeader) })
	s.do(func() error { return b.autoFilter(s.name, last, lastRow) })
	s.do(func() error { return b.printSetup(s.name, widths, true) })
}
