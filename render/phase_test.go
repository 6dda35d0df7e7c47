package render_test

import (
	"fmt"
	"io"
	"slices"
	"testing"

	"github.com/cwo-tool/cwo/render"
)

// phases records the phases a run enters and leaves, and what was planned when rendering began.
func phases(log *[]string) func(*render.Options) {
	return func(o *render.Options) {
		o.Phase = func(p render.Phase, res *render.Result) func() {
			*log = append(*log, fmt.Sprintf("enter %d planned %d", p, len(res.Planned)))
			return func() { *log = append(*log, fmt.Sprintf("leave %d", p)) }
		}
	}
}

func TestRunCallsPhasesInOrder(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	var log []string
	res := mustRender(t, dir, t.TempDir(), phases(&log))
	want := []string{"enter 1 planned 0", "leave 1", fmt.Sprintf("enter 2 planned %d", len(res.Planned)), "leave 2"}
	if !slices.Equal(log, want) || len(res.Planned) == 0 {
		t.Errorf("phases = %q, want %q", log, want)
	}
}

func TestDryRunAndInvalidRunDoNotEnterRendering(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	var log []string
	mustRender(t, dir, t.TempDir(), func(o *render.Options) { phases(&log)(o); o.DryRun, o.Log = true, io.Discard })
	if want := []string{"enter 1 planned 0", "leave 1"}; !slices.Equal(log, want) {
		t.Errorf("dry run phases = %q, want %q", log, want)
	}
	editFile(t, dir, "orders/O-1.yaml", "funder: ", "funder: nobody-")
	log = nil
	if _, err := renderDir(t, dir, t.TempDir(), phases(&log)); err != render.ErrInvalid {
		t.Fatalf("invalid workspace: err = %v, want ErrInvalid", err)
	}
	if want := []string{"enter 1 planned 0", "leave 1"}; !slices.Equal(log, want) {
		t.Errorf("invalid run phases = %q, want %q", log, want)
	}
}

func TestResultCarriesTheWorkspace(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	out := t.TempDir()
	res := mustRender(t, dir, out, incremental)
	if res.Workspace == nil || res.Workspace.Order("O-1") == nil {
		t.Fatalf("Result.Workspace = %v, want the loaded workspace with O-1", res.Workspace)
	}
	again := mustRender(t, dir, out, incremental)
	if again.Workspace != nil {
		t.Errorf("a run that loaded nothing has a workspace")
	}
}
