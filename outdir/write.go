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
func WriteAtomic(path string, write func(io.Writer) error) error {
	_, err := writeAtomic(path, "", write, nil)
	return err
}

// WriteFileAtomic writes data to path through a synced temporary file and a rename, so path is
// always either its old content or data.
func WriteFileAtomic(path string, data []byte) error {
	return WriteAtomic(path, writeBytes(data))
}

// WriteHashed is WriteAtomic that also returns the SHA-256 of what write wrote (empty on error).
func WriteHashed(path string, write func(io.Writer) error) (sum string, err error) {
	return writeAtomic(path, "", write, nil)
}

// writeBytes returns a write function for WriteAtomic that writes data.
func writeBytes(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// writeAtomic is WriteAtomic, returning the SHA-256 of what write wrote. The temporary file's
// name carries owner, the run that writes it (see tempName; "" for none). When commit is set, it
// is called with that SHA-256 once the file is synced, and the file is renamed into place only
// if commit succeeds: the journal of a manifest records the new file there.
func writeAtomic(path, owner string, write func(io.Writer) error, commit func(sum string) error) (sum string, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := newTemp(dir, tempPattern(filepath.Base(path), owner))
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			sum = ""
		}
	}()
	if sum, err = fill(tmp, filepath.Base(path), write); err != nil {
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", err
	}
	if commit != nil {
		if err := commit(sum); err != nil {
			return "", err
		}
	}
	return sum, os.Rename(tmp.Name(), path)
}

// fill has write fill tmp, the temporary file for name, through a buffer, syncs it, and returns
// the SHA-256 of what was written.
func fill(tmp tempFile, name string, write func(io.Writer) error) (string, error) {
	bw := bufio.NewWriterSize(tmp, 64<<10)
	hw := newHashingWriter(bw)
	if err := write(hw); err != nil {
		return "", err
	}
	if err := bw.Flush(); err != nil {
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	return hw.sum(), tmp.Sync()
}
