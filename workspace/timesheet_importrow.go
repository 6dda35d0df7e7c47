package workspace

import (
	"fmt"
	"strings"
	"time"

	"github.com/cwo-tool/cwo"
)

// rowResult is what became of one row of an import.
type rowResult uint8

const (
	rowGood    rowResult = iota
	rowBad               // a field is wrong; reported
	rowSkipped           // not an entry of cwo's (unmapped, zero length, running); counted
)

// entry turns one row of an imported file into a time entry. A row whose order value orders:
// does not map, of zero length or still running is skipped and counted in st; a row with a bad
// field is reported in diags (or, for an item items: does not map, counted in st).
func (f *importFile) entry(rec []string, file string, line int, st *importStats, diags *cwo.Diagnostics) (cwo.TimeEntry, rowResult) {
	r := f.rule
	e := cwo.TimeEntry{Person: f.value(rec, fPerson), Note: f.value(rec, fNote), File: file, Line: line}
	var res rowResult
	if e.Order, res = f.order(rec, line, st); res != rowGood {
		return e, res
	}
	if f.cols[fEnd] != nil && f.value(rec, fEnd) == "" {
		st.running.add(line)
		return e, rowSkipped
	}
	ok := true
	var start time.Time
	if f.cols[fDate] != nil {
		var err error
		if e.Date, err = r.date(f.value(rec, fDate)); err != nil {
			f.fieldError(diags, file, line, fDate, err)
			ok = false
		}
	}
	if f.cols[fStart] != nil {
		var err error
		if start, _, err = r.moment(f.value(rec, fStart), e.Date); err != nil {
			f.fieldError(diags, file, line, fStart, err)
			ok = false
		} else if e.Date.IsZero() {
			e.Date = cwo.NewDate(start.Year(), start.Month(), start.Day())
		}
	}
	if h, err := f.hours(rec, start); err != nil {
		f.fieldError(diags, file, line, f.hoursField(), err)
		ok = false
	} else if ok && h.IsZero() {
		st.zero.add(line)
		return e, rowSkipped
	} else {
		e.Hours = h
	}
	var itemOK bool
	if e.Item, itemOK = f.item(rec, line, st, diags, file); !itemOK || !ok {
		return e, rowBad
	}
	if f.cp1252 && strings.Contains(e.Person, "??") {
		st.lost.add(line)
	}
	return e, rowGood
}

// order returns the order of a row. The row is skipped when its value is not in orders:
// (counted in st), or orders: maps it to "" or to an order that is not defined (reported once,
// at cwo.yaml). Without orders:, a value that cannot be an order ID (a tracker's project name)
// makes the row bad, counted in st to be reported once.
func (f *importFile) order(rec []string, line int, st *importStats) (string, rowResult) {
	v := f.value(rec, fOrder)
	if f.rule.orders == nil {
		if v != "" && !cwo.ValidID(v) {
			st.notID.add(v, line)
			return v, rowBad
		}
		return v, rowGood
	}
	to, ok := f.rule.orders[v]
	switch {
	case !ok:
		st.unmapped.add(v, line)
		return "", rowSkipped
	case to == "" || f.rule.noOrder[v]:
		return "", rowSkipped
	}
	return to, rowGood
}

// item returns the scope key of a row: its item value, through items: when it maps them. A
// value that is not in items: may be a list of tags ("array-api, billable"): then the one tag
// that items: maps gives the key. false when no key can be found (the row is counted in st,
// to be reported once per value) or the tags give two.
func (f *importFile) item(rec []string, line int, st *importStats, diags *cwo.Diagnostics, file string) (string, bool) {
	v := f.value(rec, fItem)
	items := f.rule.items
	if items == nil || v == "" {
		return v, true
	}
	if to, ok := items[v]; ok {
		return to, true
	}
	found, key := 0, ""
	for _, tag := range strings.Split(v, ",") {
		if to, ok := items[strings.TrimSpace(tag)]; ok && (found == 0 || to != key) {
			found, key = found+1, to
		}
	}
	switch found {
	case 0:
		st.noItem.add(v, line)
		return "", false
	case 1:
		return key, true
	}
	diags.Errorf(file, cwo.Pos{Line: line}, "column %s: the tags %q map to more than one scope key in cwo.yaml %s.items; keep one of them on the entry",
		f.columnName(fItem), v, f.rule.name)
	return "", false
}

// hours returns the hours of a row: its duration column's, else from its start to its end.
func (f *importFile) hours(rec []string, start time.Time) (cwo.Hours, error) {
	r := f.rule
	if f.cols[fHours] != nil {
		return r.hours(f.value(rec, fHours))
	}
	if start.IsZero() {
		return cwo.Hours{}, nil // the start was reported
	}
	end, dated, err := r.moment(f.value(rec, fEnd), cwo.NewDate(start.Year(), start.Month(), start.Day()))
	if err != nil {
		return cwo.Hours{}, err
	}
	if end.Before(start) && !dated {
		end = end.AddDate(0, 0, 1) // a time alone that is earlier than the start is on the next day
	}
	if end.Before(start) {
		return cwo.Hours{}, fmt.Errorf("the entry ends (%s) before it starts (%s)", end.Format("2006-01-02 15:04"), start.Format("2006-01-02 15:04"))
	}
	secs := int64(end.Sub(start) / time.Second)
	return cwo.DecimalFromInt(secs).Div(cwo.DecimalFromInt(3600)).Round(6), nil
}

// hoursField is the field the hours come from.
func (f *importFile) hoursField() int {
	if f.cols[fHours] != nil {
		return fHours
	}
	return fEnd
}

// fieldError reports a bad field of a row, naming the file's columns.
func (f *importFile) fieldError(diags *cwo.Diagnostics, file string, line, field int, err error) {
	diags.Errorf(file, cwo.Pos{Line: line}, "column %s: %v", f.columnName(field), err)
}

// columnName names the columns of a field as the file's header does: "Start Date".
func (f *importFile) columnName(field int) string {
	return quoteList(f.rule.columns[field].headers)
}
