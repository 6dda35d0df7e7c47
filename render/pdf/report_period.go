package pdf

import (
	"fmt"

	"github.com/cwo-tool/cwo"
)

// periodSections draws a progress report's sections after its facts, top to bottom.
func (d *reportDoc) periodSections(r *cwo.Report) error {
	if err := d.markdown(d.glanceSection(r)); err != nil {
		return err
	}
	if err := d.markdown(d.moneySection(r)); err != nil {
		return err
	}
	d.moneyChart(r.Budget, r.Currency, r.ByPeriod)
	items, err := d.itemsSection(r)
	if err != nil {
		return err
	}
	if err := d.markdown(items); err != nil {
		return err
	}
	d.hoursChart("Hours by work item", []string{"Planned", "To date", "This period"}, itemBars(r))
	if err := d.markdown(d.prSection(r)); err != nil {
		return err
	}
	return d.markdown(narrativeSection(r.Progress))
}

// money writes an amount in the report's currency and locale.
func (d *reportDoc) money(m cwo.Money, c cwo.Currency) string { return cwo.FormatMoney(m, c, d.locale) }

// hours writes hours with one decimal.
func (d *reportDoc) hours(h cwo.Hours) string { return cwo.FormatNumber(h, 1, d.locale) }

// count writes hours in prose: whole hours without decimals.
func (d *reportDoc) count(h cwo.Hours) string {
	return cwo.FormatNumber(h, max(h.Places(), 0), d.locale)
}

// pct writes a percentage with one decimal.
func (d *reportDoc) pct(p cwo.Decimal) string { return cwo.FormatNumber(p, 1, d.locale) + "%" }

// moneySection says how the budget is made up and earned (the figures are at a glance), how
// far the budget and the term have gone, and the payment schedule.
func (d *reportDoc) moneySection(r *cwo.Report) string {
	var m mdText
	m.heading(2, "Money")
	m.para(d.budgetLine(r) + " " + d.earnedLine(r))
	m.para(fmt.Sprintf("%s of the budget earned; %s of the term elapsed at the end of the period. Hours worked: %s this period, %s to date.",
		d.pct(r.EarnedPct), d.pct(r.TermElapsedPct), d.hours(r.HoursPeriod), d.hours(r.HoursToDate)))
	d.scheduleTable(&m, r)
	return m.String()
}

// scheduleTable writes the payment schedule as it stood at the end of the period: when each
// payment was earned (fixed milestones), invoiced and paid.
func (d *reportDoc) scheduleTable(m *mdText, r *cwo.Report) { d.scheduleRows(m, r, r.Schedule) }

// scheduleRows writes the payment schedule sched of report r.
func (d *reportDoc) scheduleRows(m *mdText, r *cwo.Report, sched []cwo.PaymentState) {
	if len(sched) == 0 {
		return
	}
	milestones := r.EarnedBy == cwo.EarnedMilestones
	m.heading(3, "Payment schedule")
	head := []string{"Payment", "Due", "Amount"}
	if milestones {
		head = append(head, "Earned")
	}
	head = append(head, "Invoiced", "Paid")
	var rows [][]string
	for _, p := range sched {
		label, amount := d.scheduleAmount(p, r.Currency)
		row := []string{label, d.date(p.Due), amount}
		if milestones {
			row = append(row, d.dateOrNot(p.Reached))
		}
		rows = append(rows, append(row, d.dateOrNot(p.Invoiced), d.dateOrNot(p.Paid)))
	}
	m.table(head, []int{2}, rows)
	if r.Order.Budget.Type == cwo.BudgetHourly {
		var total cwo.Money
		for _, p := range sched {
			total = total.Add(shownAmount(p))
		}
		m.para(fmt.Sprintf("The schedule's amounts total %s: what was billed where an invoice went out, and the estimates of the hours "+
			"still to be worked (with any advance); the budget's cap is %s. Each invoice bills the hours worked × the rate, so a billed "+
			"amount may differ from its estimate.",
			d.money(total, r.Currency), d.money(r.Budget, r.Currency)))
	}
}

// scheduleAmount writes a scheduled payment's label and amount: what was billed when it was
// invoiced for another amount than scheduled, the label noting the estimate ("Hours of
// 2026-Q3 (estimate €33,750.00)", €33,975.00), and an estimate not yet billed as such.
func (d *reportDoc) scheduleAmount(p cwo.PaymentState, c cwo.Currency) (label, amount string) {
	label, amount = esc(p.Label), d.money(p.Amount, c)
	word := "scheduled"
	if p.Kind == cwo.PaymentEstimate {
		word = "estimate"
	}
	switch {
	case !p.Invoiced.IsZero() && p.InvoicedAmount.Cmp(p.Amount) != 0:
		return fmt.Sprintf("%s *\\(%s %s\\)*", label, word, amount), d.money(shownAmount(p), c)
	case p.Invoiced.IsZero() && p.Kind == cwo.PaymentEstimate:
		return label + " *\\(estimate\\)*", amount
	}
	return label, amount
}

// shownAmount is the amount the schedule shows for p: what it was invoiced for once invoiced,
// else its scheduled amount.
func shownAmount(p cwo.PaymentState) cwo.Money {
	if !p.Invoiced.IsZero() {
		return p.InvoicedAmount
	}
	return p.Amount
}

// dateOrNot writes a date, or "not yet" for none.
func (d *reportDoc) dateOrNot(t cwo.Date) string {
	if t.IsZero() {
		return "*not yet*"
	}
	return d.date(t)
}

// budgetLine says what the budget is and how it is made up.
func (d *reportDoc) budgetLine(r *cwo.Report) string {
	o := r.Order
	if o.Budget.Type == cwo.BudgetHourly {
		return fmt.Sprintf("Budget **%s**: %s an hour for at most %s hours.", d.money(r.Budget, r.Currency),
			d.money(o.Budget.Rate, r.Currency), d.count(o.Budget.CapHours))
	}
	return fmt.Sprintf("Budget **%s**: a fixed price for %s planned hours.", d.money(r.Budget, r.Currency), d.count(o.ScopeHours()))
}

// earnedLine says how the order earns its money.
func (d *reportDoc) earnedLine(r *cwo.Report) string {
	switch r.EarnedBy {
	case cwo.EarnedByHours:
		return "It earns the hours worked × the rate, up to the cap."
	case cwo.EarnedPercent:
		return fmt.Sprintf("It earns the price × the share of the work complete (%s at the end of the period, from the progress notes).", d.pct(r.PercentComplete))
	}
	return "It earns each instalment of the payment schedule as its milestone is reached, whatever the hours."
}

// itemsSection writes the work items: status, percent done and hours, what the hours without
// an item were, then the items' notes.
func (d *reportDoc) itemsSection(r *cwo.Report) (string, error) {
	var m mdText
	m.heading(2, "Work items")
	var rows [][]string
	for _, it := range r.Items {
		if it.NoItem {
			rows = append(rows, []string{esc(it.Title), "", "", d.hours(it.HoursPeriod), d.hours(it.HoursToDate), ""})
			continue
		}
		rows = append(rows, []string{esc(it.Title), itemStatusWords(it.Status), percentDone(it),
			d.hours(it.HoursPeriod), d.hours(it.HoursToDate), d.hours(it.PlannedHours)})
	}
	rows = append(rows, []string{"**Total**", "", "", "**" + d.hours(r.HoursPeriod) + "**", "**" + d.hours(r.HoursToDate) + "**",
		"**" + d.hours(r.Order.ScopeHours()) + "**"})
	m.para("Each item's status and the share of its work done, as the contractor reports them, and the hours logged " +
		"on it in the timesheets, this period and to date, against the hours planned:")
	m.table([]string{"Work item", "Status", "Done", "This period", "To date", "Planned"}, []int{2, 3, 4, 5}, rows)
	noItem, err := d.noItemLines(r)
	if err != nil {
		return "", err
	}
	if noItem != "" {
		m.para(noItem)
	}
	for _, it := range r.Items {
		if it.Note != "" {
			m.para(fmt.Sprintf("**%s.** %s", esc(it.Title), it.Note))
		}
	}
	return m.String(), nil
}

// percentDone writes an item's reported percent done, or nothing when it was not reported.
func percentDone(it cwo.ReportItem) string {
	if it.Status == "" {
		return ""
	}
	return fmt.Sprintf("%d%%", it.Percent)
}

// prSection writes the pull requests of the period: merged, opened and still in review.
func (d *reportDoc) prSection(r *cwo.Report) string {
	var m mdText
	m.heading(2, "Pull requests")
	prs := r.PeriodPRs()
	merged, opened, other := prs.Merged, prs.Opened, prs.Other
	if len(r.Contributions) == 0 {
		m.para("No pull requests were opened, merged or in review in this period.")
		return m.String()
	}
	d.prTable(&m, r.Order, "Merged in the period", merged, false, "Merged")
	d.prTable(&m, r.Order, "Opened in the period", opened, true, "")
	if anyClosed(other) {
		d.prTable(&m, r.Order, "Still in review or closed in the period", other, true, "Merged or closed")
	} else {
		d.prTable(&m, r.Order, "Still in review", other, false, "")
	}
	return m.String()
}

// anyClosed reports whether one of cs was closed without being merged.
func anyClosed(cs []cwo.Contribution) bool {
	for _, c := range cs {
		if c.State == cwo.StateClosed {
			return true
		}
	}
	return false
}

// prTable writes one group of pull requests, if it has any: link, title, the state when the
// group has several, the opening date, and the resolution date under the title resolved.
func (d *reportDoc) prTable(m *mdText, o *cwo.WorkOrder, title string, cs []cwo.Contribution, state bool, resolved string) {
	if len(cs) == 0 {
		return
	}
	m.heading(3, title)
	head := []string{"Pull request", "Title"}
	if state {
		head = append(head, "State")
	}
	head = append(head, "Opened")
	if resolved != "" {
		head = append(head, resolved)
	}
	var rows [][]string
	for _, c := range cs {
		row := []string{prRef(c), prTitle(o, c)}
		if state {
			row = append(row, stateWords(c.State))
		}
		row = append(row, d.date(c.Opened))
		if resolved != "" {
			row = append(row, d.resolved(c))
		}
		rows = append(rows, row)
	}
	m.table(head, nil, rows)
}

// resolved writes when a pull request was merged or closed, or nothing.
func (d *reportDoc) resolved(c cwo.Contribution) string {
	switch {
	case c.State == cwo.StateMerged && !c.Merged.IsZero():
		return d.date(c.Merged)
	case c.State == cwo.StateClosed && !c.Closed.IsZero():
		return d.date(c.Closed)
	}
	return ""
}

// narrativeSection writes the period's summary, highlights, risks and next steps, Markdown as
// the progress notes have it.
func narrativeSection(p *cwo.Progress) string {
	var m mdText
	m.heading(2, "Narrative")
	if p == nil {
		m.para("*No progress notes were written for this period.*")
		return m.String()
	}
	if p.Summary != "" {
		m.line("\n%s\n", p.Summary)
	}
	for _, part := range []struct {
		title string
		items []string
	}{{"Highlights", p.Highlights}, {"Risks", p.Risks}, {"Next steps", p.Next}} {
		if len(part.items) > 0 {
			m.heading(3, part.title)
			m.list(part.items)
		}
	}
	return m.String()
}
