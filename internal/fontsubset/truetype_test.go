package fontsubset

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"slices"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// TestTrueTypeNotoSerif subsets Noto Serif to a few letters, two of them composite glyphs, and
// checks with go-text's parser that the kept glyphs (and their components) draw as in the
// source, and the others are empty.
func TestTrueTypeNotoSerif(t *testing.T) {
	ld, src := loadFont(t, notoSerif, 0)
	gids := glyphsOf(t, src, "Ǻệ Hi")
	sub, err := TrueType(tablesOf(ld), gids)
	if err != nil {
		t.Fatal(err)
	}
	face, err := font.ParseTTF(bytes.NewReader(sub))
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	subLd, err := ot.NewLoader(bytes.NewReader(sub))
	if err != nil {
		t.Fatal(err)
	}
	n := numGlyphs(t, ld)
	if got := numGlyphs(t, subLd); got != n {
		t.Fatalf("subset has %d glyphs, source %d", got, n)
	}
	kept, components := 0, 0
	for g := range n {
		want, _ := src.GlyphDataOutline(font.GID(g))
		got, _ := face.GlyphDataOutline(font.GID(g))
		asked := g == 0 || slices.Contains(gids, uint16(g))
		switch {
		case asked && !reflect.DeepEqual(got.Segments, want.Segments):
			t.Errorf("glyph %d: outline differs from the source", g)
		case asked:
			kept++
		case len(got.Segments) > 0 && reflect.DeepEqual(got.Segments, want.Segments):
			components++
		case len(got.Segments) > 0:
			t.Errorf("glyph %d, not asked for, has a wrong outline", g)
		}
	}
	if kept != 6 || components == 0 {
		t.Errorf("kept %d asked glyphs (want 6) and %d components (want some)", kept, components)
	}
	checkSFNT(t, sub)
	t.Logf("Noto Serif subset: %d bytes (source glyf %d bytes)", len(sub), len(mustTable(t, ld, "glyf")))
}

// TestTrueTypeComponentOnly checks that the components of a composite glyph are kept.
func TestTrueTypeComponentOnly(t *testing.T) {
	ld, src := loadFont(t, notoSerif, 0)
	eDot := glyphsOf(t, src, "ệ")[0]
	tables := tablesOf(ld)
	f, err := loadTrueType(tables)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := f.glyph(int(eDot))
	comps, err := components(data)
	if err != nil || len(comps) < 2 {
		t.Fatalf("ệ is not a composite glyph of 2+ components: %v, %v", comps, err)
	}
	sub, err := TrueType(tables, []uint16{eDot})
	if err != nil {
		t.Fatal(err)
	}
	face, err := font.ParseTTF(bytes.NewReader(sub))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range comps {
		got, _ := face.GlyphDataOutline(font.GID(c))
		want, _ := src.GlyphDataOutline(font.GID(c))
		if len(got.Segments) == 0 || !reflect.DeepEqual(got.Segments, want.Segments) {
			t.Errorf("component %d of ệ not kept whole", c)
		}
	}
}

// TestTrueTypeDeterministic checks that the same input gives the same bytes.
func TestTrueTypeDeterministic(t *testing.T) {
	ld, src := loadFont(t, notoSerif, 0)
	gids := glyphsOf(t, src, "déjà vu")
	a, err := TrueType(tablesOf(ld), gids)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(gids)
	b, err := TrueType(tablesOf(ld), gids)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two subsets of the same glyphs differ")
	}
}

// checkSFNT checks the table directory of an sfnt file: sorted tags, 4-byte aligned offsets,
// checksums, and head's checkSumAdjustment, which makes the file sum to 0xB1B0AFBA.
func checkSFNT(t *testing.T, b []byte) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(b[4:]))
	prev := ""
	for i := range n {
		e := b[12+16*i:]
		tag := string(e[:4])
		sum, off, length := binary.BigEndian.Uint32(e[4:]), binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if tag <= prev || off%4 != 0 || int(off+length) > len(b) {
			t.Errorf("table %q: after %q, offset %d, length %d", tag, prev, off, length)
			continue
		}
		data := slices.Clone(b[off : off+length])
		if tag == "head" {
			binary.BigEndian.PutUint32(data[8:], 0)
		}
		if got := checksum(data); got != sum {
			t.Errorf("table %q: checksum %#x, directory says %#x", tag, got, sum)
		}
		prev = tag
	}
	if len(b)%4 != 0 || checksum(b) != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA (length %d)", checksum(b), len(b))
	}
	for _, tag := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "post"} {
		if !bytes.Contains(b[12:12+16*n], []byte(tag)) {
			t.Errorf("no %q table", tag)
		}
	}
}
