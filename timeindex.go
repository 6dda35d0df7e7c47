package cwo

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"
)

// timeIndex is what Load keeps of the timesheets: for each order and calendar month, where its
// rows lie in the CSV files and what they add up to. Rows are read again from the files when a
// report lists them, so memory grows with the number of orders and months, not of rows.
type timeIndex struct {
	fsys   *files // the loader's guard, with the workspace root resolved once
	files  []timeFile
	orders map[string]*orderTime
	rows   int
	checks []rowCheck // per file, order and item: what validation needs to know of the rows
}

// timeFile is one timesheet file and the position of cwo's columns in it.
type timeFile struct {
	rel  string
	cols columnIndex
}

// orderTime is one order's time, by month.
type orderTime struct {
	months []*monthTime // by month
	total  Hours
}

// monthTime is one order's time in one calendar month.
type monthTime struct {
	month  int // months since year 0: year*12 + month - 1
	rows   rowList
	items  map[string]Hours // hours by scope key ("" for rows without an item)
	total  Hours
	digest [sha256.Size]byte // of the rows' fields, in file order
}

// rowRef locates one timesheet row: file index, byte offset and length, line (kept in a rowList).
type rowRef struct {
	off, n, line uint32
	file         uint16
}

// monthOf numbers the calendar month of d.
func monthOf(d Date) int { return d.t.Year()*12 + int(d.t.Month()) - 1 }

// periodMonths returns the first and last month numbers of p.
func periodMonths(p Period) (first, last int) {
	return monthOf(p.Start()), monthOf(p.End())
}

// monthDate returns the first day of a month number.
func monthDate(m int) Date { return NewDate(m/12, time.Month(m%12+1), 1) }

// TimeEntryCount returns the number of time entries read from the timesheets.
func (w *Workspace) TimeEntryCount() int {
	if w.time == nil {
		return 0
	}
	return w.time.rows
}

// LoggedHours returns all hours logged against an order.
func (w *Workspace) LoggedHours(orderID string) Hours {
	if ot := w.orderTime(orderID); ot != nil {
		return ot.total
	}
	return Hours{}
}

func (w *Workspace) orderTime(orderID string) *orderTime {
	if w.time == nil {
		return nil
	}
	return w.time.orders[orderID]
}

// orderMonths returns an order's months with time, in month order, from first to last
// inclusive.
func (w *Workspace) orderMonths(orderID string, first, last int) []*monthTime {
	ot := w.orderTime(orderID)
	if ot == nil {
		return nil
	}
	lo, _ := slices.BinarySearchFunc(ot.months, first, func(m *monthTime, t int) int { return m.month - t })
	hi, _ := slices.BinarySearchFunc(ot.months, last+1, func(m *monthTime, t int) int { return m.month - t })
	return ot.months[lo:hi]
}

// TimeDigest returns a SHA-256 over the time entries of an order in a period (their fields, in
// file order): it changes whenever the entries a report lists change.
func (w *Workspace) TimeDigest(orderID string, p Period) string {
	h := sha256.New()
	first, last := periodMonths(p)
	for _, m := range w.orderMonths(orderID, first, last) {
		h.Write(m.digest[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}
