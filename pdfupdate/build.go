package pdfupdate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// newObject is an object written by the update: either new or a new
// revision of an existing object (same number and generation).
type newObject struct {
	ref  ref
	body string // the object's value, without "obj"/"endobj"
}

// setEntry replaces (or adds) a dictionary key with a pre-rendered value.
type setEntry struct {
	key string // without the slash; must be a plain name
	val string
}

// builder collects the objects of the update and hands out new object
// numbers starting at the document's /Size.
type builder struct {
	doc  *document
	next int
	objs []newObject
}

// add stores body as a new object and returns its reference.
func (b *builder) add(body string) (ref, error) {
	if b.next >= maxObjNum {
		return ref{}, fmt.Errorf("no object numbers left above %d", b.next)
	}
	r := ref{num: b.next}
	b.next++
	b.objs = append(b.objs, newObject{ref: r, body: body})
	return r, nil
}

// buildObjects creates the widgets, rewritten pages (plus annotations moved
// out of them) and the rewritten catalog or AcroForm, in no particular order.
func (d *document) buildObjects(catRef ref, catalog object, pages []pageInfo, fields []Field) ([]newObject, error) {
	b := &builder{doc: d, next: d.size}
	widgets := make([]ref, len(fields))
	for i, f := range fields {
		r, err := b.add(widgetDict(f, pages[f.Page-1].ref))
		if err != nil {
			return nil, err
		}
		widgets[i] = r
	}
	if err := b.rewritePages(pages, fields, widgets); err != nil {
		return nil, err
	}
	formObj, err := d.rewriteForm(catRef, catalog, fields, widgets)
	if err != nil {
		return nil, err
	}
	b.objs = append(b.objs, formObj)
	if err := checkDistinct(b.objs); err != nil {
		return nil, err
	}
	return b.objs, nil
}

// checkDistinct rejects updates that would write one object twice, which
// only happens for malformed input (e.g. a catalog that is also a page).
func checkDistinct(objs []newObject) error {
	seen := make(map[int]bool, len(objs))
	for _, o := range objs {
		if seen[o.ref.num] {
			return fmt.Errorf("object %d would be rewritten twice (malformed catalog or page tree)", o.ref.num)
		}
		seen[o.ref.num] = true
	}
	return nil
}

// widgetDict renders the merged signature field / widget annotation.
func widgetDict(f Field, page ref) string {
	r := roundRect(f.Rect)
	return fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Sig /T (%s) /Rect [%s %s %s %s] /F 4 /P %s >>",
		f.Name, formatNum(r[0]), formatNum(r[1]), formatNum(r[2]), formatNum(r[3]), page)
}

// formatNum renders v with at most three decimals and no exponent.
func formatNum(v float64) string {
	return strconv.FormatFloat(round3(v), 'f', -1, 64)
}

// rewritePages adds a new revision of every page that receives widgets.
func (b *builder) rewritePages(pages []pageInfo, fields []Field, widgets []ref) error {
	byPage := map[int][]ref{}
	for i, f := range fields {
		byPage[f.Page] = append(byPage[f.Page], widgets[i])
	}
	for n, p := range pages {
		refs := byPage[n+1]
		if len(refs) == 0 {
			continue
		}
		annots, err := b.pageAnnots(p.dict, refs)
		if err != nil {
			return fmt.Errorf("page %d (object %d): %w", n+1, p.ref.num, err)
		}
		body := rewriteDict(p.dict, setEntry{key: "Annots", val: annots})
		b.objs = append(b.objs, newObject{ref: p.ref, body: body})
	}
	return nil
}

// pageAnnots renders the page's /Annots array (direct, indirect or absent)
// with refs appended. Annotation dictionaries written inline (as fpdf does
// for links) become new indirect objects, because the PDF specification
// requires /Annots to hold indirect references.
func (b *builder) pageAnnots(page object, refs []ref) (string, error) {
	items, err := b.doc.arrayItems(page, "Annots")
	if err != nil {
		return "", err
	}
	out := make([]string, 0, len(items)+len(refs))
	for _, it := range items {
		if it.kind != kindDict {
			out = append(out, string(it.raw))
			continue
		}
		r, err := b.add(string(it.raw))
		if err != nil {
			return "", err
		}
		out = append(out, r.String())
	}
	for _, r := range refs {
		out = append(out, r.String())
	}
	return "[" + strings.Join(out, " ") + "]", nil
}

// arrayItems returns the elements of the array stored under key in dict,
// directly or via a reference; an absent key gives no elements.
func (d *document) arrayItems(dict object, key string) ([]object, error) {
	v, ok := dict.get(key)
	if !ok {
		return nil, nil
	}
	arr, err := d.resolveValue(v)
	if err != nil {
		return nil, fmt.Errorf("/%s: %w", key, err)
	}
	if arr.kind != kindArray {
		return nil, fmt.Errorf("/%s is not an array", key)
	}
	return arr.items, nil
}

// extendArray renders the array stored under key in dict (directly or via a
// reference; absent means empty) with refs appended.
func (d *document) extendArray(dict object, key string, refs []ref) (string, error) {
	items, err := d.arrayItems(dict, key)
	if err != nil {
		return "", err
	}
	out := make([]string, 0, len(items)+len(refs))
	for _, it := range items {
		out = append(out, string(it.raw))
	}
	for _, r := range refs {
		out = append(out, r.String())
	}
	return "[" + strings.Join(out, " ") + "]", nil
}

// rewriteForm adds the widgets to the AcroForm: a new catalog revision if the
// catalog has no /AcroForm or an inline one, or a new revision of the
// AcroForm object if the catalog refers to it indirectly.
func (d *document) rewriteForm(catRef ref, catalog object, fields []Field, widgets []ref) (newObject, error) {
	v, ok := catalog.get("AcroForm")
	if !ok {
		form := fmt.Sprintf("<< /Fields [%s] /SigFlags 1 >>", joinRefs(widgets))
		return newObject{ref: catRef, body: rewriteDict(catalog, setEntry{key: "AcroForm", val: form})}, nil
	}
	formRef, indirect := v.asRef()
	form, err := d.resolveValue(v)
	if err != nil {
		return newObject{}, fmt.Errorf("catalog /AcroForm: %w", err)
	}
	if form.kind != kindDict {
		return newObject{}, errors.New("catalog /AcroForm is not a dictionary")
	}
	merged, err := d.mergeForm(form, fields, widgets)
	if err != nil {
		return newObject{}, fmt.Errorf("existing /AcroForm: %w", err)
	}
	if indirect {
		return newObject{ref: formRef, body: merged}, nil
	}
	return newObject{ref: catRef, body: rewriteDict(catalog, setEntry{key: "AcroForm", val: merged})}, nil
}

// mergeForm renders an existing AcroForm dictionary with the widgets added
// to /Fields and bit 1 (SignaturesExist) set in /SigFlags.
func (d *document) mergeForm(form object, fields []Field, widgets []ref) (string, error) {
	if err := d.checkNameClashes(form, fields); err != nil {
		return "", err
	}
	list, err := d.extendArray(form, "Fields", widgets)
	if err != nil {
		return "", err
	}
	flags := int64(1)
	if f, ok := form.get("SigFlags"); ok && f.kind == kindInt {
		flags |= f.num
	}
	return rewriteDict(form,
		setEntry{key: "Fields", val: list},
		setEntry{key: "SigFlags", val: strconv.FormatInt(flags, 10)}), nil
}

// checkNameClashes rejects new fields whose names equal an existing
// top-level field's /T. Unreadable existing fields are ignored.
func (d *document) checkNameClashes(form object, fields []Field) error {
	v, ok := form.get("Fields")
	if !ok {
		return nil
	}
	arr, err := d.resolveValue(v)
	if err != nil || arr.kind != kindArray {
		return nil // extendArray reports the problem
	}
	existing := map[string]bool{}
	for _, it := range arr.items {
		f, err := d.resolveValue(it)
		if err != nil || f.kind != kindDict {
			continue
		}
		if t, ok := f.get("T"); ok && t.kind == kindString {
			existing[decodeString(t.raw)] = true
		}
	}
	for _, f := range fields {
		if existing[f.Name] {
			return fmt.Errorf("a field named %q already exists", f.Name)
		}
	}
	return nil
}

// joinRefs renders refs separated by spaces.
func joinRefs(refs []ref) string {
	s := make([]string, len(refs))
	for i, r := range refs {
		s[i] = r.String()
	}
	return strings.Join(s, " ")
}

// rewriteDict renders dict with the given keys set: an existing entry keeps
// its position, duplicates of a set key are dropped, missing keys are
// appended in argument order. Other entries are copied verbatim.
func rewriteDict(dict object, set ...setEntry) string {
	var b strings.Builder
	b.WriteString("<<")
	done := make([]bool, len(set))
	for _, e := range dict.dict {
		i := indexOfKey(set, e.key)
		switch {
		case i < 0:
			writeEntry(&b, string(e.keyRaw), string(e.val.raw))
		case !done[i]:
			writeEntry(&b, "/"+set[i].key, set[i].val)
			done[i] = true
		}
	}
	for i, s := range set {
		if !done[i] {
			writeEntry(&b, "/"+s.key, s.val)
		}
	}
	b.WriteString(" >>")
	return b.String()
}

// indexOfKey returns the index of key in set, or -1.
func indexOfKey(set []setEntry, key string) int {
	for i, s := range set {
		if s.key == key {
			return i
		}
	}
	return -1
}

// writeEntry writes " key value".
func writeEntry(b *strings.Builder, key, val string) {
	b.WriteString(" ")
	b.WriteString(key)
	b.WriteString(" ")
	b.WriteString(val)
}

// writeUpdate returns the bytes to append to the input: the objects, by number, then the
// cross-reference section and trailer (see Update).
func (d *document) writeUpdate(objs []newObject) []byte {
	sortObjects(objs)
	u := d.newUpdate(512*len(objs) + 512)
	for _, o := range objs {
		u.Object(o.ref.num, o.ref.gen, []byte(o.body))
	}
	return u.Finish()
}

// sortObjects orders objects by object number (insertion sort keeps this
// dependency-free and the lists are short).
func sortObjects(objs []newObject) {
	for i := 1; i < len(objs); i++ {
		for j := i; j > 0 && objs[j].ref.num < objs[j-1].ref.num; j-- {
			objs[j], objs[j-1] = objs[j-1], objs[j]
		}
	}
}
