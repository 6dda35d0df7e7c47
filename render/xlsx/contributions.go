package xlsx

import (
	"net/url"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

var contributionHeader = []string{"Title", "Pull request", "Item", "State", "Opened", "Merged or closed", "Link", "Note"}

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

// contributions writes the Contributions sheet: one row per pull request, its title and its
// reference (owner/repo#N) hyperlinks to it when the URL is safe, else plain text, and a note
// for a pull request that may not be the team's work under the order (a bot's, opened outside
// the order's term, by someone not on its team).
func (b *book) contributions() error {
	s := &sheet{f: b.f, name: sheetContributions}
	st := b.st
	for i, t := range contributionHeader {
		s.text(cell(string(rune('A'+i)), 1), t, st.header)
	}
	widths := make([]int, len(contributionHeader))
	for i, t := range contributionHeader {
		widths[i] = textWidth(t)
	}
	row := 2
	for _, c := range b.r.Contributions {
		b.contributionRow(s, row, c)
		for i, v := range []string{c.Title, c.Ref(), c.Item, stateLabel(c.State), "", "", c.URL, cwo.FlagNote(b.r.Order, c)} {
			widths[i] = max(widths[i], textWidth(v))
		}
		row++
	}
	if len(b.r.Contributions) == 0 {
		s.text("A2", "No pull requests were opened, merged or closed in this period, or open at its end.", st.muted)
		row++
	}
	b.contributionLayout(s, widths, row-1)
	return s.Err()
}

// contributionRow writes one pull request. The merged or closed date shows only once the pull
// request was no longer open at the period's end.
func (b *book) contributionRow(s *sheet, row int, c cwo.Contribution) {
	st := b.st
	title, text := cell("A", row), c.Title
	if text == "" {
		text = c.URL
	}
	b.link(s, title, text, c.URL)
	if ref := c.Ref(); ref != c.URL {
		b.link(s, cell("B", row), ref, c.URL)
	}
	s.text(cell("C", row), c.Item, st.text)
	s.text(cell("D", row), stateLabel(c.State), st.text)
	s.date(cell("E", row), c.Opened, st.date)
	if c.State != cwo.StateOpen {
		s.date(cell("F", row), cwo.MaxDate(c.Merged, c.Closed), st.date)
	}
	s.text(cell("G", row), c.URL, st.text)
	s.text(cell("H", row), cwo.FlagNote(b.r.Order, c), st.text)
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

// contributionLayout sets widths that fit the content, the frozen header, filter buttons and
// the page setup.
func (b *book) contributionLayout(s *sheet, widths []int, lastRow int) {
	widths[4], widths[5] = 12, 18 // opened, merged or closed
	for i, w := range widths {
		col := string(rune('A' + i))
		s.width(col, col, fitWidth(w, minTextWidth, maxTextWidth))
	}
	s.do(func() error { return s.f.SetPanes(s.name, freezeHeader) })
	s.do(func() error { return b.autoFilter(s.name, "H", lastRow) })
	s.do(func() error { return pageSetup(s.f, s.name) })
}
