package cwo

import (
	"fmt"
	"strings"
)

// A report's flags are what its funder should know before reading its figures: the order is not
// signed (or is cancelled), hours were logged with nothing to show for them, hours fall outside
// the term. Each is a short sentence on the report (Report.Flags). `cwo validate` warns of the
// first two at the order's file (reportWarnings); a time entry outside the term is already an
// error there, at the timesheet's row, so the last flag shows only on a report made from a
// workspace that was not validated.

// reportFlags returns the flags of order o's report for period p, in a fixed order: the order's
// status, then the period's evidence, then hours outside the term. hours are the period's;
// notes and prs say whether it has progress notes and pull requests.
func (w *Workspace) reportFlags(o *WorkOrder, p Period, hours Hours, notes, prs bool) []string {
	var fs []string
	if f := statusFlag(o); f != "" {
		fs = append(fs, f)
	}
	if hours.Sign() > 0 && !notes && !prs {
		fs = append(fs, fmt.Sprintf("%s logged in %s, but the period has no progress notes and no pull requests.", hoursWere(hours), p))
	}
	before, after := w.hoursOutsideTerm(o)
	if before.Sign() > 0 {
		fs = append(fs, fmt.Sprintf("%s logged before the term's start (%s); the order does not pay for them.", hoursWere(before), o.Start))
	}
	if after.Sign() > 0 {
		fs = append(fs, fmt.Sprintf("%s logged after the term's end (%s); the order does not pay for them.", hoursWere(after), o.End))
	}
	return fs
}

// statusFlag flags an order that is not (or no longer) an agreement in force; "" for one that is.
func statusFlag(o *WorkOrder) string {
	switch o.Status {
	case StatusDraft:
		return "This order is a draft, not sent or signed: no work is agreed, and nothing is earned or due."
	case StatusSent:
		return "This order has been sent but not signed: until both parties sign it, nothing is earned or due."
	case StatusCancelled:
		return "This order is cancelled: it earns nothing more, and only what was invoiced is due."
	}
	return ""
}

// hoursOutsideTerm returns the hours logged against o in the months before its term's first
// month and after its last. (A row dated outside the term within those months is an error of
// the timesheet's own, which validate reports with its line.)
func (w *Workspace) hoursOutsideTerm(o *WorkOrder) (before, after Hours) {
	if o.Start.IsZero() || o.End.IsZero() {
		return before, after
	}
	for _, m := range w.orderMonths(o.ID, minMonth, MonthOf(o.Start)-1) {
		before = before.Add(m.Total)
	}
	for _, m := range w.orderMonths(o.ID, MonthOf(o.End)+1, maxMonth) {
		after = after.Add(m.Total)
	}
	return before, after
}

// The months before and after any date cwo reads.
const (
	minMonth Month = -1 << 40
	maxMonth Month = 1 << 40
)

// reportWarnings warns, at the order's file, of each flag of each report the order gets.
func (v *validator) reportWarnings(o *WorkOrder) {
	if o.Start.IsZero() || o.End.IsZero() || !o.Start.Before(o.End) {
		return
	}
	periods := v.ws.ReportPeriods(o)
	if len(periods) == 0 {
		return
	}
	src := o.Src
	if f := statusFlag(o); f != "" {
		v.diags.Warnf(src.File, src.At("status"), "order %s has time or progress notes for %s, so it gets reports, but it is %s: %s",
			o.ID, periodList(periods), o.Status, f)
	}
	notes := map[Period]bool{}
	for _, pr := range v.ws.OrderProgress(o.ID) {
		notes[pr.Period] = true
	}
	var prs []Contribution // read when a period has hours and no notes
	var bare []string      // periods with hours and nothing to show for them
	var slow []string      // periods under half the planned pace
	for _, p := range periods {
		hours := v.ws.periodHours(o.ID, p)
		if v.ws.paceFlag(o, p, hours) != "" {
			slow = append(slow, fmt.Sprintf("%s (%s of %s)", p, hours, hoursPhrase(plannedPace(o, p))))
		}
		if hours.Sign() <= 0 || notes[p] {
			continue
		}
		if prs == nil {
			prs = v.ws.OrderContributions(o)
		}
		if !anyRelevant(prs, p) {
			bare = append(bare, fmt.Sprintf("%s (%s)", p, hoursPhrase(hours)))
		}
	}
	if len(bare) > 0 {
		v.diags.Warnf(src.File, src.At("reporting"), "order %s has hours logged with no progress notes and no pull request in %s: "+
			"the reports have nothing to show for them; add progress/%s/<period>.yaml", o.ID, strings.Join(bare, ", "), o.ID)
	}
	if len(slow) > 0 {
		v.diags.Warnf(src.File, src.At("scope"), "order %s logged under half its planned pace in %s: the reports say so "+
			"(the planned hours spread evenly over the term)", o.ID, strings.Join(slow, ", "))
	}
}

// periodHours returns the hours logged against an order in period p.
func (w *Workspace) periodHours(orderID string, p Period) Hours {
	var hours Hours
	first, last := p.Months()
	for _, m := range w.orderMonths(orderID, first, last) {
		hours = hours.Add(m.Total)
	}
	return hours
}

// anyRelevant reports whether any of the contributions belongs in period p's report.
func anyRelevant(prs []Contribution, p Period) bool {
	for _, c := range prs {
		if ok, _ := relevantIn(c, p); ok {
			return true
		}
	}
	return false
}

// hoursPhrase writes hours with their unit, for a sentence: "1 hour", "2.5 hours".
func hoursPhrase(h Hours) string {
	if h.Cmp(DecimalFromInt(1)) == 0 {
		return "1 hour"
	}
	return h.String() + " hours"
}

// periodList writes periods for a sentence: "2026-Q3, 2026-Q4".
func periodList(ps []Period) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, ", ")
}

// hoursWere starts a sentence about hours: "1 hour was", "2.5 hours were".
func hoursWere(h Hours) string {
	if h.Cmp(DecimalFromInt(1)) == 0 {
		return "1 hour was"
	}
	return h.String() + " hours were"
}
