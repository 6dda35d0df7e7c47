package pdfupdate

import (
	"bytes"
	"errors"
	"fmt"
)

// ErrEncrypted is the error for an encrypted file, which an update would have to encrypt too.
var ErrEncrypted = errors.New("encrypted PDFs are not supported")

// maxXrefSections bounds the length of a /Prev chain.
const maxXrefSections = 1000

// xrefEntry locates an in-use object: at a byte offset of the file, or (compressed) as the
// index-th object of object stream stream.
type xrefEntry struct {
	offset int
	gen    int
	stream int // object number of the object stream holding the object; 0 when not compressed
	index  int // the object's index within that object stream
}

// document is the parsed view of the input PDF needed to build the update.
type document struct {
	data      []byte
	xrefOff   int                // offset of the newest cross-reference section
	trailer   object             // newest trailer dictionary
	entries   map[int]xrefEntry  // in-use objects, newest revision wins
	freed     map[int]bool       // objects whose newest entry is free
	size      int                // first unused object number: max(/Size, largest listed number + 1)
	maxNum    int                // largest object number listed in any section
	isStream  bool               // the newest section is a cross-reference stream
	cache     map[ref]object     // objects already resolved
	resolving map[ref]bool       // objects being resolved, to catch reference loops
	streams   map[int]*objStream // object streams already decoded
}

// parseDocument reads the cross-reference chain (tables, streams or both) and the trailer of data.
func parseDocument(data []byte) (*document, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, errors.New("not a PDF file: missing %PDF- header")
	}
	off, err := findStartXref(data)
	if err != nil {
		return nil, err
	}
	d := newDocument(data, off)
	if err := d.readXrefChain(off); err != nil {
		return nil, err
	}
	if err := d.checkTrailer(); err != nil {
		return nil, err
	}
	return d, nil
}

// newDocument returns an empty document over data whose newest section is at off.
func newDocument(data []byte, off int) *document {
	return &document{data: data, xrefOff: off, entries: map[int]xrefEntry{}, freed: map[int]bool{},
		cache: map[ref]object{}, resolving: map[ref]bool{}, streams: map[int]*objStream{}}
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
		trailer, isStream, err := d.readXrefSection(off)
		if err != nil {
			return fmt.Errorf("cross-reference section at offset %d: %w", off, err)
		}
		if n == 0 {
			d.trailer, d.isStream = trailer, isStream
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

// readXrefSection parses the section at off, a classic table ("xref ... trailer << >>") or a
// cross-reference stream, records the entries not already defined by a newer section, and
// returns the section's trailer dictionary (a stream's dictionary) and whether it is a stream.
// A classic section's /XRefStm stream (a hybrid file) is read after its table.
func (d *document) readXrefSection(off int) (object, bool, error) {
	l := &lexer{buf: d.data, pos: off}
	if tok := l.regular(); string(tok) != "xref" {
		if _, err := (&lexer{buf: d.data, pos: off}).objHeader(); err == nil {
			trailer, err := d.readXrefStream(off)
			return trailer, true, err
		}
		return object{}, false, fmt.Errorf("expected \"xref\", found %q", clip(tok))
	}
	trailer, err := d.readXrefTable(l)
	if err != nil {
		return object{}, false, err
	}
	if v, ok := trailer.get("XRefStm"); ok {
		if v.kind != kindInt || v.num < 0 || v.num >= int64(len(d.data)) {
			return object{}, false, fmt.Errorf("invalid /XRefStm %q", clip(v.raw))
		}
		if _, err := d.readXrefStream(int(v.num)); err != nil {
			return object{}, false, fmt.Errorf("/XRefStm: %w", err)
		}
	}
	return trailer, false, nil
}

// readXrefTable parses the subsections of a classic table after "xref" and its trailer.
func (d *document) readXrefTable(l *lexer) (object, error) {
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
	if typ == "f" {
		return d.record(num, 0, 0, 0)
	}
	return d.record(num, 1, off, gen)
}

// record notes the entry of object num unless a newer section already defined it: typ 0 is
// free, 1 is in use at byte offset a with generation b, 2 is compressed as the b-th object of
// object stream a.
func (d *document) record(num, typ int, a, b int64) error {
	d.maxNum = max(d.maxNum, num)
	if _, done := d.entries[num]; done || d.freed[num] {
		return nil // a newer section already defines this object
	}
	switch {
	case typ == 0 || num == 0:
		d.freed[num] = true
	case typ == 1 && a >= int64(len(d.data)):
		return fmt.Errorf("offset %d is beyond the end of the file", a)
	case typ == 1:
		d.entries[num] = xrefEntry{offset: int(a), gen: int(b)}
	case typ == 2 && (a < 1 || a > maxObjNum || b > maxObjNum):
		return fmt.Errorf("invalid object stream %d, index %d", a, b)
	case typ == 2:
		d.entries[num] = xrefEntry{stream: int(a), index: int(b)}
	}
	return nil // other types are reserved and read as null objects
}

// checkTrailer validates the trailer entries the update depends on.
func (d *document) checkTrailer() error {
	if _, ok := d.trailer.get("Encrypt"); ok {
		return ErrEncrypted
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
