package render_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/render"
	"go.yaml.in/yaml/v3"
)

// FuzzRenderWorkspace renders the small base workspace with fuzzed text in an order's title,
// a scope description (Markdown), an extra clause and a funder's name. Valid data must render
// every output; invalid data must be refused before anything is written; nothing may panic.
func FuzzRenderWorkspace(f *testing.F) {
	f.Add("Faster NumPy", "Help with **releases**.", "Extra clause.", "Acme, Inc.")
	f.Add(") Tj ET (", "\\ ( ) <</JS (app.alert(1))>>", "[x](javascript:alert(1))", "Zoë Łukasz Ελένη 山田")
	f.Add("", "| a | b |\n|---|---|\n| 1 | 2 |\n\n- a\n  - b\n    - c", "> quote\n\n```\ncode\n```", "=cmd|' /C calc'!A0")
	base, err := os.ReadFile("../testdata/base/orders/O-1.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, desc, clause, funder string) {
		dir := copyWorkspace(t, "../testdata/base")
		order := strings.Replace(string(base), "title: Faster NumPy", "title: "+quote(title), 1)
		order = strings.Replace(order, "description: Help with releases.", "description: "+quote(desc), 1)
		order += "clauses: [" + quote(clause) + "]\n"
		os.WriteFile(filepath.Join(dir, "orders", "O-1.yaml"), []byte(order), 0o644)
		acme, _ := os.ReadFile(filepath.Join(dir, "funders", "acme.yaml"))
		os.WriteFile(filepath.Join(dir, "funders", "acme.yaml"), []byte(strings.Replace(string(acme), "legal_name: Acme Analytics, Inc.", "legal_name: "+quote(funder), 1)), 0o644)
		out := filepath.Join(t.TempDir(), "out")
		res, err := render.Run(context.Background(), dir, cwo.DefaultSettings(), render.Options{OutDir: out, Jobs: 1})
		if errors.Is(err, render.ErrInvalid) {
			if _, statErr := os.Stat(out); statErr == nil {
				t.Fatalf("invalid data wrote %s", out)
			}
			return
		}
		if err != nil || len(res.Failures) > 0 {
			t.Fatalf("valid data failed to render: %v %v", err, res.Failures)
		}
		for _, j := range res.Planned {
			if data, err := os.ReadFile(filepath.Join(out, j.Path)); err != nil || len(data) == 0 {
				t.Fatalf("%s missing: %v", j.Path, err)
			}
		}
	})
}

// quote writes s as a YAML double-quoted scalar.
func quote(s string) string {
	b, _ := yaml.Marshal(s)
	return strings.TrimSuffix(string(b), "\n")
}
