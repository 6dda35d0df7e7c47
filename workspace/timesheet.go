package workspace

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo"
)

var requiredColumns = map[string]bool{"date": true, "order": true, "person": true, "hours": true}

// maxTimesheetColumns bounds the header, so a garbage file fails fast.
const maxTimesheetColumns = 200

// ReadTimesheet reads CSV time entries from r (named file in messages) and calls fn for each good
// row. columns maps cwo's column names to the file's header names (nil: the names themselves).
// Every bad row is reported with its line and column name; reading goes on after it.
func ReadTimesheet(r io.Reader, file string, columns map[string]string, fn func(cwo.TimeEntry)) cwo.Diagnostics {
	_, diags := readTimesheet(r, file, columns, func(e cwo.TimeEntry, _ []string, _ rowSpan) { fn(e) })
	return diags
}

// rowSpan is where one CSV record lies in its file: byte offset, length and first line.
type rowSpan struct {
	off, n, line int64
}

// readTimesheet is ReadTimesheet that also passes each good row's fields and span, and returns
// the column index of the header (nil when the header is unusable).
func readTimesheet(r io.Reader, file string, columns map[string]string, fn func(cwo.TimeEntry, []string, rowSpan)) (*columnIndex, cwo.Diagnostics) {
	return readTimesheetLimit(r, file, columns, maxRecordBytes, fn)
}

// readTimesheetLimit is readTimesheet with records limited to limit bytes: reading stops at the
// first longer record, which is reported at the line where reading stopped.
func readTimesheetLimit(r io.Reader, file string, columns map[string]string, limit int64, fn func(cwo.TimeEntry, []string, rowSpan)) (*columnIndex, cwo.Diagnostics) {
	var diags cwo.Diagnostics
	var idx *columnIndex
	readRecords(r, file, ',', limit, &diags, func(header []string) bool {
		var ok bool
		idx, ok = headerIndex(header, columns, file, &diags)
		return ok
	}, func(rec []string, line int, span rowSpan) {
		if e, ok := parseEntry(rec, idx, file, line, &diags); ok {
			fn(e, rec, span)
		}
	})
	return idx, diags
}

// readRecords reads the CSV records of r, fields separated by comma, checking that the text
// is UTF-8: header gets the first record and says whether to read on; row gets every later
// one, with its first line and span (rec is only valid during the call). A record longer than
// limit bytes, text that is not UTF-8 and a malformed record stop the reading; a record with
// the wrong number of fields is reported and skipped.
func readRecords(r io.Reader, file string, comma rune, limit int64, diags *cwo.Diagnostics, header func([]string) bool, row func(rec []string, line int, span rowSpan)) {
	lim := newRecordLimiter(r, limit)
	cr := csv.NewReader(lim)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	first, err := cr.Read()
	var bad notUTF8Error
	switch {
	case errors.As(err, &bad):
		diags.Errorf(file, cwo.Pos{Line: bad.line}, "%v", bad)
		return
	case err != nil:
		diags.Errorf(file, cwo.Pos{Line: lim.errLine(err, 1)}, "cannot read the header row: %v", csvErrText(err))
		return
	}
	if !header(first) {
		return
	}
	for {
		start := cr.InputOffset()
		lim.startRecord(start)
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			diags.Errorf(file, cwo.Pos{Line: lim.errLine(err, csvErrLine(err, 0))}, "%s", csvErrText(err))
			if !errors.Is(err, csv.ErrFieldCount) {
				return
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		if cr.InputOffset()-start > limit { // within the read-ahead the limiter allows
			diags.Errorf(file, cwo.Pos{Line: line}, "%v", errRecordTooLong)
			return
		}
		row(rec, line, rowSpan{off: start, n: cr.InputOffset() - start, line: int64(line)})
	}
}

// columnIndex holds the position of each of cwo's columns in a file's records; -1 when the
// file has no such column.
type columnIndex struct {
	date, order, person, item, hours, note int
}

// field returns the trimmed field at position i, or "" when the record has none.
func field(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// headerIndex finds the position of each known column in the header row.
func headerIndex(header []string, columns map[string]string, file string, diags *cwo.Diagnostics) (*columnIndex, bool) {
	if len(header) > maxTimesheetColumns {
		diags.Errorf(file, cwo.Pos{Line: 1}, "header has %d columns; at most %d are read", len(header), maxTimesheetColumns)
		return nil, false
	}
	if d := otherDelimiter(header); d != "" {
		diags.Errorf(file, cwo.Pos{Line: 1}, "the header seems to use %s between columns, not \",\": "+
			"to read the file as it is, add to cwo.yaml  timesheets: [{files: %s, delimiter: %s}]  (see docs/importing.md)", d, file, d)
		return nil, false
	}
	pos := map[string]int{}
	for i, h := range header {
		pos[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	idx := map[string]int{}
	ok := true
	for _, col := range cwo.TimesheetColumns {
		name := col
		if m, found := columns[col]; found && m != "" {
			name = m
		}
		if i, found := pos[name]; found {
			idx[col] = i
		} else if requiredColumns[col] || columns[col] != "" {
			diags.Errorf(file, cwo.Pos{Line: 1}, "header has no %q column%s (columns are %s)", name, cwo.DidYouMean(name, header), strings.Join(cwo.TimesheetColumns, ","))
			ok = false
		}
	}
	if !ok {
		return nil, false
	}
	at := func(col string) int {
		if i, found := idx[col]; found {
			return i
		}
		return -1
	}
	return &columnIndex{date: at("date"), order: at("order"), person: at("person"), item: at("item"), hours: at("hours"), note: at("note")}, true
}

// parseEntry turns one CSV row into a time entry, reporting bad fields.
func parseEntry(rec []string, idx *columnIndex, file string, line int, diags *cwo.Diagnostics) (cwo.TimeEntry, bool) {
	e := cwo.TimeEntry{Order: field(rec, idx.order), Person: field(rec, idx.person), Item: field(rec, idx.item),
		Note: field(rec, idx.note), File: file, Line: line}
	ok := true
	if idx.hours >= len(rec) || idx.date >= len(rec) {
		diags.Errorf(file, cwo.Pos{Line: line}, "row has %d fields; the header has more", len(rec))
		return e, false
	}
	var err error
	if e.Date, err = cwo.ParseDate(field(rec, idx.date)); err != nil {
		diags.Errorf(file, cwo.Pos{Line: line}, "column date: %v", err)
		ok = false
	}
	if e.Hours, err = parseHours(field(rec, idx.hours)); err != nil {
		diags.Errorf(file, cwo.Pos{Line: line}, "column hours: %v", err)
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
func parseHours(s string) (cwo.Hours, error) {
	if !strings.Contains(s, ":") {
		return cwo.ParseDecimal(s)
	}
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return cwo.Hours{}, fmt.Errorf("%q is not hours (like 7.5 or 7:30)", s)
	}
	seconds := int64(0)
	for i, p := range parts {
		n, err := strconv.ParseInt(p, 10, 32)
		if err != nil || n < 0 || (i > 0 && (n > 59 || len(p) != 2)) {
			return cwo.Hours{}, fmt.Errorf("%q is not hours (like 7.5 or 7:30)", s)
		}
		seconds = seconds*60 + n
	}
	if len(parts) == 2 {
		seconds *= 60
	}
	return cwo.DecimalFromInt(seconds).Div(cwo.DecimalFromInt(3600)).Round(6), nil
}

// otherDelimiter returns the quoted delimiter a one-column header seems to use instead of the
// comma (";" as spreadsheets in many languages write, a tab, "|"), or "" when it has more than
// one column or none of them.
func otherDelimiter(header []string) string {
	if len(header) != 1 {
		return ""
	}
	best, most := "", 0
	for _, d := range [][2]string{{";", `";"`}, {"\t", `"\t"`}, {"|", `"|"`}} {
		if n := strings.Count(header[0], d[0]); n > most {
			best, most = d[1], n
		}
	}
	return best
}
