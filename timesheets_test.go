package cwo_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// fakeTimesheets holds time in memory: what a test gives the domain instead of CSV files.
type fakeTimesheets struct {
	months    map[string][]cwo.MonthTime // by order, in month order
	entries   map[string][]cwo.TimeEntry // by file
	summaries []cwo.TimeSummary
}

func (f *fakeTimesheets) Rows() int {
	n := 0
	for _, es := range f.entries {
		n += len(es)
	}
	return n
}

func (f *fakeTimesheets) Months(order string, first, last cwo.Month) []cwo.MonthTime {
	var out []cwo.MonthTime
	for _, m := range f.months[order] {
		if m.Month >= first && m.Month <= last {
			out = append(out, m)
		}
	}
	return out
}

func (f *fakeTimesheets) Entries(order string, p cwo.Period) ([]cwo.TimeEntry, error) {
	var out []cwo.TimeEntry
	for _, file := range slices.Sorted(maps.Keys(f.entries)) {
		for _, e := range f.entries[file] {
			if e.Order == order && p.Contains(e.Date) {
				out = append(out, e)
			}
		}
	}
	return out, nil
}

func (f *fakeTimesheets) Summaries() []cwo.TimeSummary { return f.summaries }

func (f *fakeTimesheets) FileEntries(file string, fn func(cwo.TimeEntry)) error {
	for _, e := range f.entries[file] {
		fn(e)
	}
	return nil
}

func month(y, m int) cwo.Month { return cwo.MonthOf(cwo.NewDate(y, 0, 1).AddMonths(m)) }

// fakeWorkspace is one fixed-price order (100 h for $10,000: $100 an hour) with time from a fake.
func fakeWorkspace(ts *fakeTimesheets) *cwo.Workspace {
	o := &cwo.WorkOrder{ID: "O-1", Funder: "f", Project: "p",
		Start: cwo.NewDate(2026, 10, 1), End: cwo.NewDate(2027, 9, 30),
		Budget: cwo.Budget{Type: cwo.BudgetFixed, Amount: cwo.MustDecimal("10000")},
		Scope:  []cwo.ScopeItem{{ID: "a", Title: "A", Hours: cwo.MustDecimal("60")}, {ID: "b", Title: "B", Hours: cwo.MustDecimal("40")}}}
	return &cwo.Workspace{Settings: cwo.DefaultSettings(), Orders: []*cwo.WorkOrder{o}, Time: ts}
}

func TestReportReadsTimeThroughTimesheets(t *testing.T) {
	h := cwo.MustDecimal
	ts := &fakeTimesheets{months: map[string][]cwo.MonthTime{"O-1": {
		{Month: month(2026, 10), Items: map[string]cwo.Hours{"a": h("5"), "": h("1")}, Total: h("6")},
		{Month: month(2027, 1), Items: map[string]cwo.Hours{"b": h("4")}, Total: h("4")},
	}}}
	ws := fakeWorkspace(ts)
	if got := ws.LoggedHours("O-1").String(); got != "10" {
		t.Errorf("LoggedHours = %s, want 10", got)
	}
	var periods []string
	for _, p := range ws.ReportPeriods(ws.Order("O-1")) {
		periods = append(periods, p.String())
	}
	if got := strings.Join(periods, " "); got != "2026-Q4 2027-Q1" {
		t.Errorf("ReportPeriods = %s, want 2026-Q4 2027-Q1", got)
	}
	r := ws.NewReport(ws.Order("O-1"), cwo.Period{Year: 2027, Quarter: 1})
	checks := []struct{ name, got, want string }{
		{"hours this period", r.HoursPeriod.String(), "4"},
		{"hours to date", r.HoursToDate.String(), "10"},
		{"item a to date", r.Items[0].HoursToDate.String(), "5"},
		{"item b this period", r.Items[1].HoursPeriod.String(), "4"},
		{"items", fmt.Sprint(len(r.Items)), "3"},
		{"the last line is (no item)", fmt.Sprintf("%v %s", r.Items[len(r.Items)-1].NoItem, r.Items[len(r.Items)-1].Title), "true (no item)"},
		{"hours without an item", r.Items[len(r.Items)-1].HoursToDate.String(), "1"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
}

func TestValidateRechecksTheRowsOfAFileWhoseSummaryBreaksARule(t *testing.T) {
	h := cwo.MustDecimal
	good := cwo.TimeEntry{Date: cwo.NewDate(2026, 10, 2), Order: "O-1", Person: "P", Item: "a", Hours: h("1"), File: "t/ok.csv", Line: 2}
	late := cwo.TimeEntry{Date: cwo.NewDate(2028, 1, 2), Order: "O-1", Person: "P", Item: "a", Hours: h("1"), File: "t/late.csv", Line: 7}
	ts := &fakeTimesheets{
		entries: map[string][]cwo.TimeEntry{"t/ok.csv": {good}, "t/late.csv": {late}},
		summaries: []cwo.TimeSummary{
			{File: "t/late.csv", Order: "O-1", Item: "a", First: late.Date, Last: late.Date},
			{File: "t/ok.csv", Order: "O-1", Item: "a", First: good.Date, Last: good.Date},
		},
	}
	var got []string
	for _, d := range cwo.Validate(fakeWorkspace(ts), cwo.ValidateOptions{}) {
		if strings.HasPrefix(d.File, "t/") {
			got = append(got, d.String())
		}
	}
	want := "t/late.csv:7: error: column date: 2028-01-02 is outside order O-1's term 2026-10-01 to 2027-09-30"
	if len(got) != 1 || got[0] != want {
		t.Errorf("timesheet diagnostics = %q, want [%q]", got, want)
	}
}

// A report period with more time entries than a worksheet holds is an error of validation,
// not a failure at render time; the row counts come from the time index.
func TestValidateReportsAPeriodTooLargeForAWorksheet(t *testing.T) {
	h := cwo.MustDecimal
	for _, tc := range []struct {
		rows int
		want bool
	}{{cwo.MaxReportRows, false}, {cwo.MaxReportRows + 1, true}} {
		ts := &fakeTimesheets{months: map[string][]cwo.MonthTime{"O-1": {
			{Month: month(2026, 10), Items: map[string]cwo.Hours{"a": h("1")}, Total: h("1"), Rows: tc.rows - 10},
			{Month: month(2026, 11), Items: map[string]cwo.Hours{"a": h("1")}, Total: h("1"), Rows: 10},
			{Month: month(2027, 1), Items: map[string]cwo.Hours{"a": h("1")}, Total: h("1"), Rows: 10},
		}}}
		ws := fakeWorkspace(ts)
		ws.Orders[0].Src = cwo.Source{File: "orders/O-1.yaml"}
		want := fmt.Sprintf("orders/O-1.yaml:1:1: error: the timesheets have %d rows for O-1 in 2026-Q4: more than a report's Timesheet sheet holds (1048574 rows", tc.rows)
		got := cwo.Validate(ws, cwo.ValidateOptions{}).Error()
		if strings.Contains(got, want) != tc.want {
			t.Errorf("%d rows in 2026-Q4: validation says\n%s\nwant the limit reported: %v", tc.rows, got, tc.want)
		}
		if strings.Contains(got, "rows for O-1 in 2027-Q1") {
			t.Errorf("2027-Q1, with 10 rows, reported:\n%s", got)
		}
	}
}
