package cwo

// A report's money is what the funder's money bought and where the invoices stand. Nothing here
// is a cost derived from hours: a fixed price is earned by its payment schedule's milestones (or
// by percent complete where the order says earned: percent), an hourly order by the hours worked
// × the rate, within the cap. Hours stay facts of their own (Report.Items).

// EarnedByHours is how an hourly order earns (ReportMoney.EarnedBy): hours worked × the rate,
// up to the cap on billed hours.
const EarnedByHours = "hours"

// ReportMoney is what a report says about money, in the order's currency, exact. The flows
// (Earned, Invoiced, Paid) are given for the period and to date, from the order's start to the
// period's end (the order's first period also counts what came before its start, such as an
// invoice on signature); the balances (Outstanding, Remaining) stand as at the period's end.
// Invoicing facts dated after the period's end are not known to its report.
type ReportMoney struct {
	EarnedBy string  // EarnedByHours, EarnedMilestones or EarnedPercent
	Earned   Amounts // what the work has earned (see EarnedBy)
	Invoiced Amounts // the invoices issued, each for Payment.InvoicedAmount
	Paid     Amounts // the invoices the funder has paid
	// Outstanding is what the funder owes at the period's end: invoiced − paid to date.
	Outstanding Money
	// Remaining is what the order can still earn at the period's end: Budget − Earned.ToDate,
	// never below zero. It is not money left unspent: a completed fixed order has 0 remaining
	// and its full price earned, whatever its hours.
	Remaining Money
	EarnedPct Decimal // Earned.ToDate ÷ Budget × 100, 1 decimal
	// PercentComplete is the order's percent complete at the period's end (EarnedPercent only):
	// the scope items' percents from the progress notes, weighted by planned hours, 1 decimal.
	PercentComplete Decimal
	Schedule        []PaymentState // the payment schedule as it stood at the period's end, in schedule order
	ByPeriod        []PeriodMoney  // cumulative figures at the end of each period from the order's start to this one
}

// Amounts is one money figure for the report's period and to date.
type Amounts struct{ Period, ToDate Money }

// PaymentState is one payment of the schedule as it stood at the end of a report's period.
type PaymentState struct {
	Due    Date
	Label  string
	Kind   string // hourly orders: PaymentAdvance or PaymentEstimate
	On     string // OnDate (empty), OnSignature or OnCompletion
	Amount Money  // as scheduled (an estimate's is a forecast)
	// Reached is when a fixed order's instalment was earned (EarnedMilestones), zero when it
	// was not by the period's end.
	Reached        Date
	Invoiced       Date  // zero when not invoiced by the period's end
	InvoicedAmount Money // what it was invoiced for (Payment.InvoicedAmount); zero when not invoiced
	Paid           Date  // zero when not paid by the period's end
}

// PeriodMoney is the cumulative earned, invoiced and paid at the end of one period.
type PeriodMoney struct {
	Period                 Period
	Earned, Invoiced, Paid Money
}

// money computes the report's money from its order, timesheets and progress notes.
func (r *Report) money(w *Workspace) {
	o := r.Order
	r.EarnedBy = earnedBy(o)
	hoursAt := cumulativeHours(w, o, r.Period.End())
	var prev PeriodMoney
	for _, p := range PeriodsBetween(o.Start, r.Period.End(), o.Reporting.Quarterly()) {
		end := p.End()
		pm := PeriodMoney{Period: p, Earned: r.earnedAt(w, end, hoursAt[p])}
		pm.Invoiced, pm.Paid = invoicedAt(o, end)
		r.ByPeriod = append(r.ByPeriod, pm)
		if p == r.Period {
			r.Earned = Amounts{Period: pm.Earned.Sub(prev.Earned), ToDate: pm.Earned}
			r.Invoiced = Amounts{Period: pm.Invoiced.Sub(prev.Invoiced), ToDate: pm.Invoiced}
			r.Paid = Amounts{Period: pm.Paid.Sub(prev.Paid), ToDate: pm.Paid}
		}
		prev = pm
	}
	r.Outstanding = r.Invoiced.ToDate.Sub(r.Paid.ToDate)
	r.Remaining = r.Budget.Sub(r.Earned.ToDate)
	if r.Remaining.Sign() < 0 {
		r.Remaining = Money{}
	}
	r.EarnedPct = r.Earned.ToDate.Percent(r.Budget, 1)
	if r.EarnedBy == EarnedPercent {
		r.PercentComplete = r.percentComplete(w, r.Period.End()).Round(1)
	}
	r.Schedule = schedule(o, r.Period.End())
}

// earnedBy says how order o earns.
func earnedBy(o *WorkOrder) string {
	switch {
	case o.Budget.Type == BudgetHourly:
		return EarnedByHours
	case o.EarnsByPercent():
		return EarnedPercent
	}
	return EarnedMilestones
}

// cumulativeHours returns the hours logged against order o from its start to the end of each
// period up to end.
func cumulativeHours(w *Workspace, o *WorkOrder, end Date) map[Period]Hours {
	quarterly := o.Reporting.Quarterly()
	byPeriod := map[Period]Hours{}
	for _, m := range w.orderMonths(o.ID, MonthOf(o.Start), MonthOf(end)) {
		p := PeriodOf(m.Month.Start(), quarterly)
		byPeriod[p] = byPeriod[p].Add(m.Total)
	}
	var cum Hours
	out := map[Period]Hours{}
	for _, p := range PeriodsBetween(o.Start, end, quarterly) {
		cum = cum.Add(byPeriod[p])
		out[p] = cum
	}
	return out
}

// earnedAt returns what the order has earned by date d, when hours were logged by then. An
// order not yet signed (draft or sent) has earned nothing.
func (r *Report) earnedAt(w *Workspace, d Date, hours Hours) Money {
	o, minor := r.Order, r.Currency.MinorUnits()
	if o.Status == StatusDraft || o.Status == StatusSent {
		return Money{} // no agreement yet
	}
	switch r.EarnedBy {
	case EarnedByHours:
		if hours.Cmp(o.Budget.CapHours) > 0 {
			hours = o.Budget.CapHours
		}
		return hours.Mul(o.Budget.Rate).Round(minor)
	case EarnedPercent:
		return o.Budget.Amount.Mul(r.percentComplete(w, d)).Div(DecimalFromInt(100)).Round(minor)
	}
	var m Money
	for _, p := range o.Payments {
		if at := o.milestoneReached(p); !at.IsZero() && !at.After(d) {
			m = m.Add(p.Amount)
		}
	}
	return m
}

// Signed reports whether both parties have signed o: it is signed, active or completed.
func (o *WorkOrder) Signed() bool {
	return o.Status == StatusSigned || o.Status == StatusActive || o.Status == StatusCompleted
}

// milestoneReached returns when payment p of a fixed order is earned, or zero if it is not (yet).
// An instalment is earned on its due date, on signature (its planned date, once the order is
// signed) or on completion (the term's end, or the planned date once the order is completed, as
// the order's completion says), or when it was invoiced if that came first. An unsigned order
// earns nothing; a cancelled one only what was invoiced before it was cancelled.
func (o *WorkOrder) milestoneReached(p Payment) Date {
	if !o.Signed() {
		if o.Status == StatusCancelled {
			return p.Invoiced
		}
		return Date{}
	}
	at := p.Due
	if p.Event() == OnCompletion {
		at = o.completedOn(p)
	}
	if !p.Invoiced.IsZero() && (at.IsZero() || p.Invoiced.Before(at)) {
		return p.Invoiced
	}
	return at
}

// completedOn returns when the work is complete for payment p, due on completion: the term's
// end (completion: term-end); p's planned date once the order is completed (final-report); or,
// when the order names neither, whichever comes first. Zero if not complete.
func (o *WorkOrder) completedOn(p Payment) Date {
	done := o.Status == StatusCompleted
	switch o.Completes {
	case CompletionTermEnd:
		return o.End
	case CompletionFinalReport:
		if done {
			return p.Due
		}
		return Date{}
	}
	if done && p.Due.Before(o.End) {
		return p.Due
	}
	return o.End
}

// invoicedAt adds up what was invoiced and paid by date d.
func invoicedAt(o *WorkOrder, d Date) (invoiced, paid Money) {
	for _, p := range o.Payments {
		if !p.Invoiced.IsZero() && !p.Invoiced.After(d) {
			invoiced = invoiced.Add(p.InvoicedAmount())
		}
		if !p.Paid.IsZero() && !p.Paid.After(d) {
			paid = paid.Add(p.InvoicedAmount())
		}
	}
	return invoiced, paid
}

// schedule returns o's payments as they stood at date d.
func schedule(o *WorkOrder, d Date) []PaymentState {
	var out []PaymentState
	for _, p := range o.Payments {
		s := PaymentState{Due: p.Due, Label: p.Label, Kind: p.Kind, On: p.On, Amount: p.Amount}
		if o.Budget.Type == BudgetFixed && !o.EarnsByPercent() {
			if at := o.milestoneReached(p); !at.IsZero() && !at.After(d) {
				s.Reached = at
			}
		}
		if !p.Invoiced.IsZero() && !p.Invoiced.After(d) {
			s.Invoiced, s.InvoicedAmount = p.Invoiced, p.InvoicedAmount()
		}
		if !p.Paid.IsZero() && !p.Paid.After(d) {
			s.Paid = p.Paid
		}
		out = append(out, s)
	}
	return out
}

// percentComplete returns the order's percent complete at date d (12 decimals): each scope item's
// percent in the latest progress notes of a period ended by d (100 for an item reported done),
// weighted by the item's planned hours; 100 once the order is completed and its term has ended.
func (r *Report) percentComplete(w *Workspace, d Date) Decimal {
	o := r.Order
	if o.Status == StatusCompleted && !d.Before(o.End) {
		return DecimalFromInt(100)
	}
	total := o.ScopeHours()
	if total.Sign() <= 0 {
		return Decimal{}
	}
	pct, asOf := map[string]int{}, map[string]Date{}
	for _, pr := range w.OrderProgress(o.ID) {
		end := pr.Period.End()
		if end.After(d) {
			continue
		}
		for key, ip := range pr.Items {
			if !asOf[key].IsZero() && end.Before(asOf[key]) {
				continue
			}
			asOf[key], pct[key] = end, ip.Percent
			if ip.Status == ItemDone {
				pct[key] = 100
			}
		}
	}
	var weighted Decimal
	for _, s := range o.Scope {
		if k := s.Key(); k != "" {
			weighted = weighted.Add(s.Hours.Mul(DecimalFromInt(int64(pct[k]))))
		}
	}
	return weighted.Div(total)
}
