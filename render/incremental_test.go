package render_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/render"
)

// incremental turns on the state file, as cwo render does.
func incremental(o *render.Options) { o.Incremental = true }

// edit replaces old with new in a workspace file.
func editFile(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", rel, old)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// counts returns rendered and unchanged outputs over all kinds.
func counts(res *render.Result) (rendered, unchanged int) {
	for _, c := range res.Counts {
		rendered += c.Rendered
		unchanged += c.Unchanged
	}
	return rendered, unchanged
}

// sameAsFullRun renders dir from scratch into a new folder and checks that out holds the same
// files, manifest included.
func sameAsFullRun(t *testing.T, dir, out string) {
	t.Helper()
	fresh := t.TempDir()
	mustRender(t, dir, fresh, nil)
	got, want := checksums(t, out), checksums(t, fresh)
	delete(got, ".cwo-state.json")
	if len(got) != len(want) {
		t.Errorf("%d files, a full run writes %d", len(got), len(want))
	}
	for path, sum := range want {
		if got[path] != sum {
			t.Errorf("%s differs from a full run's", path)
		}
	}
}

func TestRerunWithNothingChangedLoadsNothing(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	out := t.TempDir()
	first := mustRender(t, dir, out, incremental)
	before := checksums(t, out)
	res := mustRender(t, dir, out, incremental)
	if len(res.Planned) != 0 {
		t.Errorf("a re-run with nothing changed planned %d jobs: it loaded the workspace", len(res.Planned))
	}
	rendered, unchanged := counts(res)
	if want := len(first.Planned); rendered != 0 || unchanged != want {
		t.Errorf("re-run: %d rendered, %d unchanged; want 0 and %d", rendered, unchanged, want)
	}
	if len(res.Diagnostics) != len(first.Diagnostics) {
		t.Errorf("re-run reported %d warnings, the first run %d", len(res.Diagnostics), len(first.Diagnostics))
	}
	for path, sum := range checksums(t, out) {
		if path != ".cwo-state.json" && before[path] != sum {
			t.Errorf("%s was rewritten", path)
		}
	}
}

func TestRerunAfterOneOrderChangedRendersOnlyIt(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	out := t.TempDir()
	mustRender(t, dir, out, incremental)
	editFile(t, dir, "orders/O-1.yaml", "title: Faster NumPy", "title: Faster NumPy on Arm")
	editFile(t, dir, "progress/O-1/2026-Q4.yaml", "percent: 40", "percent: 45")
	res := mustRender(t, dir, out, incremental)
	for _, j := range res.Planned {
		if j.IDs[0] != "O-1" {
			t.Errorf("planned %s, which is not O-1's", j.Path)
		}
	}
	if c := res.Counts[render.KindAgreements]; c.Rendered != 1 || c.Unchanged != 1 {
		t.Errorf("agreements: %+v, want 1 rendered and 1 unchanged", *c)
	}
	if c := res.Counts[render.KindReports]; c.Rendered != 2 {
		t.Errorf("reports: %+v, want O-1's report rendered (workbook and PDF)", *c)
	}
	if c := res.Counts[render.KindBrochures]; c.Unchanged != 1 {
		t.Errorf("brochures: %+v, want 1 unchanged", *c)
	}
	sameAsFullRun(t, dir, out)
	again := mustRender(t, dir, out, incremental)
	if rendered, _ := counts(again); rendered != 0 || len(again.Planned) != 0 {
		t.Errorf("the run after the scoped one rendered %d and planned %d", rendered, len(again.Planned))
	}
}

func TestRerunLoadsEverythingWhenSharedFilesChange(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, dir, out string)
	}{
		{"project", func(t *testing.T, dir, _ string) {
			editFile(t, dir, "projects/numpy.yaml", "reviewed: 2026-05-14", "reviewed: 2026-05-15")
		}},
		{"timesheet", func(t *testing.T, dir, _ string) {
			editFile(t, dir, "timesheets/q4.csv", "Release notes", "Release notes v2")
		}},
		{"new order", func(t *testing.T, dir, _ string) {
			data, _ := os.ReadFile(filepath.Join(dir, "orders", "O-2.yaml"))
			os.WriteFile(filepath.Join(dir, "orders", "O-3.yaml"), data, 0o644)
		}},
		{"newest order", func(t *testing.T, dir, _ string) {
			editFile(t, dir, "orders/O-2.yaml", "issued: 2026-09-01", "issued: 2026-09-20")
		}},
		{"newest order issued earlier", func(t *testing.T, dir, _ string) {
			editFile(t, dir, "orders/O-1.yaml", "issued: 2026-09-15", "issued: 2026-08-15")
		}},
		{"deleted output", func(t *testing.T, _, out string) {
			os.Remove(filepath.Join(out, "agreements", "O-2-v1.pdf"))
		}},
		{"edited output", func(t *testing.T, _, out string) {
			os.WriteFile(filepath.Join(out, "agreements", "O-2-v1.pdf"), []byte("tampered"), 0o644)
		}},
		{"order changed and another's output deleted", func(t *testing.T, dir, out string) {
			editFile(t, dir, "orders/O-1.yaml", "title: Faster NumPy", "title: Faster NumPy on Arm")
			os.Remove(filepath.Join(out, "agreements", "O-2-v1.pdf"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyWorkspace(t, "../testdata/base")
			out := t.TempDir()
			first := mustRender(t, dir, out, incremental)
			tt.change(t, dir, out)
			res := mustRender(t, dir, out, incremental)
			if len(res.Planned) != len(first.Planned) && tt.name != "new order" {
				t.Errorf("planned %d jobs, want all %d (a full run)", len(res.Planned), len(first.Planned))
			}
			sameAsFullRun(t, dir, out)
		})
	}
}

func TestRerunWithLinksInTheWorkspace(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	out := t.TempDir()
	os.Symlink(filepath.Join(dir, "projects"), filepath.Join(dir, "projects-link"))
	os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "broken-link"))
	mustRender(t, dir, out, incremental)
	res := mustRender(t, dir, out, incremental)
	if len(res.Planned) != 0 {
		t.Errorf("a re-run with links in the workspace planned %d jobs: no state was kept", len(res.Planned))
	}
}

func TestScopedRunReportsTheChangedOrdersErrors(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	out := t.TempDir()
	mustRender(t, dir, out, incremental)
	editFile(t, dir, "orders/O-1.yaml", "status: active", "status: actve")
	res, err := renderDir(t, dir, out, incremental)
	if !errors.Is(err, render.ErrInvalid) || !res.Diagnostics.HasErrors() {
		t.Fatalf("err = %v, diagnostics %v; want the bad status reported", err, res.Diagnostics)
	}
	editFile(t, dir, "orders/O-1.yaml", "status: actve", "status: active")
	mustRender(t, dir, out, incremental)
	sameAsFullRun(t, dir, out)
}

func TestFailedRunForgetsTheState(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	out := t.TempDir()
	mustRender(t, dir, out, incremental)
	if _, err := os.Stat(filepath.Join(out, ".cwo-state.json")); err != nil {
		t.Fatalf("a complete run left no state: %v", err)
	}
	// An output that cannot be written (a folder, not empty, where the agreement goes) fails
	// its job; validation errors stop a run before it writes, so they cannot make one fail.
	target := filepath.Join(out, "agreements", "O-1-v1.pdf")
	os.Remove(target)
	os.MkdirAll(filepath.Join(target, "in-the-way"), 0o755)
	res, _ := renderDir(t, dir, out, func(o *render.Options) { o.Incremental, o.Force = true, true })
	if len(res.Failures) == 0 {
		t.Fatal("the unwritable output did not fail")
	}
	if _, err := os.Stat(filepath.Join(out, ".cwo-state.json")); !os.IsNotExist(err) {
		t.Errorf("a run with failures kept the state file (%v)", err)
	}
}

// TestRestampWaitsForTheLock: a re-run that finds an input touched but unchanged saves the newer
// stamps only under the output folder's lock, like every other write there; while another run
// holds the lock the state stays as it was, and once it is free the stamps are saved.
func TestRestampWaitsForTheLock(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	out := t.TempDir()
	mustRender(t, dir, out, incremental)
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "orders", "O-1.yaml"), old, old); err != nil {
		t.Fatal(err)
	}
	statePath := filepath.Join(out, ".cwo-state.json")
	before, _ := os.ReadFile(statePath)

	held, err := outdir.Open(out, outdir.Shard{})
	if err != nil {
		t.Fatal(err)
	}
	res := mustRender(t, dir, out, incremental)
	if len(res.Planned) != 0 {
		t.Fatalf("a touched but unchanged input planned %d jobs", len(res.Planned))
	}
	if after, _ := os.ReadFile(statePath); !bytes.Equal(before, after) {
		t.Error("the state file was rewritten while another run held the lock")
	}
	held.Close()

	mustRender(t, dir, out, incremental)
	if after, _ := os.ReadFile(statePath); bytes.Equal(before, after) {
		t.Error("the newer stamps were not saved once the lock was free")
	}
}
