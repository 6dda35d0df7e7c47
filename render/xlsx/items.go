package xlsx

import (
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

var itemHeader = []string{"Key", "Title", "Planned hours", "Hours this period", "Hours to date",
	"% of plan", "Status", "Percent done", "Pull requests", "Note"}

var itemWidths = []float64{14, 36, 12, 12, 12, 10, 13, 10, 36, 40}

// items writes the Work items sheet: one row per scope item, a row for hours without an item,
// and a totals row of SUM formulas. It is streamed because the stream writer is the one excelize
// API that writes a formula together with a numeric cached value.
func (b *book) items() error {
	sw, err := b.newStream(sheetItems, itemWidths)
	if err != nil {
		return err
	}
	return b.writeItems(sw)
}

func (b *book) writeItems(sw *excelize.StreamWriter) error {
	st := b.st
	if err := sw.SetRow("A1", b.headerRow(itemHeader, 2, 3, 4, 5, 7), excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	rows := b.itemRows()
	for i, cells := range rows {
		if err := sw.SetRow(cell("A", i+2), cells); err != nil {
			return err
		}
	}
	last := len(rows) + 1
	if err := b.autoFilter(sheetItems, "J", last); err != nil {
		return err
	}
	planned, period, toDate := itemTotals(b.r)
	totals := totalRow(len(itemHeader), st.totalLabel)
	totals[2] = sumCell("C", 2, last, planned, st.totalHours)
	totals[3] = sumCell("D", 2, last, period, st.totalHours)
	totals[4] = sumCell("E", 2, last, toDate, st.totalHours)
	if err := sw.SetRow(cell("A", last+1), totals); err != nil {
		return err
	}
	return sw.Flush()
}

// itemRows returns the rows of the report's items (the scope items, then the (no item) line
// when there are hours without an item); a placeholder row when there are none.
func (b *book) itemRows() [][]any {
	r, st := b.r, b.st
	var rows [][]any
	for _, it := range r.Items {
		rows = append(rows, b.itemRow(it))
	}
	if len(rows) == 0 {
		rows = append(rows, []any{textCell("The order has no scope items.", st.muted)})
	}
	return rows
}

// itemTotals adds up planned hours, hours this period and hours to date, with the (no item)
// line: the cached values of the totals row.
func itemTotals(r *cwo.Report) (planned, period, toDate cwo.Hours) {
	for _, it := range r.Items {
		planned, period, toDate = planned.Add(it.PlannedHours), period.Add(it.HoursPeriod), toDate.Add(it.HoursToDate)
	}
	return planned, period, toDate
}

// itemRow returns the cells of one scope item, or of the (no item) line.
func (b *book) itemRow(it cwo.ReportItem) []any {
	st := b.st
	if it.NoItem {
		return []any{textCell(it.Title, st.text), textCell("Hours without a scope item", st.text), nil,
			numberCell(it.HoursPeriod, st.hours), numberCell(it.HoursToDate, st.hours)}
	}
	cells := []any{textCell(it.Key, st.text), textCell(it.Title, st.text), numberCell(it.PlannedHours, st.hours),
		numberCell(it.HoursPeriod, st.hours), numberCell(it.HoursToDate, st.hours), nil,
		textCell(it.Status, st.text), nil, textCell(prList(it.PRs), st.text), textCell(it.Note, st.text)}
	if !it.PlannedHours.IsZero() {
		cells[5] = numberCell(fraction(it.PlanPct), st.percent)
	}
	if it.Status != "" {
		cells[7] = numberCell(cwo.DecimalFromInt(int64(it.Percent)).Div(cwo.DecimalFromInt(100)), st.whole)
	}
	return cells
}

// prList describes pull requests as text: "numpy/numpy#123 merged, cupy/cupy#130 open".
func prList(prs []cwo.Contribution) string {
	parts := make([]string, 0, len(prs))
	for _, c := range prs {
		parts = append(parts, c.Ref()+" "+stateLabel(c.State))
	}
	return strings.Join(parts, ", ")
}
