package config

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/typeset"
	"github.com/spf13/pflag"
	"golang.org/x/image/font/gofont/goregular"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, dir, rel string, data []byte) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDefaultsWithoutFile(t *testing.T) {
	s, err := Load(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Paper and locale are unset: each order's come from the contractor's country (cwo.OrderPaper).
	if s.Output != "out" || s.Paper != "" || s.Locale != "" || s.Currency != "USD" || s.Jobs != 0 {
		t.Errorf("defaults = %+v", s)
	}
}

func TestFileEnvAndFlags(t *testing.T) {
	dir := writeConfig(t, "output: build\nlocale: de-DE\ncurrency: eur\npaper: A4\njobs: 3\nbrand: {color: \"#112233\"}\n"+
		"fonts: {regular: f/r.ttf}\ntimesheet: {columns: {date: Datum, hours: Stunden}}\n")
	writeFile(t, dir, "f/r.ttf", goregular.TTF)
	t.Setenv("CWO_LOCALE", "fr-FR")
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	fs.Int("jobs", 0, "")
	fs.Parse([]string{"--jobs", "5"})
	s, err := Load(dir, fs)
	if err != nil {
		t.Fatal(err)
	}
	checks := [][2]string{
		{s.Output, "build"}, {s.Locale, "fr-FR"}, {string(s.Currency), "EUR"}, {s.Paper, "a4"},
		{s.Brand.Color, "#112233"}, {strings.Join(s.Fonts.Regular, ","), "f/r.ttf"}, {s.Timesheet.Columns["date"], "Datum"},
		{s.Timesheet.Columns["hours"], "Stunden"},
	}
	for _, c := range checks {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
	if s.Jobs != 5 {
		t.Errorf("jobs = %d, want the flag's 5", s.Jobs)
	}
}

func TestUnknownKeyIsAnError(t *testing.T) {
	_, err := Load(writeConfig(t, "paper: a4\nouptut: x\nbrand:\n  colour: '#123456'\n"), nil)
	for _, want := range []string{
		`cwo.yaml:2:1: error: unknown setting "ouptut" (did you mean "output"?)`,
		`cwo.yaml:4:3: error: unknown setting "brand.colour" (did you mean "brand.color"?)`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %s", err, want)
		}
	}
}

// TestUnknownFontKey: a misspelt key under fonts is found, with the nearest of the six keys.
func TestUnknownFontKey(t *testing.T) {
	_, err := Load(writeConfig(t, "fonts:\n  fallbacks: [x.ttf]\n  monospace: x.ttf\n  italics: x.ttf\n"), nil)
	keys := "fonts.bold, fonts.bold_italic, fonts.fallback, fonts.italic, fonts.mono, fonts.regular"
	for _, want := range []string{
		`cwo.yaml:2:3: error: unknown setting "fonts.fallbacks" (did you mean "fonts.fallback"?); the settings are ` + keys,
		`cwo.yaml:3:3: error: unknown setting "fonts.monospace" (did you mean "fonts.mono"?); the settings are ` + keys,
		`cwo.yaml:4:3: error: unknown setting "fonts.italics" (did you mean "fonts.italic"?); the settings are ` + keys,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %s", err, want)
		}
	}
}

// TestFontSettings: each fonts key takes one file or a list, in order; a face of a collection
// follows "#" by index or by name; paths are relative to the workspace (a link to a system
// font is fine) or absolute.
func TestFontSettings(t *testing.T) {
	dir := writeConfig(t, "fonts:\n"+
		"  regular: [r.ttf, \"fonts/cjk.ttc#Noto Sans CJK JP\"]\n"+
		"  bold: r.ttf\n"+
		"  italic: [r.ttf]\n"+
		"  bold_italic: r.ttf\n"+
		"  mono: [fonts/cjk.ttc#5]\n"+
		"  fallback:\n    - "+cjk+"#1\n    - \""+cjk+"#noto sans cjk sc\"\n")
	writeFile(t, dir, "r.ttf", goregular.TTF)
	if err := os.Mkdir(filepath.Join(dir, "fonts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(cjk, filepath.Join(dir, "fonts", "cjk.ttc")); err != nil {
		t.Fatal(err)
	}
	s, err := Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := cwo.Fonts{
		Regular: []string{"r.ttf", "fonts/cjk.ttc#Noto Sans CJK JP"}, Bold: []string{"r.ttf"}, Italic: []string{"r.ttf"},
		BoldItalic: []string{"r.ttf"}, Mono: []string{"fonts/cjk.ttc#5"},
		Fallback: []string{cjk + "#1", cjk + "#noto sans cjk sc"},
	}
	checkFonts(t, s.Fonts, want)
}

// TestFontsFromEnv: an environment variable lists files separated by commas (spaces around them
// and empty entries are dropped), and replaces the file's list.
func TestFontsFromEnv(t *testing.T) {
	dir := writeConfig(t, "fonts:\n  regular: r.ttf\n  fallback: [missing.ttf]\n")
	writeFile(t, dir, "r.ttf", goregular.TTF)
	t.Setenv("CWO_FONTS_FALLBACK", "r.ttf, "+cjk+"#1,")
	t.Setenv("CWO_FONTS_MONO", cjk+"#Noto Sans Mono CJK JP")
	s, err := Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkFonts(t, s.Fonts, cwo.Fonts{Regular: []string{"r.ttf"}, Mono: []string{cjk + "#Noto Sans Mono CJK JP"}, Fallback: []string{"r.ttf", cjk + "#1"}})
}

func checkFonts(t *testing.T, got, want cwo.Fonts) {
	t.Helper()
	for _, k := range []struct {
		key       string
		got, want []string
	}{
		{"regular", got.Regular, want.Regular}, {"bold", got.Bold, want.Bold}, {"italic", got.Italic, want.Italic},
		{"bold_italic", got.BoldItalic, want.BoldItalic}, {"mono", got.Mono, want.Mono}, {"fallback", got.Fallback, want.Fallback},
	} {
		if !slices.Equal(k.got, k.want) {
			t.Errorf("fonts.%s = %q, want %q", k.key, k.got, k.want)
		}
	}
}

// TestCFFFont: an OpenType font with PostScript (CFF) outlines, a standalone .otf, is accepted;
// a truncated copy of it is refused with its place in cwo.yaml.
func TestCFFFont(t *testing.T) {
	ttc, err := os.ReadFile(cjk)
	if err != nil {
		t.Fatal(err)
	}
	otf := collectionFace(t, ttc, 0)
	face, err := typeset.Parse(otf, "")
	if err != nil {
		t.Fatalf("the extracted face: %v", err)
	}
	if !face.CFF() || face.Family() != "Noto Sans CJK JP" {
		t.Fatalf("the extracted face is %q, CFF %v; want Noto Sans CJK JP with CFF outlines", face.Family(), face.CFF())
	}
	dir := writeConfig(t, "fonts:\n  regular: NotoSansCJKjp-Regular.otf\n  bold: [cut.otf]\n")
	writeFile(t, dir, "NotoSansCJKjp-Regular.otf", otf)
	writeFile(t, dir, "cut.otf", otf[:len(otf)/2])
	_, err = Load(dir, nil)
	want := `cwo.yaml:3:10: error: fonts.bold: "cut.otf": the file is cut short: its tables need `
	if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "fonts.regular") {
		t.Errorf("err = %v, want only %s...", err, want)
	}
	writeFile(t, dir, FileName, []byte("fonts:\n  regular: NotoSansCJKjp-Regular.otf\n"))
	if _, err := Load(dir, nil); err != nil {
		t.Errorf("a CFF font: %v", err)
	}
}

// collectionFace returns face i of the font collection ttc as a font file of its own: the
// face's table directory, with each table it lists copied after it and its offset rewritten.
func collectionFace(t *testing.T, ttc []byte, i int) []byte {
	t.Helper()
	be := binary.BigEndian
	if string(ttc[:4]) != "ttcf" || i >= int(be.Uint32(ttc[8:])) {
		t.Fatalf("not a collection with a face %d", i)
	}
	dir := int(be.Uint32(ttc[12+4*i:]))
	n := int(be.Uint16(ttc[dir+4:]))
	out := append([]byte(nil), ttc[dir:dir+12+16*n]...) // sfnt version, table count, search hints; the records
	for k := range n {
		rec := out[12+16*k:]
		off, length := be.Uint32(rec[8:]), be.Uint32(rec[12:])
		be.PutUint32(rec[8:], uint32(len(out)))
		out = append(out, ttc[off:off+length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func TestSyntaxErrorNamesFile(t *testing.T) {
	_, err := Load(writeConfig(t, "output: [\n"), nil)
	if err == nil || !strings.Contains(err.Error(), FileName) {
		t.Errorf("err = %v, want a cwo.yaml error", err)
	}
}
