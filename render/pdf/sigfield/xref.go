package sigfield

import (
	"bytes"
	"errors"
	"fmt"
)

// maxXrefSections bounds the length of a /Prev chain.
const maxXrefSections = 1000

// xrefEntry locates an in-use object of the classic cross-reference table.
type xrefEntry struct {
	offset int
	gen    int
}

// document is the parsed view of the input PDF needed to build the update.
type document struct {
	data    []byte
	xrefOff int               // offset of the newest cross-reference section
	trailer object            // newest trailer dictionary
	entries map[int]xrefEntry // in-use objects, newest revision wins
	freed   map[int]bool      // objects whose newest entry is free
	size    int               // first unused object number: max(/Size, largest listed number + 1)
	maxNum  int               // largest object number listed in any section
	cache   map[ref]object    // objects already resolved
}

// parseDocument reads the cross-reference chain and trailer of data.
func parseDocument(data []byte) (*document, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, errors.New("not a PDF file: missing %PDF- header")
	}
	off, err := findStartXref(data)
	if err != nil {
		return nil, err
	}
	d := &document{data: data, xrefOff: off, entries: map[int]xrefEntry{}, freed: map[int]bool{}, cache: map[ref]object{}}
	if err := d.readXrefChain(off); err != nil {
		return nil, err
	}
	if err := d.checkTrailer(); err != nil {
		return nil, err
	}
	return d, nil
}

// findStartXref returns the offset given by the last startxref keyword.
func findStartXref(data []byte) (int, error) {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return 0, errors.New("no startxref keyword found (truncated or not a PDF?)")
	}
	if !bytes.Contains(data[i:], []byte("%%EOF")) {
		return 0, errors.New("no %%EOF marker after startxref (truncated file?)")
	}
	l := &lexer{buf: data, pos: i + len("startxref")}
	off, err := l.uint(int64(len(data) - 1))
	if err != nil {
		return 0, fmt.Errorf("reading startxref offset: %w", err)
	}
	return int(off), nil
}

// readXrefChain reads the section at off and every section reached by /Prev.
func (d *document) readXrefChain(off int) error {
	seen := map[int]bool{}
	for n := 0; ; n++ {
		if seen[off] {
			return fmt.Errorf("cross-reference /Prev chain loops back to offset %d", off)
		}
		if n >= maxXrefSections {
			return fmt.Errorf("more than %d cross-reference sections", maxXrefSections)
		}
		seen[off] = true
		trailer, err := d.readXrefSection(off)
		if err != nil {
			return fmt.Errorf("cross-reference section at offset %d: %w", off, err)
		}
		if n == 0 {
			d.trailer = trailer
		}
		prev, ok := trailer.get("Prev")
		if !ok {
			return nil
		}
		if prev.kind != kindInt || prev.num < 0 || prev.num >= int64(len(d.data)) {
			return fmt.Errorf("trailer at offset %d: invalid /Prev %q", off, clip(prev.raw))
		}
		off = int(prev.num)
	}
}

// readXrefSection parses one "xref ... trailer << >>" section at off and
// records entries not already defined by a newer section.
func (d *document) readXrefSection(off int) (object, error) {
	l := &lexer{buf: d.data, pos: off}
	if tok := l.regular(); string(tok) != "xref" {
		if _, err := (&lexer{buf: d.data, pos: off}).objHeader(); err == nil {
			return object{}, errors.New("cross-reference streams (PDF 1.5 compressed xref) are not supported; only classic xref tables are")
		}
		return object{}, fmt.Errorf("expected \"xref\", found %q", clip(tok))
	}
	for {
		save := l.pos
		if string(l.regular()) == "trailer" {
			break
		}
		l.pos = save
		if err := d.readSubsection(l); err != nil {
			return object{}, err
		}
	}
	trailer, err := l.object(0)
	if err != nil {
		return object{}, fmt.Errorf("trailer: %w", err)
	}
	if trailer.kind != kindDict {
		return object{}, errors.New("trailer is not a dictionary")
	}
	return trailer, nil
}

// readSubsection parses "first count" followed by count entries.
func (d *document) readSubsection(l *lexer) error {
	first, err := l.uint(maxObjNum)
	if err != nil {
		return fmt.Errorf("subsection header: %w", err)
	}
	count, err := l.uint(maxObjNum - first)
	if err != nil {
		return fmt.Errorf("subsection header: %w", err)
	}
	for i := int64(0); i < count; i++ {
		if err := d.readEntry(l, int(first+i)); err != nil {
			return fmt.Errorf("entry for object %d: %w", first+i, err)
		}
	}
	return nil
}

// readEntry parses "offset gen n|f" for object num.
func (d *document) readEntry(l *lexer, num int) error {
	off, err := l.uint(9999999999)
	if err != nil {
		return err
	}
	gen, err := l.uint(65535)
	if err != nil {
		return err
	}
	at := l.pos
	typ := string(l.regular())
	if typ != "n" && typ != "f" {
		return fmt.Errorf("expected entry type n or f at offset %d, found %q", at, typ)
	}
	d.maxNum = max(d.maxNum, num)
	if _, done := d.entries[num]; done || d.freed[num] {
		return nil // a newer section already defines this object
	}
	if typ == "f" || num == 0 {
		d.freed[num] = true
		return nil
	}
	if off >= int64(len(d.data)) {
		return fmt.Errorf("offset %d is beyond the end of the file", off)
	}
	d.entries[num] = xrefEntry{offset: int(off), gen: int(gen)}
	return nil
}

// checkTrailer validates the trailer entries the update depends on.
func (d *document) checkTrailer() error {
	if _, ok := d.trailer.get("Encrypt"); ok {
		return errors.New("encrypted PDFs are not supported")
	}
	if _, ok := d.trailer.get("XRefStm"); ok {
		return errors.New("hybrid-reference PDFs (/XRefStm) are not supported; only classic xref tables are")
	}
	size, ok := d.trailer.get("Size")
	if !ok || size.kind != kindInt || size.num < 1 || size.num > maxObjNum {
		return errors.New("trailer has no valid /Size")
	}
	d.size = max(int(size.num), d.maxNum+1)
	root, ok := d.trailer.get("Root")
	if !ok || root.kind != kindRef {
		return errors.New("trailer has no /Root reference")
	}
	return nil
}

// resolve returns the value of indirect object r, parsing it on first use.
func (d *document) resolve(r ref) (object, error) {
	if o, ok := d.cache[r]; ok {
		return o, nil
	}
	o, err := d.parseObjectAt(r)
	if err != nil {
		return object{}, err
	}
	d.cache[r] = o
	return o, nil
}

// parseObjectAt reads indirect object r at the offset the xref table gives.
func (d *document) parseObjectAt(r ref) (object, error) {
	e, ok := d.entries[r.num]
	if !ok {
		return object{}, fmt.Errorf("object %d is not in the cross-reference table", r.num)
	}
	if e.gen != r.gen {
		return object{}, fmt.Errorf("object %d has generation %d, not %d", r.num, e.gen, r.gen)
	}
	l := &lexer{buf: d.data, pos: e.offset}
	got, err := l.objHeader()
	if err != nil {
		return object{}, fmt.Errorf("object %d at offset %d: %w", r.num, e.offset, err)
	}
	if got != r {
		return object{}, fmt.Errorf("offset %d holds object %d %d, not %d %d", e.offset, got.num, got.gen, r.num, r.gen)
	}
	o, err := l.object(0)
	if err != nil {
		return object{}, fmt.Errorf("object %d: %w", r.num, err)
	}
	return o, nil
}

// resolveValue follows o if it is a reference and returns o otherwise.
func (d *document) resolveValue(o object) (object, error) {
	if r, ok := o.asRef(); ok {
		return d.resolve(r)
	}
	return o, nil
}

// resolveDict resolves r and requires the result to be a dictionary.
func (d *document) resolveDict(r ref, what string) (object, error) {
	o, err := d.resolve(r)
	if err != nil {
		return object{}, fmt.Errorf("%s: %w", what, err)
	}
	if o.kind != kindDict {
		return object{}, fmt.Errorf("%s (object %d) is not a dictionary", what, r.num)
	}
	return o, nil
}
