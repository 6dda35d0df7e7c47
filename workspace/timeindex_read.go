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

// readRows reads the given rows of one file, in order.
func (x *timeIndex) readRows(f timeFile, refs []rowRef) ([]cwo.TimeEntry, error) {
	fh, _, err := x.fsys.open(f.rel)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.rel, err)
	}
	defer fh.Close()
	var buf []byte
	for _, r := range refs {
		start := len(buf)
		buf = slices.Grow(buf, int(r.n)+1)[:start+int(r.n)]
		if _, err := fh.ReadAt(buf[start:], int64(r.off)); err != nil {
			return nil, fmt.Errorf("%s line %d: %w (the file changed while cwo was running?)", f.rel, r.line, err)
		}
		if !bytes.HasSuffix(buf, []byte("\n")) {
			buf = append(buf, '\n')
		}
	}
	cr := csv.NewReader(bytes.NewReader(buf))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	out := make([]cwo.TimeEntry, 0, len(refs))
	for _, r := range refs {
		rec, err := cr.Read()
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %s (the file changed while cwo was running?)", f.rel, r.line, csvErrText(err))
		}
		var diags cwo.Diagnostics
		e, ok := parseEntry(rec, &f.cols, f.rel, int(r.line), &diags)
		if !ok {
			return nil, fmt.Errorf("%s line %d: the file changed while cwo was running; run again", f.rel, r.line)
		}
		out = append(out, e)
	}
	return out, nil
}

// FileEntries reads one timesheet file again and calls fn for each good row, in order (its
// problems were reported when it was loaded).
func (x *timeIndex) FileEntries(rel string, fn func(cwo.TimeEntry)) error {
	fh, _, err := x.fsys.open(rel)
	if err != nil {
		return err
	}
	defer fh.Close()
	ReadTimesheet(fh, rel, x.columns, fn)
	return nil
}
