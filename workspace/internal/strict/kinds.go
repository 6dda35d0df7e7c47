package strict

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo"
	"go.yaml.in/yaml/v3"
)

// structValue decodes a mapping into a struct by its yaml tags, rejecting unknown and repeated keys.
func (d *decoder) structValue(n *yaml.Node, v reflect.Value, path []string, depth int) {
	if n.Kind != yaml.MappingNode {
		d.errAt(n, "%s: expected a mapping of keys to values, got %s", fieldName(path), describe(n))
		return
	}
	fields := structFields(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !d.checkKey(k, seen) {
			continue
		}
		idx, ok := fields[k.Value]
		if !ok {
			d.errAt(k, "unknown key %q%s%s", k.Value, inWhat(path), cwo.DidYouMean(k.Value, sortedKeys(fields)))
			continue
		}
		d.value(val, v.Field(idx), append(path, k.Value), depth+1)
	}
}

// checkKey reports whether k is a usable, not yet seen key.
func (d *decoder) checkKey(k *yaml.Node, seen map[string]bool) bool {
	if k.Kind != yaml.ScalarNode {
		d.errAt(k, "a key must be plain text, got %s", describe(k))
		return false
	}
	if seen[k.Value] {
		d.errAt(k, "key %q is repeated", k.Value)
		return false
	}
	seen[k.Value] = true
	return true
}

func (d *decoder) sliceValue(n *yaml.Node, v reflect.Value, path []string, depth int) {
	if n.Kind != yaml.SequenceNode {
		d.errAt(n, "%s: expected a list, got %s", fieldName(path), describe(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.value(item, s.Index(i), append(path, strconv.Itoa(i)), depth+1)
	}
	v.Set(s)
}

func (d *decoder) mapValue(n *yaml.Node, v reflect.Value, path []string, depth int) {
	if n.Kind != yaml.MappingNode {
		d.errAt(n, "%s: expected a mapping, got %s", fieldName(path), describe(n))
		return
	}
	m := reflect.MakeMap(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !d.checkKey(k, seen) {
			continue
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		d.value(val, elem, append(path, k.Value), depth+1)
		d.pos[strings.Join(append(path, k.Value, "<key>"), ".")] = cwo.Pos{Line: k.Line, Col: k.Column}
		m.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), elem)
	}
	v.Set(m)
}

// scalar decodes strings, integers and booleans, each only from its own YAML type.
func (d *decoder) scalar(n *yaml.Node, v reflect.Value, path []string) {
	if n.Kind != yaml.ScalarNode {
		d.errAt(n, "%s: expected %s, got %s", fieldName(path), goKindName(v.Kind()), describe(n))
		return
	}
	tag := n.ShortTag()
	switch v.Kind() {
	case reflect.String:
		if tag != "!!str" {
			d.errAt(n, "%s: expected text, got %s (put it in quotes: \"%s\")", fieldName(path), describe(n), n.Value)
			return
		}
		v.SetString(n.Value)
	case reflect.Int, reflect.Int64:
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if tag != "!!int" || err != nil || i > 1<<31 || i < -(1<<31) {
			d.errAt(n, "%s: expected a whole number, got %s", fieldName(path), describe(n))
			return
		}
		v.SetInt(i)
	case reflect.Bool:
		if tag != "!!bool" {
			d.errAt(n, "%s: expected true or false, got %s", fieldName(path), describe(n))
			return
		}
		v.SetBool(n.Value == "true" || n.Value == "True" || n.Value == "TRUE")
	default:
		d.errAt(n, "%s: cannot decode into %s", fieldName(path), v.Type())
	}
}

// structFields maps yaml keys to field indexes, skipping untagged and "-" fields.
func structFields(t reflect.Type) map[string]int {
	m := map[string]int{}
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("yaml")
		name, _, _ := strings.Cut(tag, ",")
		if name != "" && name != "-" {
			m[name] = i
		}
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func fieldName(path []string) string {
	if len(path) == 0 {
		return "document"
	}
	return strings.Join(path, ".")
}

func inWhat(path []string) string {
	if len(path) == 0 {
		return ""
	}
	return " in " + strings.Join(path, ".")
}

func describe(n *yaml.Node) string { return cwo.DescribeYAML(n) }

func goKindName(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	}
	return k.String()
}
