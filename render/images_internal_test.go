package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/workspace"
)

// TestBrochureDecodesSharedLogoOnce plans a brochure of 100 projects that all use one logo and
// checks that the run decoded the logo once (it decoded it for every card, and a hundred cards
// with a large logo did not finish in two minutes).
func TestBrochureDecodesSharedLogoOnce(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/base")); err != nil {
		t.Fatal(err)
	}
	logo, err := os.ReadFile("../samples/assets/numpy.png")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "assets", "logo.png"), string(logo))
	project, err := os.ReadFile(filepath.Join(dir, "projects", "numpy.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 100 {
		id := fmt.Sprintf("p%03d", i)
		ids = append(ids, id)
		writeFile(t, filepath.Join(dir, "projects", id+".yaml"), string(project)+"logo: assets/logo.png\n")
	}
	writeFile(t, filepath.Join(dir, "brochures", "conf.yaml"),
		"title: Invest in your tools\nprojects: ["+strings.Join(ids, ", ")+"]\n")

	ws, diags := workspace.Load(dir, cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	b := &batch{ws: ws, shared: pdf.NewShared(), res: &Result{}}
	if len(ws.Brochures) != 1 {
		t.Fatalf("the workspace has %d brochures, want 1", len(ws.Brochures))
	}
	doc, err := b.brochureDoc(ws.Brochures[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Projects) != 100 || doc.Projects[99].Logo == nil {
		t.Fatalf("the brochure shows %d projects (the last with logo %v), want 100 with logos", len(doc.Projects), doc.Projects[len(doc.Projects)-1].Logo)
	}
	if got := b.shared.Stats().PNGDecodes; got != 1 {
		t.Errorf("planning 100 cards with one logo decoded it %d times, want 1", got)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
