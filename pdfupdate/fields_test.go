package pdfupdate

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/internal/fpdf"
)

// testFields are the two fields the tests place on page 3.
var testFields = []Field{
	{Name: FieldContractor, Page: 3, Rect: [4]float64{56.7, 100, 256.7, 150}},
	{Name: FieldFunder, Page: 3, Rect: [4]float64{320, 100, 520.123456, 150}},
}

// makeFPDF renders a deterministic three-page A4 document whose third page
// has a link annotation, so that page already carries /Annots.
func makeFPDF(t testing.TB) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	stamp := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetCatalogSort(true)
	pdf.SetFont("Helvetica", "", 12)
	link := pdf.AddLink()
	for i := 1; i <= 3; i++ {
		pdf.AddPage()
		pdf.Cell(40, 10, fmt.Sprintf("Agreement page %d", i))
	}
	pdf.SetLink(link, 0, 1)
	pdf.Link(20, 20, 40, 10, link) // on page 3
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("fpdf output: %v", err)
	}
	return buf.Bytes()
}

// writeTemp writes data to a file in a fresh temporary directory.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatalf("write %s: %v", path, err)
	}
	return path
}

// mustAppend calls Append and fails the test on error.
func mustAppend(t *testing.T, pdf []byte, fields []Field) []byte {
	t.Helper()
	out, err := AddFields(pdf, fields)
	if err != nil {
		t.Fatalf("Append: %v", err)
	}
	return out
}

// tool returns the path of an external program; a missing tool fails the
// test rather than skipping it.
func tool(t *testing.T, name string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if p := "/usr/bin/" + name; fileExists(p) {
		return p
	}
	t.Fatalf("%s not found in PATH or /usr/bin; it is required by this test", name)
	return ""
}

// fileExists reports whether path names an existing file.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// qpdfCheck runs qpdf --check and fails on errors or warnings.
func qpdfCheck(t *testing.T, path string) {
	t.Helper()
	out, err := exec.Command(tool(t, "qpdf"), "--check", path).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check %s: %v\n%s", path, err, out)
	}
	if !bytes.Contains(out, []byte("No syntax or stream encoding errors found")) {
		t.Fatalf("qpdf --check %s: unexpected output:\n%s", path, out)
	}
}

func TestAppendFPDF(t *testing.T) {
	in := makeFPDF(t)
	out := mustAppend(t, in, testFields)
	path := writeTemp(t, "signable.pdf", out)

	t.Run("original is prefix", func(t *testing.T) {
		if !bytes.HasPrefix(out, in) {
			t.Fatal("output does not start with the original bytes")
		}
		if len(out) <= len(in) {
			t.Fatal("nothing was appended")
		}
	})
	t.Run("qpdf check", func(t *testing.T) { qpdfCheck(t, path) })
	t.Run("pdfsig lists fields", func(t *testing.T) {
		pdfsigFields(t, path, FieldContractor, FieldFunder)
	})
	t.Run("pdfcpu validates", func(t *testing.T) { pdfcpuValidate(t, path) })
	t.Run("pdfcpu reads fields", func(t *testing.T) {
		checkFieldsWithPDFCPU(t, out, 3, testFields)
	})
	t.Run("own parser reads fields", func(t *testing.T) {
		checkFieldsWithOwnParser(t, out, 3, testFields)
	})
	t.Run("deterministic", func(t *testing.T) {
		again := mustAppend(t, makeFPDF(t), testFields)
		if !bytes.Equal(out, again) {
			t.Fatal("two runs produced different bytes")
		}
	})
	t.Run("renders", func(t *testing.T) {
		dir := t.TempDir()
		cmd := exec.Command(tool(t, "pdftoppm"), "-png", "-r", "50", path, filepath.Join(dir, "page"))
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, msg)
		}
		pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
		if len(pngs) != 3 {
			t.Fatalf("pdftoppm rendered %d pages, want 3", len(pngs))
		}
	})
}

// pdfsigFields asserts that pdfsig reports exactly the named unsigned
// signature fields.
func pdfsigFields(t *testing.T, path string, names ...string) {
	t.Helper()
	out, err := exec.Command(tool(t, "pdfsig"), "-nocert", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfsig: %v\n%s", err, out)
	}
	text := string(out)
	for i, name := range names {
		want := fmt.Sprintf("Signature #%d:\n  - Signature Field Name: %s\n  The signature form field is not signed.", i+1, name)
		if !strings.Contains(text, want) {
			t.Errorf("pdfsig output lacks %q:\n%s", want, text)
		}
	}
	if got := strings.Count(text, "Signature Field Name:"); got != len(names) {
		t.Errorf("pdfsig lists %d fields, want %d:\n%s", got, len(names), text)
	}
}

// checkFieldsWithOwnParser parses the result with this package's parser and
// checks that the AcroForm fields are /FT /Sig widgets on page pageNr.
func checkFieldsWithOwnParser(t *testing.T, pdf []byte, pageNr int, want []Field) {
	t.Helper()
	doc, err := parseDocument(pdf)
	if err != nil {
		t.Fatalf("parse result: %v", err)
	}
	root, _ := doc.trailer.get("Root")
	catRef, _ := root.asRef()
	cat, err := doc.resolveDict(catRef, "catalog")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := doc.pageList(cat)
	if err != nil {
		t.Fatal(err)
	}
	formObj, _ := cat.get("AcroForm")
	form, err := doc.resolveValue(formObj)
	if err != nil || form.kind != kindDict {
		t.Fatalf("AcroForm: %v (%q)", err, formObj.raw)
	}
	fieldsObj, _ := form.get("Fields")
	list, err := doc.resolveValue(fieldsObj)
	if err != nil || len(list.items) != len(want) {
		t.Fatalf("/Fields = %q (%v), want %d entries", list.raw, err, len(want))
	}
	annots, _ := pages[pageNr-1].dict.get("Annots")
	for i, w := range want {
		r, _ := list.items[i].asRef()
		f, err := doc.resolveDict(r, "field")
		if err != nil {
			t.Fatal(err)
		}
		checkOwnField(t, f, pages[pageNr-1].ref, w)
		if !bytes.Contains(annots.raw, []byte(r.String())) {
			t.Errorf("page %d /Annots %q lacks %s", pageNr, annots.raw, r)
		}
	}
}

// checkOwnField compares a field dictionary parsed by this package with w.
func checkOwnField(t *testing.T, f object, page ref, w Field) {
	t.Helper()
	ft, _ := f.get("FT")
	name, _ := f.get("T")
	p, _ := f.get("P")
	rect, _ := f.get("Rect")
	if !ft.isName("Sig") || decodeString(name.raw) != w.Name {
		t.Errorf("field %q: /FT %q /T %q", w.Name, ft.raw, name.raw)
	}
	if pr, ok := p.asRef(); !ok || pr != page {
		t.Errorf("field %q: /P %q, want %s", w.Name, p.raw, page)
	}
	if len(rect.items) != 4 {
		t.Fatalf("field %q: /Rect %q", w.Name, rect.raw)
	}
	for i, it := range rect.items {
		if v, ok := it.number(); !ok || v != round3(w.Rect[i]) {
			t.Errorf("field %q: /Rect[%d] = %q, want %v", w.Name, i, it.raw, round3(w.Rect[i]))
		}
	}
}

func TestAppendWritesExpectedUpdate(t *testing.T) {
	in := makeFPDF(t)
	out := mustAppend(t, in, testFields)
	tail := string(out[len(in):])
	for _, want := range []string{
		"<< /Type /Annot /Subtype /Widget /FT /Sig /T (contractor) /Rect [56.7 100 256.7 150] /F 4 /P 7 0 R >>",
		"<< /Type /Annot /Subtype /Widget /FT /Sig /T (funder) /Rect [320 100 520.123 150] /F 4 /P 7 0 R >>",
		"/Annots [14 0 R 12 0 R 13 0 R]",
		"14 0 obj\n<</Type /Annot /Subtype /Link /Rect [56.69 785.20 170.08 756.85] /Border [0 0 0] /Dest [3 0 R /XYZ 0 841.89 null]>>\nendobj\n",
		"/AcroForm << /Fields [12 0 R 13 0 R] /SigFlags 1 >>",
		"xref\n0 1\n0000000000 65535 f \n7 1\n",
		"\n11 4\n",
		"trailer\n<< /Size 15 /Root 11 0 R /Info 10 0 R /Prev ",
	} {
		if !strings.Contains(tail, want) {
			t.Errorf("update lacks %q:\n%s", want, tail)
		}
	}
	if !strings.HasSuffix(tail, "%%EOF\n") {
		t.Errorf("update does not end with %%%%EOF")
	}
}

func TestAppendTwice(t *testing.T) {
	in := makeFPDF(t)
	first := mustAppend(t, in, testFields[:1])
	second := mustAppend(t, first, testFields[1:])
	if !bytes.HasPrefix(second, first) {
		t.Fatal("second update does not keep the first as prefix")
	}
	path := writeTemp(t, "twice.pdf", second)
	qpdfCheck(t, path)
	pdfcpuValidate(t, path)
	pdfsigFields(t, path, FieldContractor, FieldFunder)
	checkFieldsWithPDFCPU(t, second, 3, testFields)
	checkFieldsWithOwnParser(t, second, 3, testFields)

	_, err := AddFields(second, []Field{{Name: FieldFunder, Page: 1, Rect: [4]float64{10, 10, 100, 40}}})
	if err == nil || !strings.Contains(err.Error(), `a field named "funder" already exists`) {
		t.Fatalf("re-adding funder: got %v", err)
	}
}

func TestAppendErrors(t *testing.T) {
	good := makeFPDF(t)
	rect := [4]float64{50, 50, 200, 100}
	one := func(name string, page int, r [4]float64) []Field {
		return []Field{{Name: name, Page: page, Rect: r}}
	}
	startxref := bytes.LastIndex(good, []byte("startxref"))
	tests := []struct {
		name   string
		pdf    []byte
		fields []Field
		want   string
	}{
		{"no fields", good, nil, "no fields"},
		{"page too high", good, one("a", 4, rect), "page 4 out of range (document has 3 pages)"},
		{"page zero", good, one("a", 0, rect), "page 0 out of range"},
		{"duplicate name", good, append(one("dup", 1, rect), one("dup", 2, rect)...), `duplicate field name "dup"`},
		{"empty name", good, one("", 1, rect), "empty field name"},
		{"bad name", good, one("con tractor", 1, rect), "invalid field name"},
		{"paren in name", good, one("a)b", 1, rect), "invalid field name"},
		{"long name", good, one(strings.Repeat("a", 200), 1, rect), "longer than"},
		{"inverted rect", good, one("a", 1, [4]float64{200, 50, 50, 100}), "need x1 < x2"},
		{"empty rect", good, one("a", 1, [4]float64{50, 50, 50.0001, 100}), "need x1 < x2"},
		{"nan rect", good, one("a", 1, [4]float64{nan(), 50, 100, 100}), "must be finite"},
		{"off page", good, one("a", 1, [4]float64{50, 800, 200, 900}), "outside page 1 MediaBox"},
		{"empty input", nil, one("a", 1, rect), "not a PDF"},
		{"garbage", []byte("hello, this is not a pdf"), one("a", 1, rect), "not a PDF"},
		{"garbage with header", []byte("%PDF-1.4\ngarbage"), one("a", 1, rect), "no startxref"},
		{"truncated half", good[:len(good)/2], one("a", 1, rect), "no startxref"},
		{"truncated before EOF", good[:len(good)-7], one("a", 1, rect), "no %%EOF"},
		{"bad startxref", replaceTail(good, startxref, "startxref\n12\n%%EOF\n"), one("a", 1, rect), `expected "xref"`},
		{"startxref beyond end", replaceTail(good, startxref, "startxref\n999999\n%%EOF\n"), one("a", 1, rect), "startxref offset"},
		{"short xref stream", xrefStreamPDF(), one("a", 1, rect), "cross-reference stream too short"},
		{"encrypted", buildPDF(t, minimalObjects(), "/Encrypt 99 0 R"), one("a", 1, rect), "encrypted PDFs are not supported"},
		{"prev loop", prevLoopPDF(t), one("a", 1, rect), "loops back"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := AddFields(tc.pdf, tc.fields)
			if err == nil {
				t.Fatalf("no error; output %d bytes", len(out))
			}
			if !strings.HasPrefix(err.Error(), "pdfupdate: ") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
}

// nan returns a NaN without tripping vet's constant checks.
func nan() float64 {
	zero := 0.0
	return zero / zero
}

// replaceTail returns a copy of b[:at] followed by s.
func replaceTail(b []byte, at int, s string) []byte {
	return append(bytes.Clone(b[:at]), s...)
}

// buildPDF writes a classic-xref PDF whose object i+1 has body objs[i];
// object 1 is the catalog. extra is added to the trailer dictionary.
func buildPDF(t testing.TB, objs []string, extra string) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, body := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, extra, xref)
	return b.Bytes()
}

// minimalObjects is a one-page document: catalog, page tree, page.
func minimalObjects() []string {
	return []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>",
		"<< /Type /Page /Parent 2 0 R /Resources << >> >>",
	}
}

// xrefStreamPDF is a file whose startxref points at an xref stream.
func xrefStreamPDF() []byte {
	head := "%PDF-1.5\n"
	obj := "1 0 obj\n<< /Type /XRef /Size 2 /W [1 2 1] /Length 0 >>\nstream\n\nendstream\nendobj\n"
	return []byte(fmt.Sprintf("%s%sstartxref\n%d\n%%%%EOF\n", head, obj, len(head)))
}

// prevLoopPDF is a file whose trailer's /Prev points at its own section.
func prevLoopPDF(t testing.TB) []byte {
	t.Helper()
	pdf := buildPDF(t, minimalObjects(), "")
	xref := bytes.LastIndex(pdf, []byte("xref\n0 "))
	return buildPDF(t, minimalObjects(), fmt.Sprintf("/Prev %d", xref))
}

func TestAppendStructures(t *testing.T) {
	tests := []struct {
		name  string
		objs  []string
		field Field
		check string // must appear in the update
	}{
		{
			name: "indirect annots",
			objs: []string{
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>",
				"<< /Type /Page /Parent 2 0 R /Resources << >> /Annots 4 0 R >>",
				"[5 0 R]",
				"<< /Type /Annot /Subtype /Text /Rect [10 10 20 20] >>",
			},
			field: Field{Name: "sig", Page: 1, Rect: [4]float64{100, 100, 300, 150}},
			check: "/Annots [5 0 R 6 0 R]",
		},
		{
			name: "nested page tree with inherited box",
			objs: []string{
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 612 792] >>",
				"<< /Type /Pages /Parent 2 0 R /Kids [5 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /Resources << >> >>",
				"<< /Type /Page /Parent 3 0 R /Resources << >> >>",
			},
			field: Field{Name: "sig", Page: 2, Rect: [4]float64{100, 100, 300, 150}},
			check: "/P 4 0 R",
		},
		{
			name: "indirect acroform with other field",
			objs: []string{
				"<< /Type /Catalog /Pages 2 0 R /AcroForm 4 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>",
				"<< /Type /Page /Parent 2 0 R /Resources << >> /Annots [5 0 R] >>",
				"<< /Fields [5 0 R] /DA (/Helv 0 Tf 0 g) /SigFlags 2 >>",
				"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [10 10 90 30] /P 3 0 R >>",
			},
			field: Field{Name: "sig", Page: 1, Rect: [4]float64{100, 100, 300, 150}},
			check: "4 0 obj\n<< /Fields [5 0 R 6 0 R] /DA (/Helv 0 Tf 0 g) /SigFlags 3 >>",
		},
		{
			name: "inline acroform with indirect fields",
			objs: []string{
				"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields 4 0 R >> >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>",
				"<< /Type /Page /Parent 2 0 R /Resources << >> >>",
				"[]",
			},
			field: Field{Name: "sig", Page: 1, Rect: [4]float64{100, 100, 300, 150}},
			check: "/AcroForm << /Fields [5 0 R] /SigFlags 1 >>",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := buildPDF(t, tc.objs, "/ID [<00ff> <00ff>]")
			qpdfCheck(t, writeTemp(t, "in.pdf", in))
			out := mustAppend(t, in, []Field{tc.field})
			tail := string(out[len(in):])
			if !strings.Contains(tail, tc.check) {
				t.Errorf("update lacks %q:\n%s", tc.check, tail)
			}
			if !strings.Contains(tail, "/ID [<00ff> <00ff>]") {
				t.Errorf("trailer lost /ID:\n%s", tail)
			}
			path := writeTemp(t, "out.pdf", out)
			qpdfCheck(t, path)
			pdfsigFields(t, path, tc.field.Name)
		})
	}
}

func TestAppendNameClash(t *testing.T) {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] >>",
		"<< /Type /Annot /Subtype /Widget /FT /Sig /T <FEFF00730069> /Rect [1 1 2 2] >>",
	}
	_, err := AddFields(buildPDF(t, objs, ""), []Field{{Name: "si", Page: 1, Rect: [4]float64{1, 1, 50, 50}}})
	if err == nil || !strings.Contains(err.Error(), `"si" already exists`) {
		t.Fatalf("got %v, want a name clash", err)
	}
}

func TestAppendNoTrailingNewline(t *testing.T) {
	in := bytes.TrimRight(buildPDF(t, minimalObjects(), ""), "\n")
	out := mustAppend(t, in, []Field{{Name: "x", Page: 1, Rect: [4]float64{1, 1, 50, 50}}})
	if !bytes.HasPrefix(out, in) || out[len(in)] != '\n' {
		t.Fatal("expected the original followed by a newline")
	}
	qpdfCheck(t, writeTemp(t, "out.pdf", out))
}

func TestFormatNum(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{-0.0001, "0"},
		{72, "72"},
		{56.7, "56.7"},
		{520.123456, "520.123"},
		{0.0005, "0.001"},
		{-12.3456, "-12.346"},
		{999999.9999, "1000000"},
		{123456.789, "123456.789"},
	}
	for _, tc := range tests {
		if got := formatNum(tc.in); got != tc.want {
			t.Errorf("formatNum(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDecodeString(t *testing.T) {
	tests := []struct {
		raw, want string
	}{
		{"(abc)", "abc"},
		{`(a\)b\\c\101\n)`, "a)b\\cA\n"},
		{"<616263>", "abc"},
		{"<6 16>", "a`"},
		{"<FEFF0041>", "A"},
		{"()", ""},
	}
	for _, tc := range tests {
		if got := decodeString([]byte(tc.raw)); got != tc.want {
			t.Errorf("decodeString(%s) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}
