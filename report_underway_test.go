package cwo

import (
	"strings"
	"testing"
)

// TestNoteUnderWay: a period not over on the report date whose hours stop more than a week
// before its end (within the term) says its figures run to that day; a week's gap, an ended
// period, or a term that ends first does not.
func TestNoteUnderWay(t *testing.T) {
	q4, err := ParsePeriod("2026-Q4")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name          string
		termEnd, asOf string
		through       string
		want          bool
	}{
		{"stops six weeks early", "2027-06-30", "2026-09-29", "2026-11-20", true},
		{"stops a week early", "2027-06-30", "2026-09-29", "2026-12-24", false},
		{"period over on the report date", "2027-06-30", "2027-01-10", "2026-11-20", false},
		{"term ends with the hours", "2026-11-25", "2026-09-29", "2026-11-20", false},
		{"no hours", "2027-06-30", "2026-09-29", "", false},
	}
	for _, c := range cases {
		r := &Report{Period: q4, Order: &WorkOrder{End: MustDate(c.termEnd)}}
		var through Date
		if c.through != "" {
			through = MustDate(c.through)
		}
		r.NoteUnderWay(MustDate(c.asOf), through)
		got := len(r.Flags) == 1 && strings.Contains(r.Flags[0], "run to "+c.through)
		if got != c.want || len(r.Flags) > 1 || (!c.want && len(r.Flags) != 0) {
			t.Errorf("%s: flags %q, want a flag: %v", c.name, r.Flags, c.want)
		}
	}
}
