package xlsx

import (
	"strings"
	"unicode/utf8"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

var itemHeader = []string{"Key", "Title", "Status", "Done", "Planned hours", "Hours this period", "Hours to date",
	"Hours used", "Pull requests", "Note"}

// itemWidths are the widths of the Work items sheet's columns; titles, pull requests and notes
// wrap.
var itemWidths = []float64{12, 28, 12, 8, 9, 9, 9, 9, 26, 28}

// itemsPRs is the index of the Work items sheet's Pull requests column, and maxPRWidth its
// widest: a longer line wraps.
const (
	itemsPRs   = 8
	maxPRWidth = 30
)

// Columns of the Work items sheet that the Summary and the totals row refer to.
const (
	itemsPlannedCol = "E"
	itemsPeriodCol  = "F"
	itemsToDateCol  = "G"
)

// items writes the Work items sheet: one row per scope item, a row for hours without an item,
// and a totals row of SUM formulas. It is streamed because the stream writer is the one excelize
// API that writes a formula together with a numeric cached value.
func (b *book) items() error {
	widths := b.itemWidths()
	sw, err := b.newStream(sheetItems, widths)
	if err != nil {
		return err
	}
	return b.writeItems(sw, widths)
}

// itemWidths sizes the Work items sheet's columns: the key column to the longest key, the pull
// requests column so that a reference and its state fit on one line (up to maxPRWidth).
func (b *book) itemWidths() []float64 {
	widths := append([]float64(nil), itemWidths...)
	for _, it := range b.r.Items {
		widths[0] = max(widths[0], float64(wrapWidth(len(it.Key))))
		for line := range strings.SplitSeq(prList(it.PRs), "\n") {
			w := float64(wrapWidth(int(float64(utf8.RuneCountInString(line))*wideText + 1)))
			widths[itemsPRs] = max(widths[itemsPRs], min(w, maxPRWidth))
		}
	}
	return widths
}

func (b *book) writeItems(sw *excelize.StreamWriter, widths []float64) error {
	st := b.st
	lines := 1
	for i, t := range itemHeader {
		lines = max(lines, textLines(t, widths[i]))
	}
	if err := sw.SetRow("A1", b.headerRow(itemHeader, 3, 4, 5, 6, 7), excelize.RowOpts{Height: linesHeight(lines)}); err != nil {
		return err
	}
	rows := b.itemRows()
	for i, it := range b.r.Items {
		b.itemFormulas(rows[i], i+2, it)
	}
	for i, cells := range rows {
		if err := sw.SetRow(cell("A", i+2), cells, excelize.RowOpts{Height: b.rowHeight(cells, widths)}); err != nil {
			return err
		}
	}
	last := len(rows) + 1
	if err := b.autoFilter(sheetItems, "J", last); err != nil {
		return err
	}
	planned, period, toDate := itemTotals(b.r)
	totals := totalRow(len(itemHeader), st.totalLabel)
	totals[4] = sumCell(itemsPlannedCol, 2, last, planned, st.totalHours)
	totals[5] = sumCell(itemsPeriodCol, 2, last, period, st.totalHours)
	totals[6] = sumCell(itemsToDateCol, 2, last, toDate, st.totalHours)
	if err := sw.SetRow(cell("A", last+1), totals, excelize.RowOpts{Height: lineHeight}); err != nil {
		return err
	}
	legend := cell("A", last+3)
	if err := sw.SetRow(legend, []any{textCell(doneLegend, st.note)},
		excelize.RowOpts{Height: linesHeight(textLines(doneLegend, sum(widths)))}); err != nil {
		return err
	}
	if err := sw.MergeCell(legend, cell("J", last+3)); err != nil {
		return err
	}
	return sw.Flush()
}

// itemRows returns the rows of the scope items, then hours without an item when there are any;
// a placeholder row when there is neither.
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

// itemTotals adds up planned hours, hours this period and hours to date, with hours without an
// item: the cached values of the totals row.
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
		return []any{textCell(it.Title, st.muted), textCell(it.Title, st.muted), nil, nil, nil,
			numberCell(it.HoursPeriod, st.hours), numberCell(it.HoursToDate, st.hours), nil, nil,
			textCell("Hours logged without a scope item", st.mutedWrap)}
	}
	cells := []any{textCell(it.Key, st.text), textCell(it.Title, st.wrap), textCell(statusWords(it.Status), st.text), nil,
		numberCell(it.PlannedHours, st.hours), numberCell(it.HoursPeriod, st.hours), numberCell(it.HoursToDate, st.hours), nil,
		textCell(prList(it.PRs), st.wrap), textCell(it.Note, st.wrap)}
	if it.Status != "" {
		cells[3] = numberCell(percentDone(it.Percent), st.whole)
	}
	if !it.PlannedHours.IsZero() {
		cells[7] = numberCell(fraction(it.PlanPct), st.percent)
	}
	return cells
}

// prList describes pull requests as text, one a line: "numpy/numpy#123 merged".
func prList(prs []cwo.Contribution) string {
	parts := make([]string, 0, len(prs))
	for _, c := range prs {
		parts = append(parts, c.Ref()+" "+stateLabel(c.State))
	}
	return strings.Join(parts, "\n")
}

// rowHeight is the height of a streamed Work items row: as many lines as its tallest wrapped
// text cell takes in columns of widths; references (in the pull requests column) are measured
// as the wide text they are.
func (b *book) rowHeight(cells []any, widths []float64) float64 {
	lines := 1
	for i, c := range cells {
		v, ok := c.(excelize.Cell)
		if !ok || i >= len(widths) || (v.StyleID != b.st.wrap && v.StyleID != b.st.mutedWrap) {
			continue
		}
		if s, ok := v.Value.(string); ok {
			w := widths[i]
			if i == itemsPRs {
				w /= wideText
			}
			lines = max(lines, textLines(s, w))
		}
	}
	return linesHeight(lines)
}

// sum adds up widths.
func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}
