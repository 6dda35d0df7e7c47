package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cwo-tool/cwo"
	"go.yaml.in/yaml/v3"
)

// This file reads cwo.yaml's timesheets: (how to import time trackers' exports) straight from
// the YAML, not through viper: viper would fold the case of the trackers' project names and
// split those with a dot. Its rules are in importcheck.go.

// importKeys are the keys of an item of timesheets:, in the documentation's order.
var importKeys = []string{"files", "preset", "encoding", "delimiter", "decimal", "dates", "columns", "orders", "items"}

// importDecoder collects the problems of decoding timesheets:.
type importDecoder struct {
	diags cwo.Diagnostics
}

// errorf reports a problem at node n of cwo.yaml.
func (d *importDecoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Errorf(FileName, cwo.Pos{Line: n.Line, Col: n.Column}, format, args...)
}

// decodeImports reads the timesheets: list of cwo.yaml's document (a mapping; nil when there
// is no file) and checks it, returning every problem at its line and column.
func decodeImports(doc *yaml.Node) ([]cwo.TimesheetImport, cwo.Diagnostics) {
	d := &importDecoder{}
	list := mappingValue(doc, "timesheets")
	if list == nil || list.ShortTag() == "!!null" {
		return nil, nil
	}
	if list.Kind != yaml.SequenceNode {
		d.errorf(list, "timesheets is a list of imports, each like {files: \"timesheets/toggl-*.csv\", preset: toggl}; got %s", cwo.DescribeYAML(list))
		return nil, d.diags
	}
	var out []cwo.TimesheetImport
	for i, item := range list.Content {
		imp := cwo.TimesheetImport{Index: i, At: cwo.Pos{Line: item.Line, Col: item.Column}}
		if d.item(item, &imp) {
			checkImport(d, item, imp)
		}
		out = append(out, imp)
	}
	return out, d.diags
}

// mappingValue returns the value of the first key of the mapping n that is key without regard
// to case (as viper matches keys), or nil.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if strings.EqualFold(n.Content[i].Value, key) {
			return n.Content[i+1]
		}
	}
	return nil
}

// item decodes one import; false when it is not a mapping.
func (d *importDecoder) item(n *yaml.Node, imp *cwo.TimesheetImport) bool {
	name := imp.Name()
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s: an import is a mapping like {files: \"timesheets/toggl-*.csv\", preset: toggl}; got %s", name, cwo.DescribeYAML(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := strings.ToLower(k.Value)
		if seen[key] {
			d.errorf(k, "%s: %s is set twice", name, key)
			continue
		}
		seen[key] = true
		d.field(name, key, k, v, imp)
	}
	return true
}

// field decodes the value v of one key k of an import.
func (d *importDecoder) field(name, key string, k, v *yaml.Node, imp *cwo.TimesheetImport) {
	at := name + "." + key
	switch key {
	case "files":
		imp.Files = d.strings(at, v)
	case "preset":
		imp.Preset = d.scalar(at, v)
	case "encoding":
		imp.Encoding = strings.ToLower(d.scalar(at, v))
	case "delimiter":
		if imp.Delimiter = d.scalar(at, v); strings.EqualFold(imp.Delimiter, "tab") {
			imp.Delimiter = "\t"
		}
	case "decimal":
		imp.Decimal = d.scalar(at, v)
	case "dates":
		imp.Dates = d.strings(at, v)
	case "columns":
		imp.Columns = d.columns(at, v)
	case "orders":
		imp.Orders = d.names(at, v)
	case "items":
		imp.Items = d.names(at, v)
	default:
		d.errorf(k, "%s: unknown key %q%s; the keys are %s", name, k.Value, cwo.DidYouMean(key, importKeys), strings.Join(importKeys, ", "))
	}
}

// scalar returns the text of a scalar value ("" for null), reporting any other node.
func (d *importDecoder) scalar(at string, v *yaml.Node) string {
	if v.Kind != yaml.ScalarNode {
		d.errorf(v, "%s: expected a value, got %s", at, cwo.DescribeYAML(v))
		return ""
	}
	if v.ShortTag() == "!!null" {
		return ""
	}
	return v.Value
}

// strings returns a scalar as a list of one, or a list of scalars.
func (d *importDecoder) strings(at string, v *yaml.Node) []string {
	if v.Kind != yaml.SequenceNode {
		if s := d.scalar(at, v); s != "" {
			return []string{s}
		}
		return nil
	}
	out := make([]string, 0, len(v.Content))
	for i, item := range v.Content {
		out = append(out, d.scalar(fmt.Sprintf("%s[%d]", at, i), item))
	}
	return out
}

// columns decodes the columns: mapping of fields to one header name or a list of them.
func (d *importDecoder) columns(at string, v *yaml.Node) map[string][]string {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "%s: expected a mapping of cwo's fields (%s) to header names, got %s", at, strings.Join(cwo.ImportColumns, ", "), cwo.DescribeYAML(v))
		return nil
	}
	out := map[string][]string{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k := v.Content[i]
		field := strings.ToLower(k.Value)
		if _, dup := out[field]; dup {
			d.errorf(k, "%s: %s is set twice", at, field)
			continue
		}
		if !slices.Contains(cwo.ImportColumns, field) {
			d.errorf(k, "%s: %q is not one of cwo's fields%s; they are %s", at, k.Value, cwo.DidYouMean(field, cwo.ImportColumns), strings.Join(cwo.ImportColumns, ", "))
			continue
		}
		out[field] = d.strings(at+"."+field, v.Content[i+1])
	}
	return out
}

// names decodes a table of a tracker's names to cwo's (orders:, items:), in cwo.yaml's order.
func (d *importDecoder) names(at string, v *yaml.Node) []cwo.ImportName {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "%s: expected a mapping of the tracker's names to cwo's, like {\"SciPy – Array API support\": CWO-2026-003}; got %s", at, cwo.DescribeYAML(v))
		return nil
	}
	var out []cwo.ImportName // YAML refuses a name twice
	for i := 0; i+1 < len(v.Content); i += 2 {
		k := v.Content[i]
		from := d.scalar(at, k)
		out = append(out, cwo.ImportName{From: from, To: d.scalar(at+"."+from, v.Content[i+1]), At: cwo.Pos{Line: k.Line, Col: k.Column}})
	}
	return out
}
