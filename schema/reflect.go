package schema

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/cwo-tool/cwo"
)

// Patterns shared by the schemas. The ID and decimal patterns are built from the root package's
// rules, so the schemas accept what the loader and validation accept.
const (
	// DatePattern is the only accepted spelling of a date.
	DatePattern = `^\d{4}-\d{2}-\d{2}$`
	// DecimalPattern is an amount or a number of hours written as a string (as a YAML number,
	// it must be more than zero): cwo.DecimalDigits, without a sign, with the space
	// ParseDecimal trims.
	DecimalPattern = `^\s*` + cwo.DecimalDigits + `\s*$`
	// CurrencyPattern is an ISO 4217 code in capitals.
	CurrencyPattern = `^[A-Z]{3}$`
)

// IDPattern is what every record, roadmap item and scope ID must match (cwo.IDPattern); IDs are
// also at most cwo.MaxIDLength long.
var IDPattern = cwo.IDPattern.String()

// obj is a JSON object under construction.
type obj = map[string]any

// rules add keywords to the schema at a path: keys joined with dots, "*" for any list item or
// map value, "" for the document. A rule's keywords replace those the type produced.
type rules map[string]obj

var (
	dateType     = reflect.TypeFor[cwo.Date]()
	decimalType  = reflect.TypeFor[cwo.Decimal]()
	currencyType = reflect.TypeFor[cwo.Currency]()
	fontsType    = reflect.TypeFor[fontFiles]()
	textListType = reflect.TypeFor[textList]()
)

// generator builds one schema, recording which rules it used and what went wrong.
type generator struct {
	rules   rules
	used    map[string]bool
	errs    []error
	lengths bool // text gets the maxLength that validation enforces (data files, not cwo.yaml)
}

// schemaFor returns the schema of type t found at path p, with p's rule applied.
func (g *generator) schemaFor(t reflect.Type, p string) obj {
	s := g.base(t, p)
	if r, ok := g.rules[p]; ok {
		g.used[p] = true
		for k, v := range r {
			s[k] = v
		}
		g.checkRequired(s, p)
	}
	return s
}

// base returns the schema that type t implies by itself.
func (g *generator) base(t reflect.Type, p string) obj {
	switch t {
	case dateType:
		return obj{"type": "string", "pattern": DatePattern, "description": "a date, YYYY-MM-DD"}
	case decimalType:
		return obj{"type": []string{"number", "string"}, "pattern": DecimalPattern, "exclusiveMinimum": 0,
			"description": "a number more than zero, such as 150000 or \"12500.50\"; no exponents"}
	case currencyType:
		return obj{"type": "string", "pattern": CurrencyPattern, "description": "an ISO 4217 currency code such as USD or EUR"}
	case fontsType: // config takes one file or a list (viper decodes either into a list)
		file := obj{"type": "string", "minLength": 1}
		return obj{"type": []string{"string", "array"}, "minLength": 1, "items": file}
	case textListType: // config/timesheets.go takes one text or a list
		return obj{"type": []string{"string", "array"}, "items": obj{"type": "string"}}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.base(t.Elem(), p)
	case reflect.Struct:
		return g.object(t, p)
	case reflect.Slice:
		return obj{"type": "array", "items": g.schemaFor(t.Elem(), join(p, "*"))}
	case reflect.Map:
		return obj{"type": "object", "additionalProperties": g.schemaFor(t.Elem(), join(p, "*"))}
	case reflect.String:
		if g.lengths {
			return obj{"type": "string", "maxLength": cwo.FieldLimit(lastKey(p))}
		}
		return obj{"type": "string"}
	case reflect.Int, reflect.Int64:
		return obj{"type": "integer"}
	case reflect.Bool:
		return obj{"type": "boolean"}
	}
	g.errs = append(g.errs, fmt.Errorf("%s: no JSON Schema type for Go type %s", name(p), t))
	return obj{}
}

// object returns a closed object with one property per tagged field.
func (g *generator) object(t reflect.Type, p string) obj {
	props := obj{}
	for i := range t.NumField() {
		if key := keyOf(t.Field(i)); key != "" {
			props[key] = g.schemaFor(t.Field(i).Type, join(p, key))
		}
	}
	return obj{"type": "object", "properties": props, "additionalProperties": false}
}

// keyOf returns the YAML key of a struct field: its yaml tag, else its mapstructure tag (cwo.yaml);
// "" for fields that are not decoded.
func keyOf(f reflect.StructField) string {
	tag, ok := f.Tag.Lookup("yaml")
	if !ok {
		tag = f.Tag.Get("mapstructure")
	}
	key, _, _ := strings.Cut(tag, ",")
	if key == "-" || !f.IsExported() {
		return ""
	}
	return key
}

// checkRequired reports required keys that the object at p does not have.
func (g *generator) checkRequired(s obj, p string) {
	req, _ := s["required"].([]string)
	props, _ := s["properties"].(obj)
	for _, k := range req {
		if _, ok := props[k]; !ok {
			g.errs = append(g.errs, fmt.Errorf("%s: required key %q is not a field", name(p), k))
		}
	}
}

// unused reports rules whose path the type does not have, and any other error.
func (g *generator) unused() error {
	var stale []string
	for p := range g.rules {
		if !g.used[p] {
			stale = append(stale, name(p))
		}
	}
	sort.Strings(stale)
	errs := slices.Clone(g.errs)
	if len(stale) > 0 {
		errs = append(errs, fmt.Errorf("rules for keys that do not exist: %s", strings.Join(stale, ", ")))
	}
	return errors.Join(errs...)
}

// lastKey is the last key of path p that is not "*" (a list item or map value).
func lastKey(p string) string {
	keys := strings.Split(p, ".")
	for i := len(keys) - 1; i >= 0; i-- {
		if keys[i] != "*" {
			return keys[i]
		}
	}
	return ""
}

func join(p, key string) string {
	if p == "" {
		return key
	}
	return p + "." + key
}

func name(p string) string {
	if p == "" {
		return "document"
	}
	return p
}
