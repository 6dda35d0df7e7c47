package fontsubset

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"github.com/go-text/typesetting/font/cff"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// cffCase is a source font for the CFF tests.
type cffCase struct {
	name, path, text string
	maxSize          int // bytes the subset may take
}

var cffCases = []cffCase{
	{"cid-keyed", notoCJK, "漢字とかなカナ、中文한국어。日本語の文章", 20_000},
	{"name-keyed", nimbusSans, "Hello, Wörld! ©Æ", 10_000},
}

// TestCFFOutlines subsets CID-keyed and name-keyed CFF fonts and checks with go-text's CFF
// parser that each kept glyph draws as in the source, that the subset holds only those glyphs,
// with CIDs equal to the source glyph IDs, and that it is small.
func TestCFFOutlines(t *testing.T) {
	for _, c := range cffCases {
		t.Run(c.name, func(t *testing.T) {
			ld, face := loadFont(t, c.path, 0)
			raw := mustTable(t, ld, "CFF ")
			gids := glyphsOf(t, face, c.text)
			sub, err := CFF(raw, gids)
			if err != nil {
				t.Fatal(err)
			}
			want := sortedGlyphs(gids)
			checkCFFSubset(t, raw, sub, want)
			checkCFFStrings(t, raw, sub)
			t.Logf("%s: %d glyphs, subset %d bytes (source CFF %d bytes)", c.name, len(want), len(sub), len(raw))
			if len(sub) > c.maxSize {
				t.Errorf("subset of %d bytes, more than %d", len(sub), c.maxSize)
			}
		})
	}
}

// checkCFFSubset checks subset sub of CFF table src, which must hold the glyphs want in order.
func checkCFFSubset(t *testing.T, src, sub []byte, want []int) {
	t.Helper()
	srcFont, err := cff.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	subFont, err := cff.Parse(sub)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	if len(subFont.Charstrings) != len(want) {
		t.Fatalf("subset has %d glyphs, want %d", len(subFont.Charstrings), len(want))
	}
	for i, g := range want {
		w, _, err := srcFont.LoadGlyph(tables.GlyphID(g))
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := subFont.LoadGlyph(tables.GlyphID(i))
		if err != nil {
			t.Errorf("glyph %d (source %d): %v", i, g, err)
		} else if !reflect.DeepEqual(got, w) {
			t.Errorf("glyph %d (source %d): outline differs from the source", i, g)
		}
	}
	if cids := readCIDs(t, sub); !reflect.DeepEqual(cids, want) {
		t.Errorf("CIDs %v, want %v", cids, want)
	}
}

// sortedGlyphs returns gids and glyph 0, sorted, without repeats.
func sortedGlyphs(gids []uint16) []int {
	seen := map[int]bool{0: true}
	out := []int{0}
	for _, g := range gids {
		if !seen[int(g)] {
			seen[int(g)] = true
			out = append(out, int(g))
		}
	}
	slices.Sort(out)
	return out
}

// TestCFFManyGlyphs subsets Noto Sans CJK to every 16th glyph (4,096 glyphs; the kept global
// subrs are fewer than 1,240, so their bias goes from 1131 to 107 and the numbers that call them
// change size) and checks every outline.
func TestCFFManyGlyphs(t *testing.T) {
	ld, _ := loadFont(t, notoCJK, 0)
	raw := mustTable(t, ld, "CFF ")
	var gids []uint16
	for g := 16; g < 65535; g += 16 {
		gids = append(gids, uint16(g))
	}
	sub, err := CFF(raw, gids)
	if err != nil {
		t.Fatal(err)
	}
	checkCFFSubset(t, raw, sub, sortedGlyphs(gids))
	f, err := parseCFF(sub)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range f.gsubrs {
		if len(s) == 1 && s[0] == 11 {
			t.Fatalf("global subr %d is a lone return: the subrs were not renumbered", i)
		}
	}
	t.Logf("%d glyphs: %d global subrs kept, subset %d bytes", len(gids)+1, len(f.gsubrs), len(sub))
}

// TestCFFDeterministic checks that the same glyphs, in any order, give the same bytes.
func TestCFFDeterministic(t *testing.T) {
	ld, face := loadFont(t, notoCJK, 0)
	raw := mustTable(t, ld, "CFF ")
	gids := glyphsOf(t, face, cffCases[0].text)
	a, err := CFF(raw, gids)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(gids)
	b, err := CFF(raw, append(gids, gids[0]))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two subsets of the same glyphs differ")
	}
}

// TestAppendT2Int checks that appendT2Int writes what t2Number reads, in the fewest bytes.
func TestAppendT2Int(t *testing.T) {
	for v := -32768; v < 32768; v++ {
		b := appendT2Int(nil, v)
		got, n, err := t2Number(b, 0)
		want := 3
		switch {
		case v >= -107 && v <= 107:
			want = 1
		case v >= -1131 && v <= 1131:
			want = 2
		}
		if err != nil || got != v || n != len(b) || n != want {
			t.Fatalf("%d: % x reads as %d (%d bytes, want %d), %v", v, b, got, n, want, err)
		}
	}
}
