package pdf

import (
	"fmt"

	"github.com/cwo-tool/cwo"
)

// finalMoneyAt is the final report's money as the funder reads it on the report's date: what
// the term earned, and the invoices and payments as they stand on that date, which may be after
// the term's last period (a final invoice paid after the term's end counts).
type finalMoneyAt struct {
	asOf                        cwo.Date
	schedule                    []cwo.PaymentState
	invoiced, paid, outstanding cwo.Money
}

// finalMoneyAsOf returns the money of f as it stands on date issued (zero: the end of the
// term's last period).
func finalMoneyAsOf(f *cwo.FinalReport, issued cwo.Date) finalMoneyAt {
	if issued.IsZero() || issued.Before(f.Period.End()) {
		issued = f.Period.End()
	}
	s, inv, paid := f.PaymentsAt(issued)
	return finalMoneyAt{asOf: issued, schedule: s, invoiced: inv, paid: paid, outstanding: inv.Sub(paid)}
}

// finalGlance writes the final report's first-page summary: the money in full, as of the
// report's date, and which work items were delivered, partly delivered or not.
func (d *reportDoc) finalGlance(f *cwo.FinalReport, m finalMoneyAt) string {
	var t mdText
	t.heading(2, "At a glance")
	c := f.Currency
	t.table([]string{"", "As of " + d.date(m.asOf)}, []int{1}, [][]string{
		{"Price (budget)", d.money(f.Budget, c)},
		{"Earned over the term", d.money(f.Earned.ToDate, c)},
		{"Invoiced", d.money(m.invoiced, c)},
		{"Paid", d.money(m.paid, c)},
		{"Outstanding (invoiced, not yet paid)", d.money(m.outstanding, c)},
	})
	t.para(paymentStatus(d, f, m))
	var lines []string
	for _, it := range f.Items {
		if it.NoItem {
			continue
		}
		lines = append(lines, fmt.Sprintf("**%s:** %s", esc(it.Title), deliveredWords(f.Delivered(it))))
	}
	if len(lines) > 0 {
		t.para("What was delivered:")
		t.list(lines)
	}
	return t.String()
}

// paymentStatus says in one sentence whether the order is paid in full on the report's date.
func paymentStatus(d *reportDoc, f *cwo.FinalReport, m finalMoneyAt) string {
	c := f.Currency
	switch {
	case m.outstanding.Sign() > 0:
		return fmt.Sprintf("**Payment status:** %s invoiced and not yet paid on %s.", d.money(m.outstanding, c), d.date(m.asOf))
	case m.invoiced.Cmp(f.Earned.ToDate) < 0:
		return fmt.Sprintf("**Payment status:** every invoice is paid; %s earned is not yet invoiced on %s.",
			d.money(f.Earned.ToDate.Sub(m.invoiced), c), d.date(m.asOf))
	}
	return fmt.Sprintf("**Payment status:** paid in full on %s.", d.date(m.asOf))
}

// deliveredWords writes whether an item was delivered (cwo.FinalReport.Delivered).
func deliveredWords(s string) string {
	switch s {
	case cwo.DeliveredYes:
		return "Delivered"
	case cwo.DeliveredPartly:
		return "Partly delivered"
	case cwo.DeliveredNo:
		return "Not delivered"
	}
	return "Not reported"
}
