package config

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/spf13/pflag"
	"golang.org/x/image/font/gofont/goregular"
)

// settingsCase is one set of settings from cwo.yaml, the environment and flags, and the problems
// Load must report for it, in order.
type settingsCase struct {
	name  string
	file  string            // cwo.yaml's text; "" for no file
	env   map[string]string // CWO_* variables
	flags []string          // command line, parsed by testFlags
	want  []string          // every diagnostic, as Diagnostic.String
}

var settingsCases = []settingsCase{
	{name: "valid file", file: "paper: A4\nlocale: de-AT\ncurrency: eur\njobs: 2\nbrand: {color: \"112233\"}\n" +
		"fonts: {regular: r.ttf, bold: r.ttf}\ntimesheet: {columns: {date: Datum}}\n"},
	{name: "paper in file", file: "output: out\npaper: A5\n",
		want: []string{`cwo.yaml:2:8: error: paper must be "letter" or "a4", not "a5"`}},
	{name: "paper in env", env: map[string]string{"CWO_PAPER": "A5"},
		want: []string{`CWO_PAPER=A5: error: paper must be "letter" or "a4", not "a5"`}},
	{name: "paper in flag", flags: []string{"--paper", "A5"},
		want: []string{`--paper=A5: error: paper must be "letter" or "a4", not "a5"`}},
	{name: "env overrides a good file", file: "paper: a4\n", env: map[string]string{"CWO_PAPER": "A5"},
		want: []string{`CWO_PAPER=A5: error: paper must be "letter" or "a4", not "a5"`}},
	{name: "flag overrides env and file", file: "paper: A5\n", env: map[string]string{"CWO_PAPER": "A6"}, flags: []string{"--paper=A7"},
		want: []string{`--paper=A7: error: paper must be "letter" or "a4", not "a7"`}},
	{name: "env mends a bad file", file: "paper: A5\n", env: map[string]string{"CWO_PAPER": "a4"}},
	{name: "key in another case", file: "Paper: A5\n",
		want: []string{`cwo.yaml:1:8: error: paper must be "letter" or "a4", not "a5"`}},
	{name: "unknown locale in file", file: "locale: xx-YY\n",
		want: []string{`cwo.yaml:1:9: error: locale "xx-YY" is not a BCP 47 language tag like en-US or de-DE`}},
	{name: "unknown locale in env", env: map[string]string{"CWO_LOCALE": "tlh"},
		want: []string{`CWO_LOCALE=tlh: error: locale "tlh": CLDR has no data for its language`}},
	{name: "private-use region", file: "locale: en-XX\n",
		want: []string{`cwo.yaml:1:9: error: locale "en-XX": XX is a private-use region, not a country`}},
	{name: "locale and paper unset", file: "locale: \"\"\npaper: \"\"\n"},
	{name: "currency", file: "currency: dollars\n",
		want: []string{`cwo.yaml:1:11: error: currency: "DOLLARS" is not an ISO 4217 currency code (like USD or EUR)`}},
	{name: "negative jobs in flag", flags: []string{"--jobs=-1"},
		want: []string{`--jobs=-1: error: jobs must be 0 (one per CPU) or more, not -1`}},
	{name: "brand colour", file: "brand:\n  color: navy\n",
		want: []string{`cwo.yaml:2:10: error: brand.color "navy" is not a colour like #1F4E79`}},
	{name: "brand colour in env", env: map[string]string{"CWO_BRAND_COLOR": "#12345"},
		want: []string{`CWO_BRAND_COLOR=#12345: error: brand.color "#12345" is not a colour like #1F4E79`}},
	{name: "missing font", file: "fonts:\n  bold: missing.ttf\n  regular: r.ttf\n",
		want: []string{`cwo.yaml:2:9: error: fonts.bold: cannot read "missing.ttf": no such file or directory`}},
	{name: "not a font", file: "fonts: {regular: cwo.yaml}\n",
		want: []string{`cwo.yaml:1:18: error: fonts.regular: "cwo.yaml": not a font: unsupported font format [102 111 110 116]`}},
	{name: "font lists", file: "fonts:\n  regular: [r.ttf, \"" + cjk + "#Noto Sans CJK JP\"]\n  bold: r.ttf\n  mono: [r.ttf]\n" +
		"  fallback:\n    - " + cjk + "#1\n    - r.ttf\n"},
	{name: "broken font in a list", file: "fonts:\n  regular: [r.ttf, broken.ttf]\n",
		want: []string{`cwo.yaml:2:20: error: fonts.regular: "broken.ttf": the file is cut short: its tables need 148670 bytes and it has 74336; copy or download it again`}},
	{name: "missing fallback font", file: "fonts:\n  regular: r.ttf\n  fallback:\n    - r.ttf\n    - fonts/missing.ttf\n",
		want: []string{`cwo.yaml:5:7: error: fonts.fallback: cannot read "fonts/missing.ttf": no such file or directory`}},
	{name: "broken mono font", file: "fonts: {mono: broken.ttf}\n",
		want: []string{`cwo.yaml:1:15: error: fonts.mono: "broken.ttf": the file is cut short: its tables need 148670 bytes and it has 74336; copy or download it again`}},
	{name: "face index out of range", file: "fonts:\n  fallback: [\"" + cjk + "#10\"]\n",
		want: []string{`cwo.yaml:2:14: error: fonts.fallback: "` + cjk + `#10": face 10: the file has 10 face(s), numbered from 0`}},
	{name: "face of a single font", file: "fonts:\n  regular: r.ttf#1\n",
		want: []string{`cwo.yaml:2:12: error: fonts.regular: "r.ttf#1": face 1: the file has 1 face(s), numbered from 0`}},
	{name: "unknown face name", file: "fonts:\n  regular: \"" + cjk + "#Noto Sans CJK\"\n",
		want: []string{`cwo.yaml:2:12: error: fonts.regular: "` + cjk + `#Noto Sans CJK": no face named "Noto Sans CJK"; the file has ` +
			`0 "Noto Sans CJK JP", 1 "Noto Sans CJK KR", 2 "Noto Sans CJK SC", 3 "Noto Sans CJK TC", 4 "Noto Sans CJK HK", ` +
			`5 "Noto Sans Mono CJK JP", 6 "Noto Sans Mono CJK KR", 7 "Noto Sans Mono CJK SC", 8 "Noto Sans Mono CJK TC", 9 "Noto Sans Mono CJK HK"`}},
	{name: "fallback in env", env: map[string]string{"CWO_FONTS_FALLBACK": "r.ttf, " + cjk + "#1,broken.ttf,"},
		want: []string{`"CWO_FONTS_FALLBACK=r.ttf, ` + cjk + `#1,broken.ttf,": error: fonts.fallback: "broken.ttf": the file is cut short: its tables need 148670 bytes and it has 74336; copy or download it again`}},
	{name: "env overrides a list", file: "fonts:\n  fallback: [broken.ttf]\n", env: map[string]string{"CWO_FONTS_FALLBACK": "r.ttf"}},
	{name: "bold without regular", file: "fonts:\n  bold: r.ttf\n",
		want: []string{`cwo.yaml:2:9: error: fonts.regular is required when fonts.bold is set (the other faces default to it)`}},
	{name: "bold without regular in env", env: map[string]string{"CWO_FONTS_BOLD": "r.ttf"},
		want: []string{`CWO_FONTS_BOLD=r.ttf: error: fonts.regular is required when fonts.bold is set (the other faces default to it)`}},
	{name: "unknown timesheet column", file: "timesheet:\n  columns:\n    date: Datum\n    dat: Tag\n",
		want: []string{`cwo.yaml:4:5: error: timesheet.columns: "dat" is not one of cwo's columns (date, order, person, item, hours, note)`}},
	{name: "every problem at once", file: "paper: A5\nlocale: xx\n", env: map[string]string{"CWO_CURRENCY": "ABCD"},
		want: []string{
			`CWO_CURRENCY=ABCD: error: currency: "ABCD" is not an ISO 4217 currency code (like USD or EUR)`,
			`cwo.yaml:1:8: error: paper must be "letter" or "a4", not "a5"`,
			`cwo.yaml:2:9: error: locale "xx" is not a BCP 47 language tag like en-US or de-DE`,
		}},
}

// cjk is Noto Sans CJK's collection of ten faces (fonts-noto-cjk), as Debian installs it.
const cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

// testFlags are the settings flags a command may define; only set ones override.
func testFlags(t *testing.T, args []string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	fs.String("paper", "", "")
	fs.String("locale", "", "")
	fs.IntP("jobs", "j", 0, "")
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestCheckNamesTheSource loads each case and checks that Load reports exactly its problems,
// each named by the file position, the environment variable or the flag the value came from.
func TestCheckNamesTheSource(t *testing.T) {
	for _, c := range settingsCases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "r.ttf", goregular.TTF)
			writeFile(t, dir, "broken.ttf", goregular.TTF[:len(goregular.TTF)/2]) // a download cut short
			if c.file != "" {
				writeFile(t, dir, FileName, []byte(c.file))
			}
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			_, err := Load(dir, testFlags(t, c.flags))
			var got []string
			var diags cwo.Diagnostics
			if errors.As(err, &diags) {
				for _, d := range diags {
					got = append(got, d.String())
				}
			} else if err != nil {
				t.Fatalf("Load: %v, want cwo.Diagnostics", err)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Load reports\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestSfntEnd: a font file cut short is told from a damaged one by its table directory, for a
// single font and a collection.
func TestSfntEnd(t *testing.T) {
	ttc, err := os.ReadFile(cjk)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		data  []byte
		short bool
	}{
		{"TrueType", goregular.TTF, false},
		{"TrueType cut short", goregular.TTF[:len(goregular.TTF)-100], true},
		{"TrueType's table directory cut short", goregular.TTF[:20], true},
		{"collection", ttc, false},
		{"collection cut short", ttc[:len(ttc)/2], true},
		{"collection's face offsets cut short", ttc[:14], true},
		{"not a font", []byte("fonts: {regular: x.ttf}\n"), false},
		{"nothing", nil, false},
	} {
		if got := sfntEnd(tt.data) > len(tt.data); got != tt.short {
			t.Errorf("%s: cut short = %v, want %v (sfntEnd %d, length %d)", tt.name, got, tt.short, sfntEnd(tt.data), len(tt.data))
		}
	}
}

// TestLocales checks that the check accepts the locales CLDR has data for, with a region or not
// and with either separator, and no other.
func TestLocales(t *testing.T) {
	for _, tt := range []struct {
		locale string
		ok     bool
	}{{"en-US", true}, {"de", true}, {"de-AT", true}, {"de_CH", true}, {"pt-BR", true}, {"en-001", true},
		{"xx-YY", false}, {"tlh", false}, {"en-XX", false}} {
		if err := cwo.CheckLocale(tt.locale); (err == nil) != tt.ok {
			t.Errorf("CheckLocale(%q) = %v, want ok = %v", tt.locale, err, tt.ok)
		}
	}
}
