package cwo

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzParseDecimal checks ParseDecimal's fast path against the general parser.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"7.5", "-0.25", "123456789012345.123", "0001", "1.", ".5", "1e3", "99999999999999999.9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDecimal(s)
		valid := decimalText.MatchString(strings.TrimSpace(s))
		if valid != (err == nil) {
			t.Fatalf("ParseDecimal(%q) err = %v, but the pattern says valid = %v", s, err, valid)
		}
		if !valid {
			return
		}
		want, _ := decimal.NewFromString(strings.TrimSpace(s))
		if got.d.Coefficient().Cmp(want.Coefficient()) != 0 || got.d.Exponent() != want.Exponent() {
			t.Fatalf("ParseDecimal(%q) = %s (exp %d), want %s (exp %d)", s, got, got.d.Exponent(), want, want.Exponent())
		}
	})
}
