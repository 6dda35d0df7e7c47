package cwo

// Report is everything a funder's progress report for one order and period shows. Money is in
// the order's currency; cumulative figures run from the order's start to the period's end.
type Report struct {
	Order    *WorkOrder
	Funder   *Funder
	Project  *Project
	Period   Period
	Currency Currency
	Locale   string
	Progress *Progress // the period's notes, or nil

	Budget          Money   // fixed amount, or rate × cap
	SpentPeriod     Money   // spend in the period
	SpentToDate     Money   // spend from the start to the period's end
	Remaining       Money   // Budget − SpentToDate
	BudgetUsedPct   Decimal // SpentToDate ÷ Budget × 100, 1 decimal
	TermElapsedPct  Decimal // share of the order's days elapsed at the period's end, 1 decimal
	HoursPeriod     Hours
	HoursToDate     Hours
	PaymentsDue     []Payment      // payments due within the period
	Items           []ReportItem   // one per scope item, in scope order (hours without an item: NoItemHours)
	Contributions   []Contribution // merged from progress files and contributions*.json, by reference
	StateCounts     map[string]int // contributions by state
	SpendByPeriod   []PeriodSpend  // cumulative spend for each period from the start to this one
	ws              *Workspace     // where Entries reads the period's time entries
	HourlyCost      Money          // rate, or amount ÷ planned hours (12 decimals)
	NoItemHours     Hours          // hours logged without a scope item this period
	NoItemHoursDate Hours          // ... and to date
}

// ReportItem is one scope item's line in a report.
type ReportItem struct {
	Key, Title   string
	PlannedHours Hours
	HoursPeriod  Hours
	HoursToDate  Hours
	PlanPct      Decimal // HoursToDate ÷ PlannedHours × 100, 1 decimal
	Status       string  // from the progress file, "" when not reported
	Percent      int
	Note         string
	PRs          []Contribution // pull requests tied to the item
}

// PeriodSpend is cumulative spend at the end of one period.
type PeriodSpend struct {
	Period     Period
	Cumulative Money
}

// EntriesDigest returns a SHA-256 of the period's time entries (see Workspace.TimeDigest).
func (r *Report) EntriesDigest() string { return r.ws.TimeDigest(r.Order.ID, r.Period) }

// Entries returns the period's time entries, in file order (see Timesheets.Entries).
func (r *Report) Entries() ([]TimeEntry, error) { return r.ws.PeriodEntries(r.Order.ID, r.Period) }

// ReportPeriods lists the periods an order gets a report for: each period of its cadence, within
// its term, that has time entries or a progress file.
func (w *Workspace) ReportPeriods(o *WorkOrder) []Period {
	quarterly := o.Reporting.Quarterly()
	seen := map[Period]bool{}
	for _, m := range w.orderMonths(o.ID, MonthOf(o.Start), MonthOf(o.End)) {
		seen[PeriodOf(m.Month.Start(), quarterly)] = true
	}
	for _, p := range w.OrderProgress(o.ID) {
		if p.Period.IsQuarter() == quarterly {
			seen[p.Period] = true
		}
	}
	var ps []Period
	for _, p := range PeriodsBetween(o.Start, o.End, quarterly) {
		if seen[p] {
			ps = append(ps, p)
		}
	}
	return ps
}

// NewReport computes the report of order o for period p. The workspace must be valid.
func (w *Workspace) NewReport(o *WorkOrder, p Period) *Report {
	r := &Report{Order: o, Funder: w.Funder(o.Funder), Project: w.Project(o.Project), Period: p,
		Currency: w.OrderCurrency(o), Locale: w.OrderLocale(o), Budget: o.Total(), HourlyCost: o.HourlyCost(),
		StateCounts: map[string]int{}}
	for _, pr := range w.OrderProgress(o.ID) {
		if pr.Period == p {
			r.Progress = pr
		}
	}
	r.ws = w
	r.hours(w.orderMonths(o.ID, MonthOf(o.Start), MonthOf(p.End())))
	r.spend(w)
	r.payments()
	r.contributions(w)
	return r
}

// hours adds up hours per scope item, in the period and to date.
func (r *Report) hours(months []MonthTime) {
	o := r.Order
	first, last := r.Period.Months()
	idx := map[string]int{}
	for _, s := range o.Scope {
		idx[s.Key()] = len(r.Items)
		r.Items = append(r.Items, ReportItem{Key: s.Key(), Title: scopeTitle(r.Project, s), PlannedHours: s.Hours})
	}
	for _, m := range months {
		inPeriod := m.Month >= first && m.Month <= last
		for _, item := range sortedKeys(m.Items) {
			r.addHours(idx, item, m.Items[item], inPeriod)
		}
	}
	for i := range r.Items {
		r.Items[i].PlanPct = r.Items[i].HoursToDate.Percent(r.Items[i].PlannedHours, 1)
	}
}

// addHours counts hours logged against one item (or none) to date, and in the period.
func (r *Report) addHours(idx map[string]int, item string, h Hours, inPeriod bool) {
	r.HoursToDate = r.HoursToDate.Add(h)
	if inPeriod {
		r.HoursPeriod = r.HoursPeriod.Add(h)
	}
	i, ok := idx[item]
	if !ok {
		r.NoItemHoursDate = r.NoItemHoursDate.Add(h)
		if inPeriod {
			r.NoItemHours = r.NoItemHours.Add(h)
		}
		return
	}
	r.Items[i].HoursToDate = r.Items[i].HoursToDate.Add(h)
	if inPeriod {
		r.Items[i].HoursPeriod = r.Items[i].HoursPeriod.Add(h)
	}
}

func scopeTitle(p *Project, s ScopeItem) string {
	if s.Title != "" {
		return s.Title
	}
	if p != nil {
		if it := p.Item(s.Item); it != nil {
			return it.Title
		}
	}
	return s.Key()
}

// Cost returns what hours of work cost against the order's budget, rounded to the currency.
func (r *Report) Cost(h Hours) Money {
	o := r.Order
	if o.Budget.Type == BudgetHourly {
		return h.Mul(o.Budget.Rate).Round(r.Currency.MinorUnits())
	}
	return o.Budget.Amount.Mul(h).Div(o.ScopeHours()).Round(r.Currency.MinorUnits())
}

// spend computes money figures and the cumulative spend per period.
func (r *Report) spend(w *Workspace) {
	o := r.Order
	r.SpentPeriod = r.Cost(r.HoursPeriod)
	r.SpentToDate = r.Cost(r.HoursToDate)
	r.Remaining = r.Budget.Sub(r.SpentToDate)
	r.BudgetUsedPct = r.SpentToDate.Percent(r.Budget, 1)
	days := o.Start.DaysUntil(o.End) + 1
	elapsed := min(max(o.Start.DaysUntil(r.Period.End())+1, 0), days)
	r.TermElapsedPct = DecimalFromInt(int64(elapsed)).Percent(DecimalFromInt(int64(days)), 1)
	byPeriod := map[Period]Hours{}
	for _, m := range w.orderMonths(o.ID, MonthOf(o.Start), MonthOf(r.Period.End())) {
		p := PeriodOf(m.Month.Start(), o.Reporting.Quarterly())
		byPeriod[p] = byPeriod[p].Add(m.Total)
	}
	var cum Hours
	for _, p := range PeriodsBetween(o.Start, r.Period.End(), o.Reporting.Quarterly()) {
		cum = cum.Add(byPeriod[p])
		r.SpendByPeriod = append(r.SpendByPeriod, PeriodSpend{Period: p, Cumulative: r.Cost(cum)})
	}
}

func (r *Report) payments() {
	for _, p := range r.Order.Payments {
		if r.Period.Contains(p.Due) {
			r.PaymentsDue = append(r.PaymentsDue, p)
		}
	}
}
