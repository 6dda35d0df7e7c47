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

// FuzzOpen feeds arbitrary bytes to the reader cwo verify uses: Open, Revisions and, for each
// revision, ListedObjects, the pages and their content, and every listed object compared with
// the revision before. Nothing may panic or hang; errors must carry the package prefix.
func FuzzOpen(f *testing.F) {
	good := makeFPDF(f)
	f.Add(good)
	if withFields, err := AddFields(good, []Field{{Name: FieldContractor, Page: 1, Rect: [4]float64{10, 10, 100, 40}}}); err == nil {
		f.Add(withFields)
	}
	f.Add(xrefStreamPDF())
	f.Add(prevLoopPDF(f))
	f.Add([]byte("%PDF-1.4\n1 0 obj [[[[[[ endobj startxref 9 %%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var prev *Document
		for _, r := range Revisions(data) {
			if _, err := ListedObjects(data[:r.EOF]); err != nil && !strings.HasPrefix(err.Error(), "pdfupdate: ") {
				t.Fatalf("ListedObjects: error without prefix: %v", err)
			}
			doc, err := Open(data[:r.End])
			if err != nil {
				if !strings.HasPrefix(err.Error(), "pdfupdate: ") {
					t.Fatalf("Open: error without prefix: %v", err)
				}
				continue
			}
			readAll(doc, prev)
			prev = doc
		}
	})
}

// readAll reads what verify reads of doc: its pages and their content, and its objects, each
// compared with the same object in prev (the revision before) when there is one.
func readAll(doc, prev *Document) {
	pages, _ := doc.Pages()
	for _, p := range pages {
		doc.PageContent(p)
		p.Mentions(8, "JavaScript")
	}
	for num := range min(doc.doc.size, 300) {
		v := doc.Object(num)
		doc.ObjectBytes(num)
		if prev != nil {
			ChangedKeys(prev.Object(num), v)
		}
	}
}
