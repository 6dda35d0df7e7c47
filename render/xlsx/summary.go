package xlsx

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cwo-tool/cwo"
)

// Summary layout: key figures and tables in columns A to D, charts from column F.
const (
	summaryLastCol = "D"
	chartCol       = "F"
	lineHeight     = 15.0
)

// summaryWidths are the widths of columns A to E of the Summary sheet.
var summaryWidths = []float64{38, 20, 18, 18, 3}

// summarySheet lays out the Summary sheet from top to bottom; row is the next free row.
type summarySheet struct {
	*sheet
	b     *book
	row   int
	spend tableRows // earned to date by period: the line chart's data
	hours tableRows // hours by scope item this period: the bar chart's data
}

// tableRows are the first and last data row of a table, and the row of its header.
type tableRows struct{ header, first, last int }

// summary writes the Summary sheet: order, key figures, payments, contribution counts, the
// charts' data, the narrative and the two charts.
func (b *book) summary() error {
	s := &summarySheet{sheet: &sheet{f: b.f, name: sheetSummary}, b: b, row: 1}
	s.heading()
	s.orderInfo()
	s.figures()
	s.payments()
	s.counts()
	s.spendTable()
	s.hoursTable()
	s.narrative()
	s.layout()
	if err := s.Err(); err != nil {
		return err
	}
	return s.charts()
}

func (s *summarySheet) heading() {
	r := s.b.r
	s.text("A1", "Progress report: "+r.Order.Title, s.b.st.title)
	s.do(func() error { return s.f.SetRowHeight(s.name, 1, 24) })
	s.text("A2", fmt.Sprintf("%s · %s (%s to %s)", r.Order.ID, r.Period, r.Period.Start(), r.Period.End()), s.b.st.subtitle)
	s.row = 4
}

// section starts a titled block with a band across columns A to D.
func (s *summarySheet) section(title string) {
	if s.row > 4 {
		s.row++
	}
	s.text(cell("A", s.row), title, s.b.st.section)
	s.styleRange(cell("A", s.row), cell(summaryLastCol, s.row), s.b.st.section)
	s.row++
}

// pair writes a label in column A and lets put write the value in column B.
func (s *summarySheet) pair(label string, put func(ref string)) {
	s.text(cell("A", s.row), label, s.b.st.label)
	put(cell("B", s.row))
	s.row++
}

func (s *summarySheet) pairText(label, v string) {
	s.pair(label, func(ref string) { s.text(ref, v, s.b.st.text) })
}

func (s *summarySheet) pairNumber(label string, d cwo.Decimal, style int) {
	s.pair(label, func(ref string) { s.number(ref, d, style) })
}

func (s *summarySheet) orderInfo() {
	r := s.b.r
	s.section("Order")
	s.pairText("Order", fmt.Sprintf("%s v%d: %s", r.Order.ID, r.Order.Version, r.Order.Title))
	if r.Funder != nil {
		s.pairText("Funder", r.Funder.LegalName)
	}
	if r.Project != nil {
		s.pairText("Project", r.Project.Name)
	}
	s.pairText("Period", fmt.Sprintf("%s (%s to %s)", r.Period, r.Period.Start(), r.Period.End()))
	s.pairText("Term", fmt.Sprintf("%s to %s", r.Order.Start, r.Order.End))
	s.pairText("Status", r.Order.Status)
}

// figures writes the budget, the money (earned, invoiced, paid for the period and to date; what
// is outstanding and what remains at its end) and the hours. No figure is a cost derived from
// hours: a fixed price is earned by its milestones or percent complete (cwo.ReportMoney).
func (s *summarySheet) figures() {
	r, st := s.b.r, s.b.st
	s.section("Budget and money")
	if r.Order.Budget.Type == cwo.BudgetHourly {
		s.pairNumber("Budget (hourly rate × hours cap)", r.Budget, st.money)
		s.pairNumber("Hourly rate", r.Order.Budget.Rate, st.money)
		s.pairNumber("Hours cap", r.Order.Budget.CapHours, st.hours)
	} else {
		s.pairNumber("Budget (fixed price)", r.Budget, st.money)
		s.pairNumber("Planned hours", r.Order.ScopeHours(), st.hours)
	}
	s.pairText("Earned by", earnedByText(r))
	s.header([]string{"", "This period", "To date"}, 1, 2)
	for _, f := range []struct {
		label string
		a     cwo.Amounts
	}{{"Earned", r.Earned}, {"Invoiced", r.Invoiced}, {"Paid", r.Paid}} {
		s.text(cell("A", s.row), f.label, st.label)
		s.number(cell("B", s.row), f.a.Period, st.money)
		s.number(cell("C", s.row), f.a.ToDate, st.money)
		s.row++
	}
	s.pair("Outstanding (invoiced − paid)", func(string) { s.number(cell("C", s.row), r.Outstanding, st.money) })
	s.pair("Remaining (budget − earned)", func(string) { s.number(cell("C", s.row), r.Remaining, st.money) })
	s.pairNumber("Budget earned", fraction(r.EarnedPct), st.percent)
	s.pairNumber("Term elapsed", fraction(r.TermElapsedPct), st.percent)
	s.pairNumber("Hours this period", r.HoursPeriod, st.hours)
	s.pairNumber("Hours to date", r.HoursToDate, st.hours)
}

// earnedByText says how the order earns, in words.
func earnedByText(r *cwo.Report) string {
	switch r.EarnedBy {
	case cwo.EarnedByHours:
		return "hours worked × hourly rate, within the cap"
	case cwo.EarnedPercent:
		return "fixed price × percent complete (" + r.PercentComplete.String() + "%)"
	}
	return "payment milestones reached"
}

// header writes a table header row from column A; the titles of number columns, listed in
// right, are right-aligned like their numbers.
func (s *summarySheet) header(titles []string, right ...int) {
	for i, t := range titles {
		s.text(cell(string(rune('A'+i)), s.row), t, s.b.st.header)
	}
	for _, i := range right {
		s.style(cell(string(rune('A'+i)), s.row), s.b.st.headerRight)
	}
	s.row++
}

func (s *summarySheet) payments() {
	r, st := s.b.r, s.b.st
	s.section("Payments due in the period")
	if len(r.PaymentsDue) == 0 {
		s.text(cell("A", s.row), "No payments are due in this period.", st.muted)
		s.row++
		return
	}
	s.header([]string{"Due", "Payment", "Amount"}, 2)
	for _, p := range r.PaymentsDue {
		s.date(cell("A", s.row), p.Due, st.date)
		s.text(cell("B", s.row), p.Label, st.text)
		s.number(cell("C", s.row), p.Amount, st.money)
		s.row++
	}
}

// counts writes the number of contributions in each state, merged first.
func (s *summarySheet) counts() {
	r := s.b.r
	s.section("Contributions (pull requests)")
	states := []string{cwo.StateMerged, cwo.StateOpen, cwo.StateClosed}
	for state := range r.StateCounts {
		if state != cwo.StateMerged && state != cwo.StateOpen && state != cwo.StateClosed {
			states = append(states, state)
		}
	}
	sort.Strings(states[3:])
	for _, state := range states {
		label := stateLabel(state)
		if label == "" {
			label = "(no state)"
		}
		s.pair(strings.ToUpper(label[:1])+label[1:], func(ref string) { s.integer(ref, r.StateCounts[state], s.b.st.count) })
	}
}
