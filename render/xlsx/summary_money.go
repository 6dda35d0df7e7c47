package xlsx

import (
	"fmt"

	"github.com/cwo-tool/cwo"
)

// moneyRefs are the Summary cells that the money table's formulas read, known once the tables
// below it are written; zero when absent.
type moneyRefs struct {
	budget, rate, cap, percent, hours, earned, invoiced, paid int // rows of the money table
	current, previous                                         int // rows of this period and the one before in the table by period
	schedFirst, schedLast                                     int // the payment schedule's rows
	sched                                                     scheduleCols
}

// money writes what the period cost and what was earned against the budget, this period and to
// date, then the same figures at the end of each period. Figures that derive from other cells
// (the hours from the Timesheet and Work items sheets; earned, invoiced and paid from the
// payment schedule and the table by period) are formulas over them, with their values cached,
// so that a funder can audit them and a reader that does not calculate sees them too. No figure
// is a cost derived from hours: a fixed price is earned by its milestones or percent complete.
func (s *summarySheet) money() {
	r, st := s.b.r, s.b.st
	s.section("Money", 9)
	s.header([]string{"", "This period", "To date", "How it is counted", "", ""}, 1, 2)
	s.mergeHeader("D", summaryLastCol)
	m := &s.refs
	m.budget = s.moneyRow("Budget", nil, &r.Budget, budgetText(r), st.money)
	if r.EarnedBy == cwo.EarnedByHours {
		m.rate = s.moneyRow("Hourly rate", nil, &r.Order.Budget.Rate, "", st.money)
		m.cap = s.moneyRow("Hours cap", nil, &r.Order.Budget.CapHours, "billed hours at most", st.hours)
	}
	if r.EarnedBy == cwo.EarnedPercent {
		pct := fraction(r.PercentComplete)
		m.percent = s.moneyRow("Percent complete", nil, &pct, "items' reported percent, by planned hours", st.percent)
	}
	m.hours = s.moneyRow("Hours worked", &r.HoursPeriod, &r.HoursToDate, "from the Timesheet and Work items sheets", st.hours)
	m.earned = s.moneyRow("Earned", &r.Earned.Period, &r.Earned.ToDate, earnedByText(r), st.money)
	m.invoiced = s.moneyRow("Invoiced", &r.Invoiced.Period, &r.Invoiced.ToDate, "invoices issued (payment schedule)", st.money)
	m.paid = s.moneyRow("Paid", &r.Paid.Period, &r.Paid.ToDate, "invoices the funder has paid", st.money)
	outstanding := s.moneyRow("Outstanding", nil, &r.Outstanding, "invoiced − paid: what the funder owes", st.money)
	remaining := s.moneyRow("Remaining", nil, &r.Remaining, "budget − earned: still to be earned", st.money)
	earnedPct := fraction(r.EarnedPct)
	share := s.moneyRow("Budget earned", nil, &earnedPct, "earned ÷ budget", st.percent)
	elapsed := fraction(r.TermElapsedPct)
	s.moneyRow("Term elapsed", nil, &elapsed, fmt.Sprintf("of the term %s to %s", r.Order.Start, r.Order.End), st.percent)
	s.later(func() {
		s.formulaIf(cell("C", outstanding), fmt.Sprintf("C%d-C%d", m.invoiced, m.paid), r.Outstanding, r.Invoiced.ToDate.Sub(r.Paid.ToDate))
		s.formulaIf(cell("C", remaining), fmt.Sprintf("MAX(0,C%d-C%d)", m.budget, m.earned), r.Remaining, maxZero(r.Budget.Sub(r.Earned.ToDate)))
		if !r.Budget.IsZero() {
			s.formulaIf(cell("C", share), fmt.Sprintf("ROUND(C%d/C%d,3)", m.earned, m.budget), earnedPct, r.Earned.ToDate.Div(r.Budget).Round(3))
		}
	})
	s.byPeriod()
	s.later(s.moneyFormulas)
}

// moneyRow writes one row of the money table: a label, the figure this period and to date (nil
// for none) and how the figure is counted; it returns the row.
func (s *summarySheet) moneyRow(label string, period, toDate *cwo.Decimal, how string, style int) int {
	row := s.row
	s.label(label)
	if period != nil {
		s.number(cell("B", row), *period, style)
	}
	if toDate != nil {
		s.number(cell("C", row), *toDate, style)
	}
	lines := 1
	if how != "" {
		s.merged("D", summaryLastCol, how, s.b.st.note)
		lines = textLines(how, span("D", summaryLastCol)*11/9) // notes are 9-point text
	}
	s.next(linesHeight(lines))
	return row
}

// byPeriod writes earned, invoiced and paid to date at the end of each period, against the
// budget: the money chart's data, and what the money table's figures for this period subtract.
func (s *summarySheet) byPeriod() {
	r, st := s.b.r, s.b.st
	s.keep(2*lineHeight + float64(min(len(r.ByPeriod), keepRows)+1)*lineHeight)
	s.next(0)
	s.spend.header = s.row
	s.header([]string{"At the end of", "Earned", "Invoiced", "Paid", "Budget"}, 1, 2, 3, 4)
	s.spend.first = s.row
	for _, p := range r.ByPeriod {
		if p.Period == r.Period {
			s.refs.current = s.row
		}
		s.text(cell("A", s.row), p.Period.String(), st.text)
		s.number(cell("B", s.row), p.Earned, st.money)
		s.number(cell("C", s.row), p.Invoiced, st.money)
		s.number(cell("D", s.row), p.Paid, st.money)
		s.number(cell("E", s.row), r.Budget, st.money)
		s.next(0)
	}
	s.spend.last = s.row - 1
	if s.refs.current > s.spend.first {
		s.refs.previous = s.refs.current - 1
	}
}

// moneyFormulas turns the money table's figures into formulas over the cells they derive from,
// each only where the formula gives exactly the figure the report computed (an unsigned order
// earns nothing, whatever its hours).
func (s *summarySheet) moneyFormulas() {
	r, m := s.b.r, s.refs
	s.formulaIf(cell("B", m.hours), s.b.timesheetSum(), r.HoursPeriod, timesheetTotal(s.b.entries))
	s.formulaIf(cell("C", m.hours), s.b.itemsTotal(itemsToDateCol), r.HoursToDate, itemsToDate(r))
	if m.schedFirst > 0 {
		sched := func(dateCol string) string {
			return fmt.Sprintf("SUMIF(%s%d:%s%d,\">0\",C%d:C%d)", dateCol, m.schedFirst, dateCol, m.schedLast, m.schedFirst, m.schedLast)
		}
		s.formulaIf(cell("C", m.invoiced), sched(m.sched.invoiced), r.Invoiced.ToDate, s.scheduleSum(func(p cwo.PaymentState) bool { return !p.Invoiced.IsZero() }))
		s.formulaIf(cell("C", m.paid), sched(m.sched.paid), r.Paid.ToDate, s.scheduleSum(func(p cwo.PaymentState) bool { return !p.Paid.IsZero() }))
		if m.sched.earned != "" {
			s.formulaIf(cell("C", m.earned), sched(m.sched.earned), r.Earned.ToDate, s.scheduleSum(func(p cwo.PaymentState) bool { return !p.Reached.IsZero() }))
		}
	}
	minor := s.b.r.Currency.MinorUnits()
	switch r.EarnedBy {
	case cwo.EarnedByHours:
		want := minHours(r.HoursToDate, r.Order.Budget.CapHours).Mul(r.Order.Budget.Rate).Round(minor)
		s.formulaIf(cell("C", m.earned), fmt.Sprintf("ROUND(MIN(C%d,C%d)*C%d,%d)", m.hours, m.cap, m.rate, minor), r.Earned.ToDate, want)
	case cwo.EarnedPercent:
		want := r.Budget.Mul(r.PercentComplete).Div(cwo.DecimalFromInt(100)).Round(minor)
		s.formulaIf(cell("C", m.earned), fmt.Sprintf("ROUND(C%d*C%d,%d)", m.budget, m.percent, minor), r.Earned.ToDate, want)
	}
	s.periodFormulas()
	s.currentPeriodLinks()
}

// currentPeriodLinks makes the figures of this period's row of the table by period, and the
// budget of every row, read the money table above, whose figures they are.
func (s *summarySheet) currentPeriodLinks() {
	r, m := s.b.r, s.refs
	for row := s.spend.first; row <= s.spend.last; row++ {
		s.formulaIf(cell("E", row), fmt.Sprintf("C%d", m.budget), r.Budget, r.Budget)
	}
	if m.current == 0 {
		return
	}
	p := r.ByPeriod[m.current-s.spend.first]
	s.formulaIf(cell("B", m.current), fmt.Sprintf("C%d", m.earned), p.Earned, r.Earned.ToDate)
	s.formulaIf(cell("C", m.current), fmt.Sprintf("C%d", m.invoiced), p.Invoiced, r.Invoiced.ToDate)
	s.formulaIf(cell("D", m.current), fmt.Sprintf("C%d", m.paid), p.Paid, r.Paid.ToDate)
}

// periodFormulas makes the figures for this period the figures to date less those at the end
// of the period before.
func (s *summarySheet) periodFormulas() {
	r, m := s.b.r, s.refs
	if m.current == 0 {
		return
	}
	var prev cwo.PeriodMoney
	if m.previous > 0 {
		prev = r.ByPeriod[m.previous-s.spend.first]
	}
	for _, f := range []struct {
		row, prevCol int
		a            cwo.Amounts
		before       cwo.Money
	}{{m.earned, 'B', r.Earned, prev.Earned}, {m.invoiced, 'C', r.Invoiced, prev.Invoiced}, {m.paid, 'D', r.Paid, prev.Paid}} {
		formula := fmt.Sprintf("C%d", f.row)
		if m.previous > 0 {
			formula = fmt.Sprintf("C%d-%c%d", f.row, f.prevCol, m.previous)
		}
		s.formulaIf(cell("B", f.row), formula, f.a.Period, f.a.ToDate.Sub(f.before))
	}
}

// budgetText says what the budget is.
func budgetText(r *cwo.Report) string {
	if r.Order.Budget.Type == cwo.BudgetHourly {
		return "hourly rate × hours cap"
	}
	return "fixed price"
}

// earnedByText says how the order earns, in words.
func earnedByText(r *cwo.Report) string {
	switch r.EarnedBy {
	case cwo.EarnedByHours:
		return "hours × hourly rate, within the cap"
	case cwo.EarnedPercent:
		return "fixed price × percent complete"
	}
	return "payment milestones reached"
}

// label writes a row label in column A.
func (s *summarySheet) label(text string) { s.text(cell("A", s.row), text, s.b.st.label) }

// formulaIf turns the figure in ref into formula, keeping the figure as its cached value, when
// the formula's result (computed the same way here) is the figure; else ref keeps the figure.
func (s *summarySheet) formulaIf(ref, formula string, figure, result cwo.Decimal) {
	if figure.Cmp(result) == 0 {
		s.do(func() error { return s.f.SetCellFormula(s.name, ref, formula) })
	}
}

// later runs fn once the whole sheet is written, when the rows that formulas read are known.
func (s *summarySheet) later(fn func()) { s.pending = append(s.pending, fn) }

// timesheetSum is the formula of the period's hours: the sum of the Timesheet sheet's Hours.
func (b *book) timesheetSum() string {
	return fmt.Sprintf("SUM('%s'!D2:D%d)", sheetTimesheet, max(len(b.entries)+1, 2))
}

// itemsTotal is a reference to column col of the Work items sheet's totals row.
func (b *book) itemsTotal(col string) string {
	return fmt.Sprintf("'%s'!%s%d", sheetItems, col, len(b.itemRows())+2)
}

func timesheetTotal(entries []cwo.TimeEntry) cwo.Hours {
	var h cwo.Hours
	for _, e := range entries {
		h = h.Add(e.Hours)
	}
	return h
}

func itemsToDate(r *cwo.Report) cwo.Hours {
	_, _, toDate := itemTotals(r)
	return toDate
}

func minHours(a, b cwo.Hours) cwo.Hours {
	if a.Cmp(b) < 0 {
		return a
	}
	return b
}

func maxZero(m cwo.Money) cwo.Money {
	if m.Sign() < 0 {
		return cwo.Money{}
	}
	return m
}
