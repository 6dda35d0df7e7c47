package regfile_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/internal/regfile"
)

// within fails the test when fn takes longer than a few seconds (a FIFO that blocks).
func within(t *testing.T, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("blocked: opening did not return within 10s")
	}
}

func TestOpenRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("fifo", filepath.Join(dir, "tofifo")); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "plain"), []byte("x"), 0o644)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for name, want := range map[string]error{"fifo": regfile.ErrNotRegular, "tofifo": regfile.ErrNotRegular, "sub": regfile.ErrNotRegular, "plain": nil} {
		within(t, func() {
			f, _, err := regfile.Open(root, name)
			if !errors.Is(err, want) {
				t.Errorf("Open(%s) = %v, want %v", name, err, want)
			}
			if f != nil {
				f.Close()
			}
		})
	}
	within(t, func() {
		if _, _, err := regfile.Open(root, "zero"); err == nil {
			t.Error("Open(zero) succeeded: a link out of the root to /dev/zero")
		}
		if _, _, err := regfile.OpenPath(filepath.Join(dir, "zero")); !errors.Is(err, regfile.ErrNotRegular) {
			t.Errorf("OpenPath(zero) = %v, want ErrNotRegular", err)
		}
		if _, _, err := regfile.OpenPath(filepath.Join(dir, "fifo")); !errors.Is(err, regfile.ErrNotRegular) {
			t.Errorf("OpenPath(fifo) = %v, want ErrNotRegular", err)
		}
	})
}
