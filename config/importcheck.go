package config

import (
	"path"
	"slices"
	"strings"

	"github.com/cwo-tool/cwo"
	"go.yaml.in/yaml/v3"
)

// checkImport checks the values of one decoded import, n being its node in cwo.yaml. Whether
// the orders it names exist is the loader's to say (it reads the orders).
func checkImport(d *importDecoder, n *yaml.Node, imp cwo.TimesheetImport) {
	name := imp.Name()
	at := func(key string) *yaml.Node {
		if v := mappingValue(n, key); v != nil {
			return v
		}
		return n
	}
	d.files(name, at("files"), imp.Files)
	preset, ok := cwo.Preset(imp.Preset)
	if !ok {
		d.errorf(at("preset"), "%s.preset: %q is not a preset%s; the presets are %s", name, imp.Preset,
			cwo.DidYouMean(imp.Preset, cwo.PresetNames()), strings.Join(cwo.PresetNames(), ", "))
	}
	if imp.Encoding != "" && !slices.Contains(cwo.Encodings, imp.Encoding) {
		hint := cwo.DidYouMean(imp.Encoding, cwo.Encodings)
		if hint == "" && strings.ContainsAny(imp.Encoding, "1l") && !strings.Contains(imp.Encoding, "utf") {
			hint = " (Excel's \"ANSI\" text on a Western Windows, Latin-1 included, is windows-1252)"
		}
		d.errorf(at("encoding"), "%s.encoding: %q is not one of %s%s", name, imp.Encoding, strings.Join(cwo.Encodings, ", "), hint)
	}
	if imp.Delimiter != "" && !slices.Contains(cwo.Delimiters, imp.Delimiter) {
		d.errorf(at("delimiter"), "%s.delimiter: %q is not one of \",\", \";\", \"\\t\" (a tab), \"|\" or \"auto\"", name, imp.Delimiter)
	}
	if imp.Decimal != "" && imp.Decimal != "." && imp.Decimal != "," {
		d.errorf(at("decimal"), "%s.decimal: %q is not \".\" or \",\" (the decimal comma of 3,5 hours)", name, imp.Decimal)
	}
	for _, f := range imp.Dates {
		if _, err := cwo.ParseDateFormat(f); err != nil {
			d.errorf(at("dates"), "%s.dates: %v", name, err)
		}
	}
	d.tables(name, n, imp)
	if ok {
		d.required(name, at("columns"), imp, preset)
	}
}

// files checks the patterns of files: each names files in timesheets/, in path.Match syntax.
func (d *importDecoder) files(name string, n *yaml.Node, files []string) {
	if len(files) == 0 {
		d.errorf(n, "%s.files is required: the timesheet files it reads, like \"timesheets/toggl-*.csv\"", name)
	}
	for i, f := range files {
		at := n
		if n.Kind == yaml.SequenceNode && i < len(n.Content) {
			at = n.Content[i]
		}
		dir, base := path.Split(f)
		if _, err := path.Match(f, ""); err != nil {
			d.errorf(at, "%s.files: %q is not a pattern: %v", name, f, err)
		} else if dir != "timesheets/" || base == "" {
			d.errorf(at, "%s.files: %q must name files in timesheets/, like \"timesheets/%s\"", name, f, orDefault(base, "toggl-*.csv"))
		}
	}
}

// tables checks the values of orders: (order IDs, or "" to skip) and items: (scope keys, or "").
func (d *importDecoder) tables(name string, n *yaml.Node, imp cwo.TimesheetImport) {
	for _, t := range []struct {
		key   string
		names []cwo.ImportName
		what  string
	}{{"orders", imp.Orders, "an order ID"}, {"items", imp.Items, "a scope key"}} {
		for _, m := range t.names {
			if m.To != "" && !cwo.ValidID(m.To) {
				d.diags.Errorf(FileName, m.At, "%s.%s: %q maps to %q, which is not %s (letters, digits, '.', '_', '-'), nor \"\" to %s",
					name, t.key, m.From, m.To, t.what, map[string]string{"orders": "skip its rows", "items": "give its rows no item"}[t.key])
			}
		}
	}
}

// required checks that the columns, the preset's with cwo.yaml's over them, name where the
// date, the order, the person and the hours (or the start and end) are.
func (d *importDecoder) required(name string, n *yaml.Node, imp cwo.TimesheetImport, p cwo.TimesheetPreset) {
	has := func(field string) bool {
		cols, ok := imp.Columns[field]
		if !ok {
			cols = p.Columns[field]
		}
		return len(cols) > 0 && cols[0] != ""
	}
	for _, field := range []string{"order", "person"} {
		if !has(field) {
			d.errorf(n, "%s.columns.%s is required: the header name of the %s's column", name, field, field)
		}
	}
	if !has("date") && !has("start") {
		d.errorf(n, "%s.columns: set date (or start): the header name of the date's column", name)
	}
	if !has("hours") && !(has("start") && has("end")) {
		d.errorf(n, "%s.columns: set hours (a duration column), or start and end", name)
	}
}

func orDefault(s, def string) string {
	if s == "" || strings.ContainsAny(s, "/") {
		return def
	}
	return s
}
