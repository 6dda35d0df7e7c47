package xlsx

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

// Columns of the Timesheet sheet that the Work items formulas read.
const (
	timesheetDateCol  = "A"
	timesheetItemCol  = "C"
	timesheetHoursCol = "D"
)

// itemFormulas turns the hours of the Work items row at row into formulas, each with its value
// cached and only where the formula gives exactly the figure the report computed: hours this
// period add up the Timesheet's hours of the item (by its key, "(no item)" for hours without
// one) within the period; hours to date are those before the period plus this period's; hours
// used are hours to date ÷ planned hours.
func (b *book) itemFormulas(cells []any, row int, it cwo.ReportItem) {
	st := b.st
	key := it.Key
	if it.NoItem {
		key = cwo.NoItemTitle
	}
	if b.timesheetHours(key).Cmp(it.HoursPeriod) == 0 {
		cells[5] = excelize.Cell{StyleID: st.hours, Formula: b.sumifs(row), Value: streamNumber(it.HoursPeriod)}
	}
	before := it.HoursToDate.Sub(it.HoursPeriod)
	if before.Sign() >= 0 {
		formula := cell(itemsPeriodCol, row)
		if !before.IsZero() {
			formula = fmt.Sprintf("%s+%s", before, formula)
		}
		cells[6] = excelize.Cell{StyleID: st.hours, Formula: formula, Value: streamNumber(it.HoursToDate)}
	}
	if !it.PlannedHours.IsZero() && !it.NoItem {
		cells[7] = excelize.Cell{StyleID: st.percent, Formula: fmt.Sprintf("%s%d/%s%d", itemsToDateCol, row, itemsPlannedCol, row),
			Value: streamNumber(it.HoursToDate.Div(it.PlannedHours))}
	}
}

// sumifs is the formula of the hours this period of the item whose key is in column A of row:
// the Timesheet's hours with that item and a date within the period.
func (b *book) sumifs(row int) string {
	last := max(len(b.entries)+1, 2)
	rng := func(col string) string { return fmt.Sprintf("'%s'!$%s$2:$%s$%d", sheetTimesheet, col, col, last) }
	p := b.r.Period
	return fmt.Sprintf(`SUMIFS(%s,%s,$A%d,%s,">=%d",%s,"<=%d")`, rng(timesheetHoursCol), rng(timesheetItemCol), row,
		rng(timesheetDateCol), serial(p.Start()), rng(timesheetDateCol), serial(p.End()))
}

// timesheetHours adds up the period's time entries of the item the Timesheet names key (compared
// as SUMIFS compares, ignoring case): what sumifs gives.
func (b *book) timesheetHours(key string) cwo.Hours {
	var h cwo.Hours
	for _, e := range b.entries {
		item := e.Item
		if item == "" {
			item = cwo.NoItemTitle
		}
		if strings.EqualFold(item, key) && b.r.Period.Contains(e.Date) {
			h = h.Add(e.Hours)
		}
	}
	return h
}
