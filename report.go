package cwo

import (
	"sort"
	"strings"
)

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
	Contributions   []Contribution // merged from progress files and contributions.json, by URL
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

// contributions merges the order's pull requests, keeps those relevant to the period, ties them
// to scope items, and fills in the progress notes of each item.
func (r *Report) contributions(w *Workspace) {
	itemOf := map[int]string{} // PR number → scope key, from every progress file's prs:
	for _, pr := range w.OrderProgress(r.Order.ID) {
		for _, key := range sortedKeys(pr.Items) {
			for _, n := range pr.Items[key].PRs {
				itemOf[n] = key
			}
		}
	}
	byURL := map[string]Contribution{}
	add := func(c Contribution) {
		if c.Item == "" && c.Number > 0 {
			c.Item = itemOf[c.Number]
		}
		if c.Number == 0 {
			c.Number = prNumber(c.URL)
			if c.Item == "" {
				c.Item = itemOf[c.Number]
			}
		}
		if old, ok := byURL[c.URL]; ok {
			c = mergeContribution(old, c)
		}
		byURL[c.URL] = c
	}
	for _, c := range w.PRs[r.Order.ID] {
		add(c)
	}
	for _, pr := range w.OrderProgress(r.Order.ID) {
		for _, c := range pr.Contributions {
			add(c)
		}
	}
	r.keepRelevant(byURL)
	r.itemNotes()
}

// keepRelevant keeps contributions opened, merged or closed in the period, or still open at its
// end, sorted by opened date then URL.
func (r *Report) keepRelevant(byURL map[string]Contribution) {
	start, end := r.Period.Start(), r.Period.End()
	for _, url := range sortedKeys(byURL) {
		c := byURL[url]
		if c.Opened.After(end) {
			continue
		}
		resolved := MaxDate(c.Merged, c.Closed)
		openAtEnd := resolved.IsZero() || resolved.After(end)
		if r.Period.Contains(c.Opened) || (!resolved.IsZero() && resolved.Within(start, end)) || openAtEnd {
			if openAtEnd && c.State != StateOpen {
				c.State = StateOpen // as it stood at the period's end
			}
			r.Contributions = append(r.Contributions, c)
			r.StateCounts[c.State]++
		}
	}
	sort.SliceStable(r.Contributions, func(i, j int) bool {
		a, b := r.Contributions[i], r.Contributions[j]
		if !a.Opened.Equal(b.Opened) {
			return a.Opened.Before(b.Opened)
		}
		return a.URL < b.URL
	})
}

func (r *Report) itemNotes() {
	for i := range r.Items {
		it := &r.Items[i]
		if r.Progress != nil {
			if ip, ok := r.Progress.Items[it.Key]; ok {
				it.Status, it.Percent, it.Note = ip.Status, ip.Percent, ip.Note
			}
		}
		for _, c := range r.Contributions {
			if c.Item == it.Key {
				it.PRs = append(it.PRs, c)
			}
		}
	}
}

// mergeContribution combines two records of the same pull request: set fields win over unset
// ones, and the more final state wins (merged over closed over open), whichever file said it.
func mergeContribution(a, b Contribution) Contribution {
	pick := func(x, y string) string {
		if y != "" {
			return y
		}
		return x
	}
	pickDate := func(x, y Date) Date {
		if !y.IsZero() {
			return y
		}
		return x
	}
	out := b
	out.Title, out.Item, out.Author = pick(a.Title, b.Title), pick(a.Item, b.Item), pick(a.Author, b.Author)
	out.Opened, out.Merged, out.Closed = pickDate(a.Opened, b.Opened), pickDate(a.Merged, b.Merged), pickDate(a.Closed, b.Closed)
	if stateRank[a.State] > stateRank[b.State] {
		out.State = a.State
	}
	return out
}

var stateRank = map[string]int{StateOpen: 0, StateClosed: 1, StateMerged: 2}

// prNumber takes the number from a pull request URL such as .../pull/27001.
func prNumber(url string) int {
	i := strings.LastIndex(url, "/pull/")
	if i < 0 {
		return 0
	}
	n := 0
	for _, c := range url[i+6:] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}
