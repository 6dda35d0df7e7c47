package cwo

import "fmt"

// A report flags a period whose hours fall far below the order's planned pace. The planned pace
// of a period is the order's planned hours (its scope's) spread evenly over the days of its
// term: planned hours × the period's days within the term ÷ the term's days, so that a period
// the term starts or ends in expects only its share. A period whose hours are under
// PaceShare of that is flagged, once it has ended by the workspace's date (Workspace.AsOf, the
// newest order's issued date): a period still under way is not judged.

// PaceShare is the share of a period's planned pace under which its hours are flagged.
var PaceShare = MustDecimal("0.5")

// plannedPace returns the hours order o plans for period p (1 decimal): zero for an order
// without planned hours or a term, or a period outside the term.
func plannedPace(o *WorkOrder, p Period) Hours {
	planned := o.ScopeHours()
	if planned.Sign() <= 0 || o.Start.IsZero() || o.End.IsZero() || o.End.Before(o.Start) {
		return Hours{}
	}
	from, to := MaxDate(o.Start, p.Start()), p.End()
	if o.End.Before(to) {
		to = o.End
	}
	if to.Before(from) {
		return Hours{}
	}
	days := o.Start.DaysUntil(o.End) + 1
	share := DecimalFromInt(int64(from.DaysUntil(to) + 1))
	return planned.Mul(share).Div(DecimalFromInt(int64(days))).Round(1)
}

// paceFlag flags period p of order o when its hours are under PaceShare of the planned pace;
// "" when they are not, the period has not ended by the workspace's date, or the order is not
// in force (statusFlag says so instead).
func (w *Workspace) paceFlag(o *WorkOrder, p Period, hours Hours) string {
	if statusFlag(o) != "" || p.End().After(w.AsOf()) {
		return ""
	}
	pace := plannedPace(o, p)
	if pace.Sign() <= 0 || hours.Cmp(pace.Mul(PaceShare)) >= 0 {
		return ""
	}
	return fmt.Sprintf("Only %s %s logged in %s, under half the planned pace of %s for the period (%s planned hours spread evenly over the term).",
		hoursPhrase(hours), loggedWord(hours), p, hoursPhrase(pace), o.ScopeHours())
}

// loggedWord is "was" or "were" for hours.
func loggedWord(h Hours) string {
	if h.Cmp(DecimalFromInt(1)) == 0 {
		return "was"
	}
	return "were"
}

// stopFlag flags a quarter, ended by the workspace's date, whose hours stop before its last
// month: hours were logged in it, none in its last month within the term. (A month's report has
// no finer measure here: timesheets are summed by month.) "" when that is not so.
func (w *Workspace) stopFlag(o *WorkOrder, p Period, hours Hours) string {
	if !p.IsQuarter() || hours.Sign() <= 0 || statusFlag(o) != "" || p.End().After(w.AsOf()) || o.End.IsZero() {
		return ""
	}
	first, last := p.Months()
	last = min(last, MonthOf(o.End))
	if last <= first || last < MonthOf(o.Start) {
		return ""
	}
	for _, m := range w.orderMonths(o.ID, last, last) {
		if m.Total.Sign() > 0 {
			return ""
		}
	}
	name := last.Start().Format("January 2006")
	return fmt.Sprintf("No hours were logged in %s, the last month of %s: the timesheets may be incomplete.", name, p)
}
