package xlsx

import (
	"fmt"
	"math"
	"strings"
)

// The Summary sheet's grid: six columns, A the widest for labels, that print on a portrait page
// of A4 or Letter at full size.
const summaryLastCol = "F"

// summaryWidths are the widths of columns A to F of the Summary sheet, in characters.
var summaryWidths = []float64{32, 14, 14, 12, 12, 12}

// Heights in points of the Summary's title and section heading rows.
const (
	titleHeight   = 24.0
	sectionHeight = 20.0
)

// keepRows is how many rows of a section are kept on the page of its heading.
const keepRows = 5

// summarySheet lays out the Summary sheet from top to bottom; row is the next free row. It
// keeps track of the printed page, so that a section's heading never ends a page.
type summarySheet struct {
	*sheet
	b     *book
	row   int
	area  printArea // where the sheet prints
	used  float64   // points of the current page filled so far
	spend tableRows // the money by period: the line chart's data
	// spendAt and hoursAt are the rows the charts start at, 0 for none.
	spendAt, hoursAt int
	refs             moneyRefs // what the money table's formulas read
	pending          []func()  // writes that wait for the whole sheet (later)
}

// tableRows are the first and last data row of a table, and the row of its header.
type tableRows struct{ header, first, last int }

// summary writes the Summary sheet, first what a funder asks first: the money, the work items
// that moved, the pull requests, the narrative; then the charts and the order's facts.
func (b *book) summary() error {
	s := &summarySheet{sheet: &sheet{f: b.f, name: sheetSummary}, b: b, row: 1, area: b.area(summaryWidths)}
	s.heading()
	s.flags()
	s.money()
	s.schedule()
	s.workItems()
	s.pullRequests()
	s.narrative()
	s.chartSpace()
	s.orderInfo()
	s.layout()
	for _, fn := range s.pending {
		fn()
	}
	if err := s.Err(); err != nil {
		return err
	}
	return s.charts()
}

// next ends the current row, h points tall (0: one line), and moves to the next. Every row's
// height is set, so that programs print the rows as tall as the page breaks assume.
func (s *summarySheet) next(h float64) {
	if h <= 0 {
		h = lineHeight
	}
	row := s.row
	s.do(func() error { return s.f.SetRowHeight(s.name, row, h) })
	s.used += h
	s.row++
}

// keep starts a new page before the current row unless h more points fit on this one.
func (s *summarySheet) keep(h float64) {
	if s.used > 0 && s.used+h > s.area.height {
		ref := cell("A", s.row)
		s.do(func() error { return s.f.InsertPageBreak(s.name, ref) })
		s.used = 0
	}
}

func (s *summarySheet) heading() {
	r := s.b.r
	s.text("A1", "Progress report: "+r.Order.Title, s.b.st.title)
	s.next(titleHeight)
	sub := fmt.Sprintf("%s · %s (%s to %s)", r.Order.ID, r.Period, r.Period.Start(), r.Period.End())
	if r.Funder != nil {
		sub += " · for " + r.Funder.LegalName
	}
	s.text("A2", sub, s.b.st.subtitle)
	s.next(0)
}

// section starts a titled block with a band across the grid, after a blank row, on a new page
// when its heading and its first rows (of rows) would not fit on this one.
func (s *summarySheet) section(title string, rows int) {
	s.keep(2*lineHeight + sectionHeight + float64(min(rows, keepRows))*lineHeight)
	if s.used > 0 {
		s.next(0)
	}
	s.text(cell("A", s.row), title, s.b.st.section)
	s.styleRange(cell("A", s.row), cell(summaryLastCol, s.row), s.b.st.section)
	s.next(sectionHeight)
}

// header writes a table header row from column A; the titles of number columns, listed in
// right, are right-aligned like their numbers. A title followed by empty ones spans their
// columns (the caller merges them). The row is as tall as its longest title needs.
func (s *summarySheet) header(titles []string, right ...int) {
	lines := 1
	for i, t := range titles {
		s.text(cell(col(i), s.row), t, s.b.st.header)
		w := summaryWidths[i]
		for j := i + 1; j < len(titles) && titles[j] == ""; j++ {
			w += summaryWidths[j]
		}
		lines = max(lines, textLines(t, w))
	}
	for _, i := range right {
		s.style(cell(col(i), s.row), s.b.st.headerRight)
	}
	s.next(linesHeight(lines))
}

// col is the name of column i (0 is A) of the Summary.
func col(i int) string { return string(rune('A' + i)) }

// muted writes one line of grey italic text.
func (s *summarySheet) muted(text string) {
	s.text(cell("A", s.row), text, s.b.st.muted)
	s.next(0)
}

// merged writes text in a cell merged across columns from..to of the current row, with style.
func (s *summarySheet) merged(from, to, text string, style int) {
	a, b := cell(from, s.row), cell(to, s.row)
	s.do(func() error { return s.f.MergeCell(s.name, a, b) })
	s.text(a, text, style)
	s.styleRange(a, b, style)
}

// span is the width in characters of Summary columns from..to.
func span(from, to string) float64 {
	w := 0.0
	for i := int(from[0] - 'A'); i <= int(to[0]-'A'); i++ {
		w += summaryWidths[i]
	}
	return w
}

// layout sets the column widths and the page setup.
func (s *summarySheet) layout() {
	for i, w := range summaryWidths {
		s.width(col(i), col(i), w)
	}
	s.do(func() error { return s.b.printSetup(s.name, summaryWidths, false) })
}

// statusWords turns a status as data spells it into words: "in-progress" becomes "In progress".
func statusWords(status string) string {
	if status == "" {
		return ""
	}
	w := strings.ReplaceAll(strings.ReplaceAll(status, "-", " "), "_", " ")
	return strings.ToUpper(w[:1]) + w[1:]
}

// chartRows is how many default rows a chart of height px pixels covers, plus the row that
// excelize's anchor reaches into and a blank one.
func chartRows(px float64) int { return int(math.Ceil(px*0.75/lineHeight)) + 2 }
