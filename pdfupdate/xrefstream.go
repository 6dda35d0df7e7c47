package pdfupdate

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
)

// maxDecoded bounds the decoded size of a cross-reference or object stream.
const maxDecoded = 64 << 20

// readXrefStream parses the cross-reference stream object at off, records its entries (see
// record) and returns its dictionary, which serves as the section's trailer.
func (d *document) readXrefStream(off int) (object, error) {
	l := &lexer{buf: d.data, pos: off}
	if _, err := l.objHeader(); err != nil {
		return object{}, err
	}
	dict, data, err := d.streamObject(l, false)
	if err != nil {
		return object{}, err
	}
	if t, _ := dict.get("Type"); !t.isName("XRef") {
		return object{}, errors.New("the object at startxref is neither a table nor a /Type /XRef stream")
	}
	w, err := fieldWidths(dict)
	if err != nil {
		return object{}, err
	}
	index, err := subsections(dict)
	if err != nil {
		return object{}, err
	}
	if err := d.readStreamEntries(data, w, index); err != nil {
		return object{}, err
	}
	return dict, nil
}

// fieldWidths reads /W: three field widths of at most 8 bytes each, not all zero.
func fieldWidths(dict object) ([3]int, error) {
	var w [3]int
	v, _ := dict.get("W")
	if v.kind != kindArray || len(v.items) != 3 {
		return w, errors.New("/W is not an array of three widths")
	}
	for i, it := range v.items {
		if it.kind != kindInt || it.num < 0 || it.num > 8 {
			return w, fmt.Errorf("/W %q: widths must be integers from 0 to 8", clip(v.raw))
		}
		w[i] = int(it.num)
	}
	if w[0]+w[1]+w[2] == 0 {
		return w, errors.New("/W has no fields")
	}
	return w, nil
}

// subsections reads /Index as pairs of first object number and count; absent, it is [0 /Size].
func subsections(dict object) ([][2]int64, error) {
	v, ok := dict.get("Index")
	if !ok {
		size, _ := dict.get("Size")
		if size.kind != kindInt || size.num < 0 || size.num > maxObjNum {
			return nil, errors.New("cross-reference stream has no valid /Size")
		}
		return [][2]int64{{0, size.num}}, nil
	}
	if v.kind != kindArray || len(v.items)%2 != 0 {
		return nil, errors.New("/Index is not an array of pairs")
	}
	var out [][2]int64
	for i := 0; i < len(v.items); i += 2 {
		first, count := v.items[i], v.items[i+1]
		if first.kind != kindInt || count.kind != kindInt || first.num < 0 || count.num < 0 || first.num+count.num > maxObjNum {
			return nil, fmt.Errorf("/Index %q: invalid subsection", clip(v.raw))
		}
		out = append(out, [2]int64{first.num, count.num})
	}
	return out, nil
}

// readStreamEntries records the rows of a decoded cross-reference stream. A type field of width
// zero means type 1; a generation field of width zero means 0.
func (d *document) readStreamEntries(data []byte, w [3]int, index [][2]int64) error {
	row := w[0] + w[1] + w[2]
	pos := 0
	for _, sub := range index {
		if sub[1] > int64((len(data)-pos)/row) {
			return fmt.Errorf("cross-reference stream too short for %d entries from object %d", sub[1], sub[0])
		}
		for i := int64(0); i < sub[1]; i++ {
			typ := int64(1)
			if w[0] > 0 {
				typ = field(data[pos:], w[0])
			}
			a := field(data[pos+w[0]:], w[1])
			b := field(data[pos+w[0]+w[1]:], w[2])
			pos += row
			if err := d.record(int(sub[0]+i), int(typ), a, b); err != nil {
				return fmt.Errorf("entry for object %d: %w", sub[0]+i, err)
			}
		}
	}
	return nil
}

// field reads a big-endian unsigned number of width bytes; 8-byte values above the int64 range
// come out negative and are rejected by record.
func field(b []byte, width int) int64 {
	var v int64
	for _, c := range b[:width] {
		v = v<<8 | int64(c)
	}
	return v
}

// streamObject parses a stream's dictionary and data after its "num gen obj" header and returns
// both, the data decoded. The /Length must be a direct integer unless indirect is allowed (it
// is not while the cross-reference sections are being read).
func (d *document) streamObject(l *lexer, indirect bool) (object, []byte, error) {
	dict, err := l.object(0)
	if err != nil {
		return object{}, nil, err
	}
	if dict.kind != kindDict {
		return object{}, nil, errors.New("stream object without a dictionary")
	}
	length, err := d.streamLength(dict, indirect)
	if err != nil {
		return object{}, nil, err
	}
	if err := l.keyword("stream"); err != nil {
		return object{}, nil, err
	}
	if l.peek(0) == '\r' {
		l.pos++
	}
	if l.peek(0) == '\n' {
		l.pos++
	}
	if length > len(l.buf)-l.pos {
		return object{}, nil, fmt.Errorf("stream /Length %d runs past the end of the data", length)
	}
	data, err := decodeStream(dict, l.buf[l.pos:l.pos+length])
	return dict, data, err
}

// streamLength returns the stream's /Length.
func (d *document) streamLength(dict object, indirect bool) (int, error) {
	v, _ := dict.get("Length")
	if v.kind == kindRef && indirect {
		r, _ := v.asRef()
		var err error
		if v, err = d.resolve(r); err != nil {
			return 0, fmt.Errorf("/Length: %w", err)
		}
	}
	if v.kind != kindInt || v.num < 0 || v.num > int64(len(d.data)) {
		return 0, fmt.Errorf("stream has no valid /Length (%q)", clip(v.raw))
	}
	return int(v.num), nil
}

// decodeStream applies the stream's filter: none or /FlateDecode, with an optional PNG
// predictor.
func decodeStream(dict object, raw []byte) ([]byte, error) {
	f, _ := dict.get("Filter")
	if f.kind == kindArray && len(f.items) == 1 {
		f = f.items[0]
	}
	switch {
	case f.kind == kindNull:
		return raw, nil
	case !f.isName("FlateDecode"):
		return nil, fmt.Errorf("stream filter %q is not supported (only /FlateDecode is)", clip(f.raw))
	}
	zr, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("/FlateDecode: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxDecoded+1))
	if err != nil {
		return nil, fmt.Errorf("/FlateDecode: %w", err)
	}
	if len(data) > maxDecoded {
		return nil, fmt.Errorf("stream decodes to more than %d bytes", maxDecoded)
	}
	p, _ := dict.get("DecodeParms")
	if p.kind == kindArray && len(p.items) == 1 {
		p = p.items[0]
	}
	return unpredict(p, data)
}
