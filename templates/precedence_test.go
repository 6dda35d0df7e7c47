package templates_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// flatAgreement is the default agreement of O-1 after edit, its whitespace runs made one space.
func flatAgreement(t *testing.T, edit func(ws *cwo.Workspace)) string {
	t.Helper()
	return strings.Join(strings.Fields(agreementWith(t, edit)), " ")
}

func wantAll(t *testing.T, what, flat string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(flat, w) {
			t.Errorf("%s: the agreement lacks %q", what, w)
		}
	}
	for _, n := range not {
		if strings.Contains(flat, n) {
			t.Errorf("%s: the agreement has %q", what, n)
		}
	}
}

// TestOrderOfPrecedence checks the single order of precedence: the additional clauses prevail
// over the others, except against points 3 and 4 of the Principles, by which every clause is read.
func TestOrderOfPrecedence(t *testing.T) {
	principles := `Every clause is read in keeping with the clause "Principles of this Order": where a clause can be read more than one way, the reading that fits those Principles applies.`
	without := flatAgreement(t, func(ws *cwo.Workspace) { ws.Order("O-1").Clauses = nil })
	wantAll(t, "without additional clauses", without, []string{principles}, []string{"## Additional clauses", "prevails", "guide how every other clause is read"})
	with := flatAgreement(t, func(ws *cwo.Workspace) { ws.Order("O-1").Clauses = []string{"Extra."} })
	wantAll(t, "with additional clauses", with, []string{
		principles, "## Additional clauses",
		`Where the clause "Additional clauses" conflicts with another clause of this Order, the Additional clauses prevail, with one exception: no clause, the Additional clauses included, makes the acceptance, merge or release of a change a promise of the Contractor, or gives the Funder a say in the project's decisions, as points 3 and 4 of the clause "Principles of this Order" say.`,
	}, nil)
}

// TestEffectiveDate checks that the agreement is issued on its date and takes effect on the later
// signature, and that a draft claims neither.
func TestEffectiveDate(t *testing.T) {
	active := flatAgreement(t, func(*cwo.Workspace) {})
	wantAll(t, "active", active, []string{
		`is issued on September 15, 2026 to the parties below and takes effect when both of them have signed it, on the date of the later signature.`,
	}, []string{"is made on", "prepared on"})
	draft := flatAgreement(t, func(ws *cwo.Workspace) { ws.Order("O-1").Status = cwo.StatusDraft })
	wantAll(t, "draft", draft, []string{
		`This draft of a Community Work Order (the **"Order"**) was prepared on September 15, 2026 for discussion between the parties below. It is not an offer and binds neither party`,
	}, []string{"is made on", "is issued on", "on the date of the later signature"})
}

// TestWarrantyFollowsTheLaw checks that the US (UCC) disclaimer appears only under a US state's
// law, and that under any other the clauses use neutral wording and the civil-law carve-outs.
func TestWarrantyFollowsTheLaw(t *testing.T) {
	ucc := []string{`provided "as is"`, "merchantability, fitness for a particular purpose", "for death or personal injury caused by negligence"}
	civil := []string{
		"The Contractor does the work with reasonable care and skill, as an experienced contributor to open-source projects would, on a best-effort basis. It does not guarantee any result",
		"not to liability for loss caused intentionally or by gross negligence, for injury to life, body or health",
	}
	us := flatAgreement(t, func(*cwo.Workspace) {}) // the funder's law: Texas
	wantAll(t, "Texas law", us, ucc, civil)
	de := flatAgreement(t, func(ws *cwo.Workspace) { ws.Funder("acme").GoverningLaw = "the Federal Republic of Germany" })
	wantAll(t, "German law", de, civil, append(ucc, "merchantability"))
}

// TestLinksPrintTheirAddresses checks that a link in a scope item's text or an additional clause
// prints its address, for a printed copy, and that the liability multiple is spelled out.
func TestLinksPrintTheirAddresses(t *testing.T) {
	out := flatAgreement(t, func(ws *cwo.Workspace) {
		o := ws.Order("O-1")
		o.Scope[0].Description = "Implements [PEP 703](https://peps.python.org/pep-0703/)."
		o.Clauses = []string{"See [the policy](https://example.org/policy)."}
		o.LiabilityCap = &cwo.LiabilityCap{Multiple: cwo.MustDecimal("2")}
	})
	wantAll(t, "links", out, []string{
		"Implements PEP 703 (<https://peps.python.org/pep-0703/>).",
		"See the policy (<https://example.org/policy>).",
		"two (2) times the most the Funder can pay",
	}, []string{"[PEP 703]", "2 times"})
}
