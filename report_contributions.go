package cwo

import (
	"sort"
	"strings"
)

// contributions merges the order's pull requests, keeps those relevant to the period, ties them
// to scope items, flags those that may not be the team's work, and fills in the progress notes
// of each item.
func (r *Report) contributions(w *Workspace) {
	for _, c := range w.OrderContributions(r.Order) {
		r.keep(c)
	}
	sort.SliceStable(r.Contributions, func(i, j int) bool {
		a, b := r.Contributions[i], r.Contributions[j]
		if !a.Opened.Equal(b.Opened) {
			return a.Opened.Before(b.Opened)
		}
		return a.Ref() < b.Ref()
	})
	r.itemNotes()
}

// OrderContributions returns the order's pull requests from its contributions*.json files and
// its progress files' contributions:, one per reference (records of the same pull request
// merged), each tied to the scope item whose prs: names it, in reference order.
func (w *Workspace) OrderContributions(o *WorkOrder) []Contribution {
	itemOf := w.prItems(o)
	byRef := map[string]Contribution{}
	add := func(c Contribution) {
		c = c.Identified()
		key := refKey(c.Ref())
		if c.Item == "" {
			c.Item = itemOf[key]
		}
		if old, ok := byRef[key]; ok {
			c = mergeContribution(old, c)
		}
		byRef[key] = c
	}
	for _, c := range w.PRs[o.ID] {
		add(c)
	}
	for _, pr := range w.OrderProgress(o.ID) {
		for _, c := range pr.Contributions {
			add(c)
		}
	}
	out := make([]Contribution, 0, len(byRef))
	for _, ref := range sortedKeys(byRef) {
		out = append(out, byRef[ref])
	}
	return out
}

// prItems maps each pull request that a progress file's items.<key>.prs names to the key (the
// last progress file wins); references that do not resolve are left out (Validate reports them).
func (w *Workspace) prItems(o *WorkOrder) map[string]string {
	repo := w.Project(o.Project).GitHubRepo()
	itemOf := map[string]string{}
	for _, pr := range w.OrderProgress(o.ID) {
		for _, key := range sortedKeys(pr.Items) {
			for _, n := range pr.Items[key].PRs {
				if ref, err := ResolvePRRef(n, repo); err == nil {
					itemOf[refKey(ref)] = key
				}
			}
		}
	}
	return itemOf
}

// refKey is how references are compared: GitHub's owner and repository names ignore case.
func refKey(ref string) string { return strings.ToLower(ref) }

// Identified returns c with its repository and number taken from its URL where unset.
func (c Contribution) Identified() Contribution {
	repo, n := PRFromURL(c.URL)
	if c.Repo == "" {
		c.Repo = repo
	}
	if c.Number == 0 && (c.Repo == repo || repo == "") {
		c.Number = n
	}
	return c
}

// keep adds c to the report when it belongs in the period (see relevantIn).
func (r *Report) keep(c Contribution) {
	relevant, openAtEnd := relevantIn(c, r.Period)
	if !relevant {
		return
	}
	if openAtEnd && c.State != StateOpen {
		c.State = StateOpen // as it stood at the period's end
	}
	c.Flags = ContributionFlags(r.Order, r.Project, c)
	r.Contributions = append(r.Contributions, c)
	r.StateCounts[c.State]++
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
	out.URL = pick(a.URL, b.URL)
	out.Opened, out.Merged, out.Closed = pickDate(a.Opened, b.Opened), pickDate(a.Merged, b.Merged), pickDate(a.Closed, b.Closed)
	out.Bot = a.Bot || b.Bot
	if stateRank[a.State] > stateRank[b.State] {
		out.State = a.State
	}
	return out
}

var stateRank = map[string]int{StateOpen: 0, StateClosed: 1, StateMerged: 2}

// PeriodPRs are a report's pull requests as a funder reads them, each list in report order.
type PeriodPRs struct {
	Merged []Contribution // merged in the period
	Opened []Contribution // opened in the period and not merged in it
	Other  []Contribution // opened before the period: still in review at its end, or closed in it
	// OpenedCount counts every pull request opened in the period, whatever became of it
	// (merged ones too).
	OpenedCount int
}

// PeriodPRs sorts the report's pull requests into merged in the period, opened in it, and the
// others, the one place where reports decide which is which.
func (r *Report) PeriodPRs() PeriodPRs {
	var p PeriodPRs
	for _, c := range r.Contributions {
		if r.Period.Contains(c.Opened) {
			p.OpenedCount++
		}
		switch {
		case c.State == StateMerged && r.Period.Contains(c.Merged):
			p.Merged = append(p.Merged, c)
		case r.Period.Contains(c.Opened):
			p.Opened = append(p.Opened, c)
		default:
			p.Other = append(p.Other, c)
		}
	}
	return p
}
