package cwo_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

// TestFunderLocale: a funder's locale: and paper: come between its orders' own and the
// workspace's, so a German and a US funder each get their own formats in one run.
func TestFunderLocale(t *testing.T) {
	dir := copyBase(t,
		edit{"funders/acme.yaml", "kind: company", "kind: company\nlocale: en-US\npaper: letter"},
		edit{"funders/stiftung.yaml", "", "legal_name: Beispiel-Stiftung\nkind: foundation\naddress: [Hauptstr. 1, 10115 Berlin]\n" +
			"signatory: {name: Erika Muster}\nlocale: de-DE\npaper: a4\n"},
		edit{"orders/O-2.yaml", "funder: acme", "funder: stiftung"},
		edit{"orders/O-3.yaml", "", "title: Own\nfunder: stiftung\nproject: numpy\nstatus: draft\nversion: 1\nissued: 2026-09-15\n" +
			"start: 2026-10-01\nend: 2027-09-30\nbudget: {type: fixed, amount: 1000}\nscope: [{item: simd, hours: 10}]\n" +
			"team: [{name: P, role: Dev}]\nreporting: {cadence: quarterly}\nlocale: fr-FR\n"})
	ws, diags := workspace.Load(dir, cwo.Settings{Locale: "en-GB", Paper: "a4", Currency: "USD"})
	diags = append(diags, cwo.Validate(ws, cwo.ValidateOptions{})...)
	if diags.HasErrors() {
		t.Fatalf("workspace has errors:\n%v", diags)
	}
	for _, tt := range []struct{ order, locale, paper, amount, date string }{
		{"O-1", "en-US", "letter", "€96,000.50", "September 29, 2026"},
		{"O-2", "de-DE", "a4", "96.000,50\u00a0€", "29 September 2026"},
		{"O-3", "fr-FR", "a4", "96\u202f000,50\u00a0€", "29 September 2026"},
	} {
		o := ws.Order(tt.order)
		loc := ws.OrderLocale(o)
		if loc != tt.locale || ws.OrderPaper(o) != tt.paper {
			t.Errorf("%s: OrderLocale, OrderPaper = %q, %q, want %q, %q", tt.order, loc, ws.OrderPaper(o), tt.locale, tt.paper)
		}
		if got := cwo.FormatMoney(cwo.MustDecimal("96000.5"), "EUR", loc); got != tt.amount {
			t.Errorf("%s: FormatMoney in %s = %q, want %q", tt.order, loc, got, tt.amount)
		}
		if got := cwo.FormatDate(cwo.MustDate("2026-09-29"), loc); got != tt.date {
			t.Errorf("%s: FormatDate in %s = %q, want %q", tt.order, loc, got, tt.date)
		}
		if r := ws.NewReport(o, mustPeriod(t, "2026-Q4")); r.Locale != tt.locale {
			t.Errorf("%s: report locale = %q, want %q", tt.order, r.Locale, tt.locale)
		}
	}
}

// TestFunderLocaleRules: a funder's locale and paper are checked where they are written.
func TestFunderLocaleRules(t *testing.T) {
	dir := copyBase(t, edit{"funders/acme.yaml", "kind: company", "kind: company\nlocale: xx-YY\npaper: a5"})
	diags := check(t, dir, cwo.ValidateOptions{})
	want := []string{
		`funders/acme.yaml:4:9: error: locale "xx-YY" is not a BCP 47 language tag like en-US or de-DE`,
		`funders/acme.yaml:5:8: error: paper "a5" is not one of letter, a4`,
	}
	for _, w := range want {
		if !hasPrefix(diags, w) {
			t.Errorf("diagnostics lack %q:\n%v", w, diags)
		}
	}
}

func mustPeriod(t *testing.T, s string) cwo.Period {
	t.Helper()
	p, err := cwo.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// hasPrefix reports whether a diagnostic starts with want.
func hasPrefix(diags cwo.Diagnostics, want string) bool {
	for _, d := range diags {
		if strings.HasPrefix(d.String(), want) {
			return true
		}
	}
	return false
}
