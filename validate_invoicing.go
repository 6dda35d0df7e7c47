package cwo

// The invoicing rules check what happened to each payment (invoiced:, paid:, billed:) against
// its order: a payment is invoiced before it is paid, within sensible dates, for its amount (an
// hourly order's estimate: for the amount billed), and the invoices of an hourly order stay
// within its cap. They also check how a fixed order's reports count what it has earned.

// invoicingLag is how long after its term's end an order's invoice or payment is still
// plausible; a later date is more likely a typing error.
const invoicingLag = 1 // year

// invoicing checks the invoicing facts of o's payments, whose amounts are in cur.
func (v *validator) invoicing(o *WorkOrder, cur Currency) {
	src := o.Src
	v.oneOf(src, o.Earns, EarnedBy, "earned")
	if o.Budget.Type == BudgetHourly {
		if src.Has("earned") {
			v.diags.Errorf(src.File, src.At("earned"), "earned is only for a fixed-price order: an hourly order earns its hours worked × the rate, within the cap")
		}
	}
	for i, p := range o.Payments {
		v.billed(o, cur, i, p)
		v.invoiceDates(o, i, p)
	}
	v.invoicedTotal(o, cur)
}

// billed checks a payment's billed amount: only an hourly order's estimate has one, and only
// once it is invoiced.
func (v *validator) billed(o *WorkOrder, cur Currency, i int, p Payment) {
	src := o.Src
	if !src.Has("payments", i, "billed") {
		if o.Budget.Type == BudgetHourly && p.Kind == PaymentEstimate && !p.Invoiced.IsZero() {
			v.diags.Warnf(src.File, src.At("payments", i, "invoiced"), "payment %d is invoiced, but has no billed amount: its amount %s is a forecast of the hours worked; "+
				"add billed: with the invoice's amount (reports count the forecast until then)", i+1, v.exactMoney(p.Amount, cur))
		}
		return
	}
	switch {
	case o.Budget.Type == BudgetFixed:
		v.diags.Errorf(src.File, src.At("payments", i, "billed"), "payments.%d.billed is only for an hourly order's estimate: a fixed-price instalment is invoiced for its amount", i)
		return
	case p.Kind == PaymentAdvance:
		v.diags.Errorf(src.File, src.At("payments", i, "billed"), "payments.%d.billed is only for an estimate: an advance is invoiced for its amount", i)
		return
	}
	v.positive(src, p.Billed, "billed amount", "payments", i, "billed")
	v.money(src, p.Billed, cur, "payments", i, "billed")
	if p.Invoiced.IsZero() {
		v.diags.Errorf(src.File, src.At("payments", i, "billed"), "payment %d has a billed amount but no invoiced date: add invoiced: with the invoice's date", i+1)
	}
}

// invoiceDates checks when a payment was invoiced and paid.
func (v *validator) invoiceDates(o *WorkOrder, i int, p Payment) {
	src := o.Src
	inv, paid := p.Invoiced, p.Paid
	if !paid.IsZero() && inv.IsZero() {
		v.diags.Errorf(src.File, src.At("payments", i, "paid"), "payment %d is paid but not invoiced: add invoiced: with the invoice's date", i+1)
	}
	if !paid.IsZero() && !inv.IsZero() && paid.Before(inv) {
		v.diags.Errorf(src.File, src.At("payments", i, "paid"), "payment %d is paid on %s, before it was invoiced on %s", i+1, paid, inv)
	}
	if !inv.IsZero() && !o.Issued.IsZero() && inv.Before(o.Issued) {
		v.diags.Errorf(src.File, src.At("payments", i, "invoiced"), "payment %d is invoiced on %s, before the order was issued on %s", i+1, inv, o.Issued)
	}
	if !o.End.IsZero() {
		late := o.End.AddMonths(12 * invoicingLag)
		for _, d := range []struct {
			date Date
			key  string
		}{{inv, "invoiced"}, {paid, "paid"}} {
			if d.date.After(late) {
				v.diags.Warnf(src.File, src.At("payments", i, d.key), "payment %d is %s on %s, more than a year after the term's end %s: is the year right?", i+1, d.key, d.date, o.End)
			}
		}
	}
	if !inv.IsZero() && (o.Status == StatusDraft || o.Status == StatusSent) {
		v.diags.Warnf(src.File, src.At("payments", i, "invoiced"), "payment %d is invoiced, but the order is %s, not signed: nothing is due until both parties sign", i+1, o.Status)
	}
}

// invoicedTotal checks that an hourly order's invoices stay within rate × cap_hours.
func (v *validator) invoicedTotal(o *WorkOrder, cur Currency) {
	if o.Budget.Type != BudgetHourly || o.Total().Sign() <= 0 {
		return
	}
	var total Money
	for _, p := range o.Payments {
		if !p.Invoiced.IsZero() {
			total = total.Add(p.InvoicedAmount())
		}
	}
	if total.Cmp(o.Total()) > 0 {
		v.diags.Errorf(o.Src.File, o.Src.At("payments"), "the invoices add up to %s, more than rate × cap_hours = %s: the cap limits what can be billed",
			v.exactMoney(total, cur), v.exactMoney(o.Total(), cur))
	}
}
