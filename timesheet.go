package cwo

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// TimesheetColumns are cwo's timesheet column names; cwo.yaml timesheet.columns may map them to
// other header names.
var TimesheetColumns = []string{"date", "order", "person", "item", "hours", "note"}

var requiredColumns = map[string]bool{"date": true, "order": true, "person": true, "hours": true}

// maxTimesheetColumns bounds the header, so a garbage file fails fast.
const maxTimesheetColumns = 200

// loadTimesheets reads every timesheets/*.csv.
func (l *loader) loadTimesheets() {
	for _, name := range l.fsys.list("timesheets", &l.diags) {
		rel := "timesheets/" + name
		if strings.HasPrefix(name, ".") {
			continue
		}
		if !strings.HasSuffix(strings.ToLower(name), ".csv") {
			l.diags.Warnf(rel, Pos{}, "ignored: only .csv files are read in timesheets/")
			continue
		}
		fh, _, err := l.fsys.open(rel)
		if err != nil {
			l.diags.Errorf(rel, Pos{}, "%v", err)
			continue
		}
		l.diags = append(l.diags, ReadTimesheet(fh, rel, l.ws.Settings.Timesheet.Columns, func(e TimeEntry) {
			l.ws.Time = append(l.ws.Time, e)
		})...)
		fh.Close()
	}
}

// ReadTimesheet reads CSV time entries from r (named file in messages) and calls fn for each good
// row. columns maps cwo's column names to the file's header names (nil: the names themselves).
// Every bad row is reported with its line and column name; reading goes on after it.
func ReadTimesheet(r io.Reader, file string, columns map[string]string, fn func(TimeEntry)) Diagnostics {
	var diags Diagnostics
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		diags.Errorf(file, Pos{Line: 1}, "cannot read the header row: %v", csvErrText(err))
		return diags
	}
	idx, ok := headerIndex(header, columns, file, &diags)
	if !ok {
		return diags
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return diags
		}
		if err != nil {
			diags.Errorf(file, Pos{Line: csvErrLine(err, 0)}, "%s", csvErrText(err))
			if !errors.Is(err, csv.ErrFieldCount) {
				return diags
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		if e, ok := parseEntry(rec, idx, file, line, &diags); ok {
			fn(e)
		}
	}
}

// headerIndex finds the position of each known column in the header row.
func headerIndex(header []string, columns map[string]string, file string, diags *Diagnostics) (map[string]int, bool) {
	if len(header) > maxTimesheetColumns {
		diags.Errorf(file, Pos{Line: 1}, "header has %d columns; at most %d are read", len(header), maxTimesheetColumns)
		return nil, false
	}
	pos := map[string]int{}
	for i, h := range header {
		pos[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	idx := map[string]int{}
	ok := true
	for _, col := range TimesheetColumns {
		name := col
		if m, found := columns[col]; found && m != "" {
			name = m
		}
		if i, found := pos[name]; found {
			idx[col] = i
		} else if requiredColumns[col] {
			diags.Errorf(file, Pos{Line: 1}, "header has no %q column%s (columns are %s)", name, didYouMean(name, header), strings.Join(TimesheetColumns, ","))
			ok = false
		}
	}
	return idx, ok
}

// parseEntry turns one CSV row into a time entry, reporting bad fields.
func parseEntry(rec []string, idx map[string]int, file string, line int, diags *Diagnostics) (TimeEntry, bool) {
	get := func(col string) string {
		i, ok := idx[col]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	e := TimeEntry{Order: get("order"), Person: get("person"), Item: get("item"), Note: get("note"), File: file, Line: line}
	ok := true
	if i := idx["hours"]; i >= len(rec) || idx["date"] >= len(rec) {
		diags.Errorf(file, Pos{Line: line}, "row has %d fields; the header has more", len(rec))
		return e, false
	}
	var err error
	if e.Date, err = ParseDate(get("date")); err != nil {
		diags.Errorf(file, Pos{Line: line}, "column date: %v", err)
		ok = false
	}
	if e.Hours, err = parseHours(get("hours")); err != nil {
		diags.Errorf(file, Pos{Line: line}, "column hours: %v", err)
		ok = false
	}
	return e, ok
}

func csvErrLine(err error, fallback int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line
	}
	return fallback
}

func csvErrText(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("CSV: %v", pe.Err)
	}
	return err.Error()
}

// parseHours reads hours as a decimal ("7.5") or as a duration "H:MM" or "H:MM:SS", as time
// trackers export them; a duration becomes hours rounded to 6 decimals.
func parseHours(s string) (Hours, error) {
	if !strings.Contains(s, ":") {
		return ParseDecimal(s)
	}
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return Hours{}, fmt.Errorf("%q is not hours (like 7.5 or 7:30)", s)
	}
	seconds := int64(0)
	for i, p := range parts {
		n, err := strconv.ParseInt(p, 10, 32)
		if err != nil || n < 0 || (i > 0 && (n > 59 || len(p) != 2)) {
			return Hours{}, fmt.Errorf("%q is not hours (like 7.5 or 7:30)", s)
		}
		seconds = seconds*60 + n
	}
	if len(parts) == 2 {
		seconds *= 60
	}
	return DecimalFromInt(seconds).Div(DecimalFromInt(3600)).Round(6), nil
}
