package xlsx

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
)

// scheduleCols are the payment schedule's columns after Payment, Due and Amount (A to C): when a
// payment was earned (only for an order earned by its milestones, the one kind whose schedule
// says so), invoiced and paid, and an hourly order's estimate beside what was billed; "" for a
// column the schedule leaves out.
type scheduleCols struct{ earned, invoiced, paid, estimate string }

// scheduleLayout returns the payment schedule's columns and header for an order earned by.
func scheduleLayout(by string) (scheduleCols, []string) {
	switch by {
	case cwo.EarnedMilestones:
		return scheduleCols{earned: "D", invoiced: "E", paid: "F"}, []string{"Payment", "Due", "Amount", "Earned", "Invoiced", "Paid"}
	case cwo.EarnedByHours:
		return scheduleCols{invoiced: "D", paid: "E", estimate: "F"}, []string{"Payment", "Due", "Amount", "Invoiced", "Paid", "Estimate"}
	}
	return scheduleCols{invoiced: "D", paid: "E"}, []string{"Payment", "Due", "Amount", "Invoiced", "Paid"}
}

// schedule writes the payment schedule as it stood at the period's end: each payment's amount
// (what it was invoiced for, once invoiced, and then an hourly estimate beside it) and when it
// was earned, invoiced and paid; a total row; and what the total is.
func (s *summarySheet) schedule() {
	r, st := s.b.r, s.b.st
	s.section("Payment schedule", len(r.Schedule)+2)
	if len(r.Schedule) == 0 {
		s.muted("The order has no payment schedule.")
		return
	}
	cols, titles := scheduleLayout(r.EarnedBy)
	s.refs.sched = cols
	right := []int{2}
	if cols.estimate != "" {
		right = append(right, 5)
	}
	s.header(titles, right...)
	s.refs.schedFirst = s.row
	for _, p := range r.Schedule {
		s.payment(p, cols)
	}
	s.refs.schedLast = s.row - 1
	s.scheduleTotal()
	note := "Dates as they stood at the period's end; a blank date has not happened yet. " +
		"Amount is what a payment was invoiced for, once invoiced."
	if r.EarnedBy == cwo.EarnedByHours {
		note += fmt.Sprintf(" The total adds up estimates of hours not yet invoiced: the budget is the hourly rate × the hours cap, %s.",
			cwo.FormatMoney(r.Budget, r.Currency, r.Locale))
	}
	s.merged("A", summaryLastCol, note, st.note)
	s.next(linesHeight(textLines(note, span("A", summaryLastCol)*11/9))) // notes are 9-point text
}

// payment writes one row of the payment schedule.
func (s *summarySheet) payment(p cwo.PaymentState, cols scheduleCols) {
	st := s.b.st
	label := paymentLabel(p)
	s.text(cell("A", s.row), label, st.wrap)
	s.date(cell("B", s.row), p.Due, st.date)
	s.number(cell("C", s.row), scheduleAmount(p), st.money)
	if cols.earned != "" {
		s.date(cell(cols.earned, s.row), p.Reached, st.date)
	}
	s.date(cell(cols.invoiced, s.row), p.Invoiced, st.date)
	s.date(cell(cols.paid, s.row), p.Paid, st.date)
	if cols.estimate != "" && p.Kind == cwo.PaymentEstimate && !p.Invoiced.IsZero() {
		s.number(cell(cols.estimate, s.row), p.Amount, st.money)
	}
	s.next(linesHeight(textLines(label, summaryWidths[0])))
}

// paymentLabel is a payment's label with its kind: "(estimate)" only while an estimate is not
// invoiced, since an invoiced one shows what was billed.
func paymentLabel(p cwo.PaymentState) string {
	label := p.Label
	if label == "" {
		return capitalize(p.Kind)
	}
	if p.Kind == "" || strings.Contains(strings.ToLower(label), p.Kind) ||
		(p.Kind == cwo.PaymentEstimate && !p.Invoiced.IsZero()) {
		return label
	}
	return label + " (" + p.Kind + ")"
}

// scheduleTotal writes the total of the schedule's amounts, a SUM formula with its value.
func (s *summarySheet) scheduleTotal() {
	st, m := s.b.st, s.refs
	total := s.scheduleSum(func(cwo.PaymentState) bool { return true })
	s.text(cell("A", s.row), "Total", st.totalLabel)
	s.styleRange(cell("B", s.row), cell(summaryLastCol, s.row), st.totalLabel)
	ref := cell("C", s.row)
	s.number(ref, total, st.totalMoney)
	formula := fmt.Sprintf("SUM(C%d:C%d)", m.schedFirst, m.schedLast)
	s.do(func() error { return s.f.SetCellFormula(s.name, ref, formula) })
	s.next(0)
}

// scheduleAmount is a payment's amount as the schedule shows it: what it was invoiced for, once
// invoiced, else as scheduled.
func scheduleAmount(p cwo.PaymentState) cwo.Money {
	if !p.Invoiced.IsZero() {
		return p.InvoicedAmount
	}
	return p.Amount
}

// scheduleSum adds up the schedule's amounts of the payments that keep.
func (s *summarySheet) scheduleSum(keep func(cwo.PaymentState) bool) cwo.Money {
	var sum cwo.Money
	for _, p := range s.b.r.Schedule {
		if keep(p) {
			sum = sum.Add(scheduleAmount(p))
		}
	}
	return sum
}
