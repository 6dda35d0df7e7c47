// Package agreement gathers what an order's agreement shows and computes its fingerprint: the
// SHA-256 printed on the signature page and in the PDF's keywords, which `cwo verify` recomputes
// from the workspace to tell whether a signed agreement still matches its order. The render
// pipeline and the verify command both use it; it reads no file.
package agreement

import (
	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/markdown"
)

// Data is what the agreement template sees (templates/agreement.md.tmpl). Its JSON form,
// with the template text, is what the agreement's fingerprint is computed from; Terms is left
// out of it, as it is derived from the order, the funder and the contractor, which are in it.
type Data struct {
	Order         *cwo.WorkOrder
	Funder        *cwo.Funder
	Contractor    *cwo.Contractor
	Project       *cwo.Project
	Scope         []ScopeLine
	Currency      cwo.Currency // the order's currency
	Locale        string       // the order's BCP 47 locale (cwo.Workspace.OrderLocale)
	Hourly        bool         // hourly budget (else fixed)
	Total         cwo.Money    // fixed price, or rate × cap
	ScopeHours    cwo.Hours    // planned hours of all scope items
	PaymentsTotal cwo.Money    // sum of the payment schedule
	Cadence       string       // "quarterly" or "monthly"
	ReportTo      cwo.Person   // who receives reports
	Terms         cwo.Terms    `json:"-"` // governing law, venue, liability cap, notices (cwo.OrderTerms)
	// USLaw is true when the governing law is a US state's (USLaw): the warranty and liability
	// clauses then use US wording. Derived from Terms and the parties, like Terms.
	USLaw bool `json:"-"`
}

// ScopeLine is one scope item as the agreement shows it.
type ScopeLine struct {
	Key     string    // the item's key (roadmap item ID or scope ID)
	Title   string    // the scope entry's title, else the roadmap item's
	Text    string    // Markdown: the description, else the roadmap item's summary
	Hours   cwo.Hours // planned hours
	Roadmap bool      // a roadmap item of the project
}

// NewData gathers what the agreement for order o shows. The order's references must
// resolve (the workspace is validated).
func NewData(ws *cwo.Workspace, o *cwo.WorkOrder) *Data {
	project := ws.Project(o.Project)
	funder := ws.Funder(o.Funder)
	d := &Data{
		Order: o, Funder: funder, Contractor: ws.Contractor, Project: project,
		Currency: ws.OrderCurrency(o), Locale: ws.OrderLocale(o),
		Hourly: o.Budget.Type == cwo.BudgetHourly, Total: o.Total(),
		ScopeHours: o.ScopeHours(), PaymentsTotal: o.PaymentsTotal(),
		Cadence: "quarterly", ReportTo: funder.Contact(),
	}
	d.Terms = cwo.OrderTerms(ws.Contractor, funder, o, d.Currency)
	d.USLaw = USLaw(d.Terms.GoverningLaw, ws.Contractor, funder)
	if !o.Reporting.Quarterly() {
		d.Cadence = "monthly"
	}
	if o.Reporting.Contact != nil {
		d.ReportTo = *o.Reporting.Contact
	}
	for _, s := range o.Scope {
		d.Scope = append(d.Scope, scopeLine(project, s))
	}
	return d
}

// scopeLine is one scope item as the agreement sets it. Its text is Markdown from data, made
// safe to set inside the agreement (markdown.Contain: a heading in it becomes bold text, not a
// clause; a relative link is resolved against the project's roadmap).
func scopeLine(p *cwo.Project, s cwo.ScopeItem) ScopeLine {
	l := ScopeLine{Key: s.Key(), Title: s.Title, Text: s.Description, Hours: s.Hours}
	base := ""
	if p != nil {
		base = p.Roadmap.URL
	}
	if s.Item != "" && p != nil {
		if it := p.Item(s.Item); it != nil {
			l.Roadmap = true
			if l.Title == "" {
				l.Title = it.Title
			}
			if l.Text == "" {
				l.Text = it.Summary
			}
		}
	}
	l.Text = markdown.Contain(l.Text, base)
	return l
}
