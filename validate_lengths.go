package cwo

import (
	"reflect"
	"unicode/utf8"
)

// Field length limits, in characters. No real document comes near them; they refuse, with the
// field's position, a broken or hostile file whose one field would otherwise keep a renderer
// busy for minutes or fill hundreds of pages.
const (
	// MaxLineLength bounds a one-line field: a name, title, tagline, label, address line, e-mail.
	MaxLineLength = 300
	// MaxURLLength bounds a link: url, homepage, repository, website.
	MaxURLLength = 2_000
	// MaxTextLength bounds a Markdown field (summary, description, a clause) and a progress
	// note, highlight, risk or next step.
	MaxTextLength = 20_000
)

// fieldLimits gives the limit of the fields that are not one line, by YAML key.
var fieldLimits = map[string]int{
	"url": MaxURLLength, "homepage": MaxURLLength, "repository": MaxURLLength, "website": MaxURLLength,
	"summary": MaxTextLength, "description": MaxTextLength, "clauses": MaxTextLength, "changes": MaxTextLength,
	"highlights": MaxTextLength, "risks": MaxTextLength, "next": MaxTextLength, "note": MaxTextLength,
}

// FieldLimit returns the length limit, in characters, of a text field with the given YAML key
// (the schemas use it, so that an editor shows the limit validation enforces).
func FieldLimit(key string) int {
	if limit, ok := fieldLimits[key]; ok {
		return limit
	}
	return MaxLineLength
}

// fieldLimit returns the length limit of the text at path: that of its last YAML key that is
// not a list index, else MaxLineLength.
func fieldLimit(path []any) int {
	for i := len(path) - 1; i >= 0; i-- {
		if key, ok := path[i].(string); ok {
			return FieldLimit(key)
		}
	}
	return MaxLineLength
}

// lengths reports every text field of every record that is longer than its limit.
func (v *validator) lengths() {
	ws := v.ws
	if ws.Contractor != nil {
		v.recordLengths(ws.Contractor, ws.Contractor.Src)
	}
	for _, p := range ws.Projects {
		v.recordLengths(p, p.Src)
	}
	for _, f := range ws.Funders {
		v.recordLengths(f, f.Src)
	}
	for _, o := range ws.Orders {
		v.recordLengths(o, o.Src)
	}
	for _, b := range ws.Brochures {
		v.recordLengths(b, b.Src)
	}
	for _, p := range ws.Progress {
		v.recordLengths(p, p.Src)
	}
	for _, order := range sortedKeys(ws.PRs) {
		for _, c := range ws.PRs[order] {
			walkText(reflect.ValueOf(c), nil, func(path []any, text string) {
				v.length(c.File, func() Pos { return c.Pos }, path, text)
			})
		}
	}
}

// recordLengths checks the text fields of one record, a pointer to a struct read from src.
func (v *validator) recordLengths(record any, src Source) {
	walkText(reflect.ValueOf(record), nil, func(path []any, text string) {
		v.length(src.File, func() Pos { return src.At(path...) }, path, text)
	})
}

// length reports text at path when it is longer than its limit; at gives its position.
func (v *validator) length(file string, at func() Pos, path []any, text string) {
	limit := fieldLimit(path)
	if len(text) <= limit { // a character is at least one byte
		return
	}
	if n := utf8.RuneCountInString(text); n > limit {
		v.diags.Errorf(file, at(), "%s is %d characters long; at most %d are allowed", joinPath(path), n, limit)
	}
}
