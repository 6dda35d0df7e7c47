package outdir

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLockRefusesSecondRun(t *testing.T) {
	dir := t.TempDir()
	w, err := Open(dir, Shard{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, Shard{}); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another cwo render") {
		t.Errorf("second lock: err = %v, want ErrLocked", err)
	}
	w.Close()
	w2, err := Open(dir, Shard{})
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	w2.Close()
	// A lock left by a process that is gone is taken over, whether an older cwo wrote it (only
	// the process ID) or this one (and the run ID).
	for _, stale := range []string{"999999999\n", "999999999 0123456789abcdef\n"} {
		os.WriteFile(filepath.Join(dir, LockName), []byte(stale), 0o644)
		w3, err := Open(dir, Shard{})
		if err != nil {
			t.Fatalf("stale lock %q was not taken over: %v", stale, err)
		}
		w3.Close()
	}
}

func TestLockNamesTheRun(t *testing.T) {
	dir := t.TempDir()
	w, err := Open(dir, Shard{K: 2, N: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	h := readLock(filepath.Join(dir, ".cwo-2-of-3.lock"))
	if h.pid != os.Getpid() || h.runID != w.runID || len(w.runID) != 16 {
		t.Errorf("lock holds pid %d, run %q; want %d, %q (16 hex digits)", h.pid, h.runID, os.Getpid(), w.runID)
	}
}

// touch writes a file at path, modified age ago.
func touch(t *testing.T, path string, age time.Duration) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Now().Add(-age)
	os.Chtimes(path, when, when)
}

func TestRemoveStaleTempsKeepsOtherShards(t *testing.T) {
	dir := t.TempDir()
	live, err := Open(dir, Shard{K: 2, N: 3}) // another shard, writing now
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	os.WriteFile(filepath.Join(dir, ".cwo-3-of-3.lock"), []byte("999999999 00000000000000aa\n"), 0o644)
	p := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	stale := []string{
		p("agreements/.a.pdf.cwo-1-of-3@0123456789abcdef.11.tmp"), // this shard, a killed run
		p(".manifest-1-of-3.json.cwo-1-of-3@0123456789abcdef.12.tmp"),
		p("agreements/.b.pdf.cwo-3-of-3@00000000000000bb.13.tmp"), // its shard's lock names another run
		p("agreements/.c.pdf.cwo-4-of-4@00000000000000cc.14.tmp"), // its shard's lock is free
		p("agreements/.d.pdf.15.tmp"),                             // no owner, untouched for two hours
	}
	kept := []string{
		p("agreements/.e.pdf.cwo-2-of-3@" + live.runID + ".16.tmp"), // the live shard's
		p("agreements/.f.pdf.cwo-3-of-3@00000000000000aa.17.tmp"),   // the lock's holder's (left to its shard)
		p("agreements/.g.pdf.18.tmp"),                               // no owner, recent: cwo sign may be writing it
		p("agreements/a.pdf"),
	}
	for _, f := range stale[:4] {
		touch(t, f, 0)
	}
	touch(t, stale[4], 2*time.Hour)
	for _, f := range kept {
		touch(t, f, 0)
	}
	w, err := Open(dir, Shard{K: 1, N: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.RemoveStaleTemps("agreements")
	for _, f := range stale {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("stale %s was left", filepath.Base(f))
		}
	}
	for _, f := range kept {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed", filepath.Base(f))
		}
	}
}

// TestShardWritesWhileAnotherStarts has shard 2 of 2 start writing an output, shard 1 of 2 start
// meanwhile, and shard 2 finish: the file lands, because shard 1 leaves its temporary file alone.
func TestShardWritesWhileAnotherStarts(t *testing.T) {
	dir := t.TempDir()
	second, err := Open(dir, Shard{K: 2, N: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	writing, proceed := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		_, err := second.WriteOutput(Entry{Path: "agreements/b.pdf"}, func(w io.Writer) error {
			io.WriteString(w, "half")
			close(writing)
			<-proceed
			_, err := io.WriteString(w, " and the rest")
			return err
		})
		done <- err
	}()
	<-writing
	first, err := Open(dir, Shard{K: 1, N: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	first.RemoveStaleTemps("agreements")
	close(proceed)
	if err := <-done; err != nil {
		t.Fatalf("shard 2's write failed after shard 1 started: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "agreements", "b.pdf")); string(data) != "half and the rest" {
		t.Errorf("b.pdf = %q", data)
	}
}
