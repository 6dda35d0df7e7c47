package signing_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/signing"
	"github.com/cwo-tool/cwo/signing/signingtest"
)

// TestVerifyShadowAttacks makes an incremental update after the contractor signed, has the
// funder sign after it (so that nothing is appended after the last signature), and requires
// Verify to fail the contractor's signature, naming what the update changed.
func TestVerifyShadowAttacks(t *testing.T) {
	ca := signingtest.NewCA(t, "Shadow CA")
	one, err := signing.Sign(agreement(t), creds(t, ca, "Alex Morgan", signingtest.Options{}), signing.Options{Field: pdfupdate.FieldContractor})
	if err != nil {
		t.Fatal(err)
	}
	js := "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
	for _, tc := range []struct {
		name   string
		attack func(d *pdfupdate.Document, u *pdfupdate.Update)
		want   string
	}{
		{"signed field given a whole-page appearance", func(d *pdfupdate.Document, u *pdfupdate.Update) {
			rewrite(u, field(t, d, pdfupdate.FieldContractor), map[string]string{"AP": "<< /N " + addendum(u) + " >>", "Rect": "[0 0 595 842]"})
		}, "the signed field contractor: /AP, /Rect changed"},
		{"signed field given a new appearance in its own rectangle", func(d *pdfupdate.Document, u *pdfupdate.Update) {
			rewrite(u, field(t, d, pdfupdate.FieldContractor), map[string]string{"AP": "<< /N " + addendum(u) + " >>"})
		}, "the signed field contractor: /AP changed"},
		{"catalog /OpenAction JavaScript", func(d *pdfupdate.Document, u *pdfupdate.Update) {
			rewrite(u, d.Trailer().Key("Root"), map[string]string{"OpenAction": js})
		}, "the catalog: /OpenAction added (JavaScript)"},
		{"catalog /AA", func(d *pdfupdate.Document, u *pdfupdate.Update) {
			rewrite(u, d.Trailer().Key("Root"), map[string]string{"AA": "<< /WC " + js + " >>"})
		}, "the catalog: /AA added (JavaScript)"},
		{"document-level JavaScript in /Names", func(d *pdfupdate.Document, u *pdfupdate.Update) {
			rewrite(u, d.Trailer().Key("Root"), map[string]string{"Names": "<< /JavaScript << /Names [(x) " + js + "] >> >>"})
		}, "the catalog: /Names changed (JavaScript)"},
		{"new annotation", func(d *pdfupdate.Document, u *pdfupdate.Update) {
			rewrite(u, page(t, d, 1), map[string]string{"Annots": "[" + object(u, "<< /Type /Annot /Subtype /FreeText /Rect [0 0 595 842] /Contents (void) >>") + "]"})
		}, "page 1: /Annots changed"},
		{"new page", func(d *pdfupdate.Document, u *pdfupdate.Update) {
			tree := d.Trailer().Key("Root").Key("Pages")
			p := page(t, d, 1)
			id, _ := p.ID()
			rewrite(u, tree, map[string]string{"Kids": fmt.Sprintf("[%d 0 R %s]", id, object(u, pdfupdate.FormatDict(p, nil))), "Count": "2"})
		}, "the page tree: /Count, /Kids changed"},
		{"changed page content", func(d *pdfupdate.Document, u *pdfupdate.Update) {
			id, _ := page(t, d, 1).Key("Contents").ID()
			u.Object(id, 0, stream("BT /F1 40 Tf 100 400 Td (Addendum: pay twice) Tj ET"))
		}, "the content of page 1: /Filter, /Length changed"},
		{"signed field's appearance deleted", nil, "the appearance of the signed field contractor was deleted"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.attack == nil {
				checkShadow(t, ca, deleteObject(t, one, appearanceNum(t, one)), tc.want)
				return
			}
			doc, err := pdfupdate.Open(one)
			if err != nil {
				t.Fatal(err)
			}
			u := doc.NewUpdate()
			tc.attack(doc, u)
			checkShadow(t, ca, append(one[:len(one):len(one)], u.Finish()...), tc.want)
		})
	}
}

// checkShadow has the funder sign changed, the contractor's signed agreement with one more
// update, and requires Verify to fail the contractor's signature with the one change want.
func checkShadow(t *testing.T, ca *signingtest.CA, changed []byte, want string) {
	t.Helper()
	two, err := signing.Sign(changed, creds(t, ca, "Jane Doe", signingtest.Options{}), signing.Options{Field: pdfupdate.FieldFunder})
	if err != nil {
		t.Fatal(err)
	}
	r, err := signing.Verify(two)
	if err != nil {
		t.Fatal(err)
	}
	c, f := r.Signatures[0], r.Signatures[1]
	change := signing.Change{Revision: 4, What: want}
	if r.OK() || !c.Valid || len(c.ChangedAfter) != 1 || c.ChangedAfter[0] != change {
		t.Errorf("Verify: OK %v, contractor changed after %v; want not OK, %v", r.OK(), c.ChangedAfter, change)
	}
	if !f.Valid || len(f.ChangedAfter) > 0 {
		t.Errorf("funder = %+v, want valid and unchanged after", f)
	}
}

// appearanceNum returns the object number of the contractor's appearance stream in pdf.
func appearanceNum(t *testing.T, pdf []byte) int {
	t.Helper()
	doc, err := pdfupdate.Open(pdf)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := field(t, doc, pdfupdate.FieldContractor).Key("AP").Key("N").ID()
	return n
}

// deleteObject returns pdf followed by an update whose cross-reference table marks object num
// free.
func deleteObject(t *testing.T, pdf []byte, num int) []byte {
	t.Helper()
	doc, err := pdfupdate.Open(pdf)
	if err != nil {
		t.Fatal(err)
	}
	root, _ := doc.Trailer().Key("Root").ID()
	info, _ := doc.Trailer().Key("Info").ID()
	size := doc.Trailer().Key("Size").Int64()
	xref := len(pdf)
	return fmt.Appendf(pdf[:len(pdf):len(pdf)], "xref\n0 1\n0000000000 65535 f \n%d 1\n0000000000 00001 f \n"+
		"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n",
		num, size, root, info, doc.XrefOffset(), xref)
}

// field returns the signature field called name.
func field(t *testing.T, d *pdfupdate.Document, name string) pdfupdate.Value {
	t.Helper()
	fields := d.Trailer().Key("Root").Key("AcroForm").Key("Fields")
	for i := range fields.Len() {
		if f := fields.Index(i); f.Key("T").Text() == name {
			return f
		}
	}
	t.Fatalf("no field %q", name)
	return pdfupdate.Value{}
}

// page returns page n (1-based).
func page(t *testing.T, d *pdfupdate.Document, n int) pdfupdate.Value {
	t.Helper()
	pages, err := d.Pages()
	if err != nil || len(pages) < n {
		t.Fatalf("page %d: %v", n, err)
	}
	return pages[n-1]
}

// rewrite writes a new revision of the object v with the entries of set replaced.
func rewrite(u *pdfupdate.Update, v pdfupdate.Value, set map[string]string) {
	id, gen := v.ID()
	u.Object(id, gen, []byte(pdfupdate.FormatDict(v, set)))
}

// object writes a new object and returns a reference to it.
func object(u *pdfupdate.Update, body string) string {
	n := u.Alloc()
	u.Object(n, 0, []byte(body))
	return fmt.Sprintf("%d 0 R", n)
}

// addendum writes a whole-page appearance stream (a forged addendum) and returns a reference.
func addendum(u *pdfupdate.Update) string {
	n := u.Alloc()
	u.Object(n, 0, []byte(strings.Replace(string(stream("0 0 595 842 re f BT /F1 40 Tf 100 400 Td (Addendum) Tj ET")),
		"<<", "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842]", 1)))
	return fmt.Sprintf("%d 0 R", n)
}

// stream renders a stream object's body with the given content.
func stream(content string) []byte {
	return fmt.Appendf(nil, "<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
}
