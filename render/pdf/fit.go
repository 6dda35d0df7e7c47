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
// measures s once and then each kept character once, so its work is linear in len(s), and it
// gives the same string as shortening s one character at a time: widths are summed in glyph
// units, as fpdf's GetStringWidth sums them, and converted the same way.
func fitText(m measurer, s string, width float64) string {
	_, size := m.GetFontSize()
	fits := func(glyphs int) bool { return float64(glyphs)*size/1000 <= width }
	if fits(m.GetStringSymbolWidth(s)) {
		return s
	}
	suffix := m.GetStringSymbolWidth(ellipsis)
	end, glyphs := 0, 0 // the kept prefix s[:end] and its width
	for end < len(s) {
		_, n := utf8.DecodeRuneInString(s[end:])
		next := glyphs + m.GetStringSymbolWidth(s[end:end+n])
		if end > 0 && !fits(next+suffix) {
			break
		}
		end, glyphs = end+n, next
	}
	// Through []rune, as the prefix was measured: an invalid byte becomes U+FFFD.
	return string([]rune(s[:end])) + ellipsis
}
