package xlsx_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	loader "github.com/cwo-tool/cwo/workspace"
)

// TestScheduleHourly checks the payment schedule of an hourly sample order: an invoiced estimate
// shows what was billed, without "(estimate)", and the estimate beside it; one not yet invoiced
// keeps its label; a total row adds the amounts up with a formula; and a line says that the
// total adds up estimates, while the budget is the rate × the cap.
func TestScheduleHourly(t *testing.T) {
	r := sampleReport(t, "CWO-2026-003", "2026-Q4")
	all := cells(t, open(t, render(t, r)))
	billed := cellWith(t, all, "Summary", "Hours of 2026-Q3")
	at := row(billed.Ref)
	if c := cellIn(all, "Summary", "F", at); c.Raw == "" || c.Raw == cellIn(all, "Summary", "C", at).Raw {
		t.Errorf("invoiced estimate: Estimate cell %q beside the billed %q, want the scheduled estimate", c.Raw, cellIn(all, "Summary", "C", at).Raw)
	}
	cellWith(t, all, "Summary", "Hours of 2026-Q4 (estimate)")
	total := cellWith(t, all, "Summary", "Total")
	sum := cellIn(all, "Summary", "C", row(total.Ref))
	if !strings.HasPrefix(sum.Formula, "SUM(C") || sum.Raw == "" {
		t.Errorf("schedule total = %q (formula %q), want a SUM with its value", sum.Raw, sum.Formula)
	}
	note := cellIn(all, "Summary", "A", row(total.Ref)+1)
	if !strings.Contains(note.Raw, "estimates") || !strings.Contains(note.Raw, "hourly rate × the hours cap") {
		t.Errorf("line under the schedule %q does not say the total adds up estimates against rate × cap", note.Raw)
	}
	for _, c := range all {
		if c.Sheet == "Summary" && c.Raw == "Earned" && row(c.Ref) == row(total.Ref)-len(r.Schedule)-1 {
			t.Errorf("the schedule of an hourly order has an Earned column (%s), which it cannot fill", c.Ref)
		}
	}
}

// cellIn returns the cell at col and row of sheet, empty when there is none.
func cellIn(all []cellInfo, sheet, col string, row int) cellInfo {
	for _, c := range all {
		if c.Sheet == sheet && c.Ref == col+strconv.Itoa(row) {
			return c
		}
	}
	return cellInfo{}
}

// sampleReport is the report of a sample order for a period.
func sampleReport(t *testing.T, order, period string) *cwo.Report {
	t.Helper()
	ws, diags := loader.Load("../../samples", cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	o := ws.Order(order)
	if o == nil {
		t.Fatalf("no sample order %s", order)
	}
	p, err := cwo.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	return ws.NewReport(o, p)
}

// TestPullRequestCounts checks the Summary's count of pull requests opened in the period: every
// one opened in it, also one merged in it (CWO-2026-003's scipy/scipy#24944, opened 2026-11-05
// and merged 2026-11-12), and that each row says which date is which.
func TestPullRequestCounts(t *testing.T) {
	r := sampleReport(t, "CWO-2026-003", "2026-Q4")
	opened := 0
	for _, c := range r.Contributions {
		if r.Period.Contains(c.Opened) {
			opened++
		}
	}
	all := cells(t, open(t, render(t, r)))
	want := fmt.Sprintf("Opened in the period: %d.", opened)
	if c := cellWith(t, all, "Summary", "Pull request"); cellIn(all, "Summary", "E", row(c.Ref)).Raw != "Opened" ||
		cellIn(all, "Summary", "F", row(c.Ref)).Raw != "Merged" {
		t.Errorf("pull requests header at %s: want Opened and Merged date columns", c.Ref)
	}
	for _, c := range all {
		if c.Sheet == "Summary" && strings.HasPrefix(c.Raw, "Merged in the period") {
			if !strings.Contains(c.Raw, want) {
				t.Errorf("pull request counts %q, want %q", c.Raw, want)
			}
			return
		}
	}
	t.Error("no pull request counts on the Summary")
}
