package fontsubset

import (
	"bytes"
	"os"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// Fonts of the machine the tests use; a test skips when its font is not installed (Debian:
// fonts-noto-core, fonts-noto-cjk, fonts-urw-base35).
const (
	notoSerif  = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf"
	notoCJK    = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	nimbusSans = "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf"
)

// readFont returns the file at path: fonts from Debian packages that .ci/run installs
// (fonts-noto-core, fonts-noto-cjk, fonts-urw-base35).
func readFont(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// loadFont returns face index of the font file at path, as go-text's loader and font.
func loadFont(t testing.TB, path string, index int) (*ot.Loader, *font.Face) {
	t.Helper()
	lds, err := ot.NewLoaders(bytes.NewReader(readFont(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := font.NewFont(lds[index])
	if err != nil {
		t.Fatal(err)
	}
	return lds[index], font.NewFace(f)
}

// tablesOf returns the table reader TrueType takes, for ld.
func tablesOf(ld *ot.Loader) func(string) []byte {
	return func(tag string) []byte {
		b, err := ld.RawTable(ot.MustNewTag(tag))
		if err != nil {
			return nil
		}
		return b
	}
}

// glyphsOf returns the glyph IDs face maps the runes of s to, failing on unmapped runes.
func glyphsOf(t testing.TB, face *font.Face, s string) []uint16 {
	t.Helper()
	var gids []uint16
	for _, r := range s {
		g, ok := face.NominalGlyph(r)
		if !ok {
			t.Fatalf("font has no glyph for %q", r)
		}
		gids = append(gids, uint16(g))
	}
	return gids
}

// mustTable returns the table tag of ld, failing when it is missing.
func mustTable(t testing.TB, ld *ot.Loader, tag string) []byte {
	t.Helper()
	b, err := ld.RawTable(ot.MustNewTag(tag))
	if err != nil {
		t.Fatalf("table %q: %v", tag, err)
	}
	return b
}

// numGlyphs returns the number of glyphs of ld, from its maxp table.
func numGlyphs(t testing.TB, ld *ot.Loader) int {
	t.Helper()
	maxp := mustTable(t, ld, "maxp")
	if len(maxp) < 6 {
		t.Fatal("maxp too short")
	}
	return int(maxp[4])<<8 | int(maxp[5])
}
