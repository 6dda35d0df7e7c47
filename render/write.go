package render

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// tempFile is what writeAtomic writes through: an *os.File, or a failing one in tests.
type tempFile interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// newTemp creates the temporary file next to the target. Tests replace it to simulate a full disk.
var newTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// writeAtomic renders into a temporary file in path's folder, syncs it and renames it over path.
// When render or any write fails (a full disk), the temporary file is removed and path keeps its
// previous content.
func writeAtomic(path string, render func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := newTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := render(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// hashingWriter passes writes through and keeps a SHA-256 of them.
type hashingWriter struct {
	w io.Writer
	h interface {
		io.Writer
		Sum([]byte) []byte
	}
}

func newHashingWriter(w io.Writer) *hashingWriter { return &hashingWriter{w: w, h: sha256.New()} }

func (hw *hashingWriter) Write(p []byte) (int, error) {
	hw.h.Write(p)
	return hw.w.Write(p)
}

func (hw *hashingWriter) sum() string { return hex.EncodeToString(hw.h.Sum(nil)) }

// renderJob writes one job's file atomically and returns its checksum. Panics in a renderer are
// turned into errors so one bad document cannot stop the batch.
func renderJob(outDir string, j *Job) (sum string, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error: %v", v)
		}
	}()
	err = writeAtomic(filepath.Join(outDir, filepath.FromSlash(j.Path)), func(w io.Writer) error {
		hw := newHashingWriter(w)
		if err := j.Render(hw); err != nil {
			return err
		}
		sum = hw.sum()
		return nil
	})
	return sum, err
}

// WriteFileAtomic writes data to path through a synced temporary file and a rename, so path is
// always either its old content or data.
func WriteFileAtomic(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
