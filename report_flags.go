package cwo

import (
	"fmt"
	"strings"
)

// A report's flags are what its funder should know before reading its figures: the order is not
// signed, hours were logged with nothing to show for them, hours fall outside the term. Each is
// a short sentence on the report (Report.Flags) and a warning of `cwo validate` at the order's
// file (reportWarnings), from the same rules.

// reportFlag is one flag, and where in the order's file validate points at.
type reportFlag struct {
	text string
	at   []any // the order file's key path
}

// reportFlags returns the flags of order o's report for period p, in a fixed order: the order's
// status, then the period's evidence, then hours outside the term.
func (w *Workspace) reportFlags(o *WorkOrder, p Period, hours Hours, notes, prs bool) []string {
	var out []string
	for _, f := range w.flags(o, p, hours, notes, prs) {
		out = append(out, f.text)
	}
	return out
}

func (w *Workspace) flags(o *WorkOrder, p Period, hours Hours, notes, prs bool) []reportFlag {
	var fs []reportFlag
	if f, ok := statusFlag(o); ok {
		fs = append(fs, f)
	}
	if hours.Sign() > 0 && !notes && !prs {
		fs = append(fs, reportFlag{at: []any{"reporting"}, text: fmt.Sprintf(
			"%s hours were logged in %s, but the period has no progress notes and no pull requests.", hours, p)})
	}
	before, after := w.hoursOutsideTerm(o)
	if before.Sign() > 0 {
		fs = append(fs, reportFlag{at: []any{"start"}, text: fmt.Sprintf(
			"%s hours are logged before the term's start (%s); the order does not pay for them.", before, o.Start)})
	}
	if after.Sign() > 0 {
		fs = append(fs, reportFlag{at: []any{"end"}, text: fmt.Sprintf(
			"%s hours are logged after the term's end (%s); the order does not pay for them.", after, o.End)})
	}
	return fs
}

// statusFlag flags an order that is not (or no longer) an agreement in force.
func statusFlag(o *WorkOrder) (reportFlag, bool) {
	var text string
	switch o.Status {
	case StatusDraft:
		text = "This order is a draft, not sent or signed: no work is agreed, and nothing is earned or due."
	case StatusSent:
		text = "This order has been sent but not signed: until both parties sign it, nothing is earned or due."
	case StatusCancelled:
		text = "This order is cancelled: it earns nothing more, and only what was invoiced is due."
	default:
		return reportFlag{}, false
	}
	return reportFlag{at: []any{"status"}, text: text}, true
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
	if f, ok := statusFlag(o); ok {
		v.diags.Warnf(src.File, src.At(f.at...), "order %s has time or progress notes for %d report period(s), but it is %s: %s",
			o.ID, len(periods), o.Status, f.text)
	}
	prs := v.ws.orderContributions(o.ID)
	var bare []string // periods with hours and nothing to show for them
	for _, p := range periods {
		if hours := v.ws.periodHours(o.ID, p); hours.Sign() > 0 && !v.ws.hasNotes(o.ID, p) && !anyRelevant(prs, p) {
			bare = append(bare, fmt.Sprintf("%s (%s hours)", p, hours))
		}
	}
	if len(bare) > 0 {
		v.diags.Warnf(src.File, src.At("reporting"), "order %s has hours logged with no progress notes and no pull request in %s: "+
			"the reports have nothing to show for them; add progress/%s/<period>.yaml", o.ID, strings.Join(bare, ", "), o.ID)
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

// hasNotes reports whether an order has progress notes for period p.
func (w *Workspace) hasNotes(orderID string, p Period) bool {
	for _, pr := range w.OrderProgress(orderID) {
		if pr.Period == p {
			return true
		}
	}
	return false
}

// anyRelevant reports whether any of the contributions belongs in period p's report.
func anyRelevant(prs map[string]Contribution, p Period) bool {
	for _, c := range prs {
		if ok, _ := relevantIn(c, p); ok {
			return true
		}
	}
	return false
}
