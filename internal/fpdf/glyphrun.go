package fpdf

// cwo patch 20: shaped text. A shaped font is a family whose text a Shaper lays out (fallback
// fonts, bidi, kerning, ligatures, complex scripts); fpdf draws the shaped glyph runs by glyph
// ID through Type0 fonts (Identity-H), subsets each font program by glyph ID, and writes a
// ToUnicode map, with /ActualText spans where glyphs do not map one to one, in reading order,
// to the text (right-to-left runs, Indic clusters), so that text extraction gives the text back.

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/cwo-tool/cwo/internal/shaped"
)

// Shaper lays out text for a shaped font. Measures are in thousandths of an em.
type Shaper interface {
	// Shape lays out one line of text, given in reading order.
	Shape(s string) shaped.Line
	// Width is the width of s shaped as one line.
	Width(s string) float64
	// Breaks returns the byte offsets after which a line of s may break, ending with len(s).
	Breaks(s string) []int
	// RTL reports whether s reads right to left as a paragraph.
	RTL(s string) bool
}

// AddShapedFont registers family and style as a font whose text sh lays out; m gives the
// measures fpdf uses for alignment and underlines (those of the family's first font).
func (f *Fpdf) AddShapedFont(family, style string, sh Shaper, m shaped.Metrics) {
	if f.err != nil {
		return
	}
	style = strings.ToUpper(style)
	if style == "IB" {
		style = "BI"
	}
	key := strings.ToLower(fontFamilyEscape(family)) + style
	if _, ok := f.fonts[key]; ok {
		return
	}
	def := fontDefType{Tp: "Shaped", Name: key, shaper: sh, Up: int(math.Round(m.UnderlinePos)), Ut: int(math.Round(m.UnderlineThk))}
	def.Desc.Ascent = int(math.Round(m.Ascent))
	def.Desc.Descent = int(math.Round(m.Descent))
	def.Desc.CapHeight = int(math.Round(m.CapHeight))
	def.i = "S" + strconv.Itoa(len(f.fonts)+1)
	f.fonts[key] = def
}

// glyphFontUse is a font a document draws glyph runs with.
type glyphFontUse struct {
	font   shaped.Font
	name   string    // resource name, "G1"
	n      int       // object number of the Type0 font, set by putGlyphFonts
	text   []string  // by glyph ID: the text the glyph stands for, for ToUnicode
	widths []float64 // by glyph ID: the width in /W, or -1 for a glyph not drawn
}

// useGlyphFont returns the document's record of font, registering it on first use.
func (f *Fpdf) useGlyphFont(font shaped.Font) *glyphFontUse {
	key := font.Key()
	if u := f.glyphFontIndex[key]; u != nil {
		return u
	}
	if f.glyphFontIndex == nil {
		f.glyphFontIndex = map[string]*glyphFontUse{}
	}
	u := &glyphFontUse{font: font, name: "G" + strconv.Itoa(len(f.glyphFonts)+1)}
	f.glyphFontIndex[key] = u
	f.glyphFonts = append(f.glyphFonts, u)
	return u
}

// textObject is the state of a text object (BT ... ET) that draws glyph runs: where the shaped
// layout has got to (pen) and where the text cursor is (cur), in thousandths of an em, the
// text rise and the current font.
type textObject struct {
	f              *Fpdf
	pen, cur, rise float64
	font           *glyphFontUse
}

// appendLine appends the content-stream operators that draw line with its left end at (x, y)
// on the baseline, in user units, in the current font size.
func (f *Fpdf) appendLine(b []byte, x, y float64, line shaped.Line) []byte {
	t := textObject{f: f}
	b = t.begin(b, x, y)
	b = t.runs(b, line)
	return t.end(b)
}

// begin appends the start of a text object at (x, y).
func (t *textObject) begin(b []byte, x, y float64) []byte {
	b = append(b, "BT "...)
	b = appendNum(b, x*t.f.k)
	b = append(b, ' ')
	b = appendNum(b, (t.f.h-y)*t.f.k)
	return append(b, " Td"...)
}

// setFont appends a font change when u is not the current font.
func (t *textObject) setFont(b []byte, u *glyphFontUse) []byte {
	if u == t.font {
		return b
	}
	t.font = u
	b = append(b, " /"...)
	b = append(b, u.name...)
	b = append(b, ' ')
	b = appendNum(b, t.f.fontSizePt)
	return append(b, " Tf"...)
}

// runs appends the glyph runs of line.
func (t *textObject) runs(b []byte, line shaped.Line) []byte {
	for _, run := range line.Runs {
		if len(run.Glyphs) == 0 {
			continue
		}
		u := t.f.useGlyphFont(run.Font)
		if run.Complex {
			b = append(b, " /Span<</ActualText <FEFF"...)
			b = appendUTF16Hex(b, run.Text)
			b = append(b, ">>>BDC"...)
		}
		b = append(t.setFont(b, u), " ["...)
		width := 0.0
		for _, g := range run.Glyphs {
			width += g.Advance
		}
		if run.RTL {
			// Drawn from the right end, so that the glyphs come in reading order and text
			// extraction, which keeps the order of the content stream within a word, reads it.
			x := width
			for i := len(run.Glyphs) - 1; i >= 0; i-- {
				g := run.Glyphs[i]
				x -= g.Advance
				b = t.glyph(b, u, g, t.pen+x, run.Complex)
			}
		} else {
			x := 0.0
			for _, g := range run.Glyphs {
				b = t.glyph(b, u, g, t.pen+x, run.Complex)
				x += g.Advance
			}
		}
		t.pen += width
		b = append(b, "] TJ"...)
		if run.Complex {
			b = append(b, " EMC"...)
		}
	}
	return b
}

// glyph appends one glyph of an open TJ array, its origin at x (thousandths of an em from
// the text object's start) plus its offsets.
func (t *textObject) glyph(b []byte, u *glyphFontUse, g shaped.Glyph, x float64, complex bool) []byte {
	if g.YOffset != t.rise {
		t.rise = g.YOffset
		b = append(b, "] TJ "...)
		b = appendNum(b, round2(t.rise*t.f.fontSizePt/1000))
		b = append(b, " Ts ["...)
	}
	if d := round2(x + g.XOffset - t.cur); d != 0 {
		b = appendNum(b, -d)
		t.cur += d
	}
	b = append(b, '<')
	b = appendHex4(b, g.ID)
	b = append(b, '>')
	t.cur += u.record(g, complex)
	return b
}

// end appends the end of the text object.
func (t *textObject) end(b []byte) []byte {
	if t.rise != 0 {
		b = append(b, " 0 Ts"...)
	}
	return append(b, " ET"...)
}

// record notes a glyph drawn with u and returns its width in the font's /W array.
func (u *glyphFontUse) record(g shaped.Glyph, complex bool) float64 {
	if int(g.ID) >= len(u.widths) {
		n := max(int(g.ID)+1, 2*len(u.widths), 256)
		for len(u.widths) < n {
			u.widths = append(u.widths, -1)
		}
		u.text = append(u.text, make([]string, n-len(u.text))...)
	}
	w := u.widths[g.ID]
	if w < 0 {
		w = round2(u.font.Advance(g.ID))
		u.widths[g.ID] = w
	}
	if g.Text != "" && !complex && u.text[g.ID] == "" {
		u.text[g.ID] = g.Text
	}
	return w
}

// shapedWidth is the width of s in the current shaped font, in user units.
func (f *Fpdf) shapedWidth(s string) float64 {
	return f.aliasWidth(s) * f.fontSize / 1000
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func appendNum(b []byte, v float64) []byte {
	v = round2(v)
	if v == 0 {
		return append(b, '0')
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

const hexDigits = "0123456789ABCDEF"

func appendHex4(b []byte, v uint16) []byte {
	return append(b, hexDigits[v>>12], hexDigits[v>>8&15], hexDigits[v>>4&15], hexDigits[v&15])
}

// appendUTF16Hex appends s as UTF-16BE in hexadecimal.
func appendUTF16Hex(b []byte, s string) []byte {
	for _, r := range s {
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			b = appendHex4(appendHex4(b, uint16(r1)), uint16(r2))
			continue
		}
		b = appendHex4(b, uint16(r))
	}
	return b
}
