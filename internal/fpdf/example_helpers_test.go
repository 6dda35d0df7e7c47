// cwo patch: the files the examples use. See PATCHES.md.

package fpdf_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

// example stands in for upstream's internal/example package, which this fork does not keep:
// the examples read images from testdata and write their PDFs to a temporary folder that
// TestMain removes. Upstream compares each PDF with a reference copy; the references are not
// kept, so an example checks that the document is written without an error.
var example exampleFiles

type exampleFiles struct{}

// exampleDir is the temporary folder the examples write to, made by TestMain.
var exampleDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "fpdf-examples-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	exampleDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// Filename returns the path an example writes its PDF to.
func (exampleFiles) Filename(base string) string { return filepath.Join(exampleDir, base+".pdf") }

// ImageFile returns the path of an image in testdata.
func (exampleFiles) ImageFile(name string) string { return filepath.Join("testdata", name) }

// FontDir is the font folder of the examples: testdata, which holds no font files, so an
// example can use only the core fonts fpdf embeds.
func (exampleFiles) FontDir() string { return "testdata" }

// Summary prints the line the examples' Output comments expect, or the error.
func (exampleFiles) Summary(err error, file string) {
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Successfully generated pdf/%s\n", filepath.Base(file))
}

// SummaryCompare is Summary: there are no reference PDFs to compare with.
func (e exampleFiles) SummaryCompare(err error, file string) { e.Summary(err, file) }

// utf8TestFont returns a copy of the Go Regular font, which the tests use instead of the DejaVu
// fonts upstream reads from its font folder (not kept).
func utf8TestFont() ([]byte, error) { return bytes.Clone(goregular.TTF), nil }
