package cwo

import (
	"reflect"
	"slices"
	"strings"
)

// PDFText calls fn for every text value that can end up in a PDF (contractor, projects, funders,
// orders, brochures) with its file and position, so callers can check it before rendering.
func (w *Workspace) PDFText(fn func(file string, pos Pos, text string)) {
	at := func(src Source) func([]any, string) {
		return func(path []any, s string) { fn(src.File, src.At(path...), s) }
	}
	if w.Contractor != nil {
		walkText(reflect.ValueOf(w.Contractor).Elem(), nil, at(w.Contractor.Src))
	}
	for _, p := range w.Projects {
		walkText(reflect.ValueOf(p).Elem(), nil, at(p.Src))
	}
	for _, f := range w.Funders {
		walkText(reflect.ValueOf(f).Elem(), nil, at(f.Src))
	}
	for _, o := range w.Orders {
		walkText(reflect.ValueOf(o).Elem(), nil, at(o.Src))
	}
	for _, b := range w.Brochures {
		walkText(reflect.ValueOf(b).Elem(), nil, at(b.Src))
	}
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
		t := v.Type()
		for i := range t.NumField() {
			name := t.Field(i).Tag.Get("yaml")
			if name == "" || name == "-" || !t.Field(i).IsExported() {
				continue
			}
			walkText(v.Field(i), append(path, name), fn)
		}
	}
}
