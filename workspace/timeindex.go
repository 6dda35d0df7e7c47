package workspace

import (
	"cmp"
	"slices"

	"github.com/cwo-tool/cwo"
)

// timeIndex is what Load keeps of the timesheets, and how a loaded workspace implements
// cwo.Timesheets: for each order and calendar month, where its rows lie in the CSV files and
// what they add up to. Rows are read again from the files when a report lists them, so memory
// grows with the number of orders and months, not of rows.
type timeIndex struct {
	fsys      *files        // the loader's guard, open on the workspace folder
	set       *timeSettings // how each file is read
	files     []timeFile
	orders    map[string]*orderTime
	rows      int
	summaries []cwo.TimeSummary // per file, order and item: what validation needs to know of the rows
}

// timeFile is one timesheet file and how it is read: its encoding and delimiter, and the
// position of cwo's columns in it (imp, for a file an import of cwo.yaml reads).
type timeFile struct {
	rel   string
	enc   textEncoding
	comma rune
	cols  columnIndex
	imp   *importFile
}

// orderTime is one order's time, by month.
type orderTime struct {
	months []cwo.MonthTime // by month
	rows   []rowList       // the rows of each month, in file order
}

// rowRef locates one timesheet row: file index, byte offset and length, line (kept in a rowList).
type rowRef struct {
	off, n, line uint32
	file         uint16
}

// Rows returns the number of good rows read.
func (x *timeIndex) Rows() int { return x.rows }

// Summaries returns the row summaries, by file, order and item.
func (x *timeIndex) Summaries() []cwo.TimeSummary { return x.summaries }

// Months returns an order's months with time from first to last inclusive, in month order.
func (x *timeIndex) Months(order string, first, last cwo.Month) []cwo.MonthTime {
	lo, hi := x.monthRange(order, first, last)
	if lo == hi {
		return nil
	}
	return x.orders[order].months[lo:hi]
}

// monthRange returns the indexes in an order's months of the months first to last.
func (x *timeIndex) monthRange(order string, first, last cwo.Month) (lo, hi int) {
	ot := x.orders[order]
	if ot == nil {
		return 0, 0
	}
	lo, _ = slices.BinarySearchFunc(ot.months, first, func(m cwo.MonthTime, t cwo.Month) int { return cmp.Compare(m.Month, t) })
	hi, _ = slices.BinarySearchFunc(ot.months, last, func(m cwo.MonthTime, t cwo.Month) int {
		if m.Month <= t {
			return -1 // the first month after last is where the range ends
		}
		return 1
	})
	return lo, hi
}
