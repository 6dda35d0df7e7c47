package xlsx

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
)

// doneLegend explains the two measures of a work item, which the Summary and the Work items
// sheet both show.
const doneLegend = "Done is the contractor's estimate of how complete an item is, from the progress notes. " +
	"Hours used compares the hours to date with the hours planned for the item: effort, not progress."

// workItems writes the scope items that moved in the period: those with hours, a reported
// status or pull requests, and the hours without a scope item. Their figures read the Work items
// sheet's cells, with their values cached.
func (s *summarySheet) workItems() {
	r, st := s.b.r, s.b.st
	var moved []int // indexes into r.Items
	for i, it := range r.Items {
		if !it.HoursPeriod.IsZero() || it.Status != "" || len(it.PRs) > 0 {
			moved = append(moved, i)
		}
	}
	s.section("Work items that moved", len(moved)+2)
	if len(moved) == 0 {
		s.muted("No work item moved in this period.")
		return
	}
	s.header([]string{"Work item", "Status", "Done", "Hours this period", "Hours to date", "Planned hours"}, 2, 3, 4, 5)
	for _, i := range moved {
		it, src := r.Items[i], i+2 // the item's row on the Work items sheet
		if it.NoItem {
			s.text(cell("A", s.row), it.Title, st.muted)
			s.text(cell("B", s.row), "Hours without a scope item", st.muted)
		} else {
			s.text(cell("A", s.row), it.Title, st.wrap)
			s.text(cell("B", s.row), statusWords(it.Status), st.text)
			if it.Status != "" {
				s.linked("C", "D", src, percentDone(it.Percent), st.whole)
			}
			s.linked("F", itemsPlannedCol, src, it.PlannedHours, st.hours)
		}
		s.linked("D", itemsPeriodCol, src, it.HoursPeriod, st.hours)
		s.linked("E", itemsToDateCol, src, it.HoursToDate, st.hours)
		s.next(linesHeight(textLines(it.Title, summaryWidths[0])))
	}
	s.merged("A", summaryLastCol, doneLegend, st.note)
	s.next(linesHeight(textLines(doneLegend, span("A", summaryLastCol))))
}

// linked writes v into column col of the current row as a formula that reads column src of row
// srcRow of the Work items sheet, which holds v.
func (s *summarySheet) linked(col, src string, srcRow int, v cwo.Decimal, style int) {
	ref := cell(col, s.row)
	s.number(ref, v, style)
	formula := fmt.Sprintf("'%s'!%s%d", sheetItems, src, srcRow)
	s.do(func() error { return s.f.SetCellFormula(s.name, ref, formula) })
}

// percentDone is a reported percent as the fraction a percent format shows.
func percentDone(p int) cwo.Decimal {
	return cwo.DecimalFromInt(int64(p)).Div(cwo.DecimalFromInt(100))
}

// pullRequests writes the pull requests merged in the period, then the others opened in it, each
// a link to its page, with the day it was opened and the day it was merged; the counts under
// them count every pull request opened in the period, whatever became of it.
func (s *summarySheet) pullRequests() {
	prs := s.b.r.PeriodPRs()
	merged, others, opened := prs.Merged, prs.Opened, prs.OpenedCount
	s.section("Pull requests", len(merged)+len(others)+2)
	if len(merged)+len(others) == 0 {
		s.muted("No pull request was merged or opened in this period.")
		return
	}
	s.header([]string{"Pull request", "Title", "", "State", "Opened", "Merged"})
	s.mergeHeader("B", "C")
	for _, c := range append(merged, others...) {
		s.pullRequest(c)
	}
	s.muted(fmt.Sprintf("Merged in the period: %d. Opened in the period: %d. The Contributions sheet lists every pull request opened, merged, closed or in review in the period.", len(merged), opened))
}

// mergeHeader merges header cells from..to of the previous row, the header just written.
func (s *summarySheet) mergeHeader(from, to string) {
	a, b := cell(from, s.row-1), cell(to, s.row-1)
	s.do(func() error { return s.f.MergeCell(s.name, a, b) })
}

// pullRequest writes one pull request: its reference (owner/repo#N) as a link, its title, its
// state, the day it was opened and, once merged by the period's end, the day it was merged.
func (s *summarySheet) pullRequest(c cwo.Contribution) {
	st := s.b.st
	ref := cell("A", s.row)
	if linkable(c.URL) {
		s.text(ref, c.Ref(), st.link)
		u := c.URL
		s.do(func() error { return s.f.SetCellHyperLink(s.name, ref, u, "External") })
	} else {
		s.text(ref, c.Ref(), st.text)
	}
	s.merged("B", "C", c.Title, st.wrap)
	state := capitalize(stateLabel(c.State))
	s.text(cell("D", s.row), state, st.wrap)
	s.date(cell("E", s.row), c.Opened, st.date)
	if c.State == cwo.StateMerged {
		s.date(cell("F", s.row), c.Merged, st.date)
	}
	s.next(linesHeight(max(textLines(c.Title, span("B", "C")), textLines(c.Ref(), summaryWidths[0]), textLines(state, summaryWidths[3]))))
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
