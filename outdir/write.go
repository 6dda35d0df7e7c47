package outdir

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// tempFile is what WriteAtomic writes through: an *os.File, or a failing one in tests.
type tempFile interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// newTemp creates the temporary file next to the target. Tests replace it to simulate a full disk.
var newTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// WriteAtomic has write fill a temporary file in path's folder (created if needed), syncs it and
// renames it over path. When write or any write to the disk fails (a full disk), the temporary
// file is removed and path keeps its previous content.
func WriteAtomic(path string, write func(io.Writer) error) (err error) {
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
	if err := write(bw); err != nil {
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

// WriteFileAtomic writes data to path through a synced temporary file and a rename, so path is
// always either its old content or data.
func WriteFileAtomic(path string, data []byte) error {
	return WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteHashed is WriteAtomic that also returns the SHA-256 of what write wrote (empty on error).
func WriteHashed(path string, write func(io.Writer) error) (sum string, err error) {
	err = WriteAtomic(path, func(w io.Writer) error {
		hw := newHashingWriter(w)
		if err := write(hw); err != nil {
			return err
		}
		sum = hw.sum()
		return nil
	})
	if err != nil {
		return "", err
	}
	return sum, nil
}
