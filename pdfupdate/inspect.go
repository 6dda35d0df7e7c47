package pdfupdate

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// This file lets package signing compare two revisions of a file: an object as each revision
// has it, its exact bytes, and which entries of a dictionary changed.

// Object returns object num as the document has it (generation from the cross-reference
// section), or null when the object is not in use or cannot be read.
func (d *Document) Object(num int) Value {
	e, ok := d.doc.entries[num]
	if !ok {
		return Value{d: d.doc}
	}
	r := ref{num: num, gen: e.gen}
	o, err := d.doc.resolve(r)
	if err != nil {
		return Value{d: d.doc, id: r}
	}
	return Value{d: d.doc, o: o, id: r}
}

// ObjectBytes returns the bytes of object num as written: its value and, for a stream, the
// keyword "stream" and the data up to its /Length (at most the rest of the file). It is nil when
// the object is not in use or cannot be read.
func (d *Document) ObjectBytes(num int) []byte {
	e, ok := d.doc.entries[num]
	if !ok {
		return nil
	}
	if e.stream != 0 {
		return d.Object(num).o.raw
	}
	l := &lexer{buf: d.doc.data, pos: e.offset}
	if _, err := l.objHeader(); err != nil {
		return nil
	}
	start := l.pos
	dict, err := l.object(0)
	if err != nil {
		return nil
	}
	end := l.pos
	if string(l.regular()) == "stream" && dict.kind == kindDict {
		if l.peek(0) == '\r' {
			l.pos++
		}
		if l.peek(0) == '\n' {
			l.pos++
		}
		if n, err := d.doc.streamLength(dict, true); err == nil {
			end = min(l.pos+n, len(l.buf))
		}
	}
	return d.doc.data[start:end]
}

// Pages returns the page dictionaries in document order.
func (d *Document) Pages() ([]Value, error) {
	root, _ := d.doc.trailer.get("Root")
	r, _ := root.asRef()
	catalog, err := d.doc.resolveDict(r, "catalog (/Root)")
	if err != nil {
		return nil, fmt.Errorf("pdfupdate: %w", err)
	}
	pages, err := d.doc.pageList(catalog)
	if err != nil {
		return nil, fmt.Errorf("pdfupdate: %w", err)
	}
	out := make([]Value, len(pages))
	for i, p := range pages {
		out[i] = Value{d: d.doc, o: p.dict, id: p.ref}
	}
	return out, nil
}

// Keys returns the keys of the dictionary v, sorted, each once.
func (v Value) Keys() []string {
	keys := map[string]bool{}
	for _, e := range v.o.dict {
		keys[e.key] = true
	}
	return slices.Sorted(maps.Keys(keys))
}

// ChangedKeys returns, sorted, the keys of two dictionaries whose values differ: added,
// removed, or changed. Values are compared as FormatDict writes them, so spacing and the
// spelling of numbers and strings do not count; references are compared as references, not by
// what they point at.
func ChangedKeys(old, new Value) []string {
	var changed []string
	for _, k := range slices.Sorted(maps.Keys(keySet(old, new))) {
		if normal(old, k) != normal(new, k) {
			changed = append(changed, k)
		}
	}
	return changed
}

// keySet returns the keys of both dictionaries.
func keySet(a, b Value) map[string]bool {
	keys := map[string]bool{}
	for _, k := range append(a.Keys(), b.Keys()...) {
		keys[k] = true
	}
	return keys
}

// normal renders the value of key in the dictionary v as FormatDict would; "" when absent.
func normal(v Value, key string) string {
	for i := len(v.o.dict) - 1; i >= 0; i-- {
		if v.o.dict[i].key == key {
			var b strings.Builder
			writeNormal(&b, v.d, v.o.dict[i].val)
			return b.String()
		}
	}
	return ""
}

// Mentions reports whether the value v, or anything it refers to up to depth references away,
// holds one of the names (as a name or as a dictionary key).
func (v Value) Mentions(depth int, names ...string) bool {
	return mentions(v.d, v.o, depth, names, map[ref]bool{})
}

// mentions walks o for Mentions.
func mentions(d *document, o object, depth int, names []string, seen map[ref]bool) bool {
	switch o.kind {
	case kindName:
		return slices.Contains(names, o.name)
	case kindRef:
		r, _ := o.asRef()
		if depth <= 0 || seen[r] {
			return false
		}
		seen[r] = true
		target, err := d.resolve(r)
		return err == nil && mentions(d, target, depth-1, names, seen)
	case kindArray:
		for _, it := range o.items {
			if mentions(d, it, depth, names, seen) {
				return true
			}
		}
	case kindDict:
		for _, e := range o.dict {
			if slices.Contains(names, e.key) || mentions(d, e.val, depth, names, seen) {
				return true
			}
		}
	}
	return false
}

// PageContent returns the content of a page (a value from Pages): its content streams decoded
// and joined by a line break. Only unfiltered and /FlateDecode streams can be read, each up to
// 64 MiB decoded.
func (d *Document) PageContent(page Value) ([]byte, error) {
	contents, _ := page.o.get("Contents")
	if r, ok := contents.asRef(); ok {
		if o, err := d.doc.resolve(r); err == nil && o.kind == kindArray {
			contents = o // an indirect array of streams
		}
	}
	items := []object{contents}
	if contents.kind == kindArray {
		items = contents.items
	}
	var out []byte
	for i, it := range items {
		r, ok := it.asRef()
		if !ok {
			return nil, fmt.Errorf("pdfupdate: page object %d: /Contents is not a stream", page.id.num)
		}
		data, err := d.doc.streamData(r)
		if err != nil {
			return nil, fmt.Errorf("pdfupdate: page object %d: content stream %d: %w", page.id.num, r.num, err)
		}
		if i > 0 {
			out = append(out, '\n')
		}
		out = append(out, data...)
	}
	return out, nil
}

// streamData returns the decoded data of the stream object r, which must not be in an object
// stream.
func (d *document) streamData(r ref) ([]byte, error) {
	e, ok := d.entries[r.num]
	if !ok || e.stream != 0 || e.gen != r.gen {
		return nil, fmt.Errorf("object %d is not a stream in the cross-reference table", r.num)
	}
	l := &lexer{buf: d.data, pos: e.offset}
	if got, err := l.objHeader(); err != nil || got != r {
		return nil, fmt.Errorf("no header of object %d at offset %d", r.num, e.offset)
	}
	_, data, err := d.streamObject(l, true)
	return data, err
}
