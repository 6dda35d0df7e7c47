package cwo_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

func TestReportFlags(t *testing.T) {
	q1Hours := edit{"timesheets/q4.csv", "2026-10-04,O-2", "2027-01-05,O-2,Zoë Martin,docs,1,\n2026-10-04,O-2"}
	tests := []struct {
		name   string
		edits  []edit
		order  string
		period cwo.Period
		want   []string
	}{
		{"none", nil, "O-1", quarter(2026, 4), nil},
		{"draft", []edit{{o1, "status: active", "status: draft"}}, "O-1", quarter(2026, 4),
			[]string{"This order is a draft, not sent or signed: no work is agreed, and nothing is earned or due."}},
		{"sent", []edit{{o1, "status: active", "status: sent"}}, "O-1", quarter(2026, 4),
			[]string{"This order has been sent but not signed: until both parties sign it, nothing is earned or due."}},
		{"cancelled", []edit{{o1, "status: active", "status: cancelled"}}, "O-1", quarter(2026, 4),
			[]string{"This order is cancelled: it earns nothing more, and only what was invoiced is due."}},
		{"hours with nothing to show", []edit{q1Hours}, "O-2", quarter(2027, 1),
			[]string{"1 hour was logged in 2027-Q1, but the period has no progress notes and no pull requests."}},
		{"hours with a pull request to show", []edit{q1Hours, {"progress/O-2/contributions.json", "",
			`[{"number": 9, "title": "Docs", "url": "https://github.com/numpy/numpy/pull/9", "state": "OPEN", "createdAt": "2027-01-06T10:00:00Z"}]`}},
			"O-2", quarter(2027, 1), nil},
		{"hours after the term", []edit{{"timesheets/q4.csv", "2026-10-04,O-2", "2027-05-03,O-2,Zoë Martin,docs,2.5,\n2026-10-04,O-2"}}, "O-2", quarter(2026, 4),
			[]string{"2.5 hours were logged after the term's end (2027-03-31); the order does not pay for them."}},
		{"hours before the term", []edit{{"timesheets/q4.csv", "2026-10-04,O-2", "2026-08-03,O-2,Zoë Martin,docs,4,\n2026-10-04,O-2"}}, "O-2", quarter(2026, 4),
			[]string{"4 hours were logged before the term's start (2026-10-01); the order does not pay for them."}},
		{"in order: status, evidence", []edit{q1Hours, {o2, "status: signed", "status: sent"}}, "O-2", quarter(2027, 1), []string{
			"This order has been sent but not signed: until both parties sign it, nothing is earned or due.",
			"1 hour was logged in 2027-Q1, but the period has no progress notes and no pull requests."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := loadBase(t, tt.edits...)
			r := ws.NewReport(ws.Order(tt.order), tt.period)
			if strings.Join(r.Flags, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("flags = %q\nwant    %q", r.Flags, tt.want)
			}
		})
	}
}

// The flags of the reports an order gets are warnings of validate, at the order's file.
func TestReportFlagWarnings(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		want  []string
	}{
		{"sent", []edit{{o2, "status: signed", "status: sent"}}, []string{
			"orders/O-2.yaml:4:9: warning: order O-2 has time or progress notes for 2026-Q4, so it gets reports, but it is sent: " +
				"This order has been sent but not signed: until both parties sign it, nothing is earned or due."}},
		{"draft", []edit{{o2, "status: signed", "status: draft"}}, []string{
			"orders/O-2.yaml:4:9: warning: order O-2 has time or progress notes for 2026-Q4, so it gets reports, but it is draft: " +
				"This order is a draft, not sent or signed: no work is agreed, and nothing is earned or due."}},
		{"hours with nothing to show", []edit{{"timesheets/q4.csv", "2026-10-04,O-2", "2027-01-05,O-2,Zoë Martin,docs,1,\n2027-02-05,O-2,Zoë Martin,docs,2.5,\n2026-10-04,O-2"}}, []string{
			"orders/O-2.yaml:1:1: warning: order O-2 has hours logged with no progress notes and no pull request in 2027-Q1 (3.5 hours): " +
				"the reports have nothing to show for them; add progress/O-2/<period>.yaml"}},
		// O-1's pull request #27002, opened in 2026-Q4, is still open at 2027-Q1's end: something to show
		{"hours and an open pull request", []edit{{"timesheets/q4.csv", "2026-10-04,O-2", "2027-01-05,O-1,Priya Raman,simd,1,\n2026-10-04,O-2"}}, nil},
		{"two unsigned orders", []edit{{o1, "status: active", "status: sent"}, {"timesheets/q4.csv", "", "date,order,person,item,hours,note\n"},
			{"progress/O-1/2026-Q4.yaml", "", "summary: x\n"}, {o2, "status: signed", "status: draft"}, {"progress/O-2/2026-Q4.yaml", "", "summary: x\n"}}, []string{
			"orders/O-1.yaml:4:9: warning: order O-1 has time or progress notes for 2026-Q4, so it gets reports, but it is sent: " +
				"This order has been sent but not signed: until both parties sign it, nothing is earned or due.",
			"orders/O-2.yaml:4:9: warning: order O-2 has time or progress notes for 2026-Q4, so it gets reports, but it is draft: " +
				"This order is a draft, not sent or signed: no work is agreed, and nothing is earned or due."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range check(t, copyBase(t, tt.edits...), cwo.ValidateOptions{}) {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestPaceFlag flags a period whose hours fall under half the planned hours spread evenly over
// the term, once it has ended by the workspace's date, in the report and as a warning; and a
// quarter with no hours in its last month.
func TestPaceFlag(t *testing.T) {
	late := edit{o2, "\nissued:", "\nissued: 2027-04-15\n#"} // O-2 issued after its term: the workspace's date
	ws := loadBase(t, late)
	if got := ws.AsOf().String(); got != "2027-04-15" {
		t.Fatalf("as of %s, want O-2's issued date 2027-04-15", got)
	}
	r := ws.NewReport(ws.Order("O-2"), quarter(2026, 4))
	want := "Only 3 hours were logged in 2026-Q4, under half the planned pace of 75.8 hours for the period (150 planned hours spread evenly over the term).\n" +
		"No hours were logged in December 2026, the last month of 2026-Q4: the timesheets may be incomplete."
	if strings.Join(r.Flags, "\n") != want {
		t.Errorf("flags = %q\nwant    %q", r.Flags, want)
	}
	// With hours in December, the timesheets do not stop early.
	ws = loadBase(t, late, edit{"timesheets/q4.csv", "2026-10-04,O-2", "2026-12-14,O-2,Zoë Martin,docs,1,\n2026-10-04,O-2"})
	r = ws.NewReport(ws.Order("O-2"), quarter(2026, 4))
	if len(r.Flags) != 1 || !strings.HasPrefix(r.Flags[0], "Only 4 hours were logged in 2026-Q4") {
		t.Errorf("flags = %q, want the pace's only", r.Flags)
	}
	if ws := loadBase(t); len(ws.NewReport(ws.Order("O-2"), quarter(2026, 4)).Flags) != 0 {
		t.Errorf("a period not ended by the workspace's date is judged")
	}
	var got []string
	for _, d := range check(t, copyBase(t, late), cwo.ValidateOptions{}) {
		got = append(got, d.String())
	}
	for _, want := range []string{"warning: order O-2 logged under half its planned pace in 2026-Q4 (3 of 75.8 hours): the reports say so",
		"warning: order O-1 logged under half its planned pace in 2026-Q4 (8.5 of 151.2 hours)"} {
		if !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("diagnostics lack %q:\n%s", want, strings.Join(got, "\n"))
		}
	}
}
