package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/cwo-tool/cwo/internal/regfile"
)

// maxPDFSize bounds the PDF that sign and verify read into memory. A cwo agreement is about
// 100 KB (more with a large logo); a file near this size is not one.
const maxPDFSize = 256 << 20

// readPDF reads the PDF at path for sign and verify. Only a regular file of at most maxPDFSize
// bytes is read: a FIFO or device would block or never end, so regfile refuses it without
// opening it for a blocking read.
func readPDF(path string) ([]byte, error) {
	f, fi, err := regfile.OpenPath(path)
	if err != nil {
		return nil, fmt.Errorf("%w: only PDF files are read", err)
	}
	defer f.Close()
	if fi.Size() > maxPDFSize {
		return nil, errTooLarge(path)
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

// errTooLarge is the error for a file over maxPDFSize.
func errTooLarge(path string) error {
	return fmt.Errorf("%q is larger than %d MiB, too large for an agreement: %w", path, maxPDFSize>>20, errFileTooLarge)
}

// errFileTooLarge: a PDF given to sign or verify is over maxPDFSize.
var errFileTooLarge = errors.New("file too large")
