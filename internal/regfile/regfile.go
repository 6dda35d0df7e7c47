// Package regfile opens regular files, and only those: a FIFO, a device, a socket or a folder
// in their place is refused without blocking and without reading from it. A FIFO would make a
// reader wait forever for a writer, and a device such as /dev/zero never ends.
package regfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrNotRegular is returned for a path that names anything but a regular file.
var ErrNotRegular = errors.New("not a regular file")

// openFlags open for reading without waiting for a FIFO's writer and without making a
// terminal the process's controlling terminal; reads of a regular file are not changed by them.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOCTTY

// Open opens name in root for reading when it is a regular file (symbolic links are followed
// inside root only, as os.Root does). The mode is checked before the file is opened, so a
// device is never opened, and again on the opened file, in case the path was replaced between.
func Open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	fi, err := root.Stat(name)
	if err != nil {
		return nil, nil, err
	}
	if err := check(name, fi); err != nil {
		return nil, nil, err
	}
	f, err := root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	return checked(f)
}

// OpenPath is Open for a path of the file system, outside any root.
func OpenPath(path string) (*os.File, fs.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if err := check(path, fi); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	return checked(f)
}

// checked returns f and its FileInfo when it is a regular file, and else closes it.
func checked(f *os.File) (*os.File, fs.FileInfo, error) {
	fi, err := f.Stat()
	if err == nil {
		err = check(f.Name(), fi)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// check refuses anything but a regular file, naming what it is.
func check(name string, fi fs.FileInfo) error {
	if fi.Mode().IsRegular() {
		return nil
	}
	return &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind(fi.Mode()))}
}

// kind names a file mode's type in words.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	default:
		return "not a plain file"
	}
}

// ReadFile reads the whole of the regular file at path, as os.ReadFile does for any file.
func ReadFile(path string) ([]byte, error) {
	f, fi, err := OpenPath(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}
