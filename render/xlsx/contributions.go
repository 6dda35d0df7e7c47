package xlsx

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

var contributionHeader = []string{"Title", "Pull request", "Item", "State", "Opened", "Merged or closed", "Link"}

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

// contributions writes the Contributions sheet: one row per pull request, its title a hyperlink
// to it when the URL is safe, else plain text.
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
		for i, v := range []string{c.Title, "", c.Item, stateLabel(c.State), "", "", c.URL} {
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
	if linkable(c.URL) {
		s.text(title, text, st.link)
		tip := c.URL
		s.do(func() error {
			return s.f.SetCellHyperLink(s.name, title, c.URL, "External", excelize.HyperlinkOpts{Tooltip: &tip})
		})
	} else {
		s.text(title, text, st.text)
	}
	if c.Number > 0 {
		s.text(cell("B", row), fmt.Sprintf("#%d", c.Number), st.text)
	}
	s.text(cell("C", row), c.Item, st.text)
	s.text(cell("D", row), stateLabel(c.State), st.text)
	s.date(cell("E", row), c.Opened, st.date)
	if c.State != cwo.StateOpen {
		s.date(cell("F", row), cwo.MaxDate(c.Merged, c.Closed), st.date)
	}
	s.text(cell("G", row), c.URL, st.text)
}

// contributionLayout sets widths that fit the content, the frozen header, filter buttons and
// the page setup.
func (b *book) contributionLayout(s *sheet, widths []int, lastRow int) {
	widths[1], widths[4], widths[5] = 14, 12, 18 // pull request, opened, merged or closed
	for i, w := range widths {
		col := string(rune('A' + i))
		s.width(col, col, fitWidth(w, minTextWidth, maxTextWidth))
	}
	s.do(func() error { return s.f.SetPanes(s.name, freezeHeader) })
	s.do(func() error { return b.autoFilter(s.name, "G", lastRow) })
	s.do(func() error { return pageSetup(s.f, s.name) })
}
