package cwo

import (
	"math"
	"slices"
)

var contributionStates = []string{StateOpen, StateMerged, StateClosed}

func (v *validator) progress() {
	for _, p := range v.ws.Progress {
		o := v.ws.Order(p.Order)
		if o == nil {
			v.diags.Errorf(p.Src.File, Pos{}, "folder progress/%s names no order%s", p.Order, DidYouMean(p.Order, v.orderIDs()))
			continue
		}
		v.progressPeriod(p, o)
		for _, key := range sortedKeys(p.Items) {
			v.itemProgress(p, o, key, p.Items[key])
		}
		for i, c := range p.Contributions {
			v.contribution(p.Src, o, c, "contributions", i)
		}
	}
	for _, o := range v.ws.Orders {
		v.orderContributions(o)
	}
	for _, order := range sortedKeys(v.ws.PRs) {
		if o := v.ws.Order(order); o == nil {
			prs := v.ws.PRs[order]
			v.diags.Errorf(prs[0].File, Pos{}, "folder progress/%s names no order%s", order, DidYouMean(order, v.orderIDs()))
		}
	}
}

// progressPeriod checks that the period fits the order's cadence and term.
func (v *validator) progressPeriod(p *Progress, o *WorkOrder) {
	if o.Reporting.Quarterly() != p.Period.IsQuarter() {
		want := "a quarter like 2026-Q4"
		if !o.Reporting.Quarterly() {
			want = "a month like 2026-10"
		}
		v.diags.Errorf(p.Src.File, Pos{}, "period %s does not match order %s's %s reporting: name the file after %s", p.Period, o.ID, cadenceName(o), want)
		return
	}
	if !o.Start.IsZero() && !o.End.IsZero() && (p.Period.End().Before(o.Start) || p.Period.Start().After(o.End)) {
		v.diags.Errorf(p.Src.File, Pos{}, "period %s is outside order %s's term %s to %s", p.Period, o.ID, o.Start, o.End)
	}
}

func cadenceName(o *WorkOrder) string {
	if o.Reporting.Quarterly() {
		return CadenceQuarterly
	}
	return CadenceMonthly
}

func (v *validator) itemProgress(p *Progress, o *WorkOrder, key string, ip ItemProgress) {
	src := p.Src
	if o.ScopeByKey(key) == nil {
		v.diags.Errorf(src.File, src.At("items", key, "<key>"), "item %q is not in order %s's scope%s", key, o.ID, DidYouMean(key, scopeKeys(o)))
	}
	v.oneOf(src, ip.Status, ItemStatuses, "items", key, "status")
	if ip.Percent < 0 || ip.Percent > 100 {
		v.diags.Errorf(src.File, src.At("items", key, "percent"), "percent must be between 0 and 100, got %d", ip.Percent)
	}
}

func (v *validator) contribution(src Source, o *WorkOrder, c Contribution, path ...any) {
	at := func(k string) Pos { return src.At(append(path, k)...) }
	if c.URL == "" {
		v.diags.Errorf(src.File, src.At(path...), "contribution has no url")
	} else if !SafeURL(c.URL) {
		v.diags.Errorf(src.File, at("url"), "url %q is not an http or https URL", c.URL)
	}
	v.require(src, c.Title, append(path, "title")...)
	v.require(src, c.State, append(path, "state")...)
	v.oneOf(src, c.State, contributionStates, append(path, "state")...)
	if c.Item != "" && o.ScopeByKey(c.Item) == nil {
		v.diags.Errorf(src.File, at("item"), "item %q is not in order %s's scope%s", c.Item, o.ID, DidYouMean(c.Item, scopeKeys(o)))
	}
	if c.Opened.IsZero() {
		v.diags.Errorf(src.File, at("opened"), "opened date is required")
	}
	if c.State == StateMerged && c.Merged.IsZero() {
		v.diags.Errorf(src.File, at("state"), "a merged contribution needs a merged date")
	}
	if c.State == StateClosed && c.Closed.IsZero() {
		v.diags.Errorf(src.File, at("state"), "a closed contribution needs a closed date")
	}
	if !c.Merged.IsZero() && c.Merged.Before(c.Opened) {
		v.diags.Errorf(src.File, at("merged"), "merged %s is before opened %s", c.Merged, c.Opened)
	}
	if !c.Closed.IsZero() && c.Closed.Before(c.Opened) {
		v.diags.Errorf(src.File, at("closed"), "closed %s is before opened %s", c.Closed, c.Opened)
	}
}

func scopeKeys(o *WorkOrder) []string {
	var ks []string
	for _, s := range o.Scope {
		if k := s.Key(); k != "" {
			ks = append(ks, k)
		}
	}
	return ks
}

// timesheets checks the time entries against their orders. The loader summarized the rows of
// each file by order and item; a file whose summary breaks a rule is read again, row by row, to
// report each bad row with its line.
func (v *validator) timesheets() {
	if v.ws.Time == nil {
		return
	}
	orders := map[string]*WorkOrder{}
	for _, o := range v.ws.Orders {
		orders[o.ID] = o
	}
	var recheck []string // in file order, as the summaries are
	for _, c := range v.ws.Time.Summaries() {
		if !summaryFits(c, orders[c.Order]) && !slices.Contains(recheck, c.File) {
			recheck = append(recheck, c.File)
		}
	}
	for _, file := range recheck {
		v.timesheetRows(file, orders)
	}
	for _, o := range v.ws.Orders {
		v.reportRows(o)
	}
}

// MaxReportRows is the most time entries a report's Timesheet sheet can list: a worksheet
// holds 1,048,576 rows, and the sheet has a header row and a totals row.
const MaxReportRows = 1<<20 - 2

// reportRows reports each report period of an order with more time entries than its Timesheet
// sheet can hold, which the report could not be written with.
func (v *validator) reportRows(o *WorkOrder) {
	all := 0
	for _, m := range v.ws.orderMonths(o.ID, math.MinInt, math.MaxInt) {
		all += m.Rows
	}
	if all <= MaxReportRows || o.Start.IsZero() || o.End.Before(o.Start) {
		return
	}
	for _, p := range v.ws.ReportPeriods(o) {
		if n := v.ws.PeriodRows(o.ID, p); n > MaxReportRows {
			v.diags.Errorf(o.Src.File, o.Src.At("reporting"), "the timesheets have %d rows for %s in %s: more than a report's Timesheet sheet holds "+
				"(%d rows, as a worksheet has 1,048,576 with a header and a total); report monthly or split the order", n, o.ID, p, MaxReportRows)
		}
	}
}

// summaryFits reports whether every row summarized by c keeps the rules that involve its order.
func summaryFits(c TimeSummary, o *WorkOrder) bool {
	if o == nil || c.Bad || (c.Item != "" && o.ScopeByKey(c.Item) == nil) {
		return false
	}
	return o.Start.IsZero() || o.End.IsZero() || (c.First.Within(o.Start, o.End) && c.Last.Within(o.Start, o.End))
}

// timesheetRows checks every row of one file (its reading problems were reported by the loader).
// One cause often fails many rows (a scope key renamed, an order's term shortened): the first
// rows with each problem are reported, and the others counted in one more message.
func (v *validator) timesheetRows(file string, orders map[string]*WorkOrder) {
	all := v.diags
	fold := rowFolder{}
	var row Diagnostics // a row's problems, apart from all (timeEntry appends to v.diags)
	err := v.ws.Time.FileEntries(file, func(e TimeEntry) {
		v.diags = row[:0]
		v.timeEntry(e, orders[e.Order])
		row = v.diags
		for _, d := range row {
			fold.add(d)
		}
	})
	v.diags = append(all, fold.diagnostics()...)
	if err != nil {
		v.diags.Errorf(file, Pos{}, "%v", err)
	}
}

// timeEntry checks one row into v.diags.
func (v *validator) timeEntry(e TimeEntry, o *WorkOrder) {
	at := Pos{Line: e.Line}
	if e.Order == "" {
		v.diags.Errorf(e.File, at, "column order is empty")
		return
	}
	if o == nil {
		v.diags.Errorf(e.File, at, "column order: order %q is not defined%s", e.Order, DidYouMean(e.Order, v.orderIDs()))
		return
	}
	if e.Item != "" && o.ScopeByKey(e.Item) == nil {
		v.diags.Errorf(e.File, at, "column item: %q is not in order %s's scope%s", e.Item, o.ID, DidYouMean(e.Item, scopeKeys(o)))
	}
	if !o.Start.IsZero() && !o.End.IsZero() && !e.Date.Within(o.Start, o.End) {
		v.diags.Errorf(e.File, at, "column date: %s is outside order %s's term %s to %s", e.Date, o.ID, o.Start, o.End)
	}
	if e.Hours.Sign() <= 0 {
		v.diags.Errorf(e.File, at, "column hours: must be more than zero, got %s", e.Hours)
	}
	if e.Person == "" {
		v.diags.Errorf(e.File, at, "column person is empty")
	}
}
