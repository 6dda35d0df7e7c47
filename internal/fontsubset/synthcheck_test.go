package fontsubset

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/go-text/typesetting/font"
)

// TestTrueTypeSynthComposites checks nested composites with every transform form: asking for
// glyph 3 keeps 0 to 4, each drawing as in the source, and empties 5.
func TestTrueTypeSynthComposites(t *testing.T) {
	tables := synthTrueType()
	sub, err := TrueType(func(tag string) []byte { return tables[tag] }, []uint16{3})
	if err != nil {
		t.Fatal(err)
	}
	checkSFNT(t, sub)
	src, err := font.ParseTTF(bytes.NewReader(sfntOf(tables)))
	if err != nil {
		t.Fatal(err)
	}
	face, err := font.ParseTTF(bytes.NewReader(sub))
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	for g := range 6 {
		want, _ := src.GlyphDataOutline(font.GID(g))
		got, _ := face.GlyphDataOutline(font.GID(g))
		if g == 5 {
			want.Segments = nil
		}
		if len(got.Segments) != len(want.Segments) || len(want.Segments) > 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("glyph %d: %d segments, want %d like the source", g, len(got.Segments), len(want.Segments))
		}
	}
	// The subset's loca: glyph 5 is empty, so its two offsets are equal.
	loca := tableOf(t, sub, "loca")
	if !bytes.Equal(loca[10:12], loca[12:14]) || bytes.Equal(loca[8:10], loca[10:12]) {
		t.Errorf("loca % x: glyph 5 should be empty and glyph 4 not", loca)
	}
}

// tableOf returns the table tag of an sfnt file.
func tableOf(t *testing.T, b []byte, tag string) []byte {
	t.Helper()
	n := int(b[4])<<8 | int(b[5])
	for i := range n {
		e := b[12+16*i:]
		if string(e[:4]) == tag {
			off, _ := u32(e, 8)
			size, _ := u32(e, 12)
			return b[off : off+size]
		}
	}
	t.Fatalf("no table %q", tag)
	return nil
}

// TestCFFSynth subsets the synthetic CFF fonts, name-keyed and CID-keyed, and checks outlines,
// CIDs, and which subrs are kept.
func TestCFFSynth(t *testing.T) {
	for _, cid := range []bool{false, true} {
		src := synthCFF(cid)
		sub, err := CFF(src, []uint16{2, 1})
		if err != nil {
			t.Fatalf("cid=%v: %v", cid, err)
		}
		checkCFFSubset(t, src, sub, []int{0, 1, 2})
		f, err := parseCFF(sub)
		if err != nil {
			t.Fatal(err)
		}
		// Global subr 1 is unused and last: dropped. Glyph 1 calls local subr 0 of the first
		// Font DICT, glyph 2 local subr 1 of the second (CID-keyed) or of the only one.
		if want := [][]byte{synthGsubrs[0]}; !reflect.DeepEqual(f.gsubrs, want) {
			t.Errorf("cid=%v: global subrs %v, want %v", cid, f.gsubrs, want)
		}
		want := [][][]byte{{synthLsubrs[0][0], synthLsubrs[0][1]}}
		if cid {
			want = [][][]byte{{synthLsubrs[0][0]}, {{11}, synthLsubrs[1][1]}}
		}
		for i, fd := range f.fds {
			if i >= len(want) || !reflect.DeepEqual(fd.subrs, want[i]) {
				t.Errorf("cid=%v: Font DICT %d subrs %v, want %v", cid, i, fd.subrs, want)
			}
		}
		if _, ok := f.top.get(opUniqueID); ok {
			t.Errorf("cid=%v: UniqueID kept", cid)
		}
	}
}

// TestCFFEmptiesUnusedSubr checks that a subr no kept glyph calls, with used ones after it,
// becomes a lone return.
func TestCFFEmptiesUnusedSubr(t *testing.T) {
	src := synthCFF(false)
	sub, err := CFF(src, []uint16{2})
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseCFF(sub)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]byte{{11}, synthLsubrs[0][1]}; !reflect.DeepEqual(f.fds[0].subrs, want) {
		t.Errorf("local subrs %v, want %v", f.fds[0].subrs, want)
	}
	if len(f.gsubrs) != 0 {
		t.Errorf("global subrs %v, want none", f.gsubrs)
	}
	checkCFFSubset(t, src, sub, []int{0, 2})
}
