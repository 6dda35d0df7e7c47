package pdfupdate

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzAppend feeds arbitrary bytes to Append: it must never panic, every
// error must carry the package prefix, and every success must keep the
// input as a prefix and be readable again by the package's own parser.
func FuzzAppend(f *testing.F) {
	good := makeFPDF(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(buildPDF(f, minimalObjects(), "/ID [<01> <02>]"))
	f.Add(buildPDF(f, []string{
		"<< /Type /Catalog /Pages 2 0 R /AcroForm 4 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>",
		"<< /Type /Page /Parent 2 0 R /Annots 5 0 R >>",
		"<< /Fields [] >>",
		"[]",
	}, ""))
	f.Add(prevLoopPDF(f))
	f.Add(xrefStreamPDF())
	f.Add([]byte("%PDF-1.4\ngarbage startxref 0 %%EOF"))
	f.Add([]byte("not a pdf at all"))
	f.Add([]byte{})
	fields := []Field{
		{Name: FieldContractor, Page: 1, Rect: [4]float64{10, 10, 100, 40}},
		{Name: FieldFunder, Page: 1, Rect: [4]float64{110, 10, 200, 40}},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := AddFields(data, fields)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "pdfupdate: ") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		if !bytes.HasPrefix(out, data) {
			t.Fatal("output does not start with the input")
		}
		if _, err := parseDocument(out); err != nil {
			t.Fatalf("output cannot be parsed again: %v", err)
		}
		again, err := AddFields(data, fields)
		if err != nil || !bytes.Equal(out, again) {
			t.Fatalf("second run differs (err %v)", err)
		}
	})
}
