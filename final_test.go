package cwo_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

func TestFinalDue(t *testing.T) {
	end := cwo.MustDate("2026-12-31")
	tests := []struct {
		status, asOf string
		want         bool
	}{
		{cwo.StatusCompleted, "2026-06-01", true}, // completed early: due whatever the date
		{cwo.StatusActive, "2027-01-01", true},    // term ended before the report date
		{cwo.StatusSigned, "2027-01-01", true},
		{cwo.StatusActive, "2026-12-31", false}, // the term's last day: not yet ended
		{cwo.StatusActive, "2026-06-01", false},
		{cwo.StatusCancelled, "2027-06-01", false},
		{cwo.StatusSent, "2027-06-01", false},
		{cwo.StatusDraft, "2027-06-01", false},
	}
	for _, tt := range tests {
		o := &cwo.WorkOrder{Status: tt.status, End: end}
		if got := cwo.FinalDue(o, cwo.MustDate(tt.asOf)); got != tt.want {
			t.Errorf("FinalDue(%s, as of %s) = %v, want %v", tt.status, tt.asOf, got, tt.want)
		}
	}
}

const finalNotes = `summary: All done.
items:
  release:
    status: deferred
    outcome: Moved to the next order.
    prs: [27002]
lessons: [Start earlier.]
next: [Renew.]
`

func TestNewFinalReport(t *testing.T) {
	ws := loadBase(t, edit{"progress/O-1/final.yaml", "", finalNotes})
	f := ws.NewFinalReport(ws.Order("O-1"))
	if f.Period.String() != "2027-Q3" {
		t.Errorf("period = %s, want the quarter of the term's last day, 2027-Q3", f.Period)
	}
	if f.Notes == nil || f.Notes.Summary != "All done." || f.Notes.Lessons[0] != "Start earlier." {
		t.Fatalf("notes = %+v, want final.yaml's", f.Notes)
	}
	var urls []string
	for _, c := range f.All {
		urls = append(urls, c.URL+" "+c.State+" "+c.Item)
	}
	want := "https://github.com/numpy/numpy/pull/27001 merged simd|https://github.com/numpy/numpy/pull/27002 open release"
	if got := strings.Join(urls, "|"); got != want {
		t.Errorf("all pull requests = %s, want %s (by opened date; 27002's item from final.yaml's prs)", got, want)
	}
	if f.Items[1].Key != "release" || f.Items[1].Status != "deferred" {
		t.Errorf("item %s status %q, want release's final status deferred", f.Items[1].Key, f.Items[1].Status)
	}
	if f.Items[0].Status != "in-progress" {
		t.Errorf("simd status %q, want the last progress file's in-progress where final.yaml says nothing", f.Items[0].Status)
	}
	if f.HoursToDate.Cmp(ws.NewReport(ws.Order("O-1"), cwo.Period{Year: 2026, Quarter: 4}).HoursToDate) != 0 {
		t.Errorf("hours over the term %s differ from those to the end of 2026-Q4, the last logged", f.HoursToDate)
	}
}

func TestFinalNotesChecks(t *testing.T) {
	dir := copyBase(t, edit{"progress/O-1/final.yaml", "", "items:\n  release:\n    prs: [0]\n"})
	got := check(t, dir, cwo.ValidateOptions{AsOf: cwo.MustDate("2026-12-01")}).Error()
	for _, want := range []string{
		"progress/O-1/final.yaml:3:11: error: pull request number must be positive, got 0",
		"progress/O-1/final.yaml: warning: order O-1 is active and its term runs to 2027-09-30",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	got = check(t, dir, cwo.ValidateOptions{AsOf: cwo.MustDate("2027-10-01")}).Error()
	if strings.Contains(got, "warning: order O-1 is active") {
		t.Errorf("a final.yaml after the term's end is warned about:\n%s", got)
	}
}

func TestFinalDelivered(t *testing.T) {
	notes := "items:\n  simd:\n    delivered: partly\n    not_delivered: The SVE sort, declined.\n  release:\n    status: done\n"
	ws := loadBase(t, edit{"progress/O-1/final.yaml", "", notes})
	f := ws.NewFinalReport(ws.Order("O-1"))
	if got := f.Delivered(f.Items[0]); got != cwo.DeliveredPartly {
		t.Errorf("simd delivered %q, want final.yaml's partly", got)
	}
	if got := f.Delivered(f.Items[1]); got != cwo.DeliveredYes {
		t.Errorf("release delivered %q, want yes from its status done", got)
	}
	for status, want := range map[string]string{"deferred": cwo.DeliveredNo, "not-started": cwo.DeliveredNo, "blocked": cwo.DeliveredPartly, "": ""} {
		if got := f.Delivered(cwo.ReportItem{Key: "other", Status: status}); got != want {
			t.Errorf("an item %q is delivered %q, want %q", status, got, want)
		}
	}
	dir := copyBase(t, edit{"progress/O-1/final.yaml", "", "items:\n  simd:\n    delivered: mostly\n"})
	got := check(t, dir, cwo.ValidateOptions{AsOf: cwo.MustDate("2027-10-01")}).Error()
	if want := `progress/O-1/final.yaml:3:16: error: items.simd.delivered "mostly" is not one of yes, partly, no`; !strings.Contains(got, want) {
		t.Errorf("diagnostics lack %q:\n%s", want, got)
	}
}

func TestFinalPaymentsAt(t *testing.T) {
	ws := loadBase(t)
	f := ws.NewFinalReport(ws.Order("O-1"))
	o := f.Order
	i := len(o.Payments) - 1
	o.Payments[i].Invoiced = f.Period.End()
	o.Payments[i].Paid = f.Period.End().AddDays(20)
	_, invAt, paidAt := f.PaymentsAt(f.Period.End())
	sched, inv, paid := f.PaymentsAt(f.Period.End().AddDays(30))
	if inv.Cmp(invAt) != 0 || paid.Cmp(paidAt.Add(o.Payments[i].InvoicedAmount())) != 0 {
		t.Errorf("paid %s after the term, want %s plus the last payment paid 20 days after it", paid, paidAt)
	}
	if sched[i].Paid.IsZero() {
		t.Errorf("the schedule after the term lacks the last payment's date of payment")
	}
}
