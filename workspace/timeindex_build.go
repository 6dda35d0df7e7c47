package workspace

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"maps"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/par"
)

// maxTimesheetFiles and maxTimesheetBytes keep row references small (see rowRef).
const (
	maxTimesheetFiles = math.MaxUint16
	maxTimesheetBytes = math.MaxUint32
)

// loadTimesheets scans every timesheets/*.csv into the time index, several files at a time.
func (l *loader) loadTimesheets() {
	rels := l.timesheetFiles()
	if len(rels) > maxTimesheetFiles {
		l.diags.Errorf("timesheets", cwo.Pos{}, "%d timesheet files; at most %d are read", len(rels), maxTimesheetFiles)
		rels = rels[:maxTimesheetFiles]
	}
	scans := make([]*fileScan, len(rels))
	par.Each(len(rels), func(i int) {
		if l.only != nil {
			scans[i] = scanTimesheetFor(l.fsys, rels[i], uint16(i), l.ws.Settings.Timesheet.Columns, l.only)
			return
		}
		scans[i] = scanTimesheet(l.fsys, rels[i], uint16(i), l.ws.Settings.Timesheet.Columns)
	})
	idx := mergeScans(scans)
	idx.fsys, idx.columns = l.fsys, l.ws.Settings.Timesheet.Columns
	l.ws.Time = idx // only this loader writes l.ws.Time
	for _, s := range scans {
		l.diags = append(l.diags, s.diags...)
	}
}

// timesheetFiles lists timesheets/*.csv in name order, warning about other files.
func (l *loader) timesheetFiles() []string {
	var rels []string
	for _, name := range l.fsys.list("timesheets", &l.diags) {
		rel := "timesheets/" + name
		switch {
		case strings.HasPrefix(name, "."):
		case !strings.HasSuffix(strings.ToLower(name), ".csv"):
			l.diags.Warnf(rel, cwo.Pos{}, "ignored: only .csv files are read in timesheets/")
		default:
			rels = append(rels, rel)
		}
	}
	return rels
}

// fileScan is what one timesheet file contributes to the index.
type fileScan struct {
	file    timeFile
	groups  map[monthKey]*scanGroup
	checks  map[checkKey]*cwo.TimeSummary
	rows    int
	diags   cwo.Diagnostics
	scratch []byte
}

// monthKey names one order's month.
type monthKey struct {
	order string
	month cwo.Month
}

// scanGroup is one order's month within one file.
type scanGroup struct {
	rows  rowList
	items map[string]cwo.Hours
	hash  hash.Hash
}

// checkKey names the rows of one order and item within one file (see cwo.TimeSummary).
type checkKey struct{ order, item string }

// openScan starts the scan of one file; the file is nil (and the problem reported) when it
// cannot be read or is too large.
func openScan(fsys *files, rel string) (*fileScan, *os.File) {
	s := &fileScan{groups: map[monthKey]*scanGroup{}, checks: map[checkKey]*cwo.TimeSummary{}}
	s.file.rel = rel
	fh, fi, err := fsys.open(rel)
	if err != nil {
		s.diags.Errorf(rel, cwo.Pos{}, "%v", err)
		return s, nil
	}
	if fi.Size() > maxTimesheetBytes {
		fh.Close()
		s.diags.Errorf(rel, cwo.Pos{}, "file is %d bytes; a timesheet file is limited to %d bytes (split it)", fi.Size(), int64(maxTimesheetBytes))
		return s, nil
	}
	return s, fh
}

// scanTimesheet reads one file, reporting bad rows, and groups the good ones.
func scanTimesheet(fsys *files, rel string, fileNo uint16, columns map[string]string) *fileScan {
	s, fh := openScan(fsys, rel)
	if fh == nil {
		return s
	}
	defer fh.Close()
	cols, diags := readTimesheet(fh, rel, columns, func(e cwo.TimeEntry, rec []string, span rowSpan) {
		s.add(e, rec, rowRef{off: uint32(span.off), n: uint32(span.n), line: uint32(span.line), file: fileNo})
	})
	s.diags = diags
	if cols != nil {
		s.file.cols = *cols
	}
	return s
}

// add records one good row.
func (s *fileScan) add(e cwo.TimeEntry, rec []string, ref rowRef) {
	s.rows++
	key := monthKey{e.Order, cwo.MonthOf(e.Date)}
	g := s.groups[key]
	if g == nil {
		key.order = strings.Clone(key.order)
		g = &scanGroup{items: map[string]cwo.Hours{}, hash: sha256.New()}
		s.groups[key] = g
	}
	g.rows.add(ref)
	if h, ok := g.items[e.Item]; ok {
		g.items[e.Item] = h.Add(e.Hours)
	} else {
		g.items[strings.Clone(e.Item)] = e.Hours
	}
	s.scratch = s.scratch[:0]
	for _, f := range rec {
		s.scratch = binary.AppendUvarint(s.scratch, uint64(len(f)))
		s.scratch = append(s.scratch, f...)
	}
	g.hash.Write(s.scratch)
	s.check(e)
}

// check adds one good row to the summary of its order and item.
func (s *fileScan) check(e cwo.TimeEntry) {
	bad := e.Hours.Sign() <= 0 || e.Person == ""
	c := s.checks[checkKey{e.Order, e.Item}]
	if c == nil {
		c = &cwo.TimeSummary{File: s.file.rel, Order: strings.Clone(e.Order), Item: strings.Clone(e.Item), First: e.Date, Last: e.Date}
		s.checks[checkKey{c.Order, c.Item}] = c
	}
	if e.Date.Before(c.First) {
		c.First = e.Date
	}
	if e.Date.After(c.Last) {
		c.Last = e.Date
	}
	c.Bad = c.Bad || bad
}

// mergeScans joins the files' groups, in file order, into the index.
func mergeScans(scans []*fileScan) *timeIndex {
	idx := &timeIndex{orders: map[string]*orderTime{}}
	months := map[monthKey]*monthAcc{}
	for _, s := range scans {
		idx.files = append(idx.files, s.file)
		idx.rows += s.rows
		for _, key := range slices.SortedFunc(maps.Keys(s.groups), compareMonthKeys) {
			g := s.groups[key]
			m := months[key]
			if m == nil {
				m = &monthAcc{items: map[string]cwo.Hours{}, hash: sha256.New()}
				months[key] = m
			}
			m.rows.appendList(g.rows)
			for item, h := range g.items {
				m.items[item] = m.items[item].Add(h)
			}
			m.hash.Write(g.hash.Sum(nil))
		}
		for _, key := range slices.SortedFunc(maps.Keys(s.checks), compareCheckKeys) {
			idx.summaries = append(idx.summaries, *s.checks[key])
		}
	}
	for _, key := range slices.SortedFunc(maps.Keys(months), compareMonthKeys) {
		m := months[key]
		mt := cwo.MonthTime{Month: key.month, Items: m.items, Rows: m.rows.len}
		for _, item := range slices.Sorted(maps.Keys(m.items)) {
			mt.Total = mt.Total.Add(m.items[item])
		}
		copy(mt.Digest[:], m.hash.Sum(nil))
		m.rows.clip()
		ot := idx.orders[key.order]
		if ot == nil {
			ot = &orderTime{}
			idx.orders[key.order] = ot
		}
		ot.months = append(ot.months, mt)
		ot.rows = append(ot.rows, m.rows)
	}
	return idx
}

// monthAcc gathers one order's month across files.
type monthAcc struct {
	rows  rowList
	items map[string]cwo.Hours
	hash  hash.Hash
}

func compareMonthKeys(a, b monthKey) int {
	if c := strings.Compare(a.order, b.order); c != 0 {
		return c
	}
	return int(a.month - b.month)
}

func compareCheckKeys(a, b checkKey) int {
	if c := strings.Compare(a.order, b.order); c != 0 {
		return c
	}
	return strings.Compare(a.item, b.item)
}
