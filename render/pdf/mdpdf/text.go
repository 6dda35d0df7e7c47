package mdpdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// face is a combination of font variants.
type face uint8

const (
	bold face = 1 << iota
	italic
	mono
)

// fontKey names a registered font.
type fontKey struct{ family, style string }

// fontCache remembers the font currently selected on the document, so that SetFont is only
// called when something changes.
type fontCache struct {
	cur   fontKey
	size  float64
	valid bool
}

func (c *fontCache) reset() { c.valid = false }

// invalidate forgets the selected font (after AddPage or foreign drawing).
func (c *fontCache) invalidate() { c.valid = false }

// key maps a face to a registered family and style.
func (r *Renderer) key(f face) fontKey {
	if f&mono != 0 {
		return fontKey{r.st.Mono, ""}
	}
	s := ""
	if f&bold != 0 {
		s += "B"
	}
	if f&italic != 0 {
		s += "I"
	}
	return fontKey{r.st.Family, s}
}

// useFont selects face f at size (points) on the document.
func (r *Renderer) useFont(f face, size float64) fontKey {
	k := r.key(f)
	c := &r.fonts
	if !c.valid || c.cur != k || c.size != size {
		r.pdf.SetFont(k.family, k.style, size)
		c.cur, c.size, c.valid = k, size, true
	}
	return k
}

// width returns the advance width of s in face f at size points, in document units: s shaped
// as a whole (kerning, ligatures, complex scripts), so words are placed as they are drawn.
func (r *Renderer) width(s string, f face, size float64) float64 {
	r.useFont(f, size)
	return r.pdf.GetStringWidth(s)
}

// clean makes s safe for the PDF library: invalid UTF-8 becomes U+FFFD, tabs and line and
// paragraph separators become spaces, and other control and invisible
// format characters are dropped.
func clean(s string) string {
	ok := true
	for _, c := range s {
		if !safeRune(c) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		switch {
		case safeRune(c):
			b.WriteRune(c)
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x2028 || c == 0x2029:
			b.WriteByte(' ')
		case c == utf8.RuneError:
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}

// safeRune reports whether c can be drawn as is.
func safeRune(c rune) bool {
	switch {
	case c < 0x20, c >= 0x7F && c < 0xA0:
		return false
	case c < 0x600:
		return c != 0xAD // soft hyphen
	case c == utf8.RuneError, isNonchar(c):
		return false
	}
	return !unicode.Is(unicode.Cf, c) && !unicode.Is(unicode.Zl, c) && !unicode.Is(unicode.Zp, c)
}

// isNonchar reports the Unicode noncharacters (U+FDD0..U+FDEF and the last two code points of
// every plane).
func isNonchar(c rune) bool {
	return c >= 0xFDD0 && c <= 0xFDEF || c&0xFFFE == 0xFFFE
}
