package workspace

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"

	"github.com/cwo-tool/cwo"
)

// Entries reads the time entries of an order in a period from the timesheet files, in file
// order. It fails when a file changed since the workspace was loaded.
func (x *timeIndex) Entries(orderID string, p cwo.Period) ([]cwo.TimeEntry, error) {
	first, last := p.Months()
	lo, hi := x.monthRange(orderID, first, last)
	var refs []rowRef
	for i := lo; i < hi; i++ {
		x.orders[orderID].rows[i].each(func(r rowRef) { refs = append(refs, r) })
	}
	slices.SortFunc(refs, func(a, b rowRef) int {
		if a.file != b.file {
			return int(a.file) - int(b.file)
		}
		return int(int64(a.off) - int64(b.off))
	})
	out := make([]cwo.TimeEntry, 0, len(refs))
	for len(refs) > 0 {
		n := 1
		for n < len(refs) && refs[n].file == refs[0].file {
			n++
		}
		entries, err := x.readRows(x.files[refs[0].file], refs[:n])
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.Order != orderID || cwo.MonthOf(e.Date) < first || cwo.MonthOf(e.Date) > last {
				return nil, fmt.Errorf("%s line %d: the file changed while cwo was running; run again", e.File, e.Line)
			}
		}
		out = append(out, entries...)
		refs = refs[n:]
	}
	return out, nil
}

// openText opens a timesheet file's text, as it was read at load.
func (x *timeIndex) openText(f timeFile) (textFile, error) {
	fh, fi, err := x.fsys.open(f.rel)
	if err != nil {
		return textFile{}, fmt.Errorf("%s: %w", f.rel, err)
	}
	text, err := decodeFile(fh, fi.Size(), f.enc)
	if err != nil {
		fh.Close()
		return textFile{}, fmt.Errorf("%s: %w", f.rel, err)
	}
	return text, nil
}

// readRows reads the given rows of one file, in order.
func (x *timeIndex) readRows(f timeFile, refs []rowRef) ([]cwo.TimeEntry, error) {
	text, err := x.openText(f)
	if err != nil {
		return nil, err
	}
	defer text.fh.Close()
	var buf []byte
	for _, r := range refs {
		start := len(buf)
		buf = slices.Grow(buf, int(r.n)+1)[:start+int(r.n)]
		if _, err := text.ReadAt(buf[start:], int64(r.off)); err != nil {
			return nil, fmt.Errorf("%s line %d: %w (the file changed while cwo was running?)", f.rel, r.line, err)
		}
		if !bytes.HasSuffix(buf, []byte("\n")) {
			buf = append(buf, '\n')
		}
	}
	cr := csv.NewReader(bytes.NewReader(buf))
	cr.Comma = f.comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	out := make([]cwo.TimeEntry, 0, len(refs))
	for _, r := range refs {
		rec, err := cr.Read()
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %s (the file changed while cwo was running?)", f.rel, r.line, csvErrText(err))
		}
		e, ok := f.entry(rec, int(r.line))
		if !ok {
			return nil, fmt.Errorf("%s line %d: the file changed while cwo was running; run again", f.rel, r.line)
		}
		out = append(out, e)
	}
	return out, nil
}

// entry turns a row that was good at load into a time entry again; false when it is not good
// now.
func (f *timeFile) entry(rec []string, line int) (cwo.TimeEntry, bool) {
	var diags cwo.Diagnostics
	if f.imp != nil {
		e, res := f.imp.entry(rec, f.rel, line, &importStats{}, &diags)
		return e, res == rowGood
	}
	return parseEntry(rec, &f.cols, f.rel, line, &diags)
}

// FileEntries reads one timesheet file again and calls fn for each good row, in order (its
// problems were reported when it was loaded).
func (x *timeIndex) FileEntries(rel string, fn func(cwo.TimeEntry)) error {
	i := slices.IndexFunc(x.files, func(f timeFile) bool { return f.rel == rel })
	if i < 0 {
		return fmt.Errorf("%s is not a timesheet file that was loaded", rel)
	}
	f := x.files[i]
	text, err := x.openText(f)
	if err != nil {
		return err
	}
	defer text.fh.Close()
	if f.imp == nil {
		ReadTimesheet(text.reader(), rel, x.set.columns, fn)
		return nil
	}
	var diags cwo.Diagnostics
	readRecords(text.reader(), rel, f.comma, maxRecordBytes, &diags, func([]string) bool { return true }, func(rec []string, line int, _ rowSpan) {
		if e, ok := f.entry(rec, line); ok {
			fn(e)
		}
	})
	return nil
}
