package outdir_test

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/outdir"
)

// state is a caller's state file: a Record and what the caller adds.
type state struct {
	outdir.Record
	Note string `json:"note"`
}

func TestStampsTellWhatChanged(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	write("orders/a.yaml", "a")
	write("orders/b.yaml", "b")
	rels := []string{"orders/a.yaml", "orders/b.yaml", "orders/c.yaml"}
	old, err := outdir.StampFiles(dir, rels, nil)
	if err != nil {
		t.Fatal(err)
	}
	if keys := slices.Sorted(maps.Keys(old)); !slices.Equal(keys, []string{"orders/a.yaml", "orders/b.yaml"}) {
		t.Fatalf("stamped %v, want the two orders that exist", keys)
	}
	write("orders/a.yaml", "A")
	write("orders/c.yaml", "c")
	os.Remove(filepath.Join(dir, "orders", "b.yaml"))
	cur, err := outdir.StampFiles(dir, rels, old)
	if err != nil {
		t.Fatal(err)
	}
	changed := outdir.ChangedPaths(old, cur)
	slices.Sort(changed)
	if want := []string{"orders/a.yaml", "orders/b.yaml", "orders/c.yaml"}; !slices.Equal(changed, want) {
		t.Errorf("ChangedPaths = %v, want %v", changed, want)
	}
	if !outdir.Restamped(old, cur) {
		t.Error("Restamped = false after a change")
	}
}

// Stamping never opens what is not a regular file of the folder: a FIFO would block, /dev/zero
// never ends, and a link to /etc/shadow would put a secret's checksum into the state file.
func TestStampsReadOnlyRegularFilesInside(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "plain"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(t.TempDir(), "secret"), []byte("s"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	for name, target := range map[string]string{"zero": "/dev/zero", "shadow": "/etc/shadow", "hostname": "/etc/hostname", "inside": "plain"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan map[string]outdir.Stamp, 1)
	go func() {
		s, err := outdir.StampFiles(dir, []string{"plain", "fifo", "zero", "shadow", "hostname", "inside", "../x"}, nil)
		if err != nil {
			t.Error(err)
		}
		done <- s
	}()
	select {
	case s := <-done:
		if keys := slices.Sorted(maps.Keys(s)); !slices.Equal(keys, []string{"inside", "plain"}) {
			t.Errorf("stamped %v, want only the regular files inside the folder", keys)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("StampFiles blocked for 20s")
	}
}

func TestStateRoundTripAndKnownSums(t *testing.T) {
	dir := t.TempDir()
	sh := outdir.Shard{K: 2, N: 3}
	out := filepath.Join(dir, "a.pdf")
	os.WriteFile(out, []byte("pdf"), 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(out, old, old)
	s, err := outdir.OutputStamp(dir, "a.pdf", "sum-a")
	if err != nil {
		t.Fatal(err)
	}
	st := &state{Record: outdir.Record{Options: outdir.Digest(nil, "opts"), Inputs: map[string]outdir.Stamp{},
		Outputs: map[string]outdir.Output{"a.pdf": {Stamp: s, Group: "O-1"}}}, Note: "n"}
	w, err := outdir.Open(dir, sh)
	if err != nil {
		t.Fatal(err)
	}
	err = w.WriteState(st)
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	got := &state{}
	if !outdir.ReadState(dir, sh, got) || !got.Complete() || got.Note != "n" || got.Outputs["a.pdf"].Group != "O-1" {
		t.Fatalf("read back %+v", got)
	}
	if got.Options == outdir.Digest(nil, "other") {
		t.Error("Digest ignores its values")
	}
	if sum, ok := got.KnownSum(dir, "a.pdf"); !ok || sum != "sum-a" || !got.OutputsIntact(dir) {
		t.Errorf("untouched output: KnownSum = %q, %v; intact = %v", sum, ok, got.OutputsIntact(dir))
	}
	os.WriteFile(out, []byte("edited"), 0o644)
	if _, ok := got.KnownSum(dir, "a.pdf"); ok || got.OutputsIntact(dir) {
		t.Error("an edited output is still vouched for")
	}
	outdir.RemoveState(dir, sh)
	if outdir.ReadState(dir, sh, &state{}) {
		t.Error("the state is still there after RemoveState")
	}
	var none *outdir.Record
	if _, ok := none.KnownSum(dir, "a.pdf"); ok {
		t.Error("a nil record vouches for a file")
	}
}
