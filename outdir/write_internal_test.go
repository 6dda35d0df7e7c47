package outdir

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fullDisk is a temp file that accepts limit bytes, then fails like a full disk.
type fullDisk struct {
	*os.File
	limit int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.File.Write(p[:f.limit])
		f.limit = 0
		return n, syscall.ENOSPC
	}
	f.limit -= len(p)
	return f.File.Write(p)
}

func TestFullDiskKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.pdf")
	os.WriteFile(path, []byte("old complete file"), 0o644)
	defer func(old func(string, string) (tempFile, error)) { newTemp = old }(newTemp)
	newTemp = func(d, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(d, pattern)
		return &fullDisk{File: f, limit: 100 << 10}, err
	}
	err := WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write([]byte(strings.Repeat("x", 1<<20)))
		return err
	})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want ENOSPC", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old complete file" {
		t.Errorf("the old file was changed: %q", data)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
