package workspace_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

// loadWithin loads dir, failing the test instead of blocking when loading hangs.
func loadWithin(t *testing.T, dir string) cwo.Diagnostics {
	t.Helper()
	done := make(chan cwo.Diagnostics, 1)
	go func() {
		_, diags := workspace.Load(dir, cwo.DefaultSettings())
		done <- diags
	}()
	select {
	case diags := <-done:
		return diags
	case <-time.After(20 * time.Second):
		t.Fatal("Load blocked for 20s")
		return nil
	}
}

// A FIFO (or a link to a device) in place of a data file is reported and never read: opening a
// FIFO for reading would wait for a writer forever.
func TestLoadRefusesFIFOsAndDevices(t *testing.T) {
	for _, tc := range []struct{ name, rel, want string }{
		{"order", "orders/O-3.yaml", "orders/O-3.yaml: error: not a regular file (a FIFO)"},
		{"timesheet", "timesheets/fifo.csv", "timesheets/fifo.csv: error: not a regular file (a FIFO)"},
		{"progress", "progress/O-1/2026-Q4.yaml", "progress/O-1/2026-Q4.yaml: error: not a regular file (a FIFO)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyBase(t)
			path := filepath.Join(dir, filepath.FromSlash(tc.rel))
			os.Remove(path)
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Skip("mkfifo:", err)
			}
			diags := loadWithin(t, dir)
			if !strings.Contains(diagText(diags), tc.want) {
				t.Errorf("Load said:\n%s\nwant a line containing %q", diagText(diags), tc.want)
			}
		})
	}
	t.Run("device", func(t *testing.T) {
		dir := copyBase(t)
		if err := os.Symlink("/dev/zero", filepath.Join(dir, "timesheets", "zero.csv")); err != nil {
			t.Fatal(err)
		}
		diags := loadWithin(t, dir)
		if want := "timesheets/zero.csv: error: refusing to read outside the workspace"; !strings.Contains(diagText(diags), want) {
			t.Errorf("Load said:\n%s\nwant a line containing %q", diagText(diags), want)
		}
	})
}

func diagText(diags cwo.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// The time index counts the rows of each month, which validation uses to check that a report's
// Timesheet sheet can hold them.
func TestTimeIndexCountsRows(t *testing.T) {
	ws := loadBase(t, edit{"timesheets/q4.csv", "", "date,order,person,item,hours\n" +
		"2026-10-02,O-1,P,simd,1\n2026-10-03,O-1,P,simd,1\n2026-11-03,O-1,P,simd,1\n2027-01-03,O-1,P,simd,1\n"})
	if got := ws.PeriodRows("O-1", cwo.Period{Year: 2026, Quarter: 4}); got != 3 {
		t.Errorf("PeriodRows(O-1, 2026-Q4) = %d, want 3", got)
	}
}

// TestNotAWorkspace: a folder with neither contractor.yaml nor orders/ gets one message that
// says so, not one per missing file.
func TestNotAWorkspace(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("hello"), 0o644)
	_, diags := workspace.Load(dir, cwo.DefaultSettings())
	if len(diags) != 1 || !strings.Contains(diags[0].String(), "not a cwo workspace: it has no contractor.yaml and no orders/ folder") {
		t.Errorf("diagnostics = %v", diags)
	}
}
