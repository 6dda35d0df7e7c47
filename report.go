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

	Budget         Money   // fixed amount, or rate × cap
	TermElapsedPct Decimal // share of the order's days elapsed at the period's end, 1 decimal
	HoursPeriod    Hours
	HoursToDate    Hours
	PaymentsDue    []Payment // payments due within the period
	// Items has one line per scope item, in scope order, then a "(no item)" line (NoItem) for
	// the hours logged without a scope item, when there are any to date.
	Items         []ReportItem
	Contributions []Contribution // merged from progress files and contributions.json, by URL
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

// contributions keeps the order's pull requests relevant to the period, ties them to scope
// items, and fills in the progress notes of each item.
func (r *Report) contributions(w *Workspace) {
	byURL := w.orderContributions(r.Order.ID)
	for _, url := range sortedKeys(byURL) {
		c := byURL[url]
		if relevant, openAtEnd := relevantIn(c, r.Period); relevant {
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
	r.itemNotes()
}

// orderContributions merges an order's pull requests from contributions.json and its progress
// files, by URL, and ties each to a scope item where a progress file's prs: names it.
func (w *Workspace) orderContributions(orderID string) map[string]Contribution {
	itemOf := map[int]string{} // PR number → scope key, from every progress file's prs:
	for _, pr := range w.OrderProgress(orderID) {
		for _, key := range sortedKeys(pr.Items) {
			for _, n := range pr.Items[key].PRs {
				itemOf[n] = key
			}
		}
	}
	byURL := map[string]Contribution{}
	add := func(c Contribution) {
		if c.Number == 0 {
			c.Number = prNumber(c.URL)
		}
		if c.Item == "" && c.Number > 0 {
			c.Item = itemOf[c.Number]
		}
		if old, ok := byURL[c.URL]; ok {
			c = mergeContribution(old, c)
		}
		byURL[c.URL] = c
	}
	for _, c := range w.PRs[orderID] {
		add(c)
	}
	for _, pr := range w.OrderProgress(orderID) {
		for _, c := range pr.Contributions {
			add(c)
		}
	}
	return byURL
}

// relevantIn reports whether contribution c belongs in period p's report: opened, merged or
// closed in the period, or still open at its end (openAtEnd), but not opened after it.
func relevantIn(c Contribution, p Period) (relevant, openAtEnd bool) {
	start, end := p.Start(), p.End()
	if c.Opened.After(end) {
		return false, false
	}
	resolved := MaxDate(c.Merged, c.Closed)
	openAtEnd = resolved.IsZero() || resolved.After(end)
	return p.Contains(c.Opened) || (!resolved.IsZero() && resolved.Within(start, end)) || openAtEnd, openAtEnd
}

func (r *Report) itemNotes() {
	for i := range r.Items {
		it := &r.Items[i]
		if it.Key == "" {
			continue // the (no item) line, or a scope item no note or pull request can name
		}
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
