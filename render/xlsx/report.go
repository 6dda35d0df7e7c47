// Package xlsx writes funder progress reports as Excel workbooks. It is the only package that uses
// excelize. A workbook has four sheets: Summary (figures, narrative and two charts), Work items,
// Timesheet (streamed, so that large timesheets are not held as cells in memory) and
// Contributions. Workbooks are byte-for-byte reproducible: dates come from the data, never the
// clock, and the zip container is rewritten in a fixed order with fixed times.
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

// Sheet names, in the order the workbook shows them.
const (
	sheetSummary       = "Summary"
	sheetItems         = "Work items"
	sheetTimesheet     = "Timesheet"
	sheetContributions = "Contributions"
)

// book is one workbook being built: the file, its styles and the report it shows.
type book struct {
	f          *excelize.File
	r          *cwo.Report
	st         styles
	money      string // the number format code of amounts in the report's currency
	moneyWhole string // ... without the minor units: a chart axis's
	entries    []cwo.TimeEntry
}

// Report writes the workbook for one order and period to w. Same input, same bytes. The workbook
// is built in memory first, so nothing is written to w when building fails; on an error while
// writing, output may be partially written.
func Report(w io.Writer, r *cwo.Report) error {
	if r == nil || r.Order == nil {
		return errors.New("xlsx report: no order")
	}
	data, err := build(r)
	if err != nil {
		return fmt.Errorf("xlsx report %s %s: %w", r.Order.ID, r.Period, err)
	}
	if err := normalizeZip(w, data, r.Period.End().Time()); err != nil {
		return fmt.Errorf("xlsx report %s %s: %w", r.Order.ID, r.Period, err)
	}
	return nil
}

// build renders the workbook with excelize and returns its bytes, before normalization.
func build(r *cwo.Report) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close() // removes the stream writer's temporary files
	entries, err := r.Entries()
	if err != nil {
		return nil, fmt.Errorf("time entries: %w", err)
	}
	b := &book{f: f, r: r, money: moneyFormat(r.Currency, r.Locale), moneyWhole: moneyFormatPlaces(r.Currency, r.Locale, 0), entries: entries}
	steps := []struct {
		name string
		run  func() error
	}{
		{"add sheets", b.addSheets},
		{"styles", b.newStyles},
		{"document properties", b.properties},
		{"sheet " + sheetSummary, b.summary},
		{"sheet " + sheetItems, b.items},
		{"sheet " + sheetTimesheet, b.timesheet},
		{"sheet " + sheetContributions, b.contributions},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	return buf.Bytes(), nil
}

// addSheets creates the four sheets in order; the new file's first sheet becomes Summary.
func (b *book) addSheets() error {
	if err := b.f.SetSheetName(b.f.GetSheetName(0), sheetSummary); err != nil {
		return err
	}
	for _, name := range []string{sheetItems, sheetTimesheet, sheetContributions} {
		if _, err := b.f.NewSheet(name); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	b.f.SetActiveSheet(0)
	return nil
}

// properties sets the document properties from the data: the period's last day is the date the
// workbook was created and modified, whatever the clock says.
func (b *book) properties() error {
	r := b.r
	when := r.Period.End().Format("2006-01-02") + "T00:00:00Z"
	err := b.f.SetDocProps(&excelize.DocProperties{
		Title:          fmt.Sprintf("Progress report %s %s", r.Order.ID, r.Period),
		Subject:        fmt.Sprintf("%s: progress report for %s", r.Order.Title, r.Period),
		Creator:        "cwo",
		LastModifiedBy: "cwo",
		Keywords:       fmt.Sprintf("Community Work Order, %s, %s", r.Order.ID, r.Period),
		Created:        when,
		Modified:       when,
		Language:       r.Locale,
	})
	if err != nil {
		return err
	}
	return b.f.SetAppProps(&excelize.AppProperties{Application: "cwo"})
}
