package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/render"
)

// agreementText renders the agreements of orders in the workspace dir and returns the text of
// each, by order ID, as pdftotext -layout reads it (a clause number stays with its title) with
// every run of white space made one space.
func agreementText(t *testing.T, dir string, orders ...string) map[string]string {
	t.Helper()
	out := t.TempDir()
	mustRender(t, dir, out, func(o *render.Options) { o.Only, o.Orders = []string{render.KindAgreements}, orders })
	texts := map[string]string{}
	paths, _ := filepath.Glob(filepath.Join(out, "agreements", "*.pdf"))
	for _, p := range paths {
		raw, err := pdftest.Tool(t, "pdftotext", "-layout", "-enc", "UTF-8", p, "-")
		if err != nil {
			t.Fatalf("pdftotext %s: %v", p, err)
		}
		id := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		id = id[:strings.LastIndex(id, "-v")]
		texts[id] = strings.Join(strings.Fields(string(raw)), " ")
	}
	if len(texts) != len(orders) {
		t.Fatalf("rendered %d agreements, want %d", len(texts), len(orders))
	}
	return texts
}

// TestAgreementClauses checks that the sample agreements have every clause a services agreement
// needs, with the data they take from the contractor, the funder and the order: the defaults of
// contractor.yaml (001, 006), a funder's own cap and notices (001) or law and venue (007), an
// order's own law, venue and cap (003, 007), and version 2's sentence with its changes (003).
func TestAgreementClauses(t *testing.T) {
	texts := agreementText(t, "../samples", "CWO-2026-001", "CWO-2026-003", "CWO-2026-006", "CWO-2026-007")
	every := []string{
		". Parties", ". Rights in the work", ". Confidentiality", ". Data protection", ". Publicity", ". Taxes",
		". Warranties", ". Limitation of liability", ". Independent contractor", ". Force majeure", ". Notices",
		". Governing law and venue", ". General", ".1 Entire agreement and order of precedence", ".2 Amendments",
		".3 Assignment", ".4 Severability and waiver", ".5 Survival", ".6 Counterparts and electronic signatures",
		"does not cure the breach within thirty (30) days after receiving written notice that describes it",
		"does not end the duty to pay for work done under it",
		"Copyright in each contribution stays with its authors", "Neither party gains exclusive rights in them",
		"provided “as is”", "the Contractor’s developers speak for themselves, not for the Funder",
		"Contractor: Lattice Open Labs, LLC, 2200 Example Parkway, Suite 410, Portland, OR 97209, USA (labs@example.org). Tax ID: EIN 93-4127705.",
		"Contractor: for the attention of Margaret Okafor, Managing Director; 2200 Example Parkway, Suite 410, Portland, OR 97209, USA; e-mail contracts@example.org.",
	}
	want := map[string][]string{
		"CWO-2026-001": {
			"Tax ID: EIN 12-3456789.",
			"is limited to $150,000.00, and neither party",
			"Funder: for the attention of Legal Department; 1400 Harbor View Drive, Floor 14, Seattle, WA 98101, USA; e-mail legal@northwind.example.",
			"governed by the law of the State of Oregon, United States, without regard",
			"exclusive jurisdiction of the state and federal courts located in Portland, Oregon for any dispute",
		},
		"CWO-2026-003": {
			"This version 2 of the Order replaces version 1 dated 15 April 2026 in full. For convenience, the changes from version 1 are listed below; the text of this version governs.",
			"• Added the scope item GPU test runs for array API backends (100 hours). • Raised the cap on billed hours by the same 100 hours. 1. Parties",
			"Germany. Tax ID: VAT DE123456789.",
			"is limited to the most the Funder can pay under this Order, €150,000.00, and",
			"Funder: for the attention of Dr. Jürgen Weiß, Geschäftsführer (Managing Director); Schönhauser Allee 118, 10437 Berlin, Germany; e-mail j.weiss@lindenhof-stiftung.example.",
			"governed by the law of the Federal Republic of Germany, without regard",
			"exclusive jurisdiction of the courts of Berlin, Germany for any dispute",
			"including every earlier version of this Order",
			"do not include value added tax", "reverse-charge rule", "the EU General Data Protection Regulation",
			"such as the price and the Funder’s internal plans",
		},
		"CWO-2026-006": {
			"is limited to the most the Funder can pay under this Order, $48,000.00, and",
			"Funder: for the attention of José Ángel Núñez, Individual funder; 88 Example Street, Apt 5B, San Francisco, CA 94110, USA; e-mail jose.nunez@mail.example.",
			"governed by the law of the State of Oregon, United States, without regard",
		},
		"CWO-2026-007": {
			"USA. Tax ID: EIN 52-6001234.",
			"is limited to 2 times the most the Funder can pay under this Order, that is $280,000.00, and",
			"governed by the law of the District of Columbia, United States, and the federal law of the United States where it applies, without regard",
			"exclusive jurisdiction of the federal and local courts located in the District of Columbia for any dispute",
			"do not include sales, use or similar taxes", "complies with the data protection law that applies to it. Neither",
			"the Funder, a public body, may disclose this Order, its price included",
			"appropriated funds for fiscal years 2027 and 2028.",
		},
	}
	for id, text := range texts {
		for _, s := range append(every, want[id]...) {
			if !strings.Contains(text, s) {
				t.Errorf("%s lacks %q", id, s)
			}
		}
	}
	for _, id := range []string{"CWO-2026-001", "CWO-2026-006", "CWO-2026-007"} {
		if strings.Contains(texts[id], "replaces version") || strings.Contains(texts[id], "earlier version of this Order") {
			t.Errorf("%s, a version 1, says it replaces a version", id)
		}
	}
	for _, s := range []string{"value added tax", "reverse-charge", "General Data Protection Regulation", "price and the Funder"} {
		if strings.Contains(texts["CWO-2026-007"], s) {
			t.Errorf("CWO-2026-007, between US parties with a government funder, has %q", s)
		}
	}
	if n := strings.Count(texts["CWO-2026-006"], "Tax ID: "); n != 1 {
		t.Errorf("CWO-2026-006 prints %d tax IDs, want the contractor's only (its funder, an individual, has none)", n)
	}
}

// TestClauseOverridesInAgreements replaces one clause and removes another through
// templates/clauses.md.tmpl: the agreement has the new wording, the removed clause is gone, and
// the clauses after it are numbered again.
func TestClauseOverridesInAgreements(t *testing.T) {
	dir := copyWorkspace(t, "../samples")
	overrides := `{{/* Our lawyers' wording. */}}
{{define "clause-governing-law"}}
## Governing law and venue

This Order is governed by the law of {{esc .Terms.GoverningLaw}}. Disputes are finally settled by
arbitration in Geneva under the Swiss Rules of International Arbitration.
{{end}}
{{define "clause-force-majeure"}}{{end}}
`
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "templates", "clauses.md.tmpl"), []byte(overrides), 0o644); err != nil {
		t.Fatal(err)
	}
	text := agreementText(t, dir, "CWO-2026-003")["CWO-2026-003"]
	for _, s := range []string{
		". Governing law and venue This Order is governed by the law of the Federal Republic of Germany. Disputes are finally settled by arbitration in Geneva",
		". General", ".6 Counterparts and electronic signatures",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the agreement lacks %q", s)
		}
	}
	for _, s := range []string{"Force majeure", "beyond its reasonable control", "exclusive jurisdiction"} {
		if strings.Contains(text, s) {
			t.Errorf("the agreement still has %q", s)
		}
	}
	// Force majeure came between these two: they are now numbered one after the other.
	contractor, notices := clauseNumber(text, "Independent contractor"), clauseNumber(text, "Notices")
	if contractor == 0 || notices != contractor+1 {
		t.Errorf("Independent contractor is clause %d and Notices %d, want consecutive numbers", contractor, notices)
	}
}

// clauseNumber returns the number of the clause headed title in text, or 0.
func clauseNumber(text, title string) int {
	i := strings.Index(text, ". "+title+" ")
	if i < 0 {
		return 0
	}
	n, mult := 0, 1
	for i--; i >= 0 && text[i] >= '0' && text[i] <= '9'; i-- {
		n += int(text[i]-'0') * mult
		mult *= 10
	}
	return n
}
