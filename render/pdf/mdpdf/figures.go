package mdpdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cwo-tool/cwo/markdown"
)

// Figures in tables. A column is numeric when every body cell with text in it is a figure: a
// number, signed or not, with group separators, a decimal mark, a currency symbol or code, or
// a percent sign ("€30,000.00", "1,250", "7.5", "12.500,00 €", "USD 1,000", "−3 %"). A numeric
// column whose alignment is not written, or written flush right ("---:"), is set flush right
// with the decimal marks of its figures lined up (a figure without one lines up its last
// digit with theirs), its header cell flush right above them. A column written flush left or
// centred keeps that alignment. Lined-up figures need digits of one width, which the document
// typefaces have (tabular figures are Noto Serif's default).

// alignFigures sets the numeric columns of rows (rows[0] is the header) flush right and pads
// their cells so that their decimal marks line up.
func (r *Renderer) alignFigures(rows []row, cols int) {
	for c := 0; c < cols; c++ {
		if !numericColumn(rows, c) {
			continue
		}
		frac := make([]float64, len(rows))
		most := 0.0
		for i := range rows {
			if c >= len(rows[i].cells) {
				continue
			}
			cl := &rows[i].cells[c]
			cl.al = alignRight
			if !rows[i].head {
				frac[i] = r.fraction(cl.spans)
				most = max(most, frac[i])
			}
		}
		for i := range rows {
			if c < len(rows[i].cells) && !rows[i].head {
				rows[i].cells[c].pad = most - frac[i]
			}
		}
	}
}

// numericColumn reports whether column c of rows holds figures (at least one) and is not
// written flush left or centred.
func numericColumn(rows []row, c int) bool {
	figures := 0
	for _, rw := range rows {
		if c >= len(rw.cells) {
			continue
		}
		cl := rw.cells[c]
		if cl.src == markdown.AlignLeft || cl.src == markdown.AlignCenter {
			return false
		}
		s := strings.TrimSpace(spanText(cl.spans))
		if rw.head || s == "" {
			continue
		}
		if !isFigure(s) {
			return false
		}
		figures++
	}
	return figures > 0
}

// spanText returns the text of spans, a hard break adding nothing.
func spanText(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return b.String()
}

// isFigure reports whether s is a number as tables show amounts and quantities.
func isFigure(s string) bool {
	s = strings.TrimFunc(trimCode(s), decoration)
	if s == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsDigit(first) || !unicode.IsDigit(last) {
		return false
	}
	for _, c := range s {
		if !unicode.IsDigit(c) && !separator(c) {
			return false
		}
	}
	return true
}

// decoration reports whether c may stand around a figure's digits: a sign, parentheses, a
// currency symbol, a percent sign or a space.
func decoration(c rune) bool {
	return strings.ContainsRune("+-−()%", c) || unicode.Is(unicode.Sc, c) || unicode.IsSpace(c)
}

// separator reports whether c may stand between a figure's digits: a decimal mark or a group
// separator.
func separator(c rune) bool {
	return strings.ContainsRune(".,'’\u066B\u066C", c) || unicode.IsSpace(c)
}

// trimCode removes a three-letter currency code and its space from either end of s
// ("USD 1,000", "1.000 EUR").
func trimCode(s string) string {
	s = strings.TrimSpace(s)
	code := func(t string) bool {
		for i := 0; i < len(t); i++ {
			if t[i] < 'A' || t[i] > 'Z' {
				return false
			}
		}
		return true
	}
	if len(s) > 4 && s[3] == ' ' && code(s[:3]) {
		s = s[4:]
	}
	if n := len(s); n > 4 && s[n-4] == ' ' && code(s[n-3:]) {
		s = s[:n-4]
	}
	return s
}

// intEnd returns the byte offset where the integer part of figure s ends: at its decimal mark,
// the last '.' or ',' between digits that is not followed by exactly three digits (those are
// grouped thousands), or else just after its last digit.
func intEnd(s string) int {
	last := strings.LastIndexFunc(s, unicode.IsDigit)
	if last < 0 {
		return len(s)
	}
	_, size := utf8.DecodeRuneInString(s[last:])
	end := last + size
	start, digits := end, 0
	for start > 0 {
		c, n := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsDigit(c) {
			break
		}
		start -= n
		digits++
	}
	mark, n := utf8.DecodeLastRuneInString(s[:start])
	if start == 0 || digits == 3 || !strings.ContainsRune(".,\u066B", mark) {
		return end
	}
	if before, _ := utf8.DecodeLastRuneInString(s[:start-n]); !unicode.IsDigit(before) {
		return end
	}
	return start - n
}

// fraction returns the width of what follows the integer part of the figure in spans, drawn
// as the spans draw it: the decimal mark and decimals, and a currency or percent sign after
// them (",50 €"); 0 for a plain integer.
func (r *Renderer) fraction(spans []span) float64 {
	text := strings.TrimRight(spanText(spans), " ")
	at, end := intEnd(text), len(text)
	w, off := 0.0, 0
	for _, s := range spans {
		from, to := max(at-off, 0), min(end-off, len(s.text))
		if from < to {
			w += r.width(s.text[from:to], s.a.face, s.a.size)
		}
		off += len(s.text)
	}
	return w
}
