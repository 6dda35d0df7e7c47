package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/render"
)

// TestBrochureOfSamplesInPrint renders the sample brochure for the print shop, and the sample's
// projects as A5 flyers, and checks what a visitor and a printer see: a foldable page count,
// full pages, full taglines and QR codes that decode to the roadmaps and contact they name.
func TestBrochureOfSamplesInPrint(t *testing.T) {
	dir := copyWorkspace(t, "../samples")
	conf := filepath.Join(dir, "brochures", "scipy-2026.yaml")
	data, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	data = regexp.MustCompile(`(?m)^print: \w+`).ReplaceAll(data, []byte("print: true"))
	os.WriteFile(conf, data, 0o644)
	flyer := regexp.MustCompile(`(?m)^paper: \w+`).ReplaceAll(data, []byte("paper: a5"))
	flyer = regexp.MustCompile(`(?m)^layout: \w+`).ReplaceAll(flyer, []byte("layout: flyer"))
	if !bytes.Contains(flyer, []byte("layout: flyer")) || !bytes.Contains(flyer, []byte("paper: a5")) {
		t.Fatalf("the sample brochure names no paper or layout to change:\n%s", data)
	}
	os.WriteFile(filepath.Join(dir, "brochures", "flyers.yaml"), flyer, 0o644)
	out := t.TempDir()
	res := mustRender(t, dir, out, func(o *render.Options) { o.Only = []string{render.KindBrochures} })
	var want pdftest.BrochureWant
	for _, p := range res.Workspace.Projects {
		want.Texts = append(want.Texts, p.Tagline)
		want.RoadmapURLs = append(want.RoadmapURLs, p.Roadmap.URL)
	}
	want.Contact = "partnerships@example.org"
	t.Run("booklet", func(t *testing.T) {
		w := want
		w.PageMultiple = 4
		path := filepath.Join(out, "brochures", "scipy-2026.pdf")
		pdftest.QPDFCheck(t, path)
		pdftest.CheckBrochure(t, path, w)
	})
	t.Run("flyers", func(t *testing.T) {
		w := want
		w.Pages = 2 * len(res.Workspace.Projects)
		path := filepath.Join(out, "brochures", "flyers.pdf")
		pdftest.QPDFCheck(t, path)
		pdftest.CheckBrochure(t, path, w)
	})
}
