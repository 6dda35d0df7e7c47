package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// expectChanges counts the values received on ch within d.
func expectChanges(ch <-chan struct{}, d time.Duration) int {
	n := 0
	deadline := time.After(d)
	for {
		select {
		case <-ch:
			n++
		case <-deadline:
			return n
		}
	}
}

func TestWatcherDebouncesBursts(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "orders"), 0o755)
	w, err := newWatcher(dir, skipFunc(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes := w.Changes(ctx, 200*time.Millisecond)

	for i := range 30 {
		os.WriteFile(filepath.Join(dir, "orders", fmt.Sprintf("O-%d.yaml", i)), []byte("title: x\n"), 0o644)
	}
	if n := expectChanges(changes, time.Second); n != 1 {
		t.Errorf("a burst of 30 writes gave %d changes, want 1", n)
	}

	os.MkdirAll(filepath.Join(dir, "progress", "O-1"), 0o755)
	if n := expectChanges(changes, time.Second); n != 1 {
		t.Errorf("new folders gave %d changes, want 1", n)
	}
	os.WriteFile(filepath.Join(dir, "progress", "O-1", "2026-Q4.yaml"), []byte("summary: x\n"), 0o644)
	if n := expectChanges(changes, time.Second); n != 1 {
		t.Errorf("a write in a new folder gave %d changes, want 1", n)
	}

	os.MkdirAll(filepath.Join(dir, "out", "agreements"), 0o755)
	os.WriteFile(filepath.Join(dir, "out", "manifest.json"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(dir, ".order.swp"), []byte("y"), 0o644)
	os.WriteFile(filepath.Join(dir, "orders", "O-1.yaml~"), []byte("y"), 0o644)
	if n := expectChanges(changes, 700*time.Millisecond); n != 0 {
		t.Errorf("writes to out/, hidden files and backups gave %d changes, want 0", n)
	}
}
