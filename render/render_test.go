package render_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/internal/golden"
	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/render"
)

// renderDir runs the pipeline on a workspace into out.
func renderDir(t *testing.T, dir, out string, mod func(*render.Options)) (*render.Result, error) {
	t.Helper()
	s, err := config.Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	opt := render.Options{OutDir: out, Jobs: 2}
	if mod != nil {
		mod(&opt)
	}
	return render.Run(context.Background(), dir, s, opt)
}

// mustRender renders and fails the test on any error or failed output.
func mustRender(t *testing.T, dir, out string, mod func(*render.Options)) *render.Result {
	t.Helper()
	res, err := renderDir(t, dir, out, mod)
	if err != nil {
		t.Fatalf("render %s: %v\n%v", dir, err, res.Diagnostics)
	}
	if len(res.Failures) > 0 {
		t.Fatalf("render %s: failures %v", dir, res.Failures)
	}
	return res
}

// checksums returns the SHA-256 of every file under dir, by relative path.
func checksums(t *testing.T, dir string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		h := sha256.Sum256(data)
		sums[filepath.ToSlash(rel)] = hex.EncodeToString(h[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

// copyWorkspace copies a workspace folder into a temporary one.
func copyWorkspace(t *testing.T, from string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAgreementsOfSamples(t *testing.T) {
	out := t.TempDir()
	res := mustRender(t, "../samples", out, func(o *render.Options) { o.Only = []string{render.KindAgreements} })
	if got := res.Counts[render.KindAgreements].Rendered; got != 7 {
		t.Fatalf("rendered %d agreements, want 7", got)
	}
	paths, _ := filepath.Glob(filepath.Join(out, "agreements", "*.pdf"))
	if len(paths) != 7 {
		t.Fatalf("found %d agreement files, want 7", len(paths))
	}
	unsigned := map[string]bool{"CWO-2026-002-v1": true, "CWO-2026-007-v1": true}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".pdf")
		t.Run(name, func(t *testing.T) {
			pdftest.QPDFCheck(t, path)
			pdftest.PDFCPUValidate(t, path)
			fields := pdftest.SigFields(t, path)
			if unsigned[name] { // draft (007) and cancelled (002): nothing to sign
				if len(fields) != 0 {
					t.Errorf("signature fields = %+v, want none", fields)
				}
				golden.Check(t, name, pdftest.Text(t, path))
				return
			}
			want := []pdftest.SigField{{Name: pdfupdate.FieldContractor}, {Name: pdfupdate.FieldFunder}}
			if len(fields) != 2 || fields[0] != want[0] || fields[1] != want[1] {
				t.Errorf("signature fields = %+v, want %+v", fields, want)
			}
			sig, _ := pdftest.Tool(t, "pdfsig", path)
			if bytes.Count(sig, []byte("The signature form field is not signed.")) != 2 {
				t.Errorf("pdfsig does not list two empty signature fields:\n%s", sig)
			}
			golden.Check(t, name, pdftest.Text(t, path))
		})
	}
}

func TestSameInputSameBytes(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	mustRender(t, "../samples", a, func(o *render.Options) { o.Jobs = 1 })
	mustRender(t, "../samples", b, func(o *render.Options) { o.Jobs = 4 })
	sa, sb := checksums(t, a), checksums(t, b)
	if len(sa) == 0 || len(sa) != len(sb) {
		t.Fatalf("file counts differ: %d vs %d", len(sa), len(sb))
	}
	for path, sum := range sa {
		if sb[path] != sum {
			t.Errorf("%s differs between --jobs 1 and --jobs 4", path)
		}
	}
	mustRender(t, "../samples", b, func(o *render.Options) { o.Force = true; o.Jobs = 3 })
	for path, sum := range checksums(t, b) {
		if sa[path] != sum {
			t.Errorf("%s differs after a forced second render", path)
		}
	}
}

func TestIncrementalRerun(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	out := t.TempDir()
	mustRender(t, dir, out, nil)
	res := mustRender(t, dir, out, nil)
	if c := res.Counts[render.KindAgreements]; c.Rendered != 0 || c.Unchanged != 2 {
		t.Fatalf("second run: %+v, want 0 rendered, 2 unchanged", *c)
	}
	before := checksums(t, out)
	order := filepath.Join(dir, "orders", "O-1.yaml")
	data, _ := os.ReadFile(order)
	os.WriteFile(order, bytes.Replace(data, []byte("Faster NumPy"), []byte("Faster NumPy on Arm"), 1), 0o644)
	res = mustRender(t, dir, out, nil)
	if c := res.Counts[render.KindAgreements]; c.Rendered != 1 || c.Unchanged != 1 {
		t.Fatalf("after editing O-1: %+v, want 1 rendered, 1 unchanged", *c)
	}
	after := checksums(t, out)
	if before["agreements/O-2-v1.pdf"] != after["agreements/O-2-v1.pdf"] || before["agreements/O-1-v1.pdf"] == after["agreements/O-1-v1.pdf"] {
		t.Errorf("only O-1's agreement should change")
	}
	os.WriteFile(filepath.Join(out, "agreements", "O-2-v1.pdf"), []byte("tampered"), 0o644)
	res = mustRender(t, dir, out, nil)
	if c := res.Counts[render.KindAgreements]; c.Rendered != 1 {
		t.Errorf("a changed output file must be rendered again: %+v", *c)
	}
}

// TestTemplateFailureStopsTheRun: a template that fails for one order stops the run before
// anything is written, as validate would report it (issue 17: render wrote the reports and
// brochures, then failed the agreements), and names the template position and the order.
func TestTemplateFailureStopsTheRun(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	out := t.TempDir()
	mustRender(t, dir, out, nil)
	before := snapshot(t, out)
	tmpl := "# Agreement {{.Order.ID}}\n\n{{if eq .Order.ID \"O-2\"}}{{.Order.NoSuchField}}{{end}}Text.\n"
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	os.WriteFile(filepath.Join(dir, "templates", "agreement.md.tmpl"), []byte(tmpl), 0o644)
	res, err := renderDir(t, dir, out, func(o *render.Options) { o.Force = true })
	if !errors.Is(err, render.ErrInvalid) {
		t.Fatalf("run: err = %v, want ErrInvalid", err)
	}
	msg := res.Diagnostics.Error()
	if !strings.Contains(msg, "templates/agreement.md.tmpl:3:") || !strings.Contains(msg, "order O-2") {
		t.Errorf("diagnostics lack the template position or the order: %s", msg)
	}
	if after := snapshot(t, out); !maps.Equal(before, after) {
		t.Errorf("the output folder changed")
	}
}

// snapshot maps each file under dir to its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(path)
			files[path] = string(data)
		}
		return nil
	})
	return files
}

func TestInvalidWorkspaceWritesNothing(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	order := filepath.Join(dir, "orders", "O-1.yaml")
	data, _ := os.ReadFile(order)
	os.WriteFile(order, bytes.Replace(data, []byte("funder: acme"), []byte("funder: acme-corp"), 1), 0o644)
	out := filepath.Join(t.TempDir(), "out")
	res, err := renderDir(t, dir, out, nil)
	if !errors.Is(err, render.ErrInvalid) || !res.Diagnostics.HasErrors() {
		t.Fatalf("err = %v, want ErrInvalid with diagnostics", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("output folder was created for an invalid workspace")
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	var log bytes.Buffer
	mustRender(t, "../testdata/base", out, func(o *render.Options) { o.DryRun = true; o.Log = &log })
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("--dry-run created the output folder")
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	sort.Strings(lines)
	want := []string{"new       agreements/O-1-v1.pdf", "new       agreements/O-2-v1.pdf", "new       brochures/conf.pdf",
		"new       reports/O-1-2026-Q4.pdf", "new       reports/O-1-2026-Q4.xlsx", "new       reports/O-2-2026-Q4.pdf", "new       reports/O-2-2026-Q4.xlsx"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("dry run printed:\n%s\nwant:\n%s", log.String(), strings.Join(want, "\n"))
	}
}

func TestValidateWarnsAboutUndrawableText(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	funder := filepath.Join(dir, "funders", "acme.yaml")
	data, _ := os.ReadFile(funder)
	os.WriteFile(funder, bytes.Replace(data, []byte("short_name: Acme"), []byte("short_name: 山田商事"), 1), 0o644)
	_, diags, _ := render.Validate(dir, cwo.DefaultSettings(), cwo.ValidateOptions{})
	want := `funders/acme.yaml:2:13: warning: the PDF fonts cannot draw "山" (U+5C71), "田" (U+7530), "商" (U+5546), "事" (U+4E8B); add a font that has them to fonts.fallback in cwo.yaml, e.g. Noto Serif CJK (fonts-noto-cjk; NotoSerifCJK-Regular.ttc#Noto Serif CJK JP, or SC/TC/KR)`
	if !strings.Contains(diags.Error(), want) {
		t.Errorf("diagnostics lack\n  %s\ngot:\n%v", want, diags)
	}
}

func TestValidateExecutesTemplatesPerOrder(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	os.WriteFile(filepath.Join(dir, "templates", "agreement.md.tmpl"), []byte("x\n{{if .Hourly}}{{money .Order.Budget.Nope}}{{end}}\n"), 0o644)
	_, diags, _ := render.Validate(dir, cwo.DefaultSettings(), cwo.ValidateOptions{})
	want := "templates/agreement.md.tmpl:2:28: error: order O-2: <.Order.Budget.Nope>: can't evaluate field Nope in type cwo.Budget"
	if !strings.Contains(diags.Error(), want) || strings.Contains(diags.Error(), "order O-1:") {
		t.Errorf("diagnostics lack\n  %s\n(and must not name O-1); got:\n%v", want, diags)
	}
}

func TestBrochureOfSamples(t *testing.T) {
	out := t.TempDir()
	mustRender(t, "../samples", out, func(o *render.Options) { o.Only = []string{render.KindBrochures} })
	path := filepath.Join(out, "brochures", "scipy-2026.pdf")
	pdftest.QPDFCheck(t, path)
	pdftest.PDFCPUValidate(t, path)
	golden.Check(t, "scipy-2026", pdftest.Text(t, path))
}

func TestBrochureLeavesOutStaleRoadmaps(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	project := filepath.Join(dir, "projects", "numpy.yaml")
	data, _ := os.ReadFile(project)
	os.WriteFile(project, bytes.Replace(data, []byte("reviewed: 2026-05-14"), []byte("reviewed: 2025-01-10"), 1), 0o644)
	out := t.TempDir()
	res := mustRender(t, dir, out, func(o *render.Options) { o.Only = []string{render.KindBrochures} })
	want := "brochures/conf.yaml:4:12: warning: left out numpy: its roadmap was last reviewed on 2025-01-10, more than 12 months before the brochure's date 2026-09-15 (set include_stale: true to keep it)"
	if !strings.Contains(res.Diagnostics.Error(), want) {
		t.Errorf("diagnostics lack\n  %s\ngot:\n%v", want, res.Diagnostics)
	}
	text := pdftest.Text(t, filepath.Join(out, "brochures", "conf.pdf"))
	if strings.Contains(text, "Universal SIMD") {
		t.Errorf("the stale roadmap's items are in the brochure")
	}
	brochure := filepath.Join(dir, "brochures", "conf.yaml")
	data, _ = os.ReadFile(brochure)
	os.WriteFile(brochure, append(data, []byte("include_stale: true\n")...), 0o644)
	mustRender(t, dir, out, func(o *render.Options) { o.Only = []string{render.KindBrochures} })
	if text := pdftest.Text(t, filepath.Join(out, "brochures", "conf.pdf")); !strings.Contains(text, "Universal SIMD") {
		t.Errorf("include_stale: true did not keep the stale roadmap")
	}
}

func TestBrochureItemChoice(t *testing.T) {
	p := &cwo.Project{Roadmap: cwo.Roadmap{Items: []cwo.RoadmapItem{
		{ID: "a", Priority: 1}, {ID: "b", Priority: 3, Brochure: true}, {ID: "c", Priority: 2}, {ID: "d", Priority: 4, Brochure: true},
	}}}
	var got []string
	for _, it := range render.BrochureItems(p, 3) {
		got = append(got, it.ID)
	}
	if strings.Join(got, ",") != "b,d,a" {
		t.Errorf("BrochureItems = %v, want b,d,a (brochure: true first, then by priority)", got)
	}
	if n := len(render.BrochureItems(p, 0)); n != 2 {
		t.Errorf("default items per project = %d, want 2", n)
	}
}

func TestLogos(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	img := image.NewRGBA64(image.Rect(0, 0, 60, 30))
	for y := range 30 {
		for x := range 60 {
			img.Set(x, y, color.RGBA64{uint16(x * 1000), 20000, 40000, 65535})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	os.WriteFile(filepath.Join(dir, "assets", "logo.png"), buf.Bytes(), 0o644)
	contractor := filepath.Join(dir, "contractor.yaml")
	data, _ := os.ReadFile(contractor)
	os.WriteFile(contractor, append(data, []byte("logo: assets/logo.png\n")...), 0o644)
	out := t.TempDir()
	mustRender(t, dir, out, nil) // a 16-bit PNG, which fpdf alone refuses
	pdftest.QPDFCheck(t, filepath.Join(out, "agreements", "O-1-v1.pdf"))

	// A PNG cut short after its header: validate decodes it in full and says so.
	os.WriteFile(filepath.Join(dir, "assets", "logo.png"), buf.Bytes()[:buf.Len()/2], 0o644)
	_, diags, _ := render.Validate(dir, cwo.DefaultSettings(), cwo.ValidateOptions{})
	if want := `contractor.yaml:7:7: error: logo "assets/logo.png": a damaged PNG image`; !strings.Contains(diags.Error(), want) {
		t.Errorf("diagnostics lack %q:\n%v", want, diags)
	}

	// A JPEG named .png is drawn as the JPEG it is.
	var jpg bytes.Buffer
	jpeg.Encode(&jpg, img, nil)
	os.WriteFile(filepath.Join(dir, "assets", "logo.png"), jpg.Bytes(), 0o644)
	out = t.TempDir()
	mustRender(t, dir, out, nil)
	pdftest.QPDFCheck(t, filepath.Join(out, "agreements", "O-1-v1.pdf"))

	os.WriteFile(filepath.Join(dir, "assets", "logo.png"), []byte("not an image at all"), 0o644)
	_, diags, _ = render.Validate(dir, cwo.DefaultSettings(), cwo.ValidateOptions{})
	if want := `contractor.yaml:7:7: error: logo "assets/logo.png": not a readable PNG or JPEG image`; !strings.Contains(diags.Error(), want) {
		t.Errorf("diagnostics lack %q:\n%v", want, diags)
	}
}

// TestTemplateLimitReportedOnce: a template that exceeds a limit for every order is one
// diagnostic, from render and from validate, and nothing renders.
func TestTemplateLimitReportedOnce(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	os.WriteFile(filepath.Join(dir, "templates", "agreement.md.tmpl"), []byte("x\n{{indent 6000000000 \"x\"}}\n"), 0o644)
	out := filepath.Join(t.TempDir(), "out")
	res, err := renderDir(t, dir, out, nil)
	if !errors.Is(err, render.ErrInvalid) || len(res.Failures) != 0 {
		t.Fatalf("render: err = %v, failures = %v; want ErrInvalid before rendering", err, res.Failures)
	}
	_, diags, _ := render.Validate(dir, cwo.DefaultSettings(), cwo.ValidateOptions{})
	for name, d := range map[string]cwo.Diagnostics{"render": res.Diagnostics, "validate": diags} {
		if n := strings.Count(d.Error(), "indent of 6000000000 spaces is too large"); n != 1 {
			t.Errorf("%s reports the limit %d times, want once:\n%v", name, n, d)
		}
	}
}

// TestDataMarkdownKeepsTheStructure: a heading in a roadmap item's summary is set as bold text
// inside its scope item, not as a clause that renumbers the agreement, and a relative link in
// it points into the project's roadmap (issue 17).
func TestDataMarkdownKeepsTheStructure(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	project := filepath.Join(dir, "projects", "numpy.yaml")
	data, _ := os.ReadFile(project)
	summary := "summary: |\n        Faster ufuncs.\n\n        ## Goals\n\n        See [NEP 38](nep-0038-SIMD-optimizations.html).\n"
	os.WriteFile(project, bytes.Replace(data, []byte("summary: Faster ufuncs.\n"), []byte(summary), 1), 0o644)
	before := pdftest.Text(t, filepath.Join(mustRenderOne(t, copyWorkspace(t, "../testdata/base")), "agreements", "O-1-v1.pdf"))
	out := mustRenderOne(t, dir)
	path := filepath.Join(out, "agreements", "O-1-v1.pdf")
	text := pdftest.Text(t, path)
	if regexp.MustCompile(`\d\.\s+Goals`).MatchString(text) {
		t.Errorf("the data's heading became a numbered clause")
	}
	clauses := regexp.MustCompile(`(?m)^(\d+)\.\s+\S`)
	numbers := func(s string) (n []string) { // the numbers only: pdftotext's spacing follows the page
		for _, m := range clauses.FindAllStringSubmatch(s, -1) {
			n = append(n, m[1])
		}
		return n
	}
	if a, b := numbers(before), numbers(text); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("clause numbers changed: %v, now %v", a, b)
	}
	raw, _ := pdftest.Tool(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
	if !bytes.Contains(raw, []byte("/URI (https://numpy.org/neps/nep-0038-SIMD-optimizations.html)")) {
		t.Errorf("the relative link was not resolved against the roadmap's address")
	}
}

// mustRenderOne renders the workspace in dir into a new folder and returns it.
func mustRenderOne(t *testing.T, dir string) string {
	t.Helper()
	out := t.TempDir()
	mustRender(t, dir, out, nil)
	return out
}
