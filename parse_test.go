package cwo

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestParseDecimalFastPath checks that the fast path gives exactly what the general parser
// gives (value and exponent, so the text and every sum are the same) and refuses what it refuses.
func TestParseDecimalFastPath(t *testing.T) {
	good := []string{"0", "7", "7.5", "7.50", "-0", "-3.25", "007.10", "123456789012345", "999999.999999999999",
		"123456.123456789012", "0.000000000001"}
	for _, s := range good {
		got, err := ParseDecimal(s)
		want, _ := decimal.NewFromString(s)
		if err != nil || got.d.Coefficient().Cmp(want.Coefficient()) != 0 || got.d.Exponent() != want.Exponent() {
			t.Errorf("ParseDecimal(%q) = %v (%v, exp %d), want %v (exp %d)", s, got, err, got.d.Exponent(), want, want.Exponent())
		}
	}
	for _, s := range []string{"", "-", ".5", "5.", "1e3", "1,5", "+1", "１", "1234567890123456", "1.1234567890123", "--1", "0x10", "NaN"} {
		if d, err := ParseDecimal(s); err == nil {
			t.Errorf("ParseDecimal(%q) = %v, want an error", s, d)
		}
	}
}

func TestParseDateFastPath(t *testing.T) {
	for _, s := range []string{"2026-01-01", "2024-02-29", "0001-12-31", "9999-12-31"} {
		d, err := ParseDate(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v", s, d, err)
		}
	}
	for _, s := range []string{"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-01", "2026/04/01", "２026-04-01", "2026-04-01 ", "20260401"} {
		if d, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", s, d)
		}
	}
}
