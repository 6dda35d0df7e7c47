package workspace

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"maps"
	"math"
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

// loadTimesheets scans every timesheet file into the time index, several files at a time.
func (l *loader) loadTimesheets() {
	rels := l.timesheetFiles()
	if len(rels) > maxTimesheetFiles {
		l.diags.Errorf("timesheets", cwo.Pos{}, "%d timesheet files; at most %d are read", len(rels), maxTimesheetFiles)
		rels = rels[:maxTimesheetFiles]
	}
	set := l.timeSettings(rels)
	scans := make([]*fileScan, len(rels))
	par.Each(len(rels), func(i int) {
		if l.only != nil {
			scans[i] = scanTimesheetFor(l.fsys, rels[i], uint16(i), set, l.only)
			return
		}
		scans[i] = scanTimesheet(l.fsys, rels[i], uint16(i), set, nil)
	})
	idx := mergeScans(scans)
	idx.fsys, idx.set = l.fsys, set
	l.ws.Time = idx // only this loader writes l.ws.Time
	for _, s := range scans {
		l.diags = append(l.diags, s.diags...)
	}
}

// timesheetFiles lists the files of timesheets/ that are read, in name order: every .csv, and
// the files a pattern of cwo.yaml's timesheets: names. It warns about the others.
func (l *loader) timesheetFiles() []string {
	var rels []string
	for _, name := range l.fsys.list("timesheets", &l.diags) {
		rel := "timesheets/" + name
		switch {
		case strings.HasPrefix(name, "."):
		case strings.HasSuffix(strings.ToLower(name), ".csv"), l.ws.Settings.Timesheet.ImportFor(rel) != nil:
			rels = append(rels, rel)
		default:
			l.diags.Warnf(rel, cwo.Pos{}, "ignored: only .csv files are read in timesheets/, besides those cwo.yaml's timesheets: names")
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

// openScan starts the scan of one file: its text, which is nil (and the problem reported)
// when the file cannot be read or is too large. Close the file when done.
func openScan(fsys *files, rel, declared string) (*fileScan, *textFile) {
	s := &fileScan{groups: map[monthKey]*scanGroup{}, checks: map[checkKey]*cwo.TimeSummary{}}
	s.file.rel, s.file.comma = rel, ','
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
	text, enc, err := openText(fh, fi.Size(), declared)
	if err != nil {
		fh.Close()
		s.diags.Errorf(rel, cwo.Pos{}, "%v", err)
		return s, nil
	}
	s.file.enc = enc
	return s, &text
}

// scanTimesheet reads one file, reporting bad rows, and groups the good ones (only those of
// the orders in only, when it is not nil).
func scanTimesheet(fsys *files, rel string, fileNo uint16, set *timeSettings, only map[string]bool) *fileScan {
	s, text := openScan(fsys, rel, set.encoding(rel))
	if text == nil {
		return s
	}
	defer text.fh.Close()
	s.scanText(text, set, fileNo, only)
	return s
}

// scanText reads the text of one file, as an import of set or as cwo's own CSV.
func (s *fileScan) scanText(text *textFile, set *timeSettings, fileNo uint16, only map[string]bool) {
	ref := func(span rowSpan) rowRef {
		return rowRef{off: uint32(span.off), n: uint32(span.n), line: uint32(span.line), file: fileNo}
	}
	if rule := set.ruleFor(s.file.rel); rule != nil {
		s.scanImport(text, rule, only, ref)
		return
	}
	cols, diags := readTimesheet(text.reader(), s.file.rel, set.columns, func(e cwo.TimeEntry, rec []string, span rowSpan) {
		if only == nil || only[e.Order] {
			s.add(e, rec, ref(span))
		}
	})
	s.diags = append(s.diags, diags...)
	if cols != nil {
		s.file.cols = *cols
	}
}

// scanImport reads one file as an import rule says.
func (s *fileScan) scanImport(text *textFile, rule *importRule, only map[string]bool, ref func(rowSpan) rowRef) {
	rel := s.file.rel
	s.file.comma = rule.delimiter
	if s.file.comma == 0 {
		head := make([]byte, 64<<10)
		n, _ := text.ReadAt(head, 0)
		s.file.comma = detectDelimiter(head[:n])
	}
	st := &importStats{}
	readRecords(text.reader(), rel, s.file.comma, maxRecordBytes, &s.diags, func(header []string) bool {
		f, ok := rule.header(header, rel, &s.diags)
		if f != nil {
			f.cp1252 = s.file.enc == textWindows1252
		}
		s.file.imp = f
		return ok
	}, func(rec []string, line int, span rowSpan) {
		e, res := s.file.imp.entry(rec, rel, line, st, &s.diags)
		if res == rowGood && (only == nil || only[e.Order]) {
			s.add(e, entryFields(e), ref(span))
		}
	})
	if s.file.imp != nil {
		st.report(s.file.imp, rel, &s.diags)
	}
}

// entryFields are the fields of an imported entry as cwo reads them, for the digest of its
// month: they change when cwo.yaml maps the same row differently.
func entryFields(e cwo.TimeEntry) []string {
	return []string{e.Date.String(), e.Order, e.Person, e.Item, e.Hours.String(), e.Note}
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
