package xlsx

import (
	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

var timesheetHeader = []string{"Date", "Person", "Item", "Hours", "Note"}

// Column width bounds of the Timesheet sheet, in characters.
const (
	minTextWidth = 10
	maxTextWidth = 60
	maxNoteWidth = 60 // longer notes wrap
)

// timesheet writes the Timesheet sheet: every time entry of the period as typed cells, in file
// order, and a totals row. It uses the stream writer, so a large timesheet is not held as cells
// in memory; it has no charts, which excelize would drop from a streamed sheet.
func (b *book) timesheet() error {
	entries := b.entries
	widths := timesheetWidths(entries)
	sw, err := b.newStream(sheetTimesheet, widths)
	if err != nil {
		return err
	}
	return b.writeTimesheet(sw, entries, widths)
}

// timesheetWidths measures the text columns so that they fit their content, within bounds.
func timesheetWidths(entries []cwo.TimeEntry) []float64 {
	person, item, note := textWidth("Person"), textWidth("Item"), textWidth("Note")
	for _, e := range entries {
		person = max(person, textWidth(e.Person))
		item = max(item, textWidth(e.Item))
		note = max(note, textWidth(e.Note))
	}
	return []float64{12, fitWidth(person, minTextWidth, maxTextWidth), fitWidth(item, minTextWidth, maxTextWidth),
		10, fitWidth(wrapWidth(note), minTextWidth, maxNoteWidth)}
}

// writeTimesheet writes the rows, each as tall as its wrapped note needs in columns of widths.
func (b *book) writeTimesheet(sw *excelize.StreamWriter, entries []cwo.TimeEntry, widths []float64) error {
	st := b.st
	if err := sw.SetRow("A1", b.headerRow(timesheetHeader, 3)); err != nil {
		return err
	}
	row := 2
	var total cwo.Hours
	cells := make([]any, len(timesheetHeader))
	for _, e := range entries {
		cells[0] = excelize.Cell{StyleID: st.date, Value: serial(e.Date)}
		cells[1] = textCell(e.Person, st.text)
		cells[2] = textCell(e.Item, st.text)
		if e.Item == "" {
			cells[2] = textCell(cwo.NoItemTitle, st.muted)
		}
		cells[3] = numberCell(e.Hours, st.hours)
		cells[4] = textCell(e.Note, st.wrap)
		if err := sw.SetRow(cell("A", row), cells, excelize.RowOpts{Height: b.rowHeight(cells, widths)}); err != nil {
			return err
		}
		total = total.Add(e.Hours)
		row++
	}
	if len(entries) == 0 {
		if err := sw.SetRow("A2", []any{textCell("No time was logged in this period.", st.muted)}); err != nil {
			return err
		}
		row++
	}
	if err := b.autoFilter(sheetTimesheet, "E", row-1); err != nil {
		return err
	}
	totals := totalRow(len(timesheetHeader), st.totalLabel)
	totals[3] = sumCell("D", 2, row-1, total, st.totalHours)
	if err := sw.SetRow(cell("A", row), totals); err != nil {
		return err
	}
	return sw.Flush()
}
