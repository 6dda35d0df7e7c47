package cwo

import (
	"fmt"
	"regexp"
	"strings"
)

func (v *validator) order(o *WorkOrder) {
	src := o.Src
	v.require(src, o.Title, "title")
	v.require(src, o.Status, "status")
	v.oneOf(src, o.Status, Statuses, "status")
	v.oneOf(src, o.Reporting.Cadence, []string{CadenceQuarterly, CadenceMonthly}, "reporting", "cadence")
	if o.Version < 1 {
		v.diags.Errorf(src.File, src.At("version"), "version must be 1 or more")
	}
	if o.Project == o.ID && o.ID != "" {
		v.diags.Errorf(src.File, src.At("project"), "project %q names this order itself; it must name a project in projects/", o.Project)
	}
	v.orderRefs(o)
	v.orderDates(o)
	cur := v.ws.OrderCurrency(o)
	if o.Currency != "" {
		if err := ValidCurrency(o.Currency); err != nil {
			v.diags.Errorf(src.File, src.At("currency"), "%v", err)
			cur = v.ws.Settings.Currency
		}
	}
	v.budget(o, cur)
	v.payments(o, cur)
	v.invoicing(o, cur)
	v.versions(o)
	v.orderTerms(o, cur)
	v.scope(o)
	for i, c := range o.Clauses {
		v.principles(src, c, "clauses", i)
	}
	for i, m := range o.Team {
		v.require(src, m.Name, "team", i, "name")
	}
	v.localeRules(o)
}

func (v *validator) orderRefs(o *WorkOrder) {
	src := o.Src
	if o.Funder == "" {
		v.diags.Errorf(src.File, src.At("funder"), "funder is required")
	} else if v.ws.Funder(o.Funder) == nil {
		v.diags.Errorf(src.File, src.At("funder"), "funder %q is not defined%s: there is no funders/%s.yaml; %s",
			o.Funder, DidYouMean(o.Funder, v.funderIDs()), o.Funder, existing("funders", v.funderIDs()))
	}
	if o.Project == "" {
		v.diags.Errorf(src.File, src.At("project"), "project is required")
	} else if v.ws.Project(o.Project) == nil && o.Project != o.ID {
		v.diags.Errorf(src.File, src.At("project"), "project %q is not defined%s: there is no projects/%s.yaml; %s",
			o.Project, DidYouMean(o.Project, v.projectIDs()), o.Project, existing("projects", v.projectIDs()))
	}
}

func (v *validator) orderDates(o *WorkOrder) {
	src := o.Src
	for _, k := range []struct {
		d    Date
		name string
	}{{o.Issued, "issued"}, {o.Start, "start"}, {o.End, "end"}} {
		if k.d.IsZero() && !src.Has(k.name) {
			v.diags.Errorf(src.File, src.At(k.name), "%s date is required", k.name)
		}
	}
	if !o.Start.IsZero() && !o.End.IsZero() && !o.Start.Before(o.End) {
		v.diags.Errorf(src.File, src.At("end"), "end %s must be after start %s", o.End, o.Start)
	}
}

func (v *validator) budget(o *WorkOrder, cur Currency) {
	src, b := o.Src, o.Budget
	switch b.Type {
	case BudgetFixed:
		v.positive(src, b.Amount, "amount", "budget", "amount")
		v.money(src, b.Amount, cur, "budget", "amount")
		v.notAllowed(src, "fixed", "budget", "rate")
		v.notAllowed(src, "fixed", "budget", "cap_hours")
	case BudgetHourly:
		v.positive(src, b.Rate, "rate", "budget", "rate")
		v.money(src, b.Rate, cur, "budget", "rate")
		v.positive(src, b.CapHours, "cap_hours", "budget", "cap_hours")
		v.notAllowed(src, "hourly", "budget", "amount")
		if b.CapHours.Sign() > 0 && o.ScopeHours().Cmp(b.CapHours) > 0 {
			v.diags.Errorf(src.File, src.At("budget", "cap_hours"), "scope hours add up to %s, more than cap_hours %s", o.ScopeHours(), b.CapHours)
		}
	case "":
		v.diags.Errorf(src.File, src.At("budget"), "budget.type is required (fixed or hourly)")
	default:
		v.oneOf(src, b.Type, []string{BudgetFixed, BudgetHourly}, "budget", "type")
	}
}

// positive reports a missing, zero or negative amount or hours.
func (v *validator) positive(src Source, d Decimal, what string, path ...any) {
	switch {
	case !src.Has(path...):
		v.diags.Errorf(src.File, src.At(path...), "%s is required", joinPath(path))
	case d.Sign() <= 0:
		v.diags.Errorf(src.File, src.At(path...), "%s must be more than zero, got %s", what, d)
	}
}

// money reports an amount with more decimals than its currency has.
func (v *validator) money(src Source, m Money, cur Currency, path ...any) {
	if m.Places() > cur.MinorUnits() {
		v.diags.Errorf(src.File, src.At(path...), "%s %s has more decimals than %s allows (%d)", joinPath(path), m, cur, cur.MinorUnits())
	}
}

func (v *validator) notAllowed(src Source, budgetType string, path ...any) {
	if src.Has(path...) {
		v.diags.Errorf(src.File, src.At(path...), "%s is not allowed in a %s budget", joinPath(path), budgetType)
	}
}

func (v *validator) scope(o *WorkOrder) {
	src := o.Src
	if len(o.Scope) == 0 {
		v.diags.Errorf(src.File, src.At("scope"), "order has no scope: a CWO pays for specific work; unrestricted support for a project belongs with its fiscal sponsor (%s) as a donation", v.sponsorName())
		return
	}
	project := v.ws.Project(o.Project)
	seen := map[string]bool{}
	for i, s := range o.Scope {
		v.scopeItem(o, project, i, s)
		if k := s.Key(); k != "" {
			if seen[k] {
				v.diags.Errorf(src.File, src.At("scope", i), "scope item %q appears twice", k)
			}
			seen[k] = true
		}
	}
}

func (v *validator) sponsorName() string {
	if c := v.ws.Contractor; c != nil && c.FiscalSponsor.Name != "" {
		return c.FiscalSponsor.Name
	}
	return "the project's fiscal sponsor"
}

func (v *validator) scopeItem(o *WorkOrder, project *Project, i int, s ScopeItem) {
	src := o.Src
	switch {
	case s.Item != "" && project != nil && project.Item(s.Item) == nil:
		v.diags.Errorf(src.File, src.At("scope", i, "item"), "roadmap item %q is not in project %q%s", s.Item, project.ID, DidYouMean(s.Item, itemIDs(project)))
	case s.Item == "" && strings.TrimSpace(s.Title) == "":
		v.diags.Errorf(src.File, src.At("scope", i), "scope item %d needs an item (a roadmap item ID) or a title", i+1)
	}
	if s.Item != "" && s.ID != "" && s.ID != s.Item {
		v.diags.Errorf(src.File, src.At("scope", i, "id"), "scope item has both item %q and id %q; use one", s.Item, s.ID)
	} else if s.ID != "" && !ValidID(s.ID) {
		v.diags.Errorf(src.File, src.At("scope", i, "id"), "scope id %q is not a valid ID (letters, digits, '.', '_', '-')", s.ID)
	}
	v.positive(src, s.Hours, "hours", "scope", i, "hours")
	v.principles(src, s.Title, "scope", i, "title")
	v.principles(src, s.Description, "scope", i, "description")
}

func itemIDs(p *Project) []string {
	ids := make([]string, len(p.Roadmap.Items))
	for i, it := range p.Roadmap.Items {
		ids[i] = it.ID
	}
	return ids
}

var (
	offProject = regexp.MustCompile(`(?i)\b(plug-?ins?|forks?|forked|customi[sz]ations?|client[- ]specific)\b`)
	promise    = regexp.MustCompile(`(?i)\b(guarantee[sd]?|guaranteeing|warrant(s|y|ies|ed)?|will be (merged|accepted|released|included|shipped))\b`)
)

// principleStems holds a stem of every word the principle patterns match: text with none of
// them needs no regular expression (which is slow with (?i) and \b).
var principleStems = []string{"plug", "fork", "customi", "client", "guarantee", "warrant", "will be"}

func mayBreakPrinciples(text string) bool {
	if strings.ContainsAny(text, "\u017f\u212a") { // ſ and the Kelvin sign fold to s and k under (?i)
		return true
	}
	lower := strings.ToLower(text)
	for _, s := range principleStems {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// principles warns about scope text that breaks the CWO principles.
func (v *validator) principles(src Source, text string, path ...any) {
	if !mayBreakPrinciples(text) {
		return
	}
	if m := offProject.FindString(text); m != "" {
		v.diags.Warnf(src.File, src.At(path...), "%s mentions %q: CWO work is done on the project itself, not on a plugin, fork or client customization", joinPath(path), m)
	}
	if m := promise.FindString(text); m != "" {
		v.diags.Warnf(src.File, src.At(path...), "%s promises an outcome (%q): CWO deliverables are best effort, and the maintainers decide what lands", joinPath(path), m)
	}
}

// exactMoney formats m for messages without rounding away decimals the currency does not have.
func (v *validator) exactMoney(m Money, cur Currency) string {
	if m.Places() > cur.MinorUnits() {
		return m.String() + " " + string(cur)
	}
	return FormatMoney(m, cur, v.ws.Locale())
}

// existing lists the records of a folder for a message: "the funders are acme, oori" (at most
// eight), or "funders/ is empty".
func existing(folder string, ids []string) string {
	switch {
	case len(ids) == 0:
		return folder + "/ has none"
	case len(ids) > 8:
		return fmt.Sprintf("the %s are %s and %d more", folder, strings.Join(ids[:8], ", "), len(ids)-8)
	}
	return fmt.Sprintf("the %s are %s", folder, strings.Join(ids, ", "))
}
