package templates_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/agreement"
	"github.com/cwo-tool/cwo/templates"
	"github.com/cwo-tool/cwo/workspace"
)

// agreementWith runs the default agreement template for order O-1 of the base workspace after
// edit has changed the workspace.
func agreementWith(t *testing.T, edit func(ws *cwo.Workspace)) string {
	t.Helper()
	set, err := templates.Load(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws, diags := workspace.Load("../testdata/base", cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	edit(ws)
	d := agreement.NewData(ws, ws.Order("O-1"))
	out, err := set.Execute(templates.Agreement, d, templates.Formats{Currency: d.Currency, Locale: d.Locale})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSectionOverrides removes one section and replaces another through clauses.md.tmpl; the
// sections around them stay.
func TestSectionOverrides(t *testing.T) {
	before, err := agreementOf(t, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sections := []string{"## Background", "## Scope of work", "## Principles of this Order", "## Team", "## Budget and payment",
		"## Reporting", "## Term and termination", "## Payment terms"}
	for _, h := range sections {
		if !strings.Contains(before, h) {
			t.Fatalf("the default agreement lacks %q", h)
		}
	}
	dir := withClauses(t, `
{{define "clause-reporting"}}{{end}}
{{define "clause-background"}}
## Background

Work on {{.Project.Name}}, briefly.
{{end}}
`, "")
	after, err := agreementOf(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(after, "## Reporting") || strings.Contains(after, "The Contractor reports") {
		t.Errorf("the Reporting section was not removed:\n%s", after)
	}
	if !strings.Contains(after, "## Background\n\nWork on NumPy, briefly.\n") || strings.Contains(after, "It is not a\nconsulting contract") {
		t.Errorf("the Background section was not replaced:\n%s", after)
	}
	for _, h := range []string{"## Scope of work", "## Principles of this Order", "## Team", "## Budget and payment", "## Term and termination"} {
		if !strings.Contains(after, h) {
			t.Errorf("the section %q, not overridden, is gone", h)
		}
	}
}

// TestBreachAndSurvival checks that the default agreement lets a party end it for a material
// breach not cured in 30 days and says which duties survive its end, and that an override
// replaces each.
func TestBreachAndSurvival(t *testing.T) {
	before, err := agreementOf(t, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(before), " ")
	for _, want := range []string{
		"material breach of it and does not cure the breach within thirty (30) days after receiving written notice that describes it",
		"that the maintainers decline or delay a change, or that an item takes longer than planned, is not a breach",
		"### Survival", "does not end the duty to pay for work done under it",
		"Rights in the work, Confidentiality, Data protection, Taxes, Warranties, Limitation of liability",
	} {
		if !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
			t.Errorf("the default agreement lacks %q", want)
		}
	}
	dir := withClauses(t, `{{define "clause-breach"}}
Breach: sixty days to cure.
{{end}}{{define "clause-survival"}}{{end}}`, "")
	after, err := agreementOf(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(after, "Breach: sixty days to cure.") || strings.Contains(after, "material breach") {
		t.Errorf("clause-breach was not replaced")
	}
	if strings.Contains(after, "Survival") || !strings.Contains(after, "Either party may end it early") {
		t.Errorf("clause-survival was not removed, or the rest of the term clause went with clause-breach")
	}
}

// TestClausesFollowTheParties checks the wording that depends on where the parties are and on
// the funder's kind: VAT and the GDPR only with a party in Europe (or of unknown country), a
// public funder's price not confidential and its liability only as its law allows.
func TestClausesFollowTheParties(t *testing.T) {
	tests := []struct {
		name               string
		contractor, funder string
		kind               string
		want, not          []string
	}{
		{"US parties", "US", "US", "company",
			[]string{"do not include sales, use or similar taxes", "complies with the data protection law that applies to it.",
				"such as the price and the Funder's internal plans"},
			[]string{"value added tax", "reverse-charge", "General Data Protection Regulation", "public body"}},
		{"German funder", "US", "DE", "foundation",
			[]string{"do not include value added tax", "reverse-charge rule", "the EU General Data Protection Regulation and its United Kingdom version"},
			[]string{"sales, use", "public body"}},
		{"UK contractor", "GB", "US", "company",
			[]string{"reverse-charge rule", "General Data Protection Regulation"}, nil},
		{"Swiss contractor", "CH", "US", "company",
			[]string{"reverse-charge rule"}, []string{"General Data Protection Regulation"}},
		{"countries not set", "", "", "company",
			[]string{"reverse-charge rule", "General Data Protection Regulation"}, nil},
		{"US government funder", "US", "US", "government",
			[]string{"such as the Funder's internal plans", "the Funder, a public body, may disclose this Order, its price included",
				"For the Funder, a public body, this clause applies only as far as the law that governs the Funder allows",
				"nothing in this Order obliges the Funder to indemnify anyone"},
			[]string{"such as the price", "value added tax"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := agreementWith(t, func(ws *cwo.Workspace) {
				ws.Contractor.Country = tt.contractor
				f := ws.Funder("acme")
				f.Country, f.Kind = tt.funder, tt.kind
			})
			flat := strings.Join(strings.Fields(out), " ")
			for _, w := range tt.want {
				if !strings.Contains(flat, w) {
					t.Errorf("the agreement lacks %q", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(flat, n) {
					t.Errorf("the agreement has %q", n)
				}
			}
		})
	}
}

// TestCounterpartsFollowTheStatus checks that only an agreement that can be signed speaks of
// its own signature fields: a draft or cancelled one has none.
func TestCounterpartsFollowTheStatus(t *testing.T) {
	for status, want := range map[string]string{
		cwo.StatusSent:      "such as those in the signature fields of this document,",
		cwo.StatusActive:    "such as those in the signature fields of this document,",
		cwo.StatusDraft:     "such as those in the signature fields of a version issued for signature,",
		cwo.StatusCancelled: "such as those in the signature fields of a version issued for signature,",
	} {
		out := agreementWith(t, func(ws *cwo.Workspace) { ws.Order("O-1").Status = status })
		if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, want) {
			t.Errorf("%s: the counterparts clause does not say %q", status, want)
		}
	}
}
