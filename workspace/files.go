package workspace

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/regfile"
	"github.com/cwo-tool/cwo/workspace/internal/strict"
)

// maxFileBytes bounds any single input file (timesheets are streamed separately).
const maxFileBytes = strict.MaxBytes

// files reads inside one workspace folder through an os.Root, which refuses any path or
// symbolic link that leads outside it. The folder stays open as long as a loaded workspace's
// timesheets may be read again (os.Root closes it when it is garbage-collected).
type files struct {
	root *os.Root
}

// openFiles opens the workspace folder dir.
func openFiles(dir string) (*files, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &files{root: root}, nil
}

// open opens a regular file of the workspace (rel uses forward slashes). A FIFO, a device or
// a folder is refused before it is opened, so that it can neither block nor stream forever.
func (f *files) open(rel string) (*os.File, fs.FileInfo, error) {
	fh, fi, err := regfile.Open(f.root, rel)
	if errors.Is(err, regfile.ErrNotRegular) {
		return nil, nil, unwrapPath(err)
	}
	if err != nil {
		return nil, nil, openError(err)
	}
	return fh, fi, nil
}

// read reads a whole data file of at most maxFileBytes.
func (f *files) read(rel string) ([]byte, error) {
	fh, fi, err := f.open(rel)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if fi.Size() > maxFileBytes {
		return nil, fmt.Errorf("file is %d bytes; data files are limited to %d bytes", fi.Size(), maxFileBytes)
	}
	return io.ReadAll(io.LimitReader(fh, maxFileBytes+1))
}

// list returns the entry names of a workspace folder in order; a missing folder is empty.
func (f *files) list(dir string, diags *cwo.Diagnostics) []string {
	names, err := f.readDirNames(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		if escapes(err) {
			diags.Errorf(dir, cwo.Pos{}, "%v", openError(err))
		} else {
			diags.Errorf(dir, cwo.Pos{}, "cannot read folder: %v", unwrapPath(err))
		}
		return nil
	}
	slices.Sort(names)
	return names
}

func (f *files) readDirNames(dir string) ([]string, error) {
	d, err := f.root.Open(dir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	return d.Readdirnames(-1)
}

// openError words an error of os.Root.Open for messages.
func openError(err error) error {
	if escapes(err) {
		return fmt.Errorf("refusing to read outside the workspace (the path leads out of it)")
	}
	return fmt.Errorf("cannot open: %w", unwrapPath(err))
}

// escapes reports whether err is os.Root's refusal of a path that leads outside the root. Go
// does not export that error (os.errPathEscapes), so it is recognized by its text; the bad-input
// tests (a symbolic link to /etc/hostname) check that it still is.
func escapes(err error) bool {
	return unwrapPath(err).Error() == "path escapes from parent"
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// ReadAsset reads a file of the workspace in dir (a logo, a template), refusing paths that lead
// outside it, files that are not regular and files over the data-file size limit.
func ReadAsset(dir, rel string) ([]byte, error) {
	f, err := openFiles(dir)
	if err != nil {
		return nil, err
	}
	defer f.root.Close()
	return f.read(rel)
}
