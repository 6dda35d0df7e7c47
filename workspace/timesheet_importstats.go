package workspace

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo"
)

// importStats counts the rows of one file that an import skipped, or could not give an item,
// so that each kind is reported once instead of once a row.
type importStats struct {
	unmapped valueRows // order values orders: does not map
	noItem   valueRows // item values items: does not map
	notID    valueRows // order values that are not order IDs, without orders:
	zero     lineList  // entries of zero length
	running  lineList  // entries without an end yet
	lost     lineList  // people named with "??", where Excel wrote what Windows-1252 lacks
}

// maxValues bounds the distinct values a valueRows keeps, so a hostile file cannot make it grow.
const maxValues = 1000

// valueRows counts rows by value, with the first line of each.
type valueRows struct {
	rows  int
	byVal map[string]*lineList
}

func (v *valueRows) add(val string, line int) {
	v.rows++
	if v.byVal == nil {
		v.byVal = map[string]*lineList{}
	}
	l := v.byVal[val]
	if l == nil {
		if len(v.byVal) >= maxValues {
			return
		}
		l = &lineList{}
		v.byVal[val] = l
	}
	l.add(line)
}

// sorted returns the values, most rows first, then in order.
func (v *valueRows) sorted() []string {
	vals := slices.Collect(maps.Keys(v.byVal))
	slices.SortFunc(vals, func(a, b string) int {
		return cmp.Or(cmp.Compare(v.byVal[b].n, v.byVal[a].n), strings.Compare(a, b))
	})
	return vals
}

// maxLines is how many lines a message lists.
const maxLines = 5

// lineList counts rows and keeps the first lines.
type lineList struct {
	n     int
	lines []int
}

func (l *lineList) add(line int) {
	l.n++
	if len(l.lines) < maxLines {
		l.lines = append(l.lines, line)
	}
}

// String lists the lines: "lines 4, 9 and 12", "lines 4, 9, 12, 20, 31 and 7 more".
func (l *lineList) String() string {
	s := make([]string, len(l.lines))
	for i, n := range l.lines {
		s[i] = strconv.Itoa(n)
	}
	switch {
	case l.n == 1:
		return "line " + s[0]
	case l.n > len(s):
		return fmt.Sprintf("lines %s and %d more", strings.Join(s, ", "), l.n-len(s))
	}
	return "lines " + strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// report adds one message for each kind of skipped row, and one error for each item value
// that items: does not map.
func (st *importStats) report(f *importFile, file string, diags *cwo.Diagnostics) {
	r := f.rule
	if st.unmapped.rows > 0 {
		var parts []string
		for i, v := range st.unmapped.sorted() {
			if i == maxLines {
				parts = append(parts, fmt.Sprintf("%d more", len(st.unmapped.byVal)-i))
				break
			}
			parts = append(parts, fmt.Sprintf("%q (%s)", v, rows(st.unmapped.byVal[v].n)))
		}
		diags.Warnf(file, cwo.Pos{}, "skipped %s whose %s is not in cwo.yaml %s.orders: %s; map each to an order ID, or to \"\" to skip it without this warning",
			rows(st.unmapped.rows), f.columnName(fOrder), r.name, strings.Join(parts, ", "))
	}
	if st.zero.n > 0 {
		diags.Warnf(file, cwo.Pos{Line: st.zero.lines[0]}, "skipped %s of zero length (%s)", entries(st.zero.n), st.zero.String())
	}
	if st.running.n > 0 {
		diags.Warnf(file, cwo.Pos{Line: st.running.lines[0]}, "skipped %s still running, with no end (%s): stop the timer and export again to count it",
			entries(st.running.n), st.running.String())
	}
	if st.lost.n > 0 {
		diags.Warnf(file, cwo.Pos{Line: st.lost.lines[0]}, "question marks in the person's name (%s): Excel writes \"?\" for each letter that "+
			"Windows-1252 cannot hold (Greek, Cyrillic, Polish, Chinese ...); save the file as \"CSV UTF-8\" and remove encoding: from cwo.yaml %s", st.lost.String(), r.name)
	}
	for _, v := range st.notID.sorted() {
		diags.Errorf(file, cwo.Pos{Line: st.notID.byVal[v].lines[0]}, "column %s: %q is not an order ID (%s); map the tracker's names to orders in cwo.yaml %s.orders",
			f.columnName(fOrder), v, st.notID.byVal[v].String(), r.name)
	}
	keys := slices.Sorted(maps.Keys(r.items))
	for _, v := range st.noItem.sorted() {
		l := st.noItem.byVal[v]
		diags.Errorf(file, cwo.Pos{Line: l.lines[0]}, "column %s: %q is not in cwo.yaml %s.items%s (%s); map it to a scope key, or to \"\" for time without an item",
			f.columnName(fItem), v, r.name, cwo.DidYouMean(v, keys), l.String())
	}
}

func rows(n int) string {
	if n == 1 {
		return "1 row"
	}
	return strconv.Itoa(n) + " rows"
}

func entries(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return strconv.Itoa(n) + " entries"
}
