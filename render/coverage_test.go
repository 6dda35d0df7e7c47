package render_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/internal/testws"
	"github.com/cwo-tool/cwo/render"
)

// System fonts the coverage tests configure (fonts-noto-core, fonts-noto-cjk, fonts-dejavu-core).
const (
	naskh    = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"
	cjk      = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	dejavu   = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" // has the emoticons U+1F600-1F64F, in black and white
	dejavuB  = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
	dejavuSf = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
)

// Suggestions as checkCoverage words them (typeset.Suggest).
const (
	suggestNaskh = "Noto Naskh Arabic (fonts-noto-core)"
	suggestCJK   = "Noto Serif CJK (fonts-noto-cjk; NotoSerifCJK-Regular.ttc#Noto Serif CJK JP, or SC/TC/KR)"
	suggestEmoji = "a monochrome emoji font such as Noto Emoji (not the colour Noto Color Emoji; Noto Sans Symbols 2 " +
		"from fonts-noto-core and DejaVu Sans from fonts-dejavu-core have some emoji)"
)

// validateWith loads the settings of the workspace in dir (its cwo.yaml) and validates it.
func validateWith(t *testing.T, dir string) cwo.Diagnostics {
	t.Helper()
	s, err := config.Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, diags, _ := render.Validate(dir, s, cwo.ValidateOptions{})
	return diags
}

// coverageDiags are the diagnostics of diags about characters the fonts cannot draw.
func coverageDiags(diags cwo.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		if strings.Contains(d.Message, "cannot draw") {
			out = append(out, d.String())
		}
	}
	return out
}

// TestCoverageSeverity: a character no font has is an error in the text an agreement binds its
// parties with (names, addresses, signatories, the order title) and a warning elsewhere; each
// message names where the text is, the setting to add a font to, and a font for the script.
func TestCoverageSeverity(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit testws.Edit
		want string
	}{
		{"funder's legal name", testws.Edit{File: "funders/acme.yaml", Old: "Acme Analytics, Inc.", New: "أحمد"},
			`funders/acme.yaml:1:13: error: the PDF fonts cannot draw "أ" (U+0623), "ح" (U+062D), "م" (U+0645), "د" (U+062F) in a party's legal name; add a font that has them to fonts.fallback in cwo.yaml, e.g. ` + suggestNaskh},
		{"funder's address", testws.Edit{File: "funders/acme.yaml", Old: `"Springfield, IL 62701"`, New: `"תל אביב"`},
			`funders/acme.yaml:4:24: error: the PDF fonts cannot draw "ת" (U+05EA), "ל" (U+05DC), "א" (U+05D0), "ב" (U+05D1), "י" (U+05D9) in a party's address; add a font that has them to fonts.fallback in cwo.yaml, e.g. Noto Serif Hebrew (fonts-noto-core)`},
		{"funder's signatory", testws.Edit{File: "funders/acme.yaml", Old: "name: Jane Doe", New: "name: 山田花子"},
			`funders/acme.yaml:5:19: error: the PDF fonts cannot draw "山" (U+5C71), "田" (U+7530), "花" (U+82B1), "子" (U+5B50) in a signatory's name; add a font that has them to fonts.fallback in cwo.yaml, e.g. ` + suggestCJK},
		{"funder's signatory's title", testws.Edit{File: "funders/acme.yaml", Old: "VP Engineering", New: "निदेशक"},
			`funders/acme.yaml:5:36: error: the PDF fonts cannot draw "न" (U+0928), "ि" (U+093F), "द" (U+0926), "े" (U+0947), "श" (U+0936), and 1 more in a signatory's title; add a font that has them to fonts.fallback in cwo.yaml, e.g. Noto Serif Devanagari (fonts-noto-core)`},
		{"contractor's name", testws.Edit{File: "contractor.yaml", Old: "name: Example Labs\n", New: "name: ตัวอย่าง\n"},
			`contractor.yaml:1:7: error: the PDF fonts cannot draw "ต" (U+0E15), "ั" (U+0E31), "ว" (U+0E27), "อ" (U+0E2D), "ย" (U+0E22), and 3 more in a party's name; add a font that has them to fonts.fallback in cwo.yaml, e.g. Noto Serif Thai (fonts-noto-core)`},
		{"contractor's signatory", testws.Edit{File: "contractor.yaml", Old: "Alex Morgan", New: "김민준"},
			`contractor.yaml:5:19: error: the PDF fonts cannot draw "김" (U+AE40), "민" (U+BBFC), "준" (U+C900) in a signatory's name; add a font that has them to fonts.fallback in cwo.yaml, e.g. Noto Serif CJK KR (fonts-noto-cjk; NotoSerifCJK-Regular.ttc#Noto Serif CJK KR)`},
		{"emoji in the order title", testws.Edit{File: "orders/O-1.yaml", Old: "title: Faster NumPy", New: "title: Faster NumPy 🚀"},
			`orders/O-1.yaml:1:8: error: the PDF fonts cannot draw "🚀" (U+1F680) in the order title; add a font that has them to fonts.fallback in cwo.yaml, e.g. ` + suggestEmoji},
		{"one suggestion per script", testws.Edit{File: "funders/acme.yaml", Old: "Acme Analytics, Inc.", New: "山田 أحمد 商事"},
			`funders/acme.yaml:1:13: error: the PDF fonts cannot draw "山" (U+5C71), "田" (U+7530), "أ" (U+0623), "ح" (U+062D), "م" (U+0645), and 3 more in a party's legal name; add a font that has them to fonts.fallback in cwo.yaml, e.g. ` + suggestCJK + " and " + suggestNaskh},
		{"funder's short name", testws.Edit{File: "funders/acme.yaml", Old: "short_name: Acme", New: "short_name: 山田"},
			`funders/acme.yaml:2:13: warning: the PDF fonts cannot draw "山" (U+5C71), "田" (U+7530); add a font that has them to fonts.fallback in cwo.yaml, e.g. ` + suggestCJK},
		{"emoji in a roadmap summary", testws.Edit{File: "projects/numpy.yaml", Old: "summary: Faster ufuncs.", New: "summary: Faster ufuncs 😀"},
			`projects/numpy.yaml:12:16: warning: the PDF fonts cannot draw "😀" (U+1F600); add a font that has them to fonts.fallback in cwo.yaml, e.g. ` + suggestEmoji},
		{"scope description", testws.Edit{File: "orders/O-1.yaml", Old: "Help with releases.", New: "Help with releases, مرحبا"},
			`orders/O-1.yaml:20:18: warning: the PDF fonts cannot draw "م" (U+0645), "ر" (U+0631), "ح" (U+062D), "ب" (U+0628), "ا" (U+0627); add a font that has them to fonts.fallback in cwo.yaml, e.g. ` + suggestNaskh},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := testws.CopyBase(t, "../testdata/base", tt.edit)
			diags := validateWith(t, dir)
			got := coverageDiags(diags)
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("coverage diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
			critical := strings.Contains(tt.want, ": error: ")
			if diags.HasErrors() != critical {
				t.Errorf("HasErrors() = %v, want %v:\n%v", diags.HasErrors(), critical, diags)
			}
		})
	}
}

// TestCoverageErrorStopsRender: an emoji in a title without an emoji font fails the run before
// anything is written, as validate said it would.
func TestCoverageErrorStopsRender(t *testing.T) {
	dir := testws.CopyBase(t, "../testdata/base", testws.Edit{File: "orders/O-1.yaml", Old: "title: Faster NumPy", New: "title: Faster NumPy 😀"})
	out := filepath.Join(t.TempDir(), "out")
	res, err := renderDir(t, dir, out, nil)
	if !errors.Is(err, render.ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if want := `orders/O-1.yaml:1:8: error: the PDF fonts cannot draw "😀" (U+1F600) in the order title`; !strings.Contains(res.Diagnostics.Error(), want) {
		t.Errorf("diagnostics lack\n  %s\ngot:\n%v", want, res.Diagnostics)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("the output folder was created")
	}
}

// TestCoverageWithFallbackFonts: fonts.fallback with an Arabic font, a face of the CJK collection
// and DejaVu Sans (black-and-white emoji) draws all of them: validate is clean and the PDF has
// the text.
func TestCoverageWithFallbackFonts(t *testing.T) {
	dir := testws.CopyBase(t, "../testdata/base",
		testws.Edit{File: "funders/acme.yaml", Old: "Acme Analytics, Inc.", New: "شركة أكمي"},
		testws.Edit{File: "funders/acme.yaml", Old: "name: Jane Doe", New: "name: 山田花子"},
		testws.Edit{File: "orders/O-1.yaml", Old: "title: Faster NumPy", New: "title: Faster NumPy 😀"},
		testws.Edit{File: "cwo.yaml", New: "fonts:\n  fallback:\n    - " + naskh + "\n    - " + cjk + "#Noto Sans CJK JP\n    - " + dejavu + "\n"},
	)
	diags := validateWith(t, dir)
	if got := coverageDiags(diags); len(got) > 0 || diags.HasErrors() {
		t.Fatalf("validate with fallback fonts reports:\n%v", diags)
	}
	out := t.TempDir()
	mustRender(t, dir, out, func(o *render.Options) { o.Only = []string{render.KindAgreements} })
	text := pdftest.Text(t, filepath.Join(out, "agreements", "O-1-v1.pdf"))
	for _, want := range []string{"山田花子", "Faster NumPy 😀"} {
		if !strings.Contains(text, want) {
			t.Errorf("the agreement's text lacks %q:\n%s", want, text)
		}
	}
}

// TestCoverageOfBoldAndItalic: text drawn in bold or italic is checked in that style too, and a
// character only that style lacks is reported once, naming the style's setting.
func TestCoverageOfBoldAndItalic(t *testing.T) {
	dir := testws.CopyBase(t, "../testdata/base",
		testws.Edit{File: "orders/O-1.yaml", Old: "title: Faster NumPy", New: "title: 山田"},
		testws.Edit{File: "funders/acme.yaml", Old: "name: Jane Doe", New: "name: 山田花子"},
		testws.Edit{File: "projects/numpy.yaml", Old: "tagline: The fundamental package", New: "tagline: 商事 The fundamental package"},
		testws.Edit{File: "cwo.yaml", New: "fonts:\n  regular: " + cjk + "#0\n  bold: " + dejavuB + "\n  italic: " + dejavuSf + "\n"},
	)
	got := coverageDiags(validateWith(t, dir))
	want := []string{
		`orders/O-1.yaml:1:8: error: the bold PDF fonts cannot draw "山" (U+5C71), "田" (U+7530) in the order title; add a font that has them to fonts.bold or fonts.fallback in cwo.yaml, e.g. ` + suggestCJK,
		`projects/numpy.yaml:2:10: warning: the italic PDF fonts cannot draw "商" (U+5546), "事" (U+4E8B); add a font that has them to fonts.italic or fonts.fallback in cwo.yaml, e.g. ` + suggestCJK,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("coverage diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
