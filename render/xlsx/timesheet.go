package xlsx

import (
	"fmt"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

var timesheetHeader = []string{"Date", "Person", "Item", "Hours", "Note"}

// Column width bounds of the Timesheet sheet, in characters.
const (
	minTextWidth = 10
	maxTextWidth = 60
)

// timesheet writes the Timesheet sheet: every time entry of the period as typed cells, in file
// order, and a totals row. It uses the stream writer, so a large timesheet is not held as cells
// in memory; it has no charts, which excelize would drop from a streamed sheet.
func (b *book) timesheet() error {
	entries, err := b.r.Entries()
	if err != nil {
		return err
	}
	sw, err := b.newStream(sheetTimesheet, timesheetWidths(entries))
	if err != nil {
		return err
	}
	return b.writeTimesheet(sw, entries)
}

// timesheetWidths measures the text columns so that they fit their content, within bounds.
func timesheetWidths(entries []cwo.TimeEntry) []float64 {
	person, item, note := textWidth("Person"), textWidth("Item"), textWidth("Note")
	for _, e := range entries {
		person = max(person, textWidth(e.Person))
		item = max(item, textWidth(itemName(e.Item)))
		note = max(note, textWidth(e.Note))
	}
	return []float64{12, fitWidth(person, minTextWidth, maxTextWidth), fitWidth(item, minTextWidth, maxTextWidth),
		10, fitWidth(note, minTextWidth, maxTextWidth)}
}

func (b *book) writeTimesheet(sw *excelize.StreamWriter, entries []cwo.TimeEntry) error {
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
		cells[2] = textCell(itemName(e.Item), st.text)
		cells[3] = numberCell(e.Hours, st.hours)
		cells[4] = textCell(e.Note, st.text)
		if err := sw.SetRow(cell("A", row), cells); err != nil {
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
	if err := b.printTitles(sheetTimesheet); err != nil {
		return err
	}
	totals := totalRow(len(timesheetHeader), st.totalLabel)
	totals[3] = sumCell("D", 2, row-1, total, st.totalHours)
	if err := sw.SetRow(cell("A", row), totals); err != nil {
		return err
	}
	return sw.Flush()
}

// printTitles repeats the header row on every printed page.
func (b *book) printTitles(name string) error {
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", name), Scope: name})
}

// itemName is how the Timesheet sheet names a row's scope item: its key, or "(no item)".
func itemName(key string) string {
	if key == "" {
		return cwo.NoItemTitle
	}
	return key
}
