package pdfupdate

import (
	"errors"
	"fmt"
)

// resolve returns the value of indirect object r, parsing it on first use.
func (d *document) resolve(r ref) (object, error) {
	if o, ok := d.cache[r]; ok {
		return o, nil
	}
	if d.resolving[r] {
		return object{}, fmt.Errorf("object %d refers to itself while it is read", r.num)
	}
	d.resolving[r] = true
	o, err := d.parseObjectAt(r)
	delete(d.resolving, r)
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
	if e.stream != 0 {
		return d.compressedObject(r.num, e)
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

// objStream is a decoded object stream: its objects' numbers and offsets, and the data.
type objStream struct {
	nums    []int
	offsets []int // from the start of data
	data    []byte
}

// compressedObject reads object num, which the cross-reference stream places in an object
// stream.
func (d *document) compressedObject(num int, e xrefEntry) (object, error) {
	s, err := d.objectStream(e.stream)
	if err != nil {
		return object{}, fmt.Errorf("object %d: object stream %d: %w", num, e.stream, err)
	}
	if e.index >= len(s.nums) || s.nums[e.index] != num {
		return object{}, fmt.Errorf("object %d is not object %d of object stream %d", num, e.index, e.stream)
	}
	l := &lexer{buf: s.data, pos: s.offsets[e.index]}
	o, err := l.object(0)
	if err != nil {
		return object{}, fmt.Errorf("object %d in object stream %d: %w", num, e.stream, err)
	}
	return o, nil
}

// objectStream decodes object stream num on first use.
func (d *document) objectStream(num int) (*objStream, error) {
	if s, ok := d.streams[num]; ok {
		return s, nil
	}
	e, ok := d.entries[num]
	if !ok || e.stream != 0 {
		return nil, errors.New("not an uncompressed object in the cross-reference table")
	}
	l := &lexer{buf: d.data, pos: e.offset}
	if got, err := l.objHeader(); err != nil || got.num != num {
		return nil, fmt.Errorf("no object header at offset %d", e.offset)
	}
	dict, data, err := d.streamObject(l, true)
	if err != nil {
		return nil, err
	}
	s, err := readObjStreamHeader(dict, data)
	if err != nil {
		return nil, err
	}
	d.streams[num] = s
	return s, nil
}

// readObjStreamHeader reads the /N pairs of object number and offset that start an object
// stream's data; offsets count from /First.
func readObjStreamHeader(dict object, data []byte) (*objStream, error) {
	if t, _ := dict.get("Type"); !t.isName("ObjStm") {
		return nil, errors.New("not a /Type /ObjStm stream")
	}
	n, _ := dict.get("N")
	first, _ := dict.get("First")
	if n.kind != kindInt || first.kind != kindInt || n.num < 0 || first.num < 0 || first.num > int64(len(data)) || n.num > first.num {
		return nil, errors.New("invalid /N or /First")
	}
	s := &objStream{data: data}
	l := &lexer{buf: data[:first.num]}
	for range n.num {
		num, err := l.uint(maxObjNum)
		if err != nil {
			return nil, err
		}
		off, err := l.uint(int64(len(data)) - first.num)
		if err != nil {
			return nil, err
		}
		s.nums = append(s.nums, int(num))
		s.offsets = append(s.offsets, int(first.num+off))
	}
	return s, nil
}
