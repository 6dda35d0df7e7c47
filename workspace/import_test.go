package workspace_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/internal/golden"
	"github.com/cwo-tool/cwo/internal/testws"
	"github.com/cwo-tool/cwo/workspace"
)

// TestImports loads each export of testdata/imports/<case>/timesheets, written as the tool
// named by the case writes it (bytes, encoding, line ends), into the sample workspace, beside
// the samples' own timesheets, with the case's cwo.yaml settings added to the samples'. The
// golden file lists every problem cwo validate reports and every entry read from the export.
func TestImports(t *testing.T) {
	cases, err := os.ReadDir("testdata/imports")
	if err != nil || len(cases) < 8 {
		t.Fatalf("found %d import cases (%v)", len(cases), err)
	}
	for _, c := range cases {
		t.Run(c.Name(), func(t *testing.T) {
			dir, exports := importCase(t, filepath.Join("testdata/imports", c.Name()))
			golden.Check(t, c.Name(), loadImport(t, dir, exports))
			checkRereads(t, dir, exports)
		})
	}
}

// importCase copies the sample workspace with a case's exports and settings added, and
// returns it with the exports' workspace-relative paths.
func importCase(t *testing.T, caseDir string) (string, []string) {
	t.Helper()
	dir := testws.CopyBase(t, "../samples")
	settings, err := os.ReadFile(filepath.Join(caseDir, "cwo.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "cwo.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(settings); err != nil || f.Close() != nil {
		t.Fatal(err)
	}
	files, err := os.ReadDir(filepath.Join(caseDir, "timesheets"))
	if err != nil {
		t.Fatal(err)
	}
	var exports []string
	for _, e := range files {
		data, err := os.ReadFile(filepath.Join(caseDir, "timesheets", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "timesheets", e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
		exports = append(exports, "timesheets/"+e.Name())
	}
	return dir, exports
}

// loadImport loads and validates the workspace in dir as cwo validate does, and lists the
// problems and the entries read from the exports.
func loadImport(t *testing.T, dir string, exports []string) string {
	t.Helper()
	var out strings.Builder
	s, err := config.Load(dir, nil)
	if err != nil {
		return fmt.Sprintf("config: %v\n", err)
	}
	ws, diags := workspace.Load(dir, s)
	if !diags.HasErrors() {
		diags = append(diags, cwo.Validate(ws, cwo.ValidateOptions{})...).Sort()
	}
	for _, d := range diags {
		out.WriteString(d.String() + "\n")
	}
	for _, rel := range exports {
		fmt.Fprintf(&out, "\n%s:\n", rel)
		err := ws.Time.FileEntries(rel, func(e cwo.TimeEntry) {
			fmt.Fprintf(&out, "  %d: %s %s %q %q %s %q\n", e.Line, e.Date, e.Order, e.Person, e.Item, e.Hours, e.Note)
		})
		if err != nil {
			fmt.Fprintf(&out, "  %v\n", err)
		}
	}
	return out.String()
}

// checkRereads checks that a report's rows, read again from the files at the offsets the
// load kept, are the rows the load read, and that a load limited to the order (an incremental
// run's) finds the same rows.
func checkRereads(t *testing.T, dir string, exports []string) {
	t.Helper()
	s, err := config.Load(dir, nil)
	if err != nil {
		return // the golden file shows why
	}
	const order = "CWO-2026-003"
	q4 := cwo.Period{Year: 2026, Quarter: 4}
	full, diags := workspace.Load(dir, s)
	if diags.HasErrors() {
		return
	}
	var want []string
	for _, rel := range exports {
		full.Time.FileEntries(rel, func(e cwo.TimeEntry) {
			if e.Order == order {
				want = append(want, entryText(e))
			}
		})
	}
	if len(want) == 0 {
		t.Fatalf("no entries of %s read from %v", order, exports)
	}
	scoped, _ := workspace.LoadOrders(dir, s, []string{order})
	for name, ws := range map[string]*cwo.Workspace{"full load": full, "load of " + order: scoped} {
		entries, err := ws.PeriodEntries(order, q4)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got []string
		for _, e := range entries {
			if slices.Contains(exports, e.File) {
				got = append(got, entryText(e))
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: the period's entries from the exports are\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func entryText(e cwo.TimeEntry) string {
	return fmt.Sprintf("%s:%d %s %s %q %q %s %q", e.File, e.Line, e.Date, e.Order, e.Person, e.Item, e.Hours, e.Note)
}
