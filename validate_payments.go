package cwo

import (
	"regexp"
	"slices"
)

// The payment rules make the schedule agree with the rest of the agreement: with the budget (a
// fixed price is paid exactly, an hourly cap is never exceeded), with the term, and with the text
// the template writes for each kind of payment (an hourly order invoices the hours worked, so its
// fixed amounts are advances or estimates; an advance says how it is credited; the last invoice
// bills every hour not yet invoiced; a payment due on an event says which one).

// payments checks the payment schedule of o, whose amounts are in cur.
func (v *validator) payments(o *WorkOrder, cur Currency) {
	for i, p := range o.Payments {
		v.payment(o, cur, i, p)
	}
	v.paymentTotals(o, cur)
	v.completion(o)
	v.fiscalYears(o)
	if o.Budget.Type == BudgetHourly && len(o.Payments) > 0 {
		v.hourlySchedule(o, cur)
	}
}

// payment checks one payment on its own: amount, due date, and the fields that say what it is.
func (v *validator) payment(o *WorkOrder, cur Currency, i int, p Payment) {
	src := o.Src
	v.positive(src, p.Amount, "payment amount", "payments", i, "amount")
	v.money(src, p.Amount, cur, "payments", i, "amount")
	switch {
	case p.Due.IsZero():
		v.diags.Errorf(src.File, src.At("payments", i), "payment %d has no due date", i+1)
	case !o.Start.IsZero() && !o.End.IsZero() && !p.Due.Within(o.Start, o.End):
		v.diags.Errorf(src.File, src.At("payments", i, "due"), "payment due %s is outside the order's term %s to %s", p.Due, o.Start, o.End)
	}
	v.oneOf(src, p.Kind, PaymentKinds, "payments", i, "kind")
	v.oneOf(src, p.Credit, Credits, "payments", i, "credit")
	v.oneOf(src, p.On, PaymentEvents, "payments", i, "on")
	switch o.Budget.Type {
	case BudgetFixed:
		v.notAllowed(src, BudgetFixed, "payments", i, "kind")
	case BudgetHourly:
		if p.Kind == "" {
			v.diags.Errorf(src.File, src.At("payments", i, "amount"), "payment %d is a fixed amount, but an hourly order invoices the hours worked: "+
				"mark it kind: estimate (an invoice of the hours worked, this amount a forecast) or kind: advance (paid ahead, then credited against invoices)", i+1)
		}
	}
	v.advance(o, i, p)
	v.paymentLabel(src, i, p)
}

// advance checks that an advance says how it is credited, and that only an advance does.
func (v *validator) advance(o *WorkOrder, i int, p Payment) {
	src := o.Src
	if p.Kind != PaymentAdvance {
		if p.Credit != "" {
			v.diags.Errorf(src.File, src.At("payments", i, "credit"), "payments.%d.credit is only for an advance (kind: advance)", i)
		}
		return
	}
	if p.Credit == "" {
		v.diags.Errorf(src.File, src.At("payments", i, "kind"), "payment %d is an advance with no rule for crediting it against the invoices of hours worked: "+
			"add credit: %s (deducted from the invoices after it until used up) or credit: %s", i+1, CreditNextInvoices, CreditFinalInvoice)
	}
	if p.On == OnCompletion {
		v.diags.Errorf(src.File, src.At("payments", i, "on"), "payment %d is an advance, paid ahead of the work, so it cannot be due on completion", i+1)
	}
}

// Words in a payment's label that name what makes it payable, or that make payment wait for
// an outcome the contractor cannot promise.
var (
	labelCompletion = regexp.MustCompile(`(?i)\bcomplet(e|ed|ion)\b`)
	labelSignature  = regexp.MustCompile(`(?i)\b(signature|signing|signed)\b`)
	labelAcceptance = regexp.MustCompile(`(?i)\b(accept(ance|ed)?|merg(e|ed|ing))\b`)
)

// paymentLabel reports a label that names an event the payment is not due on ("On completion"
// on a payment due on a date), which would leave the agreement saying two things, and a label
// that ties payment to acceptance of the work.
func (v *validator) paymentLabel(src Source, i int, p Payment) {
	named := ""
	switch {
	case labelCompletion.MatchString(p.Label):
		named = OnCompletion
	case labelSignature.MatchString(p.Label):
		named = OnSignature
	}
	if named != "" && named != p.Event() && slices.Contains(PaymentEvents, p.Event()) {
		v.diags.Errorf(src.File, src.At("payments", i, "label"), "payment %d's label %q says it is due on %s, but it is due %s: "+
			"add on: %s (the agreement then says when that is), or change the label", i+1, p.Label, named, eventPhrase(p), named)
	}
	if m := labelAcceptance.FindString(p.Label); m != "" {
		v.diags.Warnf(src.File, src.At("payments", i, "label"), "payment %d's label %q ties it to %q of the work: CWO deliverables are best effort "+
			"and the maintainers decide what lands; make it due on a date or on completion (on: completion)", i+1, p.Label, m)
	}
}

// eventPhrase says when p is payable, for messages: "on 2026-08-31", "on signature".
func eventPhrase(p Payment) string {
	if p.Event() == OnDate {
		return "on its due date " + p.Due.String()
	}
	return "on " + p.Event()
}

// paymentTotals checks the schedule's total against the budget.
func (v *validator) paymentTotals(o *WorkOrder, cur Currency) {
	src, total := o.Src, o.PaymentsTotal()
	switch {
	case o.Budget.Type == BudgetFixed && len(o.Payments) > 0 && total.Cmp(o.Budget.Amount) != 0:
		v.diags.Errorf(src.File, src.At("payments"), "payments add up to %s but the fixed budget is %s; they must match exactly",
			v.exactMoney(total, cur), v.exactMoney(o.Budget.Amount, cur))
	case o.Budget.Type == BudgetHourly && o.Total().Sign() > 0 && total.Cmp(o.Total()) > 0:
		v.diags.Errorf(src.File, src.At("payments"), "payments add up to %s, more than rate × cap_hours = %s",
			v.exactMoney(total, cur), v.exactMoney(o.Total(), cur))
	}
}

// completion checks the order's definition of completion, which only a payment due on
// completion uses.
func (v *validator) completion(o *WorkOrder) {
	src := o.Src
	v.oneOf(src, o.Completes, Completions, "completion")
	if o.Completes != "" && !o.PaysOnCompletion() {
		v.diags.Warnf(src.File, src.At("completion"), "completion is set, but no payment is due on completion (on: %s), so the agreement does not use it", OnCompletion)
	}
}
