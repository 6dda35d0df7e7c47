package workspace_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

// copyBase copies testdata/base into a temporary folder and applies edits (file → old → new).
func copyBase(t *testing.T, edits ...edit) string {
	t.Helper()
	dir := t.TempDir()
	err := os.CopyFS(dir, os.DirFS("../testdata/base"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		path := filepath.Join(dir, e.file)
		data, err := os.ReadFile(path)
		if err != nil && e.old != "" {
			t.Fatal(err)
		}
		text := string(data)
		if e.old != "" && !strings.Contains(text, e.old) {
			t.Fatalf("edit: %s does not contain %q", e.file, e.old)
		}
		if e.old == "" {
			text = e.new
		} else {
			text = strings.Replace(text, e.old, e.new, 1)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// edit replaces old with new in file; an empty old writes new as the whole file.
type edit struct{ file, old, new string }

// check loads and validates dir the way `cwo validate` does.
func check(t *testing.T, dir string, opt cwo.ValidateOptions) cwo.Diagnostics {
	t.Helper()
	ws, diags := workspace.Load(dir, cwo.DefaultSettings())
	if diags.HasErrors() {
		return diags
	}
	return append(diags, cwo.Validate(ws, opt)...).Sort()
}

func loadBase(t *testing.T, edits ...edit) *cwo.Workspace {
	t.Helper()
	ws, diags := workspace.Load(copyBase(t, edits...), cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return ws
}
