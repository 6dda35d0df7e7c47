package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLockRefusesSecondRun(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir, LockName)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(dir, LockName); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another cwo render") {
		t.Errorf("second lock: err = %v, want ErrLocked", err)
	}
	unlock()
	unlock2, err := Lock(dir, LockName)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	unlock2()
	// A lock left by a process that is gone is taken over.
	os.WriteFile(filepath.Join(dir, LockName), []byte("999999999\n"), 0o644)
	unlock3, err := Lock(dir, LockName)
	if err != nil {
		t.Fatalf("stale lock was not taken over: %v", err)
	}
	unlock3()
}

func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "agreements", "a.pdf")
	stale := []string{filepath.Join(dir, ".manifest.json.123.tmp"), filepath.Join(dir, "agreements", ".a.pdf.456.tmp")}
	for _, p := range append(stale, keep) {
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	RemoveStaleTemps(dir, "agreements")
	for _, p := range stale {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was left", p)
		}
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("an output was removed: %v", err)
	}
}
