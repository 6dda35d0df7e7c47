package pdf

import "unicode/utf8"

// ellipsis ends a string that fitText shortened.
const ellipsis = "…"

// measurer is what fitText needs from a document: the width of a string in glyph units (a
// thousandth of the font size) and the font size in user units. *fpdf.Fpdf is one; tests count
// the work through another.
type measurer interface {
	GetStringSymbolWidth(s string) int
	GetFontSize() (ptSize, unitSize float64)
}

// fitText returns s when it fits width in the current font, and otherwise the longest prefix of
// s (at least its first character) that fits with an ellipsis appended, plus the ellipsis. It
// measures each character once and stops at the first that no longer fits, so its work is
// bounded by the width, not by len(s) (a page header fits a long title on every page). The
// result is the one of shortening s a character at a time: widths are summed in glyph units, as
// fpdf's GetStringWidth sums them, and converted the same way.
func fitText(m measurer, s string, width float64) string {
	_, size := m.GetFontSize()
	fits := func(glyphs int) bool { return float64(glyphs)*size/1000 <= width }
	suffix := m.GetStringSymbolWidth(ellipsis)
	keep, glyphs := 0, 0 // s[:keep]: the longest prefix, of one character at least, that fits with the ellipsis
	for end := 0; end < len(s); {
		_, n := utf8.DecodeRuneInString(s[end:])
		glyphs += m.GetStringSymbolWidth(s[end : end+n])
		end += n
		if keep == 0 || fits(glyphs+suffix) {
			keep = end
		}
		if !fits(glyphs) {
			break
		}
	}
	if fits(glyphs) { // the loop measured all of s
		return s
	}
	// Through []rune, as the prefix was measured: an invalid byte becomes U+FFFD.
	return string([]rune(s[:keep])) + ellipsis
}
