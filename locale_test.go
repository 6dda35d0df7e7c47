package cwo_test

import (
	"testing"

	"github.com/cwo-tool/cwo"
)

// TestOrderLocaleAndPaper checks the precedence of an order's locale and paper: the order's own,
// then the settings, then the contractor's country, then en-US and Letter.
func TestOrderLocaleAndPaper(t *testing.T) {
	tests := []struct {
		name                   string
		country                string
		settings               cwo.Settings
		order                  cwo.WorkOrder
		wantLocale, wantPaper  string
		wantFormat, wantAmount string
	}{
		{name: "no country, no settings", wantLocale: "en-US", wantPaper: "letter",
			wantFormat: "September 29, 2026", wantAmount: "€96,000.50"},
		{name: "US contractor", country: "US", wantLocale: "en-US", wantPaper: "letter",
			wantFormat: "September 29, 2026", wantAmount: "€96,000.50"},
		{name: "German contractor", country: "DE", wantLocale: "en-001", wantPaper: "a4",
			wantFormat: "29 September 2026", wantAmount: "€96,000.50"},
		{name: "British contractor", country: "GB", wantLocale: "en-GB", wantPaper: "a4",
			wantFormat: "29 September 2026", wantAmount: "€96,000.50"},
		{name: "Canadian contractor", country: "CA", wantLocale: "en-CA", wantPaper: "letter",
			wantFormat: "September 29, 2026", wantAmount: "€96,000.50"},
		{name: "settings over the country", country: "DE", settings: cwo.Settings{Locale: "de-DE", Paper: "letter"},
			wantLocale: "de-DE", wantPaper: "letter", wantFormat: "29 September 2026", wantAmount: "96.000,50\u00a0€"},
		{name: "order over settings and country", country: "US", settings: cwo.Settings{Locale: "en-US", Paper: "letter"},
			order: cwo.WorkOrder{Locale: "pl-PL", Paper: "a4"}, wantLocale: "pl-PL", wantPaper: "a4",
			wantFormat: "29 September 2026", wantAmount: "96\u00a0000,50\u00a0€"},
		{name: "order's paper only", country: "DE", order: cwo.WorkOrder{Paper: "letter"},
			wantLocale: "en-001", wantPaper: "letter", wantFormat: "29 September 2026", wantAmount: "€96,000.50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := &cwo.Workspace{Settings: tt.settings, Contractor: &cwo.Contractor{Country: tt.country}}
			o := &tt.order
			if got := ws.OrderLocale(o); got != tt.wantLocale {
				t.Errorf("OrderLocale = %q, want %q", got, tt.wantLocale)
			}
			if got := ws.OrderPaper(o); got != tt.wantPaper {
				t.Errorf("OrderPaper = %q, want %q", got, tt.wantPaper)
			}
			loc := ws.OrderLocale(o)
			if got := cwo.FormatDate(cwo.MustDate("2026-09-29"), loc); got != tt.wantFormat {
				t.Errorf("FormatDate in %s = %q, want %q", loc, got, tt.wantFormat)
			}
			if got := cwo.FormatMoney(cwo.MustDecimal("96000.5"), "EUR", loc); got != tt.wantAmount {
				t.Errorf("FormatMoney in %s = %q, want %q", loc, got, tt.wantAmount)
			}
		})
	}
}

func TestWorkspaceWithoutContractor(t *testing.T) {
	ws := &cwo.Workspace{}
	if ws.Locale() != "en-US" || ws.Paper() != "letter" {
		t.Errorf("Locale, Paper = %q, %q; want en-US, letter", ws.Locale(), ws.Paper())
	}
	if got := cwo.FormatDate(cwo.Date{}, "en-US"); got != "" {
		t.Errorf("FormatDate(unset) = %q, want empty", got)
	}
}
