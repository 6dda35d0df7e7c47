package render_test

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/render"
)

// writePNG writes a blank w × h PNG into the workspace.
func writePNG(t *testing.T, dir, rel string, w, h int) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
}

// krakowWorkspace is the base workspace with a print brochure for Kraków (Polish conventions,
// quoting in euros) and a contractor logo of w × h pixels.
func krakowWorkspace(t *testing.T, w, h int, brochure string) string {
	t.Helper()
	dir := copyWorkspace(t, "../testdata/base")
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	writePNG(t, dir, "assets/logo.png", w, h)
	editFile(t, dir, "contractor.yaml", "email: labs@example.org\n", "email: labs@example.org\nlogo: assets/logo.png\n")
	editFile(t, dir, "contractor.yaml", "url: https://numfocus.org}", "url: https://numfocus.org, tax_status: a 501(c)(3) public charity in the United States}")
	editFile(t, dir, "brochures/conf.yaml", "event: SciPy 2026\npaper: letter\n", "event: EuroSciPy 2026, Kraków\npaper: a4\n"+brochure)
	return dir
}

// TestPrintBrochureChecks checks what validation says of a print brochure: a logo under 300 ppi
// at its printed size (at the contractor's logo field), estimates in another currency than the
// brochure's (at its currency), and an output intent's profile that is no ICC profile.
func TestPrintBrochureChecks(t *testing.T) {
	dir := krakowWorkspace(t, 400, 120, "print: true\nlocale: pl\ncurrency: EUR\n")
	_, diags, _ := render.Validate(dir, cwo.DefaultSettings(), cwo.ValidateOptions{})
	want := "contractor.yaml:5:7: warning: logo assets/logo.png prints at as little as 200 ppi in print brochure conf (400 × 120 pixels): a press needs 300 ppi; give an image at least 600 pixels wide"
	if !strings.Contains(diags.Error(), want) {
		t.Errorf("diagnostics lack\n  %s\ngot:\n%v", want, diags)
	}
	res := mustRender(t, dir, t.TempDir(), func(o *render.Options) { o.Only = []string{render.KindBrochures} })
	want = "brochures/conf.yaml:6:11: warning: brochure conf quotes in EUR, but these estimates are in another currency and are shown in it (cwo converts none): numpy/simd (USD); give those items an estimate in EUR"
	if !strings.Contains(res.Diagnostics.Error(), want) {
		t.Errorf("diagnostics lack\n  %s\ngot:\n%v", want, res.Diagnostics)
	}

	sharp := krakowWorkspace(t, 600, 180, "print: true\noutput_intent: {condition: FOGRA39, profile: assets/press.icc}\n")
	os.WriteFile(filepath.Join(sharp, "assets", "press.icc"), []byte("not a profile"), 0o644)
	_, diags, _ = render.Validate(sharp, cwo.DefaultSettings(), cwo.ValidateOptions{})
	if strings.Contains(diags.Error(), "ppi") {
		t.Errorf("a 300 ppi logo is warned about:\n%v", diags)
	}
	want = "brochures/conf.yaml:5:46: error: output_intent.profile assets/press.icc: not an ICC profile (no acsp signature in its header)"
	if !strings.Contains(diags.Error(), want) {
		t.Errorf("diagnostics lack\n  %s\ngot:\n%v", want, diags)
	}
}

// TestKrakowBrochure renders the Kraków brochure, quoting in euros, and reads it: Polish number
// and date conventions, the sponsor's tax status in its own words, no dollar and no US tax claim.
func TestKrakowBrochure(t *testing.T) {
	dir := krakowWorkspace(t, 600, 180, "print: true\nlocale: pl\ncurrency: EUR\n")
	editFile(t, dir, "projects/numpy.yaml", "{amount: 180000, months: 9}", "{amount: 180000, currency: EUR, months: 9}")
	out := t.TempDir()
	res := mustRender(t, dir, out, func(o *render.Options) { o.Only = []string{render.KindBrochures} })
	if s := res.Diagnostics.Error(); strings.Contains(s, "currency") || strings.Contains(s, "ppi") {
		t.Errorf("unexpected diagnostics:\n%s", s)
	}
	raw, err := pdftest.Tool(t, "pdftotext", "-raw", filepath.Join(out, "brochures", "conf.pdf"), "-")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(raw)), " ")
	for _, w := range []string{"from 180 000 €", "14 May 2026", "NumFOCUS is a 501(c)(3) public charity in the United States."} {
		if !strings.Contains(text, w) {
			t.Errorf("the brochure does not say %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "$") || strings.Contains(text, "Tax-deductible in the US") {
		t.Errorf("the brochure writes $ or a US tax claim:\n%s", text)
	}
}
