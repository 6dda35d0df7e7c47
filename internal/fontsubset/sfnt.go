package fontsubset

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
)

// sfntTable is one table of an sfnt font file.
type sfntTable struct {
	tag  string // four bytes
	data []byte
}

// writeSFNT returns a TrueType font file holding tables: the directory sorted by tag, each
// table 4-byte aligned with its checksum, and head's checkSumAdjustment (which must be zero in
// tables) set for the whole file.
func writeSFNT(tables []sfntTable) []byte {
	tables = slices.Clone(tables)
	slices.SortFunc(tables, func(a, b sfntTable) int { return strings.Compare(a.tag, b.tag) })
	n := len(tables)
	log2 := bits.Len(uint(n)) - 1
	out := putU32(nil, 0x00010000)
	out = putU16(out, n)
	out = putU16(out, 16<<log2)
	out = putU16(out, log2)
	out = putU16(out, n*16-16<<log2)
	offset := 12 + 16*n
	headAt := -1
	for _, t := range tables {
		if t.tag == "head" && len(t.data) >= 12 {
			headAt = offset // its checkSumAdjustment must be zero here
		}
		out = append(out, t.tag...)
		out = putU32(out, checksum(t.data))
		out = putU32(out, uint32(offset))
		out = putU32(out, uint32(len(t.data)))
		offset += pad4(len(t.data))
	}
	for _, t := range tables {
		out = append(out, t.data...)
		out = append(out, make([]byte, pad4(len(t.data))-len(t.data))...)
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// pad4 rounds n up to a multiple of 4.
func pad4(n int) int { return (n + 3) &^ 3 }

// checksum is the sfnt table checksum: the sum of b's big-endian uint32s, zero padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}

// emptyCmap returns a cmap table with one format 4 subtable (Windows, Unicode BMP) that maps no
// character: just the final 0xFFFF segment.
func emptyCmap() []byte {
	b := putU16(nil, 0)   // version
	b = putU16(b, 1)      // numTables
	b = putU16(b, 3)      // platformID: Windows
	b = putU16(b, 1)      // encodingID: Unicode BMP
	b = putU32(b, 12)     // subtable offset
	b = putU16(b, 4)      // format
	b = putU16(b, 24)     // length
	b = putU16(b, 0)      // language
	b = putU16(b, 2)      // segCountX2
	b = putU16(b, 2)      // searchRange
	b = putU16(b, 0)      // entrySelector
	b = putU16(b, 0)      // rangeShift
	b = putU16(b, 0xFFFF) // endCode
	b = putU16(b, 0)      // reservedPad
	b = putU16(b, 0xFFFF) // startCode
	b = putU16(b, 1)      // idDelta
	return putU16(b, 0)   // idRangeOffset
}

// post3 returns a post table of format 3 (no glyph names) with the italic angle, underline and
// fixed pitch fields of src, the source's post table, when it has them.
func post3(src []byte) []byte {
	b := make([]byte, 32)
	if len(src) >= 16 {
		copy(b[4:16], src[4:16])
	}
	binary.BigEndian.PutUint32(b, 0x00030000)
	return b
}
