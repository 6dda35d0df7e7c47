package signing

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// Appearance layout, in points.
const (
	apPadding     = 3.0
	apMaxFontSize = 10.0
	apMinFontSize = 4.0
	apLeading     = 1.25 // line height as a multiple of the font size
)

// appearance returns the normal appearance stream (a form XObject) of a signed field whose
// rectangle is w × h points: the lines of text in Helvetica, sized to fit, bottom-aligned so
// that they sit on the signature line.
func appearance(w, h float64, lines []string) []byte {
	encoded := make([]string, len(lines))
	for i, l := range lines {
		encoded[i] = winAnsi(l)
	}
	size := fitFontSize(w-2*apPadding, h-2*apPadding, encoded)
	var s bytes.Buffer
	s.WriteString("q\nBT\n0.05 0.15 0.45 rg\n")
	fmt.Fprintf(&s, "/F1 %s Tf\n", num(size))
	for i, l := range encoded {
		y := apPadding + size*(0.25+float64(len(encoded)-1-i)*apLeading)
		fmt.Fprintf(&s, "1 0 0 1 %s %s Tm (%s) Tj\n", num(apPadding), num(y), escapeLiteral(l))
	}
	s.WriteString("ET\nQ\n")
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< /Type /XObject /Subtype /Form /FormType 1 /BBox [0 0 %s %s] /Matrix [1 0 0 1 0 0]", num(w), num(h))
	b.WriteString(" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>")
	fmt.Fprintf(&b, " /Length %d >>\nstream\n", s.Len())
	b.Write(s.Bytes())
	b.WriteString("endstream")
	return b.Bytes()
}

// fitFontSize returns the largest size up to apMaxFontSize at which every line fits the width and
// all lines fit the height, but no smaller than apMinFontSize (text beyond the box is clipped).
func fitFontSize(w, h float64, lines []string) float64 {
	size := apMaxFontSize
	if n := float64(len(lines)); n > 0 {
		size = min(size, h/(n*apLeading))
	}
	for _, l := range lines {
		if units := helveticaWidth(l); units > 0 {
			size = min(size, w*1000/units)
		}
	}
	return max(size, apMinFontSize)
}

// winAnsi encodes s in Windows-1252, the encoding of the appearance font; other characters
// become '?'.
func winAnsi(s string) string {
	var b strings.Builder
	enc := charmap.Windows1252
	for _, r := range s {
		c, ok := enc.EncodeRune(r)
		if !ok {
			c = '?'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// escapeLiteral escapes a byte string for a PDF literal string.
func escapeLiteral(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", `\r`, "\n", `\n`).Replace(s)
}

// num formats a coordinate with at most two decimals.
func num(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// helveticaWidth returns the width of a Windows-1252 string in Helvetica, in 1/1000 of the font
// size. Characters outside printable ASCII count as 556 (the width of a digit).
func helveticaWidth(s string) float64 {
	total := 0
	for _, c := range []byte(s) {
		if c >= 32 && c <= 126 {
			total += helveticaASCII[c-32]
		} else {
			total += 556
		}
	}
	return float64(total)
}

// helveticaASCII holds the standard Helvetica widths (Adobe AFM) of characters 32 to 126.
var helveticaASCII = [95]int{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
}
