package cwo

import "sort"

// FinalNotes are an order's closing notes (progress/<order>/final.yaml), written when its work
// ends: what came of each scope item, the lessons learned and the next steps. The final report
// shows them beside the figures of the whole term.
type FinalNotes struct {
	Summary string                 `yaml:"summary"` // Markdown
	Items   map[string]ItemOutcome `yaml:"items"`   // by scope key
	Lessons []string               `yaml:"lessons"` // Markdown, one a lesson
	Next    []string               `yaml:"next"`    // Markdown, one a step
	Order   string                 `yaml:"-"`
	Src     Source                 `yaml:"-" json:"-"`
}

// ItemOutcome is how one scope item ended: its final status, whether it was delivered, what
// happened and what was not delivered and why, in Markdown.
type ItemOutcome struct {
	Status       string  `yaml:"status"`
	Delivered    string  `yaml:"delivered"` // DeliveredYes, DeliveredPartly or DeliveredNo; "" to derive it from the status
	Outcome      string  `yaml:"outcome"`
	NotDelivered string  `yaml:"not_delivered"` // Markdown: what was not delivered, and why
	PRs          []PRRef `yaml:"prs"`           // the item's pull requests, when no progress file names them: numbers in the project's repository, or owner/repo#N
}

// Whether a scope item was delivered (ItemOutcome.Delivered, FinalReport.Delivered).
const (
	DeliveredYes    = "yes"
	DeliveredPartly = "partly"
	DeliveredNo     = "no"
)

// DeliveredValues are the values of ItemOutcome.Delivered.
var DeliveredValues = []string{DeliveredYes, DeliveredPartly, DeliveredNo}

// Delivered says whether the scope item with key was delivered: the closing notes' delivered:
// where they give it, else from the item's final status: done is yes, not-started or deferred
// is no, any other reported status is partly; "" when no status was reported.
func (f *FinalReport) Delivered(it ReportItem) string {
	if f.Notes != nil && f.Notes.Items[it.Key].Delivered != "" {
		return f.Notes.Items[it.Key].Delivered
	}
	switch it.Status {
	case "":
		return ""
	case ItemDone:
		return DeliveredYes
	case "not-started", "deferred":
		return DeliveredNo
	}
	return DeliveredPartly
}

// PaymentsAt returns the order's payment schedule as it stood at date d (the run's report
// date, which may be after the term's last period: an invoice paid after the term counts), and
// what was invoiced and paid by then.
func (f *FinalReport) PaymentsAt(d Date) (sched []PaymentState, invoiced, paid Money) {
	if d.Before(f.Period.End()) {
		d = f.Period.End()
	}
	invoiced, paid = invoicedAt(f.Order, d)
	return schedule(f.Order, d), invoiced, paid
}

// OrderFinal returns the closing notes of one order, or nil.
func (w *Workspace) OrderFinal(orderID string) *FinalNotes {
	return find(w.Finals, orderID, func(f *FinalNotes) string { return f.Order })
}

// FinalReport is what an order's final report shows: the figures of its whole term (Report, for
// the period holding the term's last day, whose to-date figures run from start to end), every
// pull request of the order with its outcome, and the closing notes. Each item's status is the
// closing notes', else the last the progress notes gave.
type FinalReport struct {
	*Report
	All   []Contribution // every pull request of the order, by opened date then URL
	Notes *FinalNotes    // nil when final.yaml was not written
}

// FinalDue reports whether order o gets a final report on date asOf (the workspace's report
// date, never the clock): when it is completed, or signed or active with its term ended before
// asOf.
func FinalDue(o *WorkOrder, asOf Date) bool {
	switch o.Status {
	case StatusCompleted:
		return true
	case StatusSigned, StatusActive:
		return !o.End.IsZero() && o.End.Before(asOf)
	}
	return false
}

// NewFinalReport computes the final report of order o over its whole term. The workspace must be
// valid.
func (w *Workspace) NewFinalReport(o *WorkOrder) *FinalReport {
	f := &FinalReport{Report: w.NewReport(o, PeriodOf(o.End, o.Reporting.Quarterly())), Notes: w.OrderFinal(o.ID)}
	itemOf := f.Notes.prItems(w.Project(o.Project).GitHubRepo())
	for _, c := range w.OrderContributions(o) {
		if c.Item == "" {
			c.Item = itemOf[refKey(c.Ref())]
		}
		c.Flags = ContributionFlags(o, w.Project(o.Project), c)
		f.All = append(f.All, c)
	}
	sort.SliceStable(f.All, func(i, j int) bool { return f.All[i].Opened.Before(f.All[j].Opened) })
	f.lastStatus(w.OrderProgress(o.ID))
	// The flags of the whole term: the order's status and hours outside the term, not the
	// last period's evidence.
	f.Flags = w.reportFlags(o, f.Period, Hours{}, true, true)
	return f
}

// lastStatus sets each item's status and percent to the last the progress notes gave, and the
// status to the closing notes' where they give one.
func (f *FinalReport) lastStatus(progress []*Progress) {
	for i := range f.Items {
		it := &f.Items[i]
		for _, p := range progress {
			if ip, ok := p.Items[it.Key]; ok {
				it.Status, it.Percent = ip.Status, ip.Percent
			}
		}
		if f.Notes != nil && f.Notes.Items[it.Key].Status != "" {
			it.Status = f.Notes.Items[it.Key].Status
		}
	}
}

// prItems maps each pull request that the notes' items.<key>.prs names to the key; references
// that do not resolve are left out (Validate reports them). Nil notes name none.
func (f *FinalNotes) prItems(repo string) map[string]string {
	itemOf := map[string]string{}
	if f == nil {
		return itemOf
	}
	for _, key := range sortedKeys(f.Items) {
		for _, n := range f.Items[key].PRs {
			if ref, err := ResolvePRRef(n, repo); err == nil {
				itemOf[refKey(ref)] = key
			}
		}
	}
	return itemOf
}
