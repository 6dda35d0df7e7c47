package cwo

import "strings"

var funderKinds = []string{FunderCompany, FunderIndividual, FunderFoundation, FunderGovernment}

func (v *validator) project(p *Project) {
	src := p.Src
	v.require(src, p.Name, "name")
	v.require(src, p.License, "license")
	v.require(src, p.Repository, "repository")
	v.link(src, p.Homepage, "homepage")
	v.link(src, p.Repository, "repository")
	v.link(src, p.Roadmap.URL, "roadmap", "url")
	v.asset(src, p.Logo, "logo")
	if p.Roadmap.Reviewed.IsZero() {
		v.diags.Errorf(src.File, src.At("roadmap", "reviewed"), "roadmap.reviewed is required: the date the roadmap was last confirmed with the maintainers")
	} else if v.stale(p.Roadmap.Reviewed) {
		v.diags.Warnf(src.File, src.At("roadmap", "reviewed"), "roadmap was last reviewed on %s, more than %d months before %s: review it with the maintainers before it reaches a brochure",
			p.Roadmap.Reviewed, StaleAfterMonths, v.opt.AsOf)
	}
	seen := map[string]bool{}
	for i, it := range p.Roadmap.Items {
		v.roadmapItem(p, i, it, seen)
	}
}

// stale reports whether a roadmap reviewed on d is too old at the validation date.
func (v *validator) stale(d Date) bool {
	return !v.opt.AsOf.IsZero() && d.AddMonths(StaleAfterMonths).Before(v.opt.AsOf)
}

// Stale reports whether a roadmap reviewed on reviewed is more than 12 months old at asOf.
func Stale(reviewed, asOf Date) bool {
	return !asOf.IsZero() && reviewed.AddMonths(StaleAfterMonths).Before(asOf)
}

func (v *validator) roadmapItem(p *Project, i int, it RoadmapItem, seen map[string]bool) {
	src := p.Src
	at := func(k ...any) Pos { return src.At(append([]any{"roadmap", "items", i}, k...)...) }
	switch {
	case it.ID == "":
		v.diags.Errorf(src.File, at("id"), "roadmap item %d has no id", i+1)
	case !ValidID(it.ID):
		v.diags.Errorf(src.File, at("id"), "roadmap item id %q is not a valid ID (letters, digits, '.', '_', '-')", it.ID)
	case seen[it.ID]:
		v.diags.Errorf(src.File, at("id"), "roadmap item id %q is used twice", it.ID)
	}
	seen[it.ID] = true
	if strings.TrimSpace(it.Title) == "" {
		v.diags.Errorf(src.File, at(), "roadmap item %q has no title", it.ID)
	}
	if it.Priority < 1 {
		v.diags.Errorf(src.File, at("priority"), "roadmap item %q: priority must be 1 (most important) or more", it.ID)
	}
	if e := it.Estimate; e != nil {
		if e.Amount.Sign() <= 0 {
			v.diags.Errorf(src.File, at("estimate", "amount"), "roadmap item %q: estimate amount must be more than zero", it.ID)
		}
		if e.Months < 0 {
			v.diags.Errorf(src.File, at("estimate", "months"), "roadmap item %q: estimate months must not be negative", it.ID)
		}
		if e.Currency != "" {
			if err := ValidCurrency(e.Currency); err != nil {
				v.diags.Errorf(src.File, at("estimate", "currency"), "%v", err)
			}
		}
	}
}

func (v *validator) funder(f *Funder) {
	v.require(f.Src, f.LegalName, "legal_name")
	v.require(f.Src, f.Kind, "kind")
	v.oneOf(f.Src, f.Kind, funderKinds, "kind")
	v.require(f.Src, f.Signatory.Name, "signatory", "name")
	if len(f.Address) == 0 {
		v.diags.Errorf(f.Src.File, f.Src.At("address"), "address is required (a list of lines)")
	}
	v.partyTerms(f.Src, f.Notices, f.LiabilityCap)
	v.countryOf(f.Src, f.Country)
	v.lawChoice(f.Src, f.GoverningLaw)
	v.localePaper(f.Src, f.Locale, f.Paper)
}

func (v *validator) brochure(b *Brochure) {
	src := b.Src
	v.require(src, b.Title, "title")
	v.oneOf(src, b.Paper, BrochurePapers, "paper")
	v.oneOf(src, b.Layout, BrochureLayouts, "layout")
	if b.ItemsPerProject < 0 || b.ItemsPerProject > 10 {
		v.diags.Errorf(src.File, src.At("items_per_project"), "items_per_project must be between 1 and 10")
	}
	seen := map[string]bool{}
	for i, id := range b.Projects {
		if v.ws.Project(id) == nil {
			v.diags.Errorf(src.File, src.At("projects", i), "project %q is not defined%s", id, DidYouMean(id, v.projectIDs()))
		} else if seen[id] {
			v.diags.Errorf(src.File, src.At("projects", i), "project %q is listed twice", id)
		}
		seen[id] = true
	}
	v.link(src, mailto(b.Contact.Email), "contact", "email")
	v.brochureFormats(b)
}

func mailto(email string) string {
	if email == "" {
		return ""
	}
	return "mailto:" + email
}

func (v *validator) projectIDs() []string {
	ids, _ := idsOf(v.ws.Projects, func(p *Project) (string, Source) { return p.ID, p.Src })
	return ids
}

func (v *validator) funderIDs() []string {
	ids, _ := idsOf(v.ws.Funders, func(f *Funder) (string, Source) { return f.ID, f.Src })
	return ids
}

func (v *validator) orderIDs() []string {
	ids, _ := idsOf(v.ws.Orders, func(o *WorkOrder) (string, Source) { return o.ID, o.Src })
	return ids
}
