package cwo_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// The base workspace's O-1 is a fixed price of $150,000 (term 2026-10-01 to 2027-09-30): $50,000
// on signature (2026-10-01) and $100,000 on 2027-04-01; 8.5 hours in 2026-Q4. O-2 is hourly,
// $175 an hour capped at 200 hours, with 3 hours in 2026-Q4.
const (
	o1Signature = "  - {due: 2026-10-01, amount: 50000, on: signature, label: On signature}"
	o1Midway    = "  - {due: 2027-04-01, amount: 100000, label: Midway}"
)

// quarter is the report period of a year's quarter.
func quarter(y, q int) cwo.Period { return cwo.Period{Year: y, Quarter: q} }

// moneyCheck compares one figure's exact value.
type moneyCheck struct {
	name string
	got  cwo.Decimal
	want string
}

func checkMoney(t *testing.T, checks []moneyCheck) {
	t.Helper()
	for _, c := range checks {
		if c.got.Cmp(cwo.MustDecimal(c.want)) != 0 {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
}

func TestMoneyFixedMilestones(t *testing.T) {
	ws := loadBase(t,
		edit{o1, o1Signature, strings.TrimSuffix(o1Signature, "}") + ", invoiced: 2026-10-01, paid: 2026-10-20}"},
		edit{o1, o1Midway, strings.TrimSuffix(o1Midway, "}") + ", invoiced: 2027-04-01}"})
	q4 := ws.NewReport(ws.Order("O-1"), quarter(2026, 4))
	if q4.EarnedBy != cwo.EarnedMilestones {
		t.Errorf("EarnedBy = %q, want %q", q4.EarnedBy, cwo.EarnedMilestones)
	}
	checkMoney(t, []moneyCheck{
		{"2026-Q4 earned", q4.Earned.Period, "50000"}, {"2026-Q4 earned to date", q4.Earned.ToDate, "50000"},
		{"2026-Q4 invoiced", q4.Invoiced.Period, "50000"}, {"2026-Q4 paid", q4.Paid.Period, "50000"},
		{"2026-Q4 outstanding", q4.Outstanding, "0"}, {"2026-Q4 remaining", q4.Remaining, "100000"},
		{"2026-Q4 budget earned", q4.EarnedPct, "33.3"},
	})
	if s := q4.Schedule; len(s) != 2 || s[0].Reached.String() != "2026-10-01" || !s[1].Reached.IsZero() || !s[1].Invoiced.IsZero() {
		t.Errorf("2026-Q4 schedule = %+v, want the first instalment reached, the second neither reached nor (yet) invoiced", s)
	}
	q2 := ws.NewReport(ws.Order("O-1"), quarter(2027, 2))
	checkMoney(t, []moneyCheck{
		{"2027-Q2 earned", q2.Earned.Period, "100000"}, {"2027-Q2 earned to date", q2.Earned.ToDate, "150000"},
		{"2027-Q2 invoiced", q2.Invoiced.Period, "100000"}, {"2027-Q2 paid", q2.Paid.Period, "0"},
		{"2027-Q2 outstanding", q2.Outstanding, "100000"}, {"2027-Q2 remaining", q2.Remaining, "0"},
		{"2027-Q2 budget earned", q2.EarnedPct, "100"},
	})
	if len(q2.ByPeriod) != 3 || q2.ByPeriod[1].Earned.Cmp(cwo.MustDecimal("50000")) != 0 || q2.ByPeriod[2].Invoiced.Cmp(cwo.MustDecimal("150000")) != 0 {
		t.Errorf("2027-Q2 by period = %+v, want 2026-Q4 to 2027-Q2, earned 50,000 by 2027-Q1, invoiced 150,000 by 2027-Q2", q2.ByPeriod)
	}
}

// A completed fixed order shows its full price earned, whatever its hours (8.5 of 600 planned):
// never "Remaining" as the price less hours × a derived cost.
func TestMoneyCompletedFixedOrderShowsFullPrice(t *testing.T) {
	final := "  - {due: 2027-09-30, amount: 100000, on: completion, label: Final instalment}"
	tests := []struct {
		name       string
		edits      []edit
		period     cwo.Period
		earned     string
		remaining  string
		earnedPct  string
		reachedEnd bool
	}{
		{"completed", []edit{{o1, "status: active", "status: completed"}}, quarter(2027, 3), "150000", "0", "100", true},
		{"active, before the term's end", nil, quarter(2027, 2), "50000", "100000", "33.3", false},
		{"active, the term ended", nil, quarter(2027, 3), "150000", "0", "100", true},
		{"active, completion on the final report", []edit{{o1, "payments:", "completion: final-report\npayments:"}}, quarter(2027, 3), "50000", "100000", "33.3", false},
		{"completed, completion on the final report", []edit{{o1, "payments:", "completion: final-report\npayments:"}, {o1, "status: active", "status: completed"}},
			quarter(2027, 3), "150000", "0", "100", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := loadBase(t, append([]edit{{o1, o1Midway, final}}, tt.edits...)...)
			r := ws.NewReport(ws.Order("O-1"), tt.period)
			checkMoney(t, []moneyCheck{{"earned to date", r.Earned.ToDate, tt.earned}, {"remaining", r.Remaining, tt.remaining}, {"budget earned", r.EarnedPct, tt.earnedPct}})
			if got := !r.Schedule[1].Reached.IsZero(); got != tt.reachedEnd {
				t.Errorf("final instalment reached = %v (%s), want %v", got, r.Schedule[1].Reached, tt.reachedEnd)
			}
			if r.HoursToDate.String() != "8.5" {
				t.Errorf("hours to date = %s, want 8.5: hours stay facts", r.HoursToDate)
			}
		})
	}
}

func TestMoneyPercentComplete(t *testing.T) {
	percent := edit{o1, "payments:", "earned: percent\npayments:"}
	tests := []struct {
		name            string
		edits           []edit
		period          cwo.Period
		pct, earned     string
		earnedPeriodPct string
	}{
		// simd 40% of 500 planned hours, release not reported, of 600: 33.3% (the price × 1/3 exactly)
		{"weighted by planned hours", nil, quarter(2026, 4), "33.3", "50000", "50000"},
		// release done (100%): (500 × 40 + 100 × 100) ÷ 600 = 50%
		{"an item done", []edit{{"progress/O-1/2026-Q4.yaml", "items:\n", "items:\n  release: {status: done}\n"}}, quarter(2026, 4), "50", "75000", "75000"},
		// the latest notes by the period's end count: 2027-Q1 says simd 70%
		{"later notes", []edit{{"progress/O-1/2027-Q1.yaml", "", "summary: More.\nitems:\n  simd: {status: in-progress, percent: 70}\n"}},
			quarter(2027, 1), "58.3", "87500", "37500"},
		{"completed at the term's end", []edit{{o1, "status: active", "status: completed"}}, quarter(2027, 3), "100", "150000", "100000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := loadBase(t, append([]edit{percent}, tt.edits...)...)
			r := ws.NewReport(ws.Order("O-1"), tt.period)
			if r.EarnedBy != cwo.EarnedPercent {
				t.Errorf("EarnedBy = %q, want %q", r.EarnedBy, cwo.EarnedPercent)
			}
			checkMoney(t, []moneyCheck{{"percent complete", r.PercentComplete, tt.pct}, {"earned to date", r.Earned.ToDate, tt.earned},
				{"earned this period", r.Earned.Period, tt.earnedPeriodPct}})
			for _, s := range r.Schedule {
				if !s.Reached.IsZero() {
					t.Errorf("payment %q reached %s: an order earned by percent has no milestones", s.Label, s.Reached)
				}
			}
		})
	}
}

func TestMoneyHourly(t *testing.T) {
	first := "  - {due: 2026-12-31, amount: 13125, kind: estimate}"
	ws := loadBase(t,
		edit{"timesheets/q4.csv", "2026-10-04,O-2,Zoë Martin,docs,3,", "2026-10-04,O-2,Zoë Martin,docs,3,\n2026-11-02,O-2,Zoë Martin,docs,100,\n2027-01-05,O-2,Zoë Martin,docs,120,"},
		edit{o2, first, strings.TrimSuffix(first, "}") + ", invoiced: 2027-01-04, billed: 18025, paid: 2027-01-29}"})
	q4 := ws.NewReport(ws.Order("O-2"), quarter(2026, 4))
	if q4.EarnedBy != cwo.EarnedByHours {
		t.Errorf("EarnedBy = %q, want %q", q4.EarnedBy, cwo.EarnedByHours)
	}
	q1 := ws.NewReport(ws.Order("O-2"), quarter(2027, 1))
	checkMoney(t, []moneyCheck{
		{"2026-Q4 earned (103 h × $175)", q4.Earned.Period, "18025"}, {"2026-Q4 invoiced (in January)", q4.Invoiced.ToDate, "0"},
		// 223 hours to date, capped at 200: $35,000, of which $16,975 in 2027-Q1
		{"2027-Q1 earned within the cap", q1.Earned.Period, "16975"}, {"2027-Q1 earned to date", q1.Earned.ToDate, "35000"},
		{"2027-Q1 invoiced: the billed amount, not the estimate", q1.Invoiced.Period, "18025"}, {"2027-Q1 paid", q1.Paid.Period, "18025"},
		{"2027-Q1 outstanding", q1.Outstanding, "0"}, {"2027-Q1 remaining", q1.Remaining, "0"},
	})
	if q1.HoursToDate.String() != "223" {
		t.Errorf("hours to date = %s, want 223: the cap limits what is earned, not the hours reported", q1.HoursToDate)
	}
	if s := q1.Schedule[0]; s.InvoicedAmount.String() != "18025" || s.Amount.String() != "13125" || s.Paid.String() != "2027-01-29" {
		t.Errorf("schedule[0] = %+v, want the estimate 13125 invoiced for 18025, paid 2027-01-29", s)
	}
}

// An order nobody has signed earns nothing, whatever the hours or the dates, and says so.
func TestMoneyUnsignedOrder(t *testing.T) {
	for _, status := range []string{"draft", "sent"} {
		ws := loadBase(t, edit{o1, "status: active", "status: " + status})
		r := ws.NewReport(ws.Order("O-1"), quarter(2026, 4))
		checkMoney(t, []moneyCheck{{status + " earned", r.Earned.ToDate, "0"}, {status + " remaining", r.Remaining, "150000"}})
		if len(r.Flags) != 1 || !strings.Contains(r.Flags[0], "nothing is earned or due") {
			t.Errorf("%s flags = %q, want the status flag", status, r.Flags)
		}
	}
}

// Hours logged without a scope item are one "(no item)" line after the scope items; a scope item
// without a key (a title only) does not collect them, nor pull requests without an item.
func TestNoItemHours(t *testing.T) {
	ws := loadBase(t,
		edit{o1, "  - id: release\n", "  - hours: 100\n"}, edit{o1, "    description: Help with releases.\n    hours: 100\n", "    description: Help with releases.\n"},
		edit{"timesheets/q4.csv", "2026-10-04,O-2", "2026-10-05,O-1,Priya Raman,,1.5,Community call\n2026-10-04,O-2"})
	r := ws.NewReport(ws.Order("O-1"), quarter(2026, 4))
	if len(r.Items) != 3 {
		t.Fatalf("items = %+v, want simd, Release management and (no item)", r.Items)
	}
	release, none := r.Items[1], r.Items[2]
	if release.Key != "" || release.NoItem || !release.HoursToDate.IsZero() || len(release.PRs) != 0 {
		t.Errorf("the key-less scope item = %+v, want no hours and no pull requests", release)
	}
	// the 2 hours logged against "release" (no longer a key) and the 1.5 logged without one
	if none.Key != "" || !none.NoItem || none.Title != cwo.NoItemTitle || none.HoursPeriod.String() != "3.5" || !none.PlannedHours.IsZero() {
		t.Errorf("the (no item) line = %+v, want NoItem, %q, 3.5 hours", none, cwo.NoItemTitle)
	}
	if base := loadBase(t).NewReport(loadBase(t).Order("O-1"), quarter(2026, 4)); len(base.Items) != 2 {
		t.Errorf("base items = %d, want 2: no (no item) line without such hours", len(base.Items))
	}
}
