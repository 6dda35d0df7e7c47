package pdfupdate

import (
	"errors"
	"fmt"
)

// pageInfo is one leaf of the page tree.
type pageInfo struct {
	ref      ref
	dict     object      // the page dictionary as written
	mediaBox *[4]float64 // effective MediaBox (normalised, rounded), nil if unknown
}

// pageWalker collects pages in document order.
type pageWalker struct {
	doc     *document
	visited map[ref]bool
	pages   []pageInfo
}

// pageList returns the pages of the document in order.
func (d *document) pageList(catalog object) ([]pageInfo, error) {
	pagesObj, ok := catalog.get("Pages")
	if !ok {
		return nil, errors.New("catalog has no /Pages")
	}
	r, ok := pagesObj.asRef()
	if !ok {
		return nil, errors.New("catalog /Pages is not an indirect reference")
	}
	w := &pageWalker{doc: d, visited: map[ref]bool{}}
	if err := w.walk(r, nil, 0); err != nil {
		return nil, fmt.Errorf("page tree: %w", err)
	}
	if len(w.pages) == 0 {
		return nil, errors.New("page tree has no pages")
	}
	return w.pages, nil
}

// walk visits node r, inheriting box from its ancestors.
func (w *pageWalker) walk(r ref, box *[4]float64, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("page tree deeper than %d levels", maxDepth)
	}
	if w.visited[r] {
		return fmt.Errorf("object %d appears twice in the page tree", r.num)
	}
	w.visited[r] = true
	node, err := w.doc.resolveDict(r, "page tree node")
	if err != nil {
		return err
	}
	if b := w.doc.mediaBox(node); b != nil {
		box = b
	}
	typ, _ := node.get("Type")
	_, hasKids := node.get("Kids")
	switch {
	case typ.isName("Pages") || (!typ.isName("Page") && hasKids):
		return w.walkKids(r, node, box, depth)
	case typ.isName("Page"):
		w.pages = append(w.pages, pageInfo{ref: r, dict: node, mediaBox: box})
		return nil
	}
	return fmt.Errorf("object %d is neither /Type /Pages nor /Type /Page", r.num)
}

// walkKids visits the /Kids of an intermediate node in order.
func (w *pageWalker) walkKids(r ref, node object, box *[4]float64, depth int) error {
	kidsObj, _ := node.get("Kids")
	kids, err := w.doc.resolveValue(kidsObj)
	if err != nil {
		return fmt.Errorf("/Kids of object %d: %w", r.num, err)
	}
	if kids.kind != kindArray {
		return fmt.Errorf("/Kids of object %d is not an array", r.num)
	}
	for _, k := range kids.items {
		kr, ok := k.asRef()
		if !ok {
			return fmt.Errorf("/Kids of object %d contains %q, not a reference", r.num, clip(k.raw))
		}
		if err := w.walk(kr, box, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// mediaBox returns the node's own /MediaBox if it is a readable array of four
// numbers, normalised so that the first corner is the lower-left one.
func (d *document) mediaBox(node object) *[4]float64 {
	v, ok := node.get("MediaBox")
	if !ok {
		return nil
	}
	arr, err := d.resolveValue(v)
	if err != nil || arr.kind != kindArray || len(arr.items) != 4 {
		return nil
	}
	var b [4]float64
	for i, it := range arr.items {
		n, ok := it.number()
		if !ok {
			return nil
		}
		b[i] = round3(n)
	}
	b = [4]float64{min(b[0], b[2]), min(b[1], b[3]), max(b[0], b[2]), max(b[1], b[3])}
	return &b
}
