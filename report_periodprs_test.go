package cwo

import "testing"

// TestPeriodPRs: a pull request opened and merged in the period is merged, and counted as
// opened too; one opened in it and still open is opened; one from before is other.
func TestPeriodPRs(t *testing.T) {
	q4, err := ParsePeriod("2026-Q4")
	if err != nil {
		t.Fatal(err)
	}
	pr := func(n int, state, opened, merged string) Contribution {
		c := Contribution{Number: n, Repo: "scipy/scipy", State: state, Opened: MustDate(opened)}
		if merged != "" {
			c.Merged = MustDate(merged)
		}
		return c
	}
	r := &Report{Period: q4, Contributions: []Contribution{
		pr(1, StateMerged, "2026-11-05", "2026-11-12"), // opened and merged in Q4
		pr(2, StateMerged, "2026-08-01", "2026-10-02"), // opened before, merged in Q4
		pr(3, StateOpen, "2026-12-01", ""),             // opened in Q4, in review
		pr(4, StateOpen, "2026-09-01", ""),             // opened before, still in review
	}}
	got := r.PeriodPRs()
	numbers := func(cs []Contribution) (ns []int) {
		for _, c := range cs {
			ns = append(ns, c.Number)
		}
		return ns
	}
	if m, o, x := numbers(got.Merged), numbers(got.Opened), numbers(got.Other); len(m) != 2 || m[0] != 1 || m[1] != 2 ||
		len(o) != 1 || o[0] != 3 || len(x) != 1 || x[0] != 4 {
		t.Errorf("merged %v, opened %v, other %v; want [1 2], [3], [4]", m, o, x)
	}
	if got.OpenedCount != 2 {
		t.Errorf("OpenedCount = %d, want 2 (#1 and #3)", got.OpenedCount)
	}
}
