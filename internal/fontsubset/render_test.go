package fontsubset

import (
	"testing"
)

// TestTrueTypeRenders draws kept glyphs through poppler with the source and the subset.
func TestTrueTypeRenders(t *testing.T) {
	ld, face := loadFont(t, notoSerif, 0)
	gids := glyphsOf(t, face, "Ǻệ Hi, déjà vu")
	sub, err := TrueType(tablesOf(ld), gids)
	if err != nil {
		t.Fatal(err)
	}
	checkRendersAsSource(t, readFont(t, notoSerif), sub, trueTypeFont, ints(gids))
}

// TestCFFRenders draws kept glyphs through poppler with the source CFF and its subset.
func TestCFFRenders(t *testing.T) {
	for _, c := range cffCases {
		t.Run(c.name, func(t *testing.T) {
			ld, face := loadFont(t, c.path, 0)
			raw := mustTable(t, ld, "CFF ")
			gids := glyphsOf(t, face, c.text)
			sub, err := CFF(raw, gids)
			if err != nil {
				t.Fatal(err)
			}
			checkRendersAsSource(t, raw, sub, cffType0, ints(gids))
		})
	}
}

// ints converts glyph IDs to ints.
func ints(gids []uint16) []int {
	out := make([]int, len(gids))
	for i, g := range gids {
		out[i] = int(g)
	}
	return out
}
