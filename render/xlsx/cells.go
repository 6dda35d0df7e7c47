package xlsx

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

// excelEpoch is day 0 of spreadsheet date serial numbers (1900 date system, valid from March
// 1900 on).
var excelEpoch = cwo.NewDate(1899, 12, 30)

// serial returns the spreadsheet date number of d: whole days since 1899-12-30.
func serial(d cwo.Date) int { return excelEpoch.DaysUntil(d) }

// cell returns a reference such as "B7".
func cell(col string, row int) string { return col + strconv.Itoa(row) }

// fraction turns a percentage such as 12.5 into the fraction 0.125 that a percent format shows
// as 12.5%; dividing by 100 is exact.
func fraction(pct cwo.Decimal) cwo.Decimal { return pct.Div(cwo.DecimalFromInt(100)) }

// streamNumber returns d as the float64 the stream writer needs for a numeric cell. The stream
// writer only writes Go numbers, not number text. ParseFloat gives the double nearest to the
// exact decimal, and excelize writes back the shortest text that reads as that double: the same
// digits as d for up to 15 significant digits, which is all a spreadsheet keeps.
func streamNumber(d cwo.Decimal) float64 {
	f, err := strconv.ParseFloat(d.String(), 64)
	if err != nil { // cwo.Decimal text is always a plain decimal number
		panic("xlsx: decimal " + d.String() + " is not a number: " + err.Error())
	}
	return f
}

// sheet writes cells of one normal (not streamed) worksheet. The first error is kept and the
// following writes are skipped, so that layout code reads top to bottom; Err returns it.
type sheet struct {
	f    *excelize.File
	name string
	err  error
}

// Err returns the first error of any write.
func (s *sheet) Err() error { return s.err }

func (s *sheet) do(fn func() error) {
	if s.err == nil {
		s.err = fn()
	}
}

// text writes v as a string cell: never a formula, whatever v starts with.
func (s *sheet) text(ref, v string, style int) {
	s.do(func() error { return s.f.SetCellStr(s.name, ref, v) })
	s.style(ref, style)
}

// number writes d as a numeric cell from its exact decimal text.
func (s *sheet) number(ref string, d cwo.Decimal, style int) {
	s.do(func() error { return s.f.SetCellDefault(s.name, ref, d.String()) })
	s.style(ref, style)
}

// integer writes n as a numeric cell.
func (s *sheet) integer(ref string, n int, style int) {
	s.do(func() error { return s.f.SetCellInt(s.name, ref, int64(n)) })
	s.style(ref, style)
}

// date writes d as a date cell, or nothing when d is unset.
func (s *sheet) date(ref string, d cwo.Date, style int) {
	if d.IsZero() {
		return
	}
	s.integer(ref, serial(d), style)
}

func (s *sheet) style(ref string, style int) {
	if style != 0 {
		s.do(func() error { return s.f.SetCellStyle(s.name, ref, ref, style) })
	}
}

// styleRange applies style to a range such as "A5:D5".
func (s *sheet) styleRange(from, to string, style int) {
	s.do(func() error { return s.f.SetCellStyle(s.name, from, to, style) })
}

// rowHeight sets the height of row in points.
func (s *sheet) rowHeight(row int, h float64) {
	s.do(func() error { return s.f.SetRowHeight(s.name, row, h) })
}

// width sets the width of columns from..to in characters.
func (s *sheet) width(from, to string, w float64) {
	s.do(func() error { return s.f.SetColWidth(s.name, from, to, w) })
}

// textWidth is the width in characters a column needs for v: its longest line, plus padding.
func textWidth(v string) int {
	w := 0
	for line := range strings.SplitSeq(v, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return w + 2
}

// fitWidth bounds a measured column width to [lo, hi].
func fitWidth(w, lo, hi int) float64 { return float64(min(max(w, lo), hi)) }
