package cwo

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// TextUse says how a text reaches the PDFs, for the checks that the fonts can draw it.
type TextUse struct {
	// Critical names what the text is in an agreement when the agreement needs it printed as
	// written to bind its parties: a party's name, legal name, address, tax ID and address for
	// notices, a signatory's name and title, the order title and ID (the title block and the
	// signature page), the governing law and the venue. It is "" for all other text (roadmaps,
	// notes, scope, brochures).
	Critical string
	// Bold and Italic report that the text is (also) drawn in that style. Any text may also be
	// drawn in the regular style, in the agreement's body.
	Bold, Italic bool
}

// TextValue is one text value bound for a PDF, as PDFText reports it.
type TextValue struct {
	File string // the file it was read from
	Text string
	Use  TextUse
	src  *Source
	path []any
}

// Pos is where the value is written in File. Finding it costs a lookup, so callers that check
// most text without reporting it ask only for the values they report; call it only while
// PDFText's callback runs.
func (v TextValue) Pos() Pos { return v.src.At(v.path...) }

// PDFText calls fn for every text value that can end up in a PDF (contractor, projects, funders,
// orders, brochures) with its file, its position and how it is used, so callers can check it
// before rendering. fn must not keep the value.
func (w *Workspace) PDFText(fn func(v TextValue)) {
	at := func(src *Source, use func(path []any) TextUse) func([]any, string) {
		return func(path []any, s string) {
			fn(TextValue{File: src.File, Text: s, Use: use(path), src: src, path: path})
		}
	}
	if w.Contractor != nil {
		walkText(reflect.ValueOf(w.Contractor).Elem(), nil, at(&w.Contractor.Src, partyUse))
	}
	for _, p := range w.Projects {
		walkText(reflect.ValueOf(p).Elem(), nil, at(&p.Src, projectUse))
	}
	for _, f := range w.Funders {
		walkText(reflect.ValueOf(f).Elem(), nil, at(&f.Src, partyUse))
	}
	for _, o := range w.Orders {
		walkText(reflect.ValueOf(o).Elem(), nil, at(&o.Src, orderUse))
	}
	for _, b := range w.Brochures {
		walkText(reflect.ValueOf(b).Elem(), nil, at(&b.Src, brochureUse))
	}
}

// pathKey returns the YAML key at path[i], or "" when path is shorter or has an index there.
func pathKey(path []any, i int) string {
	if i >= len(path) {
		return ""
	}
	s, _ := path[i].(string)
	return s
}

// partyUse is the use of a contractor's or a funder's text: the names, address and tax ID the
// agreement's title block, parties clause and signature page print, the signatory named under
// each signature line, the address for notices, and the governing law and venue.
func partyUse(path []any) TextUse {
	switch pathKey(path, 0) {
	case "name": // the contractor's, at the head of the agreement
		return TextUse{Critical: "a party's name", Bold: true}
	case "legal_name":
		return TextUse{Critical: "a party's legal name", Bold: true}
	case "address":
		return TextUse{Critical: "a party's address"}
	case "tax_id":
		return TextUse{Critical: "a party's tax ID"}
	case "notices":
		return TextUse{Critical: "a party's address for notices"}
	case "governing_law", "venue":
		return termsUse(path)
	case "signatory":
		switch pathKey(path, 1) {
		case "name":
			return TextUse{Critical: "a signatory's name"}
		case "title":
			return TextUse{Critical: "a signatory's title"}
		}
	}
	return TextUse{}
}

// orderUse is the use of an order's text: its title and ID head the agreement (the ID is on the
// signature page too); its scope titles are headings.
func orderUse(path []any) TextUse {
	switch pathKey(path, 0) {
	case "title":
		return TextUse{Critical: "the order title", Bold: true}
	case "id":
		return TextUse{Critical: "the order ID", Bold: true}
	case "scope":
		return TextUse{Bold: pathKey(path, 2) == "title"}
	case "governing_law", "venue":
		return termsUse(path)
	}
	return TextUse{}
}

// termsUse is the use of a governing law or a venue, which the agreement states as written.
func termsUse(path []any) TextUse {
	if pathKey(path, 0) == "venue" {
		return TextUse{Critical: "the venue"}
	}
	return TextUse{Critical: "the governing law"}
}

// projectUse is the use of a project's text: its name and roadmap item titles are headings,
// its tagline is in italic.
func projectUse(path []any) TextUse {
	switch pathKey(path, 0) {
	case "name":
		return TextUse{Bold: true}
	case "tagline":
		return TextUse{Italic: true}
	case "roadmap":
		return TextUse{Bold: pathKey(path, 1) == "items" && pathKey(path, 3) == "title"}
	}
	return TextUse{}
}

// brochureUse is the use of a brochure's text: its title is on the cover.
func brochureUse(path []any) TextUse {
	return TextUse{Bold: pathKey(path, 0) == "title"}
}

// walkText calls fn for each non-empty yaml-tagged string field of v, depth first, in field
// order (map entries in key order), with its path of YAML keys and list indexes. fn must not
// keep path.
func walkText(v reflect.Value, path []any, fn func(path []any, text string)) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			fn(path, s)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkText(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkText(v.Index(i), append(path, i), fn)
		}
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			walkText(v.MapIndex(k), append(path, k.String()), fn)
		}
	case reflect.Struct:
		for _, f := range textFields(v.Type()) {
			walkText(v.Field(f.index), append(path, f.key), fn)
		}
	}
}

// textField is a struct field walkText visits: its index and its YAML key, made an interface
// value once rather than on every visit.
type textField struct {
	index int
	key   any
}

// textFieldCache holds textFields' answer by struct type.
var textFieldCache sync.Map // reflect.Type → []textField

// textFields returns the exported yaml-tagged fields of struct type t that can hold text, in
// order: a Date, an amount or a number holds none, and walkText need not look inside.
func textFields(t reflect.Type) []textField {
	if fs, ok := textFieldCache.Load(t); ok {
		return fs.([]textField)
	}
	var fs []textField
	for i := range t.NumField() {
		f := t.Field(i)
		name := f.Tag.Get("yaml")
		if name == "" || name == "-" || !f.IsExported() || !holdsText(f.Type, nil) {
			continue
		}
		fs = append(fs, textField{index: i, key: name})
	}
	textFieldCache.Store(t, fs)
	return fs
}

// holdsText reports whether a value of type t can hold a string walkText visits; seen guards
// against recursive types.
func holdsText(t reflect.Type, seen []reflect.Type) bool {
	switch t.Kind() {
	case reflect.String:
		return true
	case reflect.Pointer, reflect.Slice:
		return holdsText(t.Elem(), seen)
	case reflect.Map:
		return t.Key().Kind() == reflect.String && holdsText(t.Elem(), seen)
	case reflect.Struct:
		if slices.Contains(seen, t) {
			return false // the first visit answers
		}
		seen = append(seen, t)
		for i := range t.NumField() {
			f := t.Field(i)
			if name := f.Tag.Get("yaml"); name != "" && name != "-" && f.IsExported() && holdsText(f.Type, seen) {
				return true
			}
		}
	}
	return false
}
