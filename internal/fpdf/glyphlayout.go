package fpdf

// cwo patch 20 (continued): drawing and breaking text in a shaped font.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// shapedText is Text for a shaped font: (x, y) is the left end of the baseline.
func (f *Fpdf) shapedText(x, y float64, s string) {
	b := f.textBuf[:0]
	if f.colorFlag {
		b = append(append(append(b, "q "...), f.color.text.str...), ' ')
	}
	b = f.appendText(b, x, y, s)
	if f.underline && s != "" {
		b = append(append(b, ' '), f.dounderline(x, y, s)...)
	}
	if f.strikeout && s != "" {
		b = append(append(b, ' '), f.dostrikeout(x, y, s)...)
	}
	if f.colorFlag {
		b = append(b, " Q"...)
	}
	f.outBytes(b)
	f.textBuf = b[:0]
}

// shapedMultiCell is MultiCell for a shaped font. Justified text is set ragged: flush left, or
// flush right for a paragraph that reads right to left (when no alignment is asked for, or
// justification; an explicit "L" keeps a right-to-left name in line with the labels of a form).
func (f *Fpdf) shapedMultiCell(w, h float64, txt, border, align string, fill bool) {
	if w == 0 {
		w = f.w - f.rMargin - f.x
	}
	if align == "" || strings.Contains(align, "J") {
		align = "L"
		if f.currentFont.shaper.RTL(txt) {
			align = "R"
		}
	}
	lines := f.splitShaped(txt, w)
	if len(lines) == 0 {
		lines = []string{""}
	}
	border = strings.ToUpper(border)
	x := f.x
	for i, line := range lines {
		f.x = x
		f.CellFormat(w, h, line, lineBorder(border, i == 0, i == len(lines)-1), 2, align, fill, 0, "")
	}
	f.x = f.lMargin
}

// lineBorder is the part of a MultiCell border drawn around one of its lines.
func lineBorder(border string, first, last bool) string {
	if border == "1" {
		border = "LTRB"
	}
	b := ""
	for _, side := range "LR" {
		if strings.ContainsRune(border, side) {
			b += string(side)
		}
	}
	if first && strings.Contains(border, "T") {
		b += "T"
	}
	if last && strings.Contains(border, "B") {
		b += "B"
	}
	return b
}

// splitShaped is SplitText for a shaped font: lines break where the Unicode line breaking
// algorithm allows, and a word too long for a line is cut between clusters.
func (f *Fpdf) splitShaped(txt string, w float64) []string {
	wmax := (w - 2*f.cMargin) * 1000 / f.fontSize
	txt = strings.TrimRight(strings.ReplaceAll(txt, "\r", ""), "\n")
	var lines []string
	for _, par := range strings.Split(txt, "\n") {
		lines = append(lines, f.wrapShaped(par, wmax)...)
	}
	return lines
}

// wrapShaped breaks one paragraph into lines no wider than wmax (thousandths of an em), filling
// each line with as many segments (a word and its spaces) as fit.
func (f *Fpdf) wrapShaped(par string, wmax float64) []string {
	if par == "" {
		return []string{""}
	}
	sh := f.currentFont.shaper
	var lines []string
	start, end, width := 0, 0, 0.0 // the line so far is par[start:end], width wide
	for _, e := range sh.Breaks(par) {
		seg := par[end:e]
		body := strings.TrimRight(seg, " ")
		bodyW := sh.Width(body)
		if end > start && width+bodyW > wmax {
			lines = append(lines, strings.TrimRight(par[start:end], " "))
			start, width = end, 0
		}
		if end == start && bodyW > wmax {
			cuts := f.cutShaped(body, wmax)
			for i, c := range cuts {
				lines = append(lines, par[start:end+c])
				start = end + cuts[i]
			}
			seg = par[start:e]
		}
		width += sh.Width(seg)
		end = e
	}
	return append(lines, strings.TrimRight(par[start:end], " "))
}

// cutShaped returns the byte offsets at which s, a word too wide for wmax, is cut into lines:
// each piece as long as fits (and at least one cluster), the last piece left over.
func (f *Fpdf) cutShaped(s string, wmax float64) []int {
	sh := f.currentFont.shaper
	var cuts []int
	from := 0
	for sh.Width(s[from:]) > wmax {
		lo, hi := nextCut(s, from), len(s) // s[from:lo] is one cluster; s[from:hi] is too wide
		for {
			mid := cutBefore(s, lo+(hi-lo)/2)
			if mid <= lo {
				mid = nextCut(s, lo)
			}
			if mid >= hi {
				break
			}
			if sh.Width(s[from:mid]) <= wmax {
				lo = mid
			} else {
				hi = mid
			}
		}
		if lo >= len(s) {
			break
		}
		cuts = append(cuts, lo)
		from = lo
	}
	return cuts
}

// nextCut is the first place after i where a word may be cut (see cutBefore), or len(s).
func nextCut(s string, i int) int {
	for i < len(s) {
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if c := cutBefore(s, i); c == i {
			return i
		}
	}
	return len(s)
}

// cutBefore moves i back to the nearest place where a word may be cut: a rune boundary that is
// not before a combining mark or after a joiner or a virama (so that a cluster stays whole).
func cutBefore(s string, i int) int {
	for i > 0 && i < len(s) {
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		p, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) && r != 0x200D && p != 0x200D && !isVirama(p) {
			return i
		}
		i--
	}
	return max(i, 0)
}

// isVirama reports the common viramas, after which a consonant joins the cluster.
func isVirama(r rune) bool {
	switch r {
	case 0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0C4D, 0x0CCD, 0x0D4D, 0x0DCA, 0x0E3A,
		0x1039, 0x17D2, 0x1B44, 0xA8C4, 0xA9C0, 0x11046, 0x110B9:
		return true
	}
	return false
}
