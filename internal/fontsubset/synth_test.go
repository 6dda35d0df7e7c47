package fontsubset

import (
	"slices"
)

// Synthetic fonts, small enough to be fuzz seeds and to exercise what real fonts may lack.

// synthTrueType returns the tables of a TrueType font of 6 glyphs: 0, 1, 4 and 5 simple, 2 a
// composite of 1 (word arguments, one scale), 3 a composite of 2 (byte arguments, x and y
// scales) and 4 (a 2 by 2 transform).
func synthTrueType() map[string][]byte {
	square := simpleGlyph([][2]int{{0, 0}, {100, 0}, {100, 100}, {0, 100}})
	triangle := simpleGlyph([][2]int{{0, 0}, {200, 0}, {100, 200}})
	comp2 := slices.Concat(putU16(nil, 0xFFFF), make([]byte, 8),
		putU16(nil, argsAreWords|0x2|weHaveAScale), putU16(nil, 1),
		putU16(nil, 10), putU16(nil, 20), putU16(nil, 0x2000))
	comp3 := slices.Concat(putU16(nil, 0xFFFF), make([]byte, 8),
		putU16(nil, 0x2|moreComponents|xAndYScale), putU16(nil, 2), []byte{5, 5},
		putU16(nil, 0x4000), putU16(nil, 0x4000),
		putU16(nil, argsAreWords|0x2|twoByTwo), putU16(nil, 4), putU16(nil, 300), putU16(nil, 0),
		putU16(nil, 0x4000), putU16(nil, 0), putU16(nil, 0), putU16(nil, 0x4000))
	glyphs := [][]byte{square, triangle, comp2, comp3, triangle, square}
	var glyf, loca []byte
	for _, g := range glyphs {
		loca = putU16(loca, len(glyf)/2)
		glyf = append(glyf, g...)
		glyf = append(glyf, make([]byte, len(glyf)&1)...)
	}
	loca = putU16(loca, len(glyf)/2)
	head := make([]byte, 54)
	copy(head, []byte{0, 1, 0, 0})
	copy(head[12:], []byte{0x5F, 0x0F, 0x3C, 0xF5})
	copy(head[18:], putU16(nil, 1000))
	hhea := make([]byte, 36)
	copy(hhea, []byte{0, 1, 0, 0})
	copy(hhea[34:], putU16(nil, len(glyphs)))
	var hmtx []byte
	for range glyphs {
		hmtx = putU16(putU16(hmtx, 500), 0)
	}
	return map[string][]byte{
		"head": head, "hhea": hhea, "hmtx": hmtx, "loca": loca, "glyf": glyf,
		"maxp": putU16([]byte{0, 0, 0x50, 0}, len(glyphs)), "cvt ": {0, 10, 0, 20},
	}
}

// simpleGlyph returns a simple glyph of one contour through the on-curve points pts.
func simpleGlyph(pts [][2]int) []byte {
	b := putU16(nil, 1)
	b = append(b, make([]byte, 8)...) // bounding box: not checked
	b = putU16(b, len(pts)-1)         // end point of the contour
	b = putU16(b, 0)                  // no instructions
	for range pts {
		b = append(b, 1) // on curve, int16 coordinates
	}
	for axis := range 2 {
		prev := 0
		for _, p := range pts {
			b = putU16(b, p[axis]-prev)
			prev = p[axis]
		}
	}
	return b
}

// sfntOf returns the font file of tables, with a cmap and a post table added.
func sfntOf(tables map[string][]byte) []byte {
	var list []sfntTable
	for tag, data := range tables {
		list = append(list, sfntTable{tag, slices.Clone(data)})
	}
	list = append(list, sfntTable{"cmap", emptyCmap()}, sfntTable{"post", post3(nil)})
	return writeSFNT(list)
}

// Type 2 charstrings of the synthetic CFF fonts. Numbers: 139 is 0, 149 10, 159 20, 32 -107
// (subr 0 with bias 107), 33 -106 (subr 1).
var (
	synthGlyphs = [][]byte{
		{14}, // endchar
		{139, 149, 1, 139, 159, 19, 0xC0, 139, 139, 21, 32, 29, 32, 10, 14}, // hstem, hintmask with an implied vstem, calls
		{139, 139, 21, 33, 10, 14},     // rmoveto, local subr 1
		{139, 139, 21, 33, 29, 159, 7}, // rmoveto, global subr 1 (which ends the glyph)
	}
	synthGsubrs = [][]byte{{149, 149, 5, 11}, {149, 139, 5, 14}}
	synthLsubrs = [][][]byte{{{159, 139, 5, 11}, {139, 159, 5, 11}}, {{159, 159, 5, 11}, {139, 169, 6, 11}}}
)

// synthCFF returns a CFF font of the synthGlyphs: name-keyed with the first local subrs, or
// CID-keyed with glyphs 0 and 1 in Font DICT 0, 2 and 3 in Font DICT 1 and CIDs 10, 11 and 12.
func synthCFF(cid bool) []byte {
	var offs [6]int // charset, FDSelect, CharStrings, FDArray or Private, private 0, private 1
	build := func() []byte {
		var top []byte
		if cid {
			top = appendEntry(top, opROS, 391, 392, 0)
			top = appendEntry(top, opCIDCount, 20)
			top = appendEntry(top, opFDSelect, offs[1])
			top = appendEntry(top, opFDArray, offs[3])
		} else {
			top = appendEntry(top, opPrivate, len(synthPrivate(0)), offs[4])
		}
		top = appendEntry(top, opUniqueID, 4242)
		top = appendEntry(top, 5, 0, -100, 1000, 900) // FontBBox
		top = appendEntry(top, opCharset, offs[0])
		top = appendEntry(top, opCharStrings, offs[2])
		b := slices.Concat([]byte{1, 0, 4, 4}, appendIndex(nil, [][]byte{[]byte("Synth")}),
			appendIndex(nil, [][]byte{top}), appendIndex(nil, [][]byte{[]byte("Adobe"), []byte("Japan1")}),
			appendIndex(nil, synthGsubrs))
		offs[0] = len(b)
		b = append(b, 0, 0, 10, 0, 11, 0, 12) // charset format 0
		offs[1] = len(b)
		b = append(b, 3, 0, 2, 0, 0, 0, 0, 2, 1, 0, 4) // FDSelect format 3
		offs[2] = len(b)
		b = appendIndex(b, synthGlyphs)
		offs[3] = len(b)
		if cid {
			b = appendIndex(b, [][]byte{
				appendEntry(nil, opPrivate, len(synthPrivate(0)), offs[4]),
				appendEntry(nil, opPrivate, len(synthPrivate(1)), offs[5])})
		}
		for i := range 2 {
			offs[4+i] = len(b)
			b = appendIndex(append(b, synthPrivate(i)...), synthLsubrs[i])
		}
		return b
	}
	build()
	return build()
}

// synthPrivate returns Private DICT i of the synthetic CFF fonts, its Subrs just after it.
func synthPrivate(i int) []byte {
	d := appendEntry(nil, 20, 500+i) // defaultWidthX
	d = appendEntry(d, 21, 400)      // nominalWidthX
	return appendEntry(d, opSubrs, len(d)+6)
}
