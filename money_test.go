package cwo_test

import (
	"testing"

	"github.com/cwo-tool/cwo"
)

func TestFormatMoney(t *testing.T) {
	tests := []struct {
		amount, cur, locale, want string
	}{
		{"150000", "USD", "en-US", "$150,000.00"},
		{"12500", "EUR", "de-DE", "12.500,00\u00a0€"},
		{"12500.5", "EUR", "fr-FR", "12\u202f500,50\u00a0€"},
		{"1234567.891", "USD", "en-US", "$1,234,567.89"},
		{"0.005", "USD", "en-US", "$0.00"},
		{"0.015", "USD", "en-US", "$0.02"},
		{"-42.5", "GBP", "en-GB", "-£42.50"},
		{"1500000", "JPY", "ja-JP", "￥1,500,000"}, // CLDR's Japanese writes the full-width yen
		{"1500000", "JPY", "en-US", "¥1,500,000"},
		{"96000.5", "EUR", "en-001", "€96,000.50"},
		{"140000", "USD", "en-001", "US$140,000.00"},
		{"99.99", "CHF", "de-CH", "CHF\u00a099.99"},
		{"1000", "XYZ", "en-US", "XYZ\u00a01,000.00"},
		{"1000", "USD", "xx-YY", "$1,000.00"},
	}
	for _, tt := range tests {
		got := cwo.FormatMoney(cwo.MustDecimal(tt.amount), cwo.Currency(tt.cur), tt.locale)
		if got != tt.want {
			t.Errorf("FormatMoney(%s, %s, %s) = %q, want %q", tt.amount, tt.cur, tt.locale, got, tt.want)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	good := map[string]string{"150000": "150000", "12500.50": "12500.5", " 7.5 ": "7.5", "-3": "-3", "0.001": "0.001"}
	for in, want := range good {
		d, err := cwo.ParseDecimal(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for _, bad := range []string{"1e400", "NaN", "Inf", "1,000", "", "12.", ".5", "0x10", "1234567890123456"} {
		if _, err := cwo.ParseDecimal(bad); err == nil {
			t.Errorf("ParseDecimal(%q) accepted", bad)
		}
	}
	if got := cwo.MustDecimal("0.1").Add(cwo.MustDecimal("0.2")); got.String() != "0.3" {
		t.Errorf("0.1 + 0.2 = %s, want exactly 0.3", got)
	}
}

func TestDates(t *testing.T) {
	for _, bad := range []string{"2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "2026-01-01T00:00:00Z"} {
		if _, err := cwo.ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	if d := cwo.MustDate("2028-02-29"); d.AddDays(1).String() != "2028-03-01" {
		t.Errorf("leap day + 1 = %s", d.AddDays(1))
	}
}
