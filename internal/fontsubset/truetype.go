package fontsubset

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ttFont is the part of a TrueType font that subsetting reads.
type ttFont struct {
	head      []byte
	numGlyphs int
	loca      []int // numGlyphs+1 offsets into glyf
	glyf      []byte
}

// TrueType returns a TrueType font program (for a PDF FontFile2, CIDFontType2 with
// CIDToGIDMap /Identity) containing only the outlines of gids (plus glyph 0 and every component
// of a composite glyph), with glyph IDs unchanged: other glyphs are empty (zero-length in loca).
// tables returns the raw bytes of a table of the source font by tag ("glyf", "loca", "head", ...),
// or nil when the font lacks it.
//
// The result has the tables head (checkSumAdjustment recomputed), hhea, maxp, hmtx, loca, glyf,
// cvt, fpgm and prep of the source (those it has), a cmap with no mapping and a post table of
// format 3. A gid at or past the font's number of glyphs is an error.
func TrueType(tables func(tag string) []byte, gids []uint16) ([]byte, error) {
	f, err := loadTrueType(tables)
	if err != nil {
		return nil, err
	}
	keep, err := f.closure(gids)
	if err != nil {
		return nil, err
	}
	glyf, loca, long, err := f.subsetGlyf(keep)
	if err != nil {
		return nil, err
	}
	head := append([]byte(nil), f.head...)
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set by writeSFNT
	head[50], head[51] = 0, 0
	if long {
		head[51] = 1
	}
	out := []sfntTable{
		{"head", head}, {"loca", loca}, {"glyf", glyf},
		{"maxp", tables("maxp")},
		{"cmap", emptyCmap()}, {"post", post3(tables("post"))},
	}
	for _, tag := range []string{"hhea", "hmtx", "cvt ", "fpgm", "prep"} {
		if b := tables(tag); b != nil {
			out = append(out, sfntTable{tag, b})
		}
	}
	return writeSFNT(out), nil
}

// loadTrueType reads head, maxp, loca and glyf through tables.
func loadTrueType(tables func(tag string) []byte) (*ttFont, error) {
	f := &ttFont{head: tables("head"), glyf: tables("glyf")}
	if len(f.head) < 54 {
		return nil, errors.New("truetype: head: missing or shorter than 54 bytes")
	}
	if f.glyf == nil {
		return nil, errors.New("truetype: no glyf table")
	}
	n, err := u16(tables("maxp"), 4)
	if err != nil {
		return nil, fmt.Errorf("truetype: maxp: %w", err)
	}
	f.numGlyphs = n
	format, _ := u16(f.head, 50)
	if f.loca, err = parseLoca(tables("loca"), n, format); err != nil {
		return nil, fmt.Errorf("truetype: loca: %w", err)
	}
	return f, nil
}

// parseLoca reads the n+1 glyph offsets of a loca table of indexToLocFormat format.
func parseLoca(b []byte, n, format int) ([]int, error) {
	size := 2
	switch format {
	case 0:
	case 1:
		size = 4
	default:
		return nil, fmt.Errorf("unknown indexToLocFormat %d", format)
	}
	if len(b) < (n+1)*size {
		return nil, fmt.Errorf("%w: %d bytes for %d glyphs", errShort, len(b), n)
	}
	loca := make([]int, n+1)
	for i := range loca {
		v, _ := uN(b, i*size, size)
		if size == 2 {
			v *= 2
		}
		loca[i] = v
	}
	return loca, nil
}

// glyph returns the glyf data of glyph g, checked to lie inside glyf.
func (f *ttFont) glyph(g int) ([]byte, error) {
	start, end := f.loca[g], f.loca[g+1]
	if end < start || end > len(f.glyf) {
		return nil, fmt.Errorf("truetype: glyph %d: loca range %d..%d outside glyf (%d bytes)",
			g, start, end, len(f.glyf))
	}
	return f.glyf[start:end], nil
}

// closure returns which glyphs to keep: glyph 0, gids and, recursively, the components of
// composite glyphs among them.
func (f *ttFont) closure(gids []uint16) ([]bool, error) {
	keep := make([]bool, f.numGlyphs)
	todo := append([]uint16{0}, gids...)
	for len(todo) > 0 {
		g := int(todo[len(todo)-1])
		todo = todo[:len(todo)-1]
		if g >= f.numGlyphs {
			return nil, fmt.Errorf("truetype: glyph %d out of range (font has %d)", g, f.numGlyphs)
		}
		if keep[g] {
			continue
		}
		keep[g] = true
		data, err := f.glyph(g)
		if err != nil {
			return nil, err
		}
		comps, err := components(data)
		if err != nil {
			return nil, fmt.Errorf("truetype: glyph %d: %w", g, err)
		}
		todo = append(todo, comps...)
	}
	return keep, nil
}

// subsetGlyf returns the glyf and loca tables holding only the kept glyphs, each padded to 4
// bytes, and whether loca had to use the long format.
func (f *ttFont) subsetGlyf(keep []bool) (glyf, loca []byte, long bool, err error) {
	offsets := make([]int, 0, f.numGlyphs+1)
	copied := 0
	for g := range f.numGlyphs {
		offsets = append(offsets, len(glyf))
		if !keep[g] {
			continue
		}
		data, err := f.glyph(g)
		if err != nil {
			return nil, nil, false, err
		}
		// Glyphs in order do not overlap: more bytes than glyf has means a broken loca, which
		// could otherwise make the output many times the size of the input.
		if copied += len(data); copied > len(f.glyf) {
			return nil, nil, false, errors.New("truetype: loca: glyphs overlap")
		}
		glyf = append(glyf, data...)
		glyf = append(glyf, make([]byte, -len(glyf)&3)...)
	}
	offsets = append(offsets, len(glyf))
	long = len(glyf) > 0x1FFFE
	for _, o := range offsets {
		if long {
			loca = putU32(loca, uint32(o))
		} else {
			loca = putU16(loca, o/2)
		}
	}
	return glyf, loca, long, nil
}
