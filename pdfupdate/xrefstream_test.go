package pdfupdate

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestAddFieldsXrefStream adds fields to a file that qpdf rewrote with a cross-reference stream
// and object streams: the update must be a cross-reference stream too, and the result must
// check with qpdf, list the fields in pdfsig and read back with the package's own parser.
func TestAddFieldsXrefStream(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.pdf")
	if err := os.WriteFile(plain, makeFPDF(t), 0o644); err != nil {
		t.Fatal(err)
	}
	packed := filepath.Join(dir, "packed.pdf")
	if out, err := exec.Command(tool(t, "qpdf"), "--object-streams=generate", plain, packed).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --object-streams=generate: %v\n%s", err, out)
	}
	in, err := os.ReadFile(packed)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseDocument(in)
	if err != nil || !doc.isStream {
		t.Fatalf("qpdf's output: stream xref %v, error %v; want a cross-reference stream", doc != nil && doc.isStream, err)
	}
	out := mustAppend(t, in, testFields)
	tail := out[len(in):]
	if !bytes.Contains(tail, []byte("/Type /XRef")) || bytes.Contains(tail, []byte("\ntrailer\n")) {
		t.Errorf("the update is not a cross-reference stream:\n%q", tail)
	}
	path := writeTemp(t, "packed-signable.pdf", out)
	qpdfCheck(t, path)
	pdfsigFields(t, path, FieldContractor, FieldFunder)
	checkFieldsWithOwnParser(t, out, 3, testFields)
	second := mustAppend(t, out, []Field{{Name: "witness", Page: 1, Rect: [4]float64{10, 10, 100, 40}}})
	qpdfCheck(t, writeTemp(t, "twice.pdf", second))
}
