package typeset

import (
	"encoding/binary"
	"unicode/utf16"

	ot "github.com/go-text/typesetting/font/opentype"
)

// names are the name-table entries typeset uses.
type names struct{ family, full, postscript, typographic string }

// readNames reads the name table: Windows Unicode entries first, Macintosh Roman ones if a
// name has no Windows entry. Malformed entries are skipped.
func readNames(ld *ot.Loader) names {
	var n names
	b, _ := ld.RawTable(ot.MustNewTag("name"))
	if len(b) < 6 {
		return n
	}
	count, strOff := int(be16(b, 2)), int(be16(b, 4))
	for i := 0; i < count; i++ {
		r := 6 + 12*i
		if r+12 > len(b) {
			break
		}
		platform, id := be16(b, r), be16(b, r+6)
		length, off := int(be16(b, r+8)), strOff+int(be16(b, r+10))
		if off+length > len(b) {
			continue
		}
		s := decodeName(platform, b[off:off+length])
		dst := map[uint16]*string{1: &n.family, 4: &n.full, 6: &n.postscript, 16: &n.typographic}[id]
		if dst != nil && s != "" && (*dst == "" || platform == 3) {
			*dst = s
		}
	}
	return n
}

func decodeName(platform uint16, b []byte) string {
	switch platform {
	case 0, 3:
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = be16(b, 2*i)
		}
		return string(utf16.Decode(u))
	case 1:
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c) // Mac Roman agrees with Latin-1 on ASCII, which names use
		}
		return string(r)
	}
	return ""
}

// readMetrics reads head, hhea, OS/2 and post for a PDF font descriptor, in thousandths of an
// em. Missing or short tables leave their measures zero.
func readMetrics(ld *ot.Loader, upem float64) Metrics {
	var m Metrics
	scale := func(v int16) float64 { return float64(v) * 1000 / upem }
	if b, _ := ld.RawTable(ot.MustNewTag("head")); len(b) >= 44 {
		for i := range m.BBox {
			m.BBox[i] = scale(int16(be16(b, 36+2*i)))
		}
		m.Italic = be16(b, 44)&2 != 0 // macStyle italic
	}
	if b, _ := ld.RawTable(ot.MustNewTag("hhea")); len(b) >= 8 {
		m.Ascent, m.Descent = scale(int16(be16(b, 4))), scale(int16(be16(b, 6)))
	}
	if b, _ := ld.RawTable(ot.MustNewTag("OS/2")); len(b) >= 90 && be16(b, 0) >= 2 {
		m.CapHeight = scale(int16(be16(b, 88)))
		m.Serif = b[32] >= 1 && b[32] <= 7 // IBM family class: the serif classes
		m.Italic = m.Italic || be16(b, 62)&1 != 0
	}
	if m.CapHeight == 0 {
		m.CapHeight = m.Ascent * 0.7
	}
	if b, _ := ld.RawTable(ot.MustNewTag("post")); len(b) >= 16 {
		m.ItalicAngle = float64(int32(binary.BigEndian.Uint32(b[4:]))) / 65536
		m.UnderlinePos, m.UnderlineThk = scale(int16(be16(b, 8))), scale(int16(be16(b, 10)))
		m.FixedPitch = binary.BigEndian.Uint32(b[12:]) != 0
	}
	return m
}

// readAdvances reads the advance widths of hmtx (numberOfHMetrics of them, from hhea).
func readAdvances(ld *ot.Loader) []uint16 {
	hhea, _ := ld.RawTable(ot.MustNewTag("hhea"))
	hmtx, _ := ld.RawTable(ot.MustNewTag("hmtx"))
	if len(hhea) < 36 {
		return nil
	}
	n := int(be16(hhea, 34))
	if 4*n > len(hmtx) {
		n = len(hmtx) / 4
	}
	adv := make([]uint16, n)
	for i := range adv {
		adv[i] = be16(hmtx, 4*i)
	}
	return adv
}

func be16(b []byte, off int) uint16 {
	if off < 0 || off+2 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint16(b[off:])
}
