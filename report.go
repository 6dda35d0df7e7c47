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

	Budget         Money   // fixed amount, or rate × cap
	TermElapsedPct Decimal // share of the order's days elapsed at the period's end, 1 decimal
	HoursPeriod    Hours
	HoursToDate    Hours
	PaymentsDue    []Payment // payments due within the period
	// Items has one line per scope item, in scope order, then a "(no item)" line (NoItem) for
	// the hours logged without a scope item, when there are any to date.
	Items         []ReportItem
	Contributions []Contribution // merged from progress files and contributions*.json, by reference
	StateCounts   map[string]int // contributions by state
	ReportMoney                  // earned, invoiced, paid, outstanding, remaining (report_money.go)
	Flags         []string       // what the funder should know before reading on (report_flags.go)
	ws            *Workspace     // where Entries reads the period's time entries
}

// NoItemTitle is the title of a report's line for the hours logged without a scope item.
const NoItemTitle = "(no item)"

// ReportItem is one scope item's line in a report, or the line of the hours logged without a
// scope item (NoItem: Key "", Title NoItemTitle, no planned hours, no progress). Key is also ""
// for a scope item that has only a title, which timesheets and progress notes cannot name.
type ReportItem struct {
	Key, Title   string
	NoItem       bool // the hours logged without a scope item
	PlannedHours Hours
	HoursPeriod  Hours
	HoursToDate  Hours
	PlanPct      Decimal // HoursToDate ÷ PlannedHours × 100, 1 decimal
	Status       string  // from the progress file, "" when not reported
	Percent      int
	Note         string
	PRs          []Contribution // pull requests tied to the item
}

// EntriesDigest returns a SHA-256 of the period's time entries (see Workspace.TimeDigest).
func (r *Report) EntriesDigest() string { return r.ws.TimeDigest(r.Order.ID, r.Period) }

// Entries returns the period's time entries, in file order (see Timesheets.Entries); none for
// a report that was not made by NewReport.
func (r *Report) Entries() ([]TimeEntry, error) {
	if r.ws == nil {
		return nil, nil
	}
	return r.ws.PeriodEntries(r.Order.ID, r.Period)
}

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
		Currency: w.OrderCurrency(o), Locale: w.OrderLocale(o), Budget: o.Total(), StateCounts: map[string]int{}}
	for _, pr := range w.OrderProgress(o.ID) {
		if pr.Period == p {
			r.Progress = pr
		}
	}
	r.ws = w
	r.hours(w.orderMonths(o.ID, MonthOf(o.Start), MonthOf(p.End())))
	r.termElapsed()
	r.money(w)
	r.payments()
	r.contributions(w)
	r.Flags = w.reportFlags(o, p, r.HoursPeriod, r.Progress != nil, len(r.Contributions) > 0)
	for _, f := range []string{w.paceFlag(o, p, r.HoursPeriod), w.stopFlag(o, p, r.HoursPeriod)} {
		if f != "" {
			r.Flags = append(r.Flags, f)
		}
	}
	return r
}

// hours adds up hours per scope item, in the period and to date.
func (r *Report) hours(months []MonthTime) {
	o := r.Order
	first, last := r.Period.Months()
	idx := map[string]int{} // scope key → line; hours under any other key (or none) have no item
	for _, s := range o.Scope {
		if s.Key() != "" {
			idx[s.Key()] = len(r.Items)
		}
		r.Items = append(r.Items, ReportItem{Key: s.Key(), Title: scopeTitle(r.Project, s), PlannedHours: s.Hours})
	}
	noItem := ReportItem{Title: NoItemTitle, NoItem: true}
	for _, m := range months {
		inPeriod := m.Month >= first && m.Month <= last
		for _, item := range sortedKeys(m.Items) {
			r.addHours(idx, &noItem, item, m.Items[item], inPeriod)
		}
	}
	if !noItem.HoursToDate.IsZero() {
		r.Items = append(r.Items, noItem)
	}
	for i := range r.Items {
		r.Items[i].PlanPct = r.Items[i].HoursToDate.Percent(r.Items[i].PlannedHours, 1)
	}
}

// addHours counts hours logged against one item (or none, on noItem) to date, and in the period.
func (r *Report) addHours(idx map[string]int, noItem *ReportItem, item string, h Hours, inPeriod bool) {
	r.HoursToDate = r.HoursToDate.Add(h)
	if inPeriod {
		r.HoursPeriod = r.HoursPeriod.Add(h)
	}
	line := noItem
	if i, ok := idx[item]; ok {
		line = &r.Items[i]
	}
	line.HoursToDate = line.HoursToDate.Add(h)
	if inPeriod {
		line.HoursPeriod = line.HoursPeriod.Add(h)
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

// termElapsed computes the share of the order's term elapsed at the period's end.
func (r *Report) termElapsed() {
	o := r.Order
	days := o.Start.DaysUntil(o.End) + 1
	elapsed := min(max(o.Start.DaysUntil(r.Period.End())+1, 0), days)
	r.TermElapsedPct = DecimalFromInt(int64(elapsed)).Percent(DecimalFromInt(int64(days)), 1)
}

func (r *Report) payments() {
	for _, p := range r.Order.Payments {
		if r.Period.Contains(p.Due) {
			r.PaymentsDue = append(r.PaymentsDue, p)
		}
	}
}
