package pdftest

import (
	"os"
	"testing"

	"github.com/cwo-tool/cwo/pdfupdate"
)

// Pages opens the PDF at path with pdfupdate and returns its pages, failing the test when it
// cannot.
func Pages(t testing.TB, path string) (*pdfupdate.Document, []pdfupdate.Value) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdfupdate.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := doc.Pages()
	if err != nil {
		t.Fatal(err)
	}
	return doc, pages
}
