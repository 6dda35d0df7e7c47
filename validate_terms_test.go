package cwo_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// TestTermsRules checks the rules of versions, liability caps, notices, the governing law and
// the parties' countries:
// each edit of the base workspace gives exactly the diagnostics listed.
func TestTermsRules(t *testing.T) {
	const o1, c, f = "orders/O-1.yaml", "contractor.yaml", "funders/acme.yaml"
	v2 := func(extra string) edit { return edit{o1, "version: 1\n", "version: 2\n" + extra} }
	// add appends text to a file of the base workspace, after its last line.
	last := map[string]string{c: "https://numfocus.org}\n", f: "Austin, Texas\n", o1: "{cadence: quarterly}\n", "orders/O-2.yaml": "hours: 150\n"}
	add := func(file, text string) edit { return edit{file, last[file], last[file] + text} }
	tests := []struct {
		name  string
		edits []edit
		want  []string
	}{
		// versions
		{"version 2 without previous", []edit{v2("")},
			[]string{"orders/O-1.yaml:5:10: error: version 2 replaces version 1: add previous.issued, the date of version 1, so that the agreement says what it replaces"}},
		{"previous without its date", []edit{v2("previous: {fingerprint: 0123456789ab}\n")},
			[]string{"orders/O-1.yaml:6:11: error: version 2 replaces version 1: add previous.issued, the date of version 1, so that the agreement says what it replaces"}},
		{"version 2 with previous", []edit{v2("previous: {issued: 2026-09-01, fingerprint: 0123456789ab}\nchanges: [Moved the release work to **2027**.]\n")}, nil},
		{"previous on version 1", []edit{{o1, "version: 1\n", "version: 1\nprevious: {issued: 2026-09-01}\n"}},
			[]string{"orders/O-1.yaml:6:11: error: previous is only for a version above 1: version 1 replaces nothing"}},
		{"previous after issued", []edit{v2("previous: {issued: 2026-10-01}\n")},
			[]string{"orders/O-1.yaml:6:20: error: previous.issued 2026-10-01 is after issued 2026-09-15: version 1 must be dated before version 2"}},
		{"previous the same day", []edit{v2("previous: {issued: 2026-09-15}\n")}, nil},
		{"fingerprint not hex", []edit{v2("previous: {issued: 2026-09-01, fingerprint: 8D5B5555}\n")},
			[]string{`orders/O-1.yaml:6:45: error: previous.fingerprint "8D5B5555" is not a fingerprint: 12 to 64 lower-case hexadecimal digits, as printed on the previous version`}},
		{"changes on version 1", []edit{{o1, "version: 1\n", "version: 1\nchanges: [Nothing]\n"}},
			[]string{"orders/O-1.yaml:6:10: error: changes lists what a version changes from the one before, but this is version 1"}},
		{"empty change", []edit{v2("previous: {issued: 2026-09-01}\nchanges: [\"\"]\n")},
			[]string{"orders/O-1.yaml:7:11: error: changes.0 is required"}},
		{"change that promises", []edit{v2("previous: {issued: 2026-09-01}\nchanges: [SIMD work will be merged in 2.5.]\n")},
			[]string{`orders/O-1.yaml:7:11: warning: changes.0 promises an outcome ("will be merged"): CWO deliverables are best effort, and the maintainers decide what lands`}},
		// liability caps
		{"cap multiple", []edit{add(c, "liability_cap: {multiple: 1.5}\n")}, nil},
		{"cap amount in the order's currency", []edit{add(f, "liability_cap: {amount: 200000, currency: USD}\n")}, nil},
		{"cap with both", []edit{add(o1, "liability_cap: {multiple: 1, amount: 5000}\n")},
			[]string{"orders/O-1.yaml:24:16: error: liability_cap takes multiple or amount, not both"}},
		{"cap with neither", []edit{add(c, "liability_cap: {}\n")},
			[]string{"contractor.yaml:7:16: error: liability_cap needs multiple (times the most the order can cost) or amount (a fixed sum)"}},
		{"cap multiple with a currency", []edit{add(c, "liability_cap: {multiple: 2, currency: EUR}\n")},
			[]string{"contractor.yaml:7:40: error: liability_cap.currency goes with amount, not with multiple"}},
		{"cap amount with cents too many", []edit{add(f, "liability_cap: {amount: 5000.001}\n")},
			[]string{"funders/acme.yaml:8:25: error: liability_cap.amount 5000.001 has more decimals than USD allows (2)"}},
		{"cap amount zero", []edit{add(f, "liability_cap: {amount: 0}\n")},
			[]string{"funders/acme.yaml:8:25: error: liability_cap.amount must be more than zero, got 0"}},
		{"cap in a bad currency", []edit{add(f, "liability_cap: {amount: 100, currency: EURO}\n")},
			[]string{`funders/acme.yaml:8:40: error: "EURO" is not an ISO 4217 currency code (like USD or EUR)`}},
		{"contractor cap in another currency", []edit{add(c, "liability_cap: {amount: 100000, currency: EUR}\n")},
			[]string{
				"contractor.yaml:7:25: error: liability_cap.amount is in EUR but order O-1 is in USD: give the order a liability_cap of its own, or use liability_cap.multiple",
				"contractor.yaml:7:25: error: liability_cap.amount is in EUR but order O-2 is in USD: give the order a liability_cap of its own, or use liability_cap.multiple",
			}},
		{"another currency, but the order sets its own cap", []edit{add(c, "liability_cap: {amount: 100000, currency: EUR}\n"),
			add(o1, "liability_cap: {multiple: 1}\n"), add("orders/O-2.yaml", "liability_cap: {amount: 50000}\n")}, nil},
		{"order cap in another currency", []edit{add(o1, "liability_cap: {amount: 100000, currency: EUR}\n")},
			[]string{"orders/O-1.yaml:24:43: error: liability_cap is in EUR but the order is in USD"}},
		// notices
		{"notices", []edit{add(f, "notices: {attention: Legal, address: [1 Law Lane, Springfield], email: legal@acme.example}\n")}, nil},
		{"notices e-mail", []edit{add(f, "notices: {email: legal at acme}\n")},
			[]string{`funders/acme.yaml:8:18: error: notices.email "legal at acme" is not an e-mail address`}},
		{"notices empty address line", []edit{add(c, "notices: {address: [\"\", Austin]}\n")},
			[]string{"contractor.yaml:7:21: error: notices.address.0 is required"}},
		// governing law
		{"no governing law", []edit{{f, "governing_law: the State of Texas, USA\n", ""}},
			[]string{"contractor.yaml:1:1: warning: governing_law is not set, so the agreements of orders O-1, O-2 have no governing-law clause: set governing_law and venue here (or in the funder or the order)"}},
		{"governing law from the contractor", []edit{{f, "governing_law: the State of Texas, USA\n", ""}, add(c, "governing_law: the State of Illinois, USA\n")}, nil},
		{"governing law from one order", []edit{{f, "governing_law: the State of Texas, USA\n", ""}, add(o1, "governing_law: England and Wales\n")},
			[]string{"contractor.yaml:1:1: warning: governing_law is not set, so the agreements of order O-2 have no governing-law clause: set governing_law and venue here (or in the funder or the order)"}},
		{"governing law of the United States", []edit{{f, "the State of Texas, USA", "the United States of America (federal law)"}},
			[]string{`funders/acme.yaml:6:16: warning: governing_law "the United States of America (federal law)" names no state: a contract in the United States is governed by the law of a state or of the District of Columbia, with federal law where it applies; name one, e.g. "the District of Columbia, United States, and the federal law of the United States where it applies"`}},
		{"federal law alone", []edit{add(o1, "governing_law: federal law\n")},
			[]string{`orders/O-1.yaml:24:16: warning: governing_law "federal law" names no state: a contract in the United States is governed by the law of a state or of the District of Columbia, with federal law where it applies; name one, e.g. "the District of Columbia, United States, and the federal law of the United States where it applies"`}},
		{"federal law with the District of Columbia", []edit{{f, "the State of Texas, USA", "the District of Columbia, United States, and the federal law of the United States where it applies"}}, nil},
		{"federal law with a state", []edit{add(c, "governing_law: the federal law of the U.S.A. and the law of the State of New York\n")}, nil},
		{"another federation's law", []edit{add(o1, "governing_law: the Federal Republic of Germany\n")}, nil},
		// countries
		{"funder country", []edit{add(f, "country: DE\n")}, nil},
		{"funder country name", []edit{add(f, "country: Germany\n")},
			[]string{`funders/acme.yaml:8:10: error: country "Germany" is not an ISO 3166-1 country code (two capital letters, like US or DE)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyBase(t, tt.edits...)
			var got []string
			for _, d := range check(t, dir, cwo.ValidateOptions{}) {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestOrderTerms checks which record each term comes from: the order, else its funder, else the
// contractor; and the cap as an amount.
func TestOrderTerms(t *testing.T) {
	c := &cwo.Contractor{GoverningLaw: "Oregon", Venue: "Portland", Address: []string{"1 A St"}, Email: "c@x.example",
		Signatory: cwo.Person{Name: "Ann", Title: "CEO"}, LiabilityCap: &cwo.LiabilityCap{Multiple: cwo.MustDecimal("1.5")}}
	f := &cwo.Funder{Venue: "Berlin", Address: []string{"2 B St"}, Signatory: cwo.Person{Name: "Bo", Email: "bo@f.example"},
		Notices: &cwo.Notices{Attention: "Legal"}}
	o := &cwo.WorkOrder{Budget: cwo.Budget{Type: cwo.BudgetFixed, Amount: cwo.MustDecimal("1000.01")}}
	got := cwo.OrderTerms(c, f, o, "USD")
	if got.GoverningLaw != "Oregon" || got.Venue != "Berlin" {
		t.Errorf("law, venue = %q, %q; want the contractor's law and the funder's venue", got.GoverningLaw, got.Venue)
	}
	if l := got.Liability; l.Cap.String() != "1500.02" || l.Multiple.String() != "1.5" || l.Fixed() || l.Once() {
		t.Errorf("liability = %+v (fixed %v, once %v), want 1.5 × 1000.01 rounded to cents", l, l.Fixed(), l.Once())
	}
	wantC := cwo.Notices{Attention: "Ann, CEO", Address: []string{"1 A St"}, Email: "c@x.example"}
	wantF := cwo.Notices{Attention: "Legal", Address: []string{"2 B St"}, Email: "bo@f.example"}
	if n := got.Notices; !sameNotices(n.Contractor, wantC) || !sameNotices(n.Funder, wantF) {
		t.Errorf("notices = %+v, want %+v and %+v", n, wantC, wantF)
	}
	o.GoverningLaw, o.LiabilityCap = "Germany", &cwo.LiabilityCap{Amount: cwo.MustDecimal("5000")}
	got = cwo.OrderTerms(c, f, o, "USD")
	if l := got.Liability; got.GoverningLaw != "Germany" || l.Cap.String() != "5000" || !l.Fixed() {
		t.Errorf("with the order's own terms: law %q, liability %+v; want Germany and the fixed 5000", got.GoverningLaw, l)
	}
	if l := cwo.OrderTerms(nil, nil, o, "USD").Liability; l.Cap.String() != "5000" {
		t.Errorf("without contractor and funder: liability %+v", l)
	}
	o.LiabilityCap = nil
	if l := cwo.OrderTerms(nil, f, o, "JPY").Liability; l.Cap.String() != "1000" || !l.Once() {
		t.Errorf("default cap = %+v, want once the total, rounded to yen", l)
	}
}

func sameNotices(a, b cwo.Notices) bool {
	return a.Attention == b.Attention && a.Email == b.Email && strings.Join(a.Address, "|") == strings.Join(b.Address, "|")
}
