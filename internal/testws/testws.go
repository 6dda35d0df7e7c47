// Package testws gives tests a private copy of a test workspace (testdata/base), with edits
// applied, so that the root package's and the loader's tests share one way of making one.
package testws

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Edit replaces Old with New in File (slash-separated, relative to the workspace); an empty Old
// writes New as the whole file.
type Edit struct{ File, Old, New string }

// CopyBase copies the workspace folder base into a temporary folder, applies edits in order and
// returns the copy's path.
func CopyBase(t testing.TB, base string, edits ...Edit) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(base)); err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		apply(t, dir, e)
	}
	return dir
}

func apply(t testing.TB, dir string, e Edit) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(e.File))
	data, err := os.ReadFile(path)
	if err != nil && e.Old != "" {
		t.Fatal(err)
	}
	text := string(data)
	if e.Old != "" && !strings.Contains(text, e.Old) {
		t.Fatalf("edit: %s does not contain %q", e.File, e.Old)
	}
	if e.Old == "" {
		text = e.New
	} else {
		text = strings.Replace(text, e.Old, e.New, 1)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
