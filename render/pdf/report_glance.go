package pdf

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
)

// glanceSection answers, on a progress report's first page, what the funder's money bought in
// the period: the money, the work items that moved, the pull requests merged and the first
// risk and next step of the progress notes. The sections after it give the detail.
func (d *reportDoc) glanceSection(r *cwo.Report) string {
	var m mdText
	m.heading(2, "At a glance")
	c := r.Currency
	m.table([]string{"", "This period", "To date"}, []int{1, 2}, [][]string{
		{"Earned", d.money(r.Earned.Period, c), d.money(r.Earned.ToDate, c)},
		{"Invoiced", d.money(r.Invoiced.Period, c), d.money(r.Invoiced.ToDate, c)},
		{"Paid", d.money(r.Paid.Period, c), d.money(r.Paid.ToDate, c)},
		{"Outstanding (invoiced, not yet paid)", "", d.money(r.Outstanding, c)},
		{"Remaining of the budget " + d.money(r.Budget, c), "", d.money(r.Remaining, c)},
	})
	var lines []string
	if moved := d.movedItems(r); moved != "" {
		lines = append(lines, "**Work items that moved:** "+moved+".")
	}
	lines = append(lines, "**Pull requests merged in the period:** "+mergedRefs(r)+".")
	if p := r.Progress; p != nil {
		if len(p.Risks) > 0 {
			lines = append(lines, "**Risk:** "+oneLine(p.Risks[0]))
		}
		if len(p.Next) > 0 {
			lines = append(lines, "**Next:** "+oneLine(p.Next[0]))
		}
	}
	m.list(lines)
	return m.String()
}

// movedItems writes the work items with hours in the period, or whose progress notes report
// them, each as "title (status, percent, hours this period)"; "" when none moved.
func (d *reportDoc) movedItems(r *cwo.Report) string {
	var parts []string
	for _, it := range r.Items {
		if it.HoursPeriod.Sign() <= 0 && it.Status == "" {
			continue
		}
		var facts []string
		if it.Status != "" {
			facts = append(facts, strings.ToLower(itemStatusWords(it.Status)), percentDone(it))
		}
		if it.HoursPeriod.Sign() > 0 {
			facts = append(facts, d.hours(it.HoursPeriod)+" h")
		}
		title := esc(it.Title)
		if it.NoItem {
			title = "without a work item"
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", title, strings.Join(facts, ", ")))
	}
	return strings.Join(parts, "; ")
}

// mergedRefs writes how many pull requests were merged in the report's period and their
// references as links: "2: numpy/numpy#1, numpy/numpy#2", or "none".
func mergedRefs(r *cwo.Report) string {
	var refs []string
	for _, c := range r.PeriodPRs().Merged {
		refs = append(refs, prRef(c))
	}
	if len(refs) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d (%s)", len(refs), strings.Join(refs, ", "))
}
