// Package strict decodes one YAML document into Go values strictly: unknown keys, repeated keys
// and values of the wrong type are errors with their line and column, types are never coerced,
// and size, node count and nesting are bounded so that hostile files cannot exhaust memory or
// time. Values whose type implements yaml.Unmarshaler decode themselves.
package strict

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cwo-tool/cwo"
	"go.yaml.in/yaml/v3"
)

// Limits that keep hostile files from exhausting memory or time.
const (
	MaxBytes = 4 << 20 // a data file larger than this is refused
	maxNodes = 200000  // values visited while decoding, aliases expanded
	maxDepth = 64      // nesting of mappings and sequences
)

// decoder decodes one YAML document into Go values strictly: unknown keys, duplicate keys and
// values of the wrong type are errors with their line and column. It never coerces types.
type decoder struct {
	file  string
	diags cwo.Diagnostics
	pos   map[string]cwo.Pos
	nodes int
}

// Decode decodes data (the contents of file, named in messages) into v, a pointer to a struct,
// and returns where each value was written and every problem found. v holds what could be
// decoded, even when there are problems.
func Decode(file string, data []byte, v any) (cwo.Source, cwo.Diagnostics) {
	d := &decoder{file: file, pos: map[string]cwo.Pos{"": {Line: 1, Col: 1}}}
	root, ok := d.parse(data)
	if ok {
		d.value(root, reflect.ValueOf(v).Elem(), nil, 0)
	}
	return cwo.NewSource(file, d.pos), d.diags
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// parse reads exactly one document and returns its top-level node.
func (d *decoder) parse(data []byte) (*yaml.Node, bool) {
	if len(data) > MaxBytes {
		d.diags.Errorf(d.file, cwo.Pos{}, "file is %d bytes; data files are limited to %d bytes", len(data), MaxBytes)
		return nil, false
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		d.diags.Errorf(d.file, cwo.Pos{Line: invalidUTF8Line(data)}, "file is not valid UTF-8 text")
		return nil, false
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.diags.Errorf(d.file, cwo.Pos{}, "file is empty")
		} else {
			d.syntaxError(err, data)
		}
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		d.diags.Errorf(d.file, cwo.Pos{Line: extra.Line, Col: extra.Column}, "file holds more than one YAML document (remove the '---' separator)")
		return nil, false
	}
	if len(doc.Content) == 0 || doc.Content[0].ShortTag() == "!!null" {
		d.diags.Errorf(d.file, cwo.Pos{}, "file is empty")
		return nil, false
	}
	return doc.Content[0], true
}

// syntaxError turns a yaml.v3 parse error into a positioned diagnostic, explaining the
// mistakes people who edit YAML by hand make most (a tab, a colon in a value).
func (d *decoder) syntaxError(err error, data []byte) {
	msg := err.Error()
	var pos cwo.Pos
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	if hint, at := explainSyntax(msg, data); hint != "" {
		if at.Line > 0 {
			pos = at
		}
		d.diags.Errorf(d.file, pos, "%s", hint)
		return
	}
	d.diags.Errorf(d.file, pos, "YAML syntax: %s", msg)
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

func (d *decoder) errAt(n *yaml.Node, format string, args ...any) {
	d.diags.Errorf(d.file, cwo.Pos{Line: n.Line, Col: n.Column}, format, args...)
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// value decodes n into v, recording the position of n under path.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path []string, depth int) {
	d.nodes++
	if d.nodes > maxNodes || depth > maxDepth {
		if d.nodes == maxNodes+1 || depth == maxDepth+1 {
			d.errAt(n, "document is too large or too deeply nested (aliases expanded)")
		}
		return
	}
	if n.Kind == yaml.AliasNode {
		n = resolveAlias(n)
	}
	d.pos[strings.Join(path, ".")] = cwo.Pos{Line: n.Line, Col: n.Column}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return // an empty value leaves the zero value; required fields are checked later
	}
	if v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		if err := v.Addr().Interface().(yaml.Unmarshaler).UnmarshalYAML(n); err != nil {
			d.errAt(n, "%s: %v", fieldName(path), err)
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		d.value(n, v.Elem(), path, depth)
	case reflect.Struct:
		d.structValue(n, v, path, depth)
	case reflect.Slice:
		d.sliceValue(n, v, path, depth)
	case reflect.Map:
		d.mapValue(n, v, path, depth)
	default:
		d.scalar(n, v, path)
	}
}

// resolveAlias returns a copy of the node an alias points to, positioned where the alias is
// used, so messages point at the use.
func resolveAlias(n *yaml.Node) *yaml.Node {
	target := n
	for i := 0; target.Kind == yaml.AliasNode && target.Alias != nil && i < maxDepth; i++ {
		target = target.Alias
	}
	cp := *target
	cp.Line, cp.Column = n.Line, n.Column
	return &cp
}
