package cwo_test

import (
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

func loadBase(t *testing.T, edits ...edit) *cwo.Workspace {
	t.Helper()
	ws, diags := workspace.Load(copyBase(t, edits...), cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return ws
}

func TestReportFixedAndHourlySpend(t *testing.T) {
	ws := loadBase(t)
	q4 := cwo.Period{Year: 2026, Quarter: 4}
	fixed := ws.NewReport(ws.Order("O-1"), q4)
	checks := []struct{ name, got, want string }{
		{"fixed hours this period", fixed.HoursPeriod.String(), "8.5"},
		{"fixed earned this period (the instalment on signature)", fixed.Earned.Period.StringFixed(2), "50000.00"},
		{"fixed remaining", fixed.Remaining.StringFixed(2), "100000.00"},
		{"fixed budget earned", fixed.EarnedPct.String(), "33.3"},
		{"fixed simd hours", fixed.Items[0].HoursPeriod.String(), "6.5"},
		{"fixed release hours", fixed.Items[1].HoursPeriod.String(), "2"},
		{"fixed simd status", fixed.Items[0].Status, "in-progress"},
		{"payments due in period", fixed.PaymentsDue[0].Due.String(), "2026-10-01"},
	}
	hourly := ws.NewReport(ws.Order("O-2"), q4)
	checks = append(checks, []struct{ name, got, want string }{
		{"hourly earned (3 hours × $175)", hourly.Earned.Period.StringFixed(2), "525.00"},
		{"hourly budget", hourly.Budget.String(), "35000"},
		{"hourly term elapsed", hourly.TermElapsedPct.String(), "50.5"},
	}...)
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	if len(fixed.Contributions) != 2 || fixed.StateCounts["merged"] != 1 || fixed.StateCounts["open"] != 1 {
		t.Errorf("contributions = %+v, counts %v; want one merged (YAML) and one open (JSON)", fixed.Contributions, fixed.StateCounts)
	}
	if len(fixed.Items[0].PRs) != 1 || fixed.Items[0].PRs[0].Number != 27001 {
		t.Errorf("simd PRs = %+v, want #27001", fixed.Items[0].PRs)
	}
}

func TestReportPeriods(t *testing.T) {
	ws := loadBase(t,
		edit{"timesheets/q1.csv", "", "date,order,person,item,hours,note\n2027-02-01,O-1,Priya Raman,simd,3,\n"},
		edit{"progress/O-1/2027-Q2.yaml", "", "summary: Planning.\n"})
	var got []string
	for _, p := range ws.ReportPeriods(ws.Order("O-1")) {
		got = append(got, p.String())
	}
	if want := "2026-Q4 2027-Q1 2027-Q2"; joinSpace(got) != want {
		t.Errorf("ReportPeriods = %v, want %s", got, want)
	}
	r := ws.NewReport(ws.Order("O-1"), cwo.Period{Year: 2027, Quarter: 1})
	if r.HoursPeriod.String() != "3" || r.HoursToDate.String() != "11.5" || len(r.ByPeriod) != 2 {
		t.Errorf("2027-Q1: hours %s, to date %s, %d periods of money; want 3, 11.5, 2", r.HoursPeriod, r.HoursToDate, len(r.ByPeriod))
	}
	// The PR merged in 2026-Q4 is not in 2027-Q1's report; the open one still is.
	if len(r.Contributions) != 1 || r.Contributions[0].State != "open" {
		t.Errorf("2027-Q1 contributions = %+v, want only the open PR", r.Contributions)
	}
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		in, start, end, next string
	}{
		{"2026-Q4", "2026-10-01", "2026-12-31", "2027-Q1"},
		{"2026-Q1", "2026-01-01", "2026-03-31", "2026-Q2"},
		{"2026-02", "2026-02-01", "2026-02-28", "2026-03"},
		{"2028-02", "2028-02-01", "2028-02-29", "2028-03"},
		{"2026-12", "2026-12-01", "2026-12-31", "2027-01"},
	}
	for _, tt := range tests {
		p, err := cwo.ParsePeriod(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if p.Start().String() != tt.start || p.End().String() != tt.end || p.Next().String() != tt.next || p.String() != tt.in {
			t.Errorf("%s: start %s end %s next %s", tt.in, p.Start(), p.End(), p.Next())
		}
	}
	for _, bad := range []string{"2026-Q5", "2026-13", "2026-Q0", "26-Q1", "2026-1", ""} {
		if _, err := cwo.ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
}

func joinSpace(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
