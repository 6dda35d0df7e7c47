package xlsx_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestDetailFormulas checks that the figures a funder audits read the cells they come from: the
// Work items hours are SUMIFS over the Timesheet and ratios of the row's cells, the Summary's
// work items read the Work items sheet, and this period's row of the table by period reads the
// money table.
func TestDetailFormulas(t *testing.T) {
	r := sampleReport(t, "CWO-2026-003", "2026-Q4")
	all := cells(t, open(t, render(t, r)))
	first := r.Items[0]
	for col, want := range map[string]string{"F": "SUMIFS('Timesheet'!$D$2:", "G": "F2", "H": "G2/E2"} {
		c := cellIn(all, "Work items", col, 2)
		if !strings.Contains(c.Formula, want) || c.Raw == "" {
			t.Errorf("Work items!%s2 = %q, formula %q; want a formula with %q and its value", col, c.Raw, c.Formula, want)
		}
	}
	moved := cellWith(t, all, "Summary", first.Title)
	if c := cellIn(all, "Summary", "D", row(moved.Ref)); c.Formula != "'Work items'!F2" {
		t.Errorf("Summary hours this period of %q: formula %q, want 'Work items'!F2", first.Title, c.Formula)
	}
	earned := find(t, all, "Summary", "Earned", "C")
	current := cellWith(t, all, "Summary", r.Period.String())
	if c := cellIn(all, "Summary", "B", row(current.Ref)); c.Formula != "C"+strconv.Itoa(row(earned.Ref)) {
		t.Errorf("earned at the end of %s: formula %q, want the money table's C%d", r.Period, c.Formula, row(earned.Ref))
	}
}

// TestAboutKeptOnChartsPage checks that the short last section, About the order, follows the
// charts on their page when it fits there (CWO-2026-004's 2026-11 report), instead of standing
// alone on a page of its own.
func TestAboutKeptOnChartsPage(t *testing.T) {
	data := render(t, sampleReport(t, "CWO-2026-004", "2026-11"))
	heading := row(cellWith(t, cells(t, open(t, data)), "Summary", "About the order").Ref)
	_, content := parts(t, data)
	breaks := regexp.MustCompile(`<brk id="([0-9]+)"`).FindAllStringSubmatch(content["xl/worksheets/sheet1.xml"], -1)
	if len(breaks) == 0 {
		t.Fatal("the Summary has no page breaks; the sample should need two pages or more")
	}
	for _, b := range breaks {
		if id, _ := strconv.Atoi(b[1]); id >= heading-2 && id < heading {
			t.Errorf("page break after row %d puts About the order (row %d) on a page of its own", id, heading)
		}
	}
}
