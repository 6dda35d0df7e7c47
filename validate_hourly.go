package cwo

// hourlySchedule checks an hourly order's payment schedule against what the agreement says of
// it: the last invoice of hours worked bills every hour not yet invoiced, so it must come at the
// end of the term (or on completion); without it the schedule stops short of the cap; the
// estimates forecast the planned work, not more; and each advance has an invoice to be credited
// against.
func (v *validator) hourlySchedule(o *WorkOrder, cur Currency) {
	last := lastInvoice(o)
	closes := last >= 0 && closesTerm(o, o.Payments[last])
	if last >= 0 && !closes && !o.End.IsZero() {
		p := o.Payments[last]
		v.diags.Errorf(o.Src.File, o.Src.At("payments", last, "due"), "the last invoice of hours worked is due %s, before the end of the term on %s: "+
			"the hours worked after it would never be invoiced; add a final invoice (kind: estimate) due %s, or make this one due on completion (on: %s)",
			p.Due, o.End, o.End, OnCompletion)
	}
	v.reachesCap(o, cur, closes)
	v.withinPlan(o, cur)
	for i, p := range o.Payments {
		if p.Kind == PaymentAdvance && (last < 0 || !comesAfter(o, last, i)) {
			v.diags.Errorf(o.Src.File, o.Src.At("payments", i, "kind"), "payment %d is an advance, but no invoice of hours worked (kind: estimate) comes after it to credit it against", i+1)
		}
	}
}

// lastInvoice returns the index of the estimate that comes last, or -1 when there is none.
func lastInvoice(o *WorkOrder) int {
	last := -1
	for i, p := range o.Payments {
		if p.Kind == PaymentEstimate && (last < 0 || comesAfter(o, i, last)) {
			last = i
		}
	}
	return last
}

// comesAfter reports whether payment j of o comes after payment i: a payment due on completion
// comes after those due on a date or on signature; otherwise the later due date, then the later
// place in the list.
func comesAfter(o *WorkOrder, j, i int) bool {
	pj, pi := o.Payments[j], o.Payments[i]
	if cj, ci := pj.Event() == OnCompletion, pi.Event() == OnCompletion; cj != ci {
		return cj
	}
	if !pj.Due.Equal(pi.Due) {
		return pj.Due.After(pi.Due)
	}
	return j > i
}

// closesTerm reports whether invoice p bills the last hours of the term: it is due on
// completion, or on (or after) the term's last day.
func closesTerm(o *WorkOrder, p Payment) bool {
	return p.Event() == OnCompletion || !p.Due.Before(o.End)
}

// reachesCap reports a schedule that adds up to less than the cap and has no final invoice to
// bill the hours worked up to it.
func (v *validator) reachesCap(o *WorkOrder, cur Currency, closes bool) {
	total, most := o.PaymentsTotal(), o.Total()
	if closes || most.Sign() <= 0 || total.Cmp(most) >= 0 {
		return
	}
	v.diags.Errorf(o.Src.File, o.Src.At("payments"), "payments add up to %s, less than rate × cap_hours = %s, and no final invoice bills the hours worked up to the cap: "+
		"end the schedule with an invoice of hours worked (kind: estimate) due %s",
		v.exactMoney(total, cur), v.exactMoney(most, cur), o.End)
}

// withinPlan reports a schedule that forecasts more than the planned hours at the rate (but no
// more than the cap, which paymentTotals reports).
func (v *validator) withinPlan(o *WorkOrder, cur Currency) {
	total, planned, hours := o.PaymentsTotal(), o.PlannedCost(), o.ScopeHours()
	if planned.Sign() <= 0 || total.Cmp(planned) <= 0 || total.Cmp(o.Total()) > 0 {
		return
	}
	v.diags.Errorf(o.Src.File, o.Src.At("payments"), "payments add up to %s, more than the planned %s hours × %s = %s: "+
		"the estimates of an hourly order forecast the planned work; lower them, or plan the hours in the scope",
		v.exactMoney(total, cur), hours, v.exactMoney(o.Budget.Rate, cur), v.exactMoney(planned, cur))
}
