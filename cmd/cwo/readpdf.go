package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// maxPDFSize bounds the PDF that sign and verify read into memory. A cwo agreement is about
// 100 KB (more with a large logo); a file near this size is not one.
const maxPDFSize = 256 << 20

// readPDF reads the PDF at path for sign and verify. Only a regular file of at most maxPDFSize
// bytes is read: a FIFO or device would block or never end, so the path is checked before it
// is opened, opened without blocking (where the system allows), and checked again once open.
func readPDF(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkPDFFile(path, st); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkPDFFile(path, opened); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxPDFSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %q: %w", path, err)
	}
	if len(data) > maxPDFSize {
		return nil, errTooLarge(path)
	}
	return data, nil
}

// checkPDFFile refuses anything but a regular file, and files over maxPDFSize.
func checkPDFFile(path string, st os.FileInfo) error {
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%q is %s, not a regular file: only PDF files are read", path, fileKind(st.Mode()))
	}
	if st.Size() > maxPDFSize {
		return errTooLarge(path)
	}
	return nil
}

// fileKind names the kind of a file that is not a regular one.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

// errTooLarge is the error for a file over maxPDFSize.
func errTooLarge(path string) error {
	return fmt.Errorf("%q is larger than %d MiB, too large for an agreement: %w", path, maxPDFSize>>20, errFileTooLarge)
}

// errFileTooLarge: a PDF given to sign or verify is over maxPDFSize.
var errFileTooLarge = errors.New("file too large")
