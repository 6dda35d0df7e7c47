package fontsubset

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// glyphList reads b as big-endian glyph IDs.
func glyphList(b []byte) []uint16 {
	gids := make([]uint16, len(b)/2)
	for i := range gids {
		gids[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return gids
}

// sfntTables returns a table reader over the directory of an sfnt file, nil for tables it lacks
// or that lie outside b.
func sfntTables(b []byte) func(string) []byte {
	return func(tag string) []byte {
		n, _ := u16(b, 4)
		for i := range min(n, (len(b)-12)/16) {
			e := b[12+16*i:]
			if string(e[:4]) != tag {
				continue
			}
			off, _ := u32(e, 8)
			size, _ := u32(e, 12)
			data, _ := span(b, int(off), int(size))
			return data
		}
		return nil
	}
}

// FuzzTrueType subsets arbitrary font files: no panic, and a subset is deterministic and
// subsets again.
func FuzzTrueType(f *testing.F) {
	f.Add(sfntOf(synthTrueType()), []byte{0, 3})
	f.Add(sfntOf(synthTrueType()), []byte{0, 5, 0, 1})
	f.Fuzz(func(t *testing.T, font, gidBytes []byte) {
		gids := glyphList(gidBytes)
		out, err := TrueType(sfntTables(font), gids)
		if err != nil {
			return
		}
		again, err := TrueType(sfntTables(font), gids)
		if err != nil || !bytes.Equal(out, again) {
			t.Fatalf("second run: %v, same bytes: %v", err, bytes.Equal(out, again))
		}
		if _, err := TrueType(sfntTables(out), gids); err != nil {
			t.Fatalf("the subset does not subset again: %v", err)
		}
	})
}

// FuzzCFF subsets arbitrary CFF data: no panic, and a subset is deterministic, parses back
// with one glyph for each distinct gid and glyph 0, and subsets again whole.
func FuzzCFF(f *testing.F) {
	f.Add(synthCFF(false), []byte{0, 1, 0, 2, 0, 3})
	f.Add(synthCFF(true), []byte{0, 2})
	f.Fuzz(func(t *testing.T, cff, gidBytes []byte) {
		gids := glyphList(gidBytes)
		out, err := CFF(cff, gids)
		if err != nil {
			return
		}
		if again, _ := CFF(cff, gids); !bytes.Equal(out, again) {
			t.Fatal("two runs differ")
		}
		sub, err := parseCFF(out)
		if err != nil {
			t.Fatalf("the subset does not parse: %v", err)
		}
		if want := len(sortedGlyphs(gids)); len(sub.charstrings) != want {
			t.Fatalf("subset of %d glyphs, want %d", len(sub.charstrings), want)
		}
		all := make([]uint16, len(sub.charstrings))
		for i := range all {
			all[i] = uint16(i)
		}
		if _, err := CFF(out, all); err != nil {
			t.Fatalf("the subset does not subset again: %v", err)
		}
	})
}
