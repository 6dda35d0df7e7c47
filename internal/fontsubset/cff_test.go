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
	{"cid-keyed", notoCJK, "漢字とかなカナ、中文한국어。日本語の文章", 100_000},
	{"name-keyed", nimbusSans, "Hello, Wörld! ©Æ", 20_000},
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

var _ = bytes.Equal
