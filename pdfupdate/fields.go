package pdfupdate

import (
	"errors"
	"fmt"
	"math"
)

// The signature fields of a cwo agreement: the renderer adds them, signing fills them.
const (
	FieldContractor = "contractor"
	FieldFunder     = "funder"
)

// Field is one empty signature field.
type Field struct {
	Name string     // partial field name /T, e.g. FieldContractor; ASCII letters, digits, '-', '_' only
	Page int        // 1-based page number
	Rect [4]float64 // lower-left x, lower-left y, upper-right x, upper-right y in PDF points (origin bottom-left)
}

// maxNameLen bounds the length of a field name.
const maxNameLen = 127

// maxCoord bounds the magnitude of rectangle coordinates, in points.
const maxCoord = 1e6

// AddFields returns pdf followed by an incremental update that adds the empty signature
// fields.
//
// Each field becomes a merged field/widget annotation
// (/Type /Annot /Subtype /Widget /FT /Sig) on its page. The update rewrites
// the pages that receive widgets (appending to their /Annots) and the
// catalog, whose /AcroForm gets the new fields and /SigFlags 1; an existing
// /AcroForm is extended. Coordinates are rounded to three decimals. The
// output is deterministic: equal inputs give equal bytes. pdf itself is not
// modified and is an exact prefix of the result.
//
// All errors start with "pdfupdate: ". Invalid fields (bad or duplicate
// names, page out of range, empty or inverted rectangles, rectangles outside
// the page's MediaBox) and PDFs that cannot be parsed are reported as errors;
// AddFields does not panic on malformed input.
func AddFields(pdf []byte, fields []Field) ([]byte, error) {
	update, err := FieldsUpdate(pdf, fields)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(pdf)+len(update))
	return append(append(out, pdf...), update...), nil
}

// FieldsUpdate is AddFields without the copy: it returns only the bytes to write after pdf. A
// writer that already has pdf writes the two in turn.
func FieldsUpdate(pdf []byte, fields []Field) ([]byte, error) {
	update, err := updateFields(pdf, fields)
	if err != nil {
		return nil, fmt.Errorf("pdfupdate: %w", err)
	}
	return update, nil
}

// updateFields implements FieldsUpdate without the error prefix.
func updateFields(pdf []byte, fields []Field) ([]byte, error) {
	if err := validateFields(fields); err != nil {
		return nil, err
	}
	doc, err := parseDocument(pdf)
	if err != nil {
		return nil, err
	}
	root, _ := doc.trailer.get("Root")
	catRef, _ := root.asRef()
	catalog, err := doc.resolveDict(catRef, "catalog (/Root)")
	if err != nil {
		return nil, err
	}
	pages, err := doc.pageList(catalog)
	if err != nil {
		return nil, err
	}
	if err := checkPlacement(fields, pages); err != nil {
		return nil, err
	}
	objs, err := doc.buildObjects(catRef, catalog, pages, fields)
	if err != nil {
		return nil, err
	}
	return doc.writeUpdate(objs), nil
}

// validateFields checks names, pages and rectangles independent of the PDF.
func validateFields(fields []Field) error {
	if len(fields) == 0 {
		return errors.New("no fields to add")
	}
	seen := make(map[string]bool, len(fields))
	for i, f := range fields {
		if err := validateName(f.Name); err != nil {
			return fmt.Errorf("field %d: %w", i, err)
		}
		if seen[f.Name] {
			return fmt.Errorf("field %d: duplicate field name %q", i, f.Name)
		}
		seen[f.Name] = true
		if f.Page < 1 {
			return fmt.Errorf("field %q: page %d out of range (pages are 1-based)", f.Name, f.Page)
		}
		if err := validateRect(f.Rect); err != nil {
			return fmt.Errorf("field %q: %w", f.Name, err)
		}
	}
	return nil
}

// validateName accepts 1 to maxNameLen ASCII letters, digits, '-' and '_'.
func validateName(name string) error {
	if name == "" {
		return errors.New("empty field name")
	}
	if len(name) > maxNameLen {
		return fmt.Errorf("field name longer than %d bytes", maxNameLen)
	}
	for _, c := range []byte(name) {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
		if !ok {
			return fmt.Errorf("invalid field name %q: only ASCII letters, digits, '-' and '_' are allowed", name)
		}
	}
	return nil
}

// validateRect requires finite, bounded coordinates with x1 < x2 and y1 < y2
// after rounding.
func validateRect(r [4]float64) error {
	for _, v := range r {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > maxCoord {
			return fmt.Errorf("rect %v: coordinates must be finite and within ±%g", r, float64(maxCoord))
		}
	}
	q := roundRect(r)
	if !(q[0] < q[2]) || !(q[1] < q[3]) {
		return fmt.Errorf("rect %v: need x1 < x2 and y1 < y2 (lower-left, upper-right)", r)
	}
	return nil
}

// roundRect rounds every coordinate to three decimals.
func roundRect(r [4]float64) [4]float64 {
	for i, v := range r {
		r[i] = round3(v)
	}
	return r
}

// round3 rounds v to three decimals and normalises negative zero.
func round3(v float64) float64 {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		return 0
	}
	return v
}

// checkPlacement verifies each field's page exists and, when the page's
// MediaBox is known, that the rectangle lies on the page.
func checkPlacement(fields []Field, pages []pageInfo) error {
	for _, f := range fields {
		if f.Page > len(pages) {
			return fmt.Errorf("field %q: page %d out of range (document has %d pages)", f.Name, f.Page, len(pages))
		}
		box := pages[f.Page-1].mediaBox
		if box == nil {
			continue
		}
		r := roundRect(f.Rect)
		if r[0] < box[0] || r[1] < box[1] || r[2] > box[2] || r[3] > box[3] {
			return fmt.Errorf("field %q: rect %v lies outside page %d MediaBox %v", f.Name, f.Rect, f.Page, *box)
		}
	}
	return nil
}
