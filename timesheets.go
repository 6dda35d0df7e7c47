package cwo

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"time"
)

// Timesheets is what the domain needs of the loaded timesheet rows. The workspace package
// implements it over the CSV files (it keeps, per order and month, where the rows lie and what
// they add up to); tests can implement it in memory.
type Timesheets interface {
	// Rows returns the number of good rows read.
	Rows() int
	// Months returns an order's time in the calendar months first to last (inclusive), in month
	// order; months without time are left out. The caller must not modify the result.
	Months(order string, first, last Month) []MonthTime
	// Entries returns the rows of an order in a period, in file order. It fails when the rows
	// cannot be read again as they were loaded (a file changed since).
	Entries(order string, p Period) ([]TimeEntry, error)
	// Summaries returns, for each file (in file order), order and item (in ID order), what the
	// rules that involve orders need to know of its rows.
	Summaries() []TimeSummary
	// FileEntries calls fn for each good row of one file (a TimeSummary's File), in order.
	FileEntries(file string, fn func(TimeEntry)) error
}

// Month numbers a calendar month: year×12 + month − 1, so months compare and subtract as
// integers.
type Month int

// MonthOf returns the calendar month of d.
func MonthOf(d Date) Month { return Month(d.t.Year()*12 + int(d.t.Month()) - 1) }

// Start returns the first day of the month.
func (m Month) Start() Date { return NewDate(int(m)/12, time.Month(int(m)%12+1), 1) }

// Months returns the first and last calendar months of p.
func (p Period) Months() (first, last Month) { return MonthOf(p.Start()), MonthOf(p.End()) }

// MonthTime is one order's time in one calendar month.
type MonthTime struct {
	Month  Month
	Items  map[string]Hours  // hours by scope key ("" for rows without an item)
	Total  Hours             // the sum of Items
	Rows   int               // the number of rows
	Digest [sha256.Size]byte // of the rows' fields, in file order: changes whenever the rows do
}

// TimeSummary summarizes the rows of one order and item within one timesheet file: enough to
// tell whether any of them breaks a rule that depends on the order.
type TimeSummary struct {
	File        string // workspace-relative CSV path
	Order, Item string
	First, Last Date // the earliest and latest row
	Bad         bool // a row with hours not above zero or no person
}

// TimeEntryCount returns the number of time entries read from the timesheets.
func (w *Workspace) TimeEntryCount() int {
	if w.Time == nil {
		return 0
	}
	return w.Time.Rows()
}

// LoggedHours returns all hours logged against an order.
func (w *Workspace) LoggedHours(orderID string) Hours {
	var h Hours
	for _, m := range w.orderMonths(orderID, math.MinInt, math.MaxInt) {
		h = h.Add(m.Total)
	}
	return h
}

// orderMonths returns an order's months with time from first to last inclusive, in month order.
func (w *Workspace) orderMonths(orderID string, first, last Month) []MonthTime {
	if w.Time == nil {
		return nil
	}
	return w.Time.Months(orderID, first, last)
}

// PeriodRows returns the number of time entries of an order in a period.
func (w *Workspace) PeriodRows(orderID string, p Period) int {
	first, last := p.Months()
	n := 0
	for _, m := range w.orderMonths(orderID, first, last) {
		n += m.Rows
	}
	return n
}

// TimeDigest returns a SHA-256 over the time entries of an order in a period (their fields, in
// file order): it changes whenever the entries a report lists change.
func (w *Workspace) TimeDigest(orderID string, p Period) string {
	h := sha256.New()
	first, last := p.Months()
	for _, m := range w.orderMonths(orderID, first, last) {
		h.Write(m.Digest[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// PeriodEntries returns the time entries of an order in a period, in file order (none when no
// timesheets were loaded).
func (w *Workspace) PeriodEntries(orderID string, p Period) ([]TimeEntry, error) {
	if w.Time == nil {
		return nil, nil
	}
	return w.Time.Entries(orderID, p)
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
