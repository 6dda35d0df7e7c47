package fpdf

// cwo patch 20 (continued): the page-count alias (AliasNbPages) in shaped text. The count is
// known only when the document closes, and shaped text is drawn as glyph IDs, so the alias is
// drawn as a marker naming its font, replaced at close by the glyph IDs of the count's digits
// and a shift that takes up the room reserved for two digits.

import (
	"strconv"
	"strings"
)

// nbAlias is a font's digits, for the page count.
type nbAlias struct {
	u       *glyphFontUse
	digits  [10]uint16
	widths  [10]float64
	reserve float64 // the width reserved for the count: two digits
}

// nbMarker is drawn for the page-count alias in font u: not a hex string, so it cannot occur
// in shaped text otherwise. It is replaced by the count's glyphs alone.
func nbMarker(u *glyphFontUse) string { return "<!NB" + u.name + "!>" }

// appendText appends the operators that draw s at (x, y), the left end of the baseline. The
// page-count alias takes the room of two digits in the layout; drawn with fewer, the text after
// it moves left by the difference, as it follows in the same text object.
func (f *Fpdf) appendText(b []byte, x, y float64, s string) []byte {
	sh := f.currentFont.shaper
	alias := f.aliasNbPagesStr
	if alias == "" || !strings.Contains(s, alias) {
		return f.appendLine(b, x, y, sh.Shape(s))
	}
	a := f.nbDigits()
	if a == nil { // the font has no digits: draw the alias as text
		return f.appendLine(b, x, y, sh.Shape(s))
	}
	t := textObject{f: f}
	b = t.begin(b, x, y)
	for i, part := range strings.Split(s, alias) {
		if i > 0 {
			b = append(t.setFont(b, a.u), " ["...)
			if d := round2(t.pen - t.cur); d != 0 {
				b = appendNum(b, -d)
			}
			b = append(append(b, nbMarker(a.u)...), "] TJ"...)
			t.pen += a.reserve
			t.cur = t.pen
		}
		b = t.runs(b, sh.Shape(part))
	}
	return t.end(b)
}

// aliasWidth is the width of s in the current shaped font, in thousandths of an em, with the
// page-count alias taking the room appendText reserves for it.
func (f *Fpdf) aliasWidth(s string) float64 {
	sh := f.currentFont.shaper
	alias := f.aliasNbPagesStr
	if alias == "" || !strings.Contains(s, alias) {
		return sh.Width(s)
	}
	parts := strings.Split(s, alias)
	w := 0.0
	for _, p := range parts {
		w += sh.Width(p)
	}
	if a := f.nbDigits(); a != nil {
		return w + float64(len(parts)-1)*a.reserve
	}
	return w + float64(len(parts)-1)*sh.Width(alias)
}

// nbDigits returns the digits of the current shaped font, registering them with the document
// (nil when the font does not draw each digit with one glyph).
func (f *Fpdf) nbDigits() *nbAlias {
	line := f.currentFont.shaper.Shape("0123456789")
	if len(line.Runs) != 1 || len(line.Runs[0].Glyphs) != 10 {
		return nil
	}
	run := line.Runs[0]
	u := f.useGlyphFont(run.Font)
	if f.nbAliases == nil {
		f.nbAliases = map[string]*nbAlias{}
	}
	if a := f.nbAliases[u.name]; a != nil {
		return a
	}
	a := &nbAlias{u: u}
	for d, g := range run.Glyphs {
		a.digits[d] = g.ID
		a.widths[d] = u.record(g, false)
	}
	a.reserve = 2 * a.widths[0]
	f.nbAliases[u.name] = a
	return a
}

// registerNbAliases registers, for each font that drew the page-count alias, the replacement of
// its marker: the glyphs of nb's digits.
func (f *Fpdf) registerNbAliases(nb int) {
	for _, a := range f.nbAliases {
		var b []byte
		b = append(b, '<')
		for _, c := range strconv.Itoa(nb) {
			b = appendHex4(b, a.digits[c-'0'])
		}
		b = append(b, '>')
		f.RegisterAlias(nbMarker(a.u), string(b))
	}
}
