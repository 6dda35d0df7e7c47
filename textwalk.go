package cwo

import (
	"reflect"
	"strconv"
)

// PDFText calls fn for every text value that can end up in a PDF (contractor, projects, funders,
// orders, brochures) with its file and position, so callers can check it before rendering.
func (w *Workspace) PDFText(fn func(file string, pos Pos, text string)) {
	if w.Contractor != nil {
		walkText(reflect.ValueOf(w.Contractor).Elem(), w.Contractor.Src, nil, fn)
	}
	for _, p := range w.Projects {
		walkText(reflect.ValueOf(p).Elem(), p.Src, nil, fn)
	}
	for _, f := range w.Funders {
		walkText(reflect.ValueOf(f).Elem(), f.Src, nil, fn)
	}
	for _, o := range w.Orders {
		walkText(reflect.ValueOf(o).Elem(), o.Src, nil, fn)
	}
	for _, b := range w.Brochures {
		walkText(reflect.ValueOf(b).Elem(), b.Src, nil, fn)
	}
}

// walkText visits the yaml-tagged string fields of v, depth first, in field order.
func walkText(v reflect.Value, src Source, path []any, fn func(string, Pos, string)) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			fn(src.File, src.At(path...), s)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkText(v.Elem(), src, path, fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkText(v.Index(i), src, append(path, strconv.Itoa(i)), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			name := t.Field(i).Tag.Get("yaml")
			if name == "" || name == "-" || !t.Field(i).IsExported() {
				continue
			}
			walkText(v.Field(i), src, append(path, name), fn)
		}
	}
}
