package workspace_test

import (
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/testws"
	"github.com/cwo-tool/cwo/workspace"
)

// copyBase copies testdata/base into a temporary folder and applies edits (file → old → new).
func copyBase(t *testing.T, edits ...edit) string {
	t.Helper()
	es := make([]testws.Edit, len(edits))
	for i, e := range edits {
		es[i] = testws.Edit{File: e.file, Old: e.old, New: e.new}
	}
	return testws.CopyBase(t, "../testdata/base", es...)
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
