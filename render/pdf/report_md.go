package pdf

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
)

// mdText is Markdown a report section is written in before mdpdf draws it: the report's own
// words and figures, the data's plain text escaped (esc), and the data's Markdown as it is.
type mdText struct{ strings.Builder }

// line writes one line of Markdown.
func (m *mdText) line(format string, args ...any) {
	fmt.Fprintf(&m.Builder, format, args...)
	m.WriteByte('\n')
}

// heading starts a section: a blank line, the heading and a blank line.
func (m *mdText) heading(level int, title string) {
	m.line("\n%s %s\n", strings.Repeat("#", level), esc(title))
}

// table writes a table: head's titles, with the columns listed in right set flush right, and
// rows of Markdown cells (escape plain text with esc).
func (m *mdText) table(head []string, right []int, rows [][]string) {
	m.line("")
	m.line("| %s |", strings.Join(head, " | "))
	aligns := make([]string, len(head))
	for i := range aligns {
		aligns[i] = "---"
	}
	for _, i := range right {
		aligns[i] = "--:"
	}
	m.line("|%s|", strings.Join(aligns, "|"))
	for _, r := range rows {
		m.line("| %s |", strings.Join(r, " | "))
	}
	m.line("")
}

// list writes the data's Markdown items as a bulleted list, each on one line.
func (m *mdText) list(items []string) {
	m.line("")
	for _, it := range items {
		m.line("- %s", oneLine(it))
	}
	m.line("")
}

// para writes a paragraph of the report's own words.
func (m *mdText) para(s string) { m.line("\n%s\n", s) }

// esc escapes the data's plain text (a title, a name) for Markdown: every ASCII punctuation
// character that Markdown could read as markup is preceded by a backslash, and line breaks
// become spaces, so that the text reads as written and cannot break a table row.
func esc(s string) string {
	var b strings.Builder
	for _, c := range oneLine(s) {
		if strings.ContainsRune("\\`*_{}[]<>()#+-!|~&.:", c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\r", " ")), " ")
}

// prRef writes a pull request as owner/repo#N, linked to it: the GitHub way to name one.
// A URL that is not a GitHub pull request's is named #N or by itself.
func prRef(c cwo.Contribution) string {
	label := prLabel(c)
	if !cwo.SafeURL(c.URL) {
		return esc(label)
	}
	return fmt.Sprintf("[%s](<%s>)", esc(label), c.URL)
}

// prLabel is the pull request's reference, owner/repo#N (#N, or its URL, when the URL does not
// say more).
func prLabel(c cwo.Contribution) string { return c.Identified().Ref() }

// prTitle is a pull request's title, with what may make it not the team's work under the order
// (a bot's, opened outside the term, another author) in italics after it.
func prTitle(o *cwo.WorkOrder, c cwo.Contribution) string {
	if len(c.Flags) == 0 {
		return esc(c.Title)
	}
	return esc(c.Title) + " *\\(" + esc(cwo.FlagNote(o, c)) + "\\)*"
}

// stateWords writes a contribution's state as words, as it stood at the report's date.
func stateWords(state string) string {
	switch state {
	case cwo.StateMerged:
		return "Merged"
	case cwo.StateOpen:
		return "In review"
	case cwo.StateClosed:
		return "Closed"
	}
	return itemStatusWords(state)
}
