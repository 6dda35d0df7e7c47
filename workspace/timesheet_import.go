package workspace

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/cwo-tool/cwo"
)

// The fields an import reads, in the order of cwo.ImportColumns.
const (
	fDate = iota
	fOrder
	fPerson
	fItem
	fHours
	fNote
	fStart
	fEnd
	numFields
)

// importRule is one import of cwo.yaml's timesheets:, with its preset applied and its tables
// made maps: what reading a file it matches needs. config checked its values.
type importRule struct {
	name      string // "timesheets[0]", for messages
	preset    string // the preset's name
	encoding  string // as declared; "" when not
	delimiter rune   // 0: detect it from the header
	comma     bool   // hours have a decimal comma
	dates     []cwo.DateFormat
	columns   [numFields]importColumn
	orders    map[string]string // the order column's values → order IDs ("" skips); nil: the values are IDs
	noOrder   map[string]bool   // values whose order ID names no order file (reported once, at cwo.yaml)
	items     map[string]string // the item column's values → scope keys ("" for none); nil: the values are keys
}

// importColumn is where a file has one of cwo's fields: header names (joined with spaces when
// several). named is true when cwo.yaml names them, so that a file without them is an error
// even when the field is optional.
type importColumn struct {
	headers []string
	named   bool
}

// compileImport makes the rule of one import. orders lists the order IDs that have a file in
// orders/; a table entry naming another is reported at its line of cwo.yaml.
func compileImport(imp cwo.TimesheetImport, orders []string, diags *cwo.Diagnostics) *importRule {
	p, _ := cwo.Preset(imp.Preset)
	r := &importRule{name: imp.Name(), preset: p.Name, encoding: imp.Encoding, comma: p.Decimal == ","}
	delim := cmp.Or(imp.Delimiter, p.Delimiter)
	if delim != "" && delim != "auto" {
		r.delimiter = rune(delim[0])
	}
	if imp.Decimal != "" {
		r.comma = imp.Decimal == ","
	}
	dates := imp.Dates
	if len(dates) == 0 {
		dates = p.Dates
	}
	for _, text := range dates {
		if f, err := cwo.ParseDateFormat(text); err == nil {
			r.dates = append(r.dates, f)
		}
	}
	for i, field := range cwo.ImportColumns {
		if h, ok := imp.Columns[field]; ok {
			r.columns[i] = importColumn{headers: slices.DeleteFunc(slices.Clone(h), func(s string) bool { return s == "" }), named: true}
		} else {
			r.columns[i] = importColumn{headers: p.Columns[field]}
		}
	}
	r.orders = table(imp.Orders)
	r.items = table(imp.Items)
	for _, m := range imp.Orders {
		if m.To != "" && !slices.Contains(orders, m.To) {
			if r.noOrder == nil {
				r.noOrder = map[string]bool{}
			}
			r.noOrder[m.From] = true
			diags.Errorf(configFile, m.At, "%s.orders: %q maps to order %q, which is not defined (there is no orders/%s.yaml)%s",
				r.name, m.From, m.To, m.To, cwo.DidYouMean(m.To, orders))
		}
	}
	return r
}

// configFile is the settings file, as messages name it.
const configFile = "cwo.yaml"

// table returns the names of a table as a map; nil when there are none.
func table(names []cwo.ImportName) map[string]string {
	if len(names) == 0 {
		return nil
	}
	m := make(map[string]string, len(names))
	for _, n := range names {
		m[n.From] = n.To
	}
	return m
}

// importFile is how one file is read by an import: the positions of each field's columns.
type importFile struct {
	rule   *importRule
	cols   [numFields][]int // nil when the file has no such column
	cp1252 bool             // the file is in Windows-1252, which cannot hold most of the world's names
}

// header finds the columns of the rule's fields in a file's header row.
func (r *importRule) header(header []string, file string, diags *cwo.Diagnostics) (*importFile, bool) {
	if len(header) > maxTimesheetColumns {
		diags.Errorf(file, cwo.Pos{Line: 1}, "header has %d columns; at most %d are read", len(header), maxTimesheetColumns)
		return nil, false
	}
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
	}
	f := &importFile{rule: r}
	ok := true
	for field, c := range r.columns {
		var at []int
		for _, h := range c.headers {
			i := columnOf(names, h)
			if i < 0 {
				if c.named || r.needs(field) {
					diags.Errorf(file, cwo.Pos{Line: 1}, "header has no %q column, which %s reads the %s from%s (the columns are %s)",
						h, r.source(c), cwo.ImportColumns[field], cwo.DidYouMean(h, names), quoteList(names))
					ok = false
				}
				at = nil
				break
			}
			at = append(at, i)
		}
		f.cols[field] = at
	}
	return f, ok && r.complete(f, file, diags)
}

// columnOf returns the position of the column name in a header's names: the first that is
// name, else the first that is name in another letter case (a tracker's next version may
// capitalize its headers differently); -1 when there is none.
func columnOf(names []string, name string) int {
	if i := slices.Index(names, name); i >= 0 {
		return i
	}
	return slices.IndexFunc(names, func(n string) bool { return strings.EqualFold(n, name) })
}

// needs reports whether a file must have the field's columns: the order and the person
// always, the item when items: maps it, the date unless a start gives it, the hours unless a
// start and an end do.
func (r *importRule) needs(field int) bool {
	has := func(f int) bool { return len(r.columns[f].headers) > 0 }
	switch field {
	case fOrder, fPerson:
		return true
	case fItem:
		return r.items != nil
	case fDate:
		return !has(fStart)
	case fHours:
		return !has(fStart) || !has(fEnd)
	}
	return false
}

// complete reports a file that lacks what entries need when optional columns are missing.
func (r *importRule) complete(f *importFile, file string, diags *cwo.Diagnostics) bool {
	if f.cols[fHours] == nil && (f.cols[fStart] == nil || f.cols[fEnd] == nil) {
		diags.Errorf(file, cwo.Pos{Line: 1}, "header has no column for the hours: %s needs hours, or start and end, in columns:", r.name)
		return false
	}
	if f.cols[fDate] == nil && f.cols[fStart] == nil {
		diags.Errorf(file, cwo.Pos{Line: 1}, "header has no column for the date: %s needs date, or start, in columns:", r.name)
		return false
	}
	return true
}

// source says where a column name came from, for messages.
func (r *importRule) source(c importColumn) string {
	if c.named {
		return "cwo.yaml " + r.name
	}
	return fmt.Sprintf("%s (preset %s)", r.name, r.preset)
}

// quoteList quotes each name and joins them with commas.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// value returns the trimmed text of a field, its columns' texts joined with a space (empty ones
// left out); "" when the file has no such column.
func (f *importFile) value(rec []string, fieldNo int) string {
	cols := f.cols[fieldNo]
	if len(cols) == 1 {
		return field(rec, cols[0])
	}
	var parts []string
	for _, i := range cols {
		if v := field(rec, i); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " ")
}

// detectDelimiter returns the field separator the header row at the start of text most likely
// uses: of ",", ";", tab and "|", the one that occurs most outside quotes in its first line (a
// comma when none does).
func detectDelimiter(text []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, b := range text {
		if b == '"' {
			quoted = !quoted
		} else if b == '\n' && !quoted {
			break
		} else if !quoted && (b == ',' || b == ';' || b == '\t' || b == '|') {
			counts[rune(b)]++
		}
	}
	best := ','
	for _, d := range []rune{';', '\t', '|'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}
