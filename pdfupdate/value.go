package pdfupdate

import (
	"fmt"
	"strconv"
)

// Document is a parsed PDF file: its cross-reference chain and trailer, with objects read on
// demand.
type Document struct{ doc *document }

// Open parses the cross-reference chain and trailer of data. Errors start with "pdfupdate: ".
func Open(data []byte) (*Document, error) {
	d, err := parseDocument(data)
	if err != nil {
		return nil, fmt.Errorf("pdfupdate: %w", err)
	}
	return &Document{doc: d}, nil
}

// Trailer returns the newest trailer dictionary (the dictionary of a cross-reference stream).
func (d *Document) Trailer() Value { return Value{d: d.doc, o: d.doc.trailer} }

// XrefOffset is the offset of the newest cross-reference section, which an update's /Prev names.
func (d *Document) XrefOffset() int { return d.doc.xrefOff }

// Value is a PDF value read from a document, with the number of the indirect object it belongs
// to. Key and Index follow references; a reference that cannot be followed (a missing or
// malformed object) reads as null, as does a missing key or index, so that chains such as
// root.Key("AcroForm").Key("Fields") need no error checks.
type Value struct {
	d  *document
	o  object
	id ref // the indirect object the value was read from; zero for the trailer
}

// follow resolves o, found inside v, when it is a reference.
func (v Value) follow(o object) Value {
	r, ok := o.asRef()
	if !ok {
		return Value{d: v.d, o: o, id: v.id}
	}
	target, err := v.d.resolve(r)
	if err != nil {
		return Value{d: v.d, id: r}
	}
	return Value{d: v.d, o: target, id: r}
}

// Key returns the value of key in the dictionary v (the last entry, when a key repeats).
func (v Value) Key(key string) Value {
	for i := len(v.o.dict) - 1; i >= 0; i-- {
		if v.o.dict[i].key == key {
			return v.follow(v.o.dict[i].val)
		}
	}
	return Value{d: v.d, id: v.id}
}

// Index returns element i of the array v.
func (v Value) Index(i int) Value {
	if i < 0 || i >= len(v.o.items) {
		return Value{d: v.d, id: v.id}
	}
	return v.follow(v.o.items[i])
}

// Len is the number of elements of the array v, 0 for other values.
func (v Value) Len() int { return len(v.o.items) }

// ID returns the number and generation of the indirect object v was read from.
func (v Value) ID() (num, gen int) { return v.id.num, v.id.gen }

// IsNull reports whether v is null, missing or unreadable.
func (v Value) IsNull() bool { return v.o.kind == kindNull }

// IsDict reports whether v is a dictionary (or a stream, read as its dictionary).
func (v Value) IsDict() bool { return v.o.kind == kindDict }

// IsInt reports whether v is an integer.
func (v Value) IsInt() bool { return v.o.kind == kindInt }

// Int64 returns the integer v, or 0.
func (v Value) Int64() int64 {
	if v.o.kind != kindInt {
		return 0
	}
	return v.o.num
}

// Float64 returns the number v, integer or real, or 0.
func (v Value) Float64() float64 {
	f, _ := v.o.number()
	return f
}

// Name returns the name v without its slash, or "".
func (v Value) Name() string {
	if v.o.kind != kindName {
		return ""
	}
	return v.o.name
}

// Bytes returns the bytes of the string v, escapes resolved, or nil.
func (v Value) Bytes() []byte {
	if v.o.kind != kindString {
		return nil
	}
	return stringBytes(v.o.raw)
}

// Text returns the string v read as a PDF text string (UTF-16BE with a byte order mark, or
// PDFDocEncoding), in UTF-8; "" when v is not a string.
func (v Value) Text() string {
	if v.o.kind != kindString {
		return ""
	}
	return textString(stringBytes(v.o.raw))
}

// String renders v for messages, as written in the file.
func (v Value) String() string {
	if v.o.raw == nil {
		return "null"
	}
	return strconv.Quote(clip(v.o.raw))
}
