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
		// Global subr 1 is unused: dropped. Glyph 1 calls local subr 0 of the first Font DICT,
		// glyph 2 local subr 1 of the second (CID-keyed: renumbered 0) or of the only one.
		if want := [][]byte{synthGsubrs[0]}; !reflect.DeepEqual(f.gsubrs, want) {
			t.Errorf("cid=%v: global subrs %v, want %v", cid, f.gsubrs, want)
		}
		want := [][][]byte{{synthLsubrs[0][0], synthLsubrs[0][1]}}
		if cid {
			want = [][][]byte{{synthLsubrs[0][0]}, {synthLsubrs[1][1]}}
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

// TestCFFRenumbersSubrs checks that only used subrs are kept, renumbered, and the numbers
// that call them rewritten.
func TestCFFRenumbersSubrs(t *testing.T) {
	src := synthCFF(false)
	sub, err := CFF(src, []uint16{2})
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseCFF(sub)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]byte{synthLsubrs[0][1]}; !reflect.DeepEqual(f.fds[0].subrs, want) {
		t.Errorf("local subrs %v, want %v", f.fds[0].subrs, want)
	}
	if len(f.gsubrs) != 0 {
		t.Errorf("global subrs %v, want none", f.gsubrs)
	}
	if want := []byte{139, 139, 21, 32, 10, 14}; !bytes.Equal(f.charstrings[1], want) {
		t.Errorf("glyph 1: % x, want % x (local subr 0 now)", f.charstrings[1], want)
	}
	checkCFFSubset(t, src, sub, []int{0, 2})
}

// TestCFFEmptyingFallback checks that subrs keep their numbers, unused ones emptied, when a
// subr number comes from another charstring than its call.
func TestCFFEmptyingFallback(t *testing.T) {
	savedGlyph, savedSubr := synthGlyphs[1], synthGsubrs[0]
	synthGlyphs[1] = []byte{139, 139, 21, 32, 29, 10, 14} // global subr 0 pushes -106: local subr 1
	synthGsubrs[0] = []byte{33, 11}
	src := synthCFF(false)
	synthGlyphs[1], synthGsubrs[0] = savedGlyph, savedSubr
	sub, err := CFF(src, []uint16{1})
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
	if want := [][]byte{{33, 11}}; !reflect.DeepEqual(f.gsubrs, want) {
		t.Errorf("global subrs %v, want %v", f.gsubrs, want)
	}
	checkCFFSubset(t, src, sub, []int{0, 1})
}

// TestRenumberPlanChecksTraces checks that a renumbered glyph that runs differently from the
// source is refused.
func TestRenumberPlanChecksTraces(t *testing.T) {
	f, err := parseCFF(synthCFF(true))
	if err != nil {
		t.Fatal(err)
	}
	s, err := newCFFSubset(f, []uint16{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	calls := newCallLog()
	traces, _, err := s.markSubrs(calls)
	if err != nil || calls.broken {
		t.Fatal(err, calls.broken)
	}
	if _, ok := s.renumberPlan(calls, traces); !ok {
		t.Error("renumbering refused with the right traces")
	}
	traces[2]++
	if _, ok := s.renumberPlan(calls, traces); ok {
		t.Error("renumbering accepted with a wrong trace")
	}
}
