package cwo

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzMoney parses and formats amounts: parsing never panics, formatting a parsed amount keeps
// its digits, and the formatted number reads back as the amount rounded to the currency.
func FuzzMoney(f *testing.F) {
	for _, s := range []string{"150000", "12500.50", "-0", "0.001", "999999999999999.999999999999", "1e400", "NaN", " 7 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			return
		}
		for _, loc := range []string{"en-US", "de-DE", "fr-FR"} {
			for _, cur := range []Currency{"USD", "JPY", "EUR"} {
				out := FormatMoney(d, cur, loc)
				digits := strings.Map(func(r rune) rune {
					if r >= '0' && r <= '9' {
						return r
					}
					return -1
				}, out)
				want := strings.Map(func(r rune) rune {
					if r >= '0' && r <= '9' {
						return r
					}
					return -1
				}, d.Round(cur.MinorUnits()).StringFixed(cur.MinorUnits()))
				if digits != want {
					t.Fatalf("FormatMoney(%s, %s, %s) = %q: digits %s, want %s", s, cur, loc, out, digits, want)
				}
			}
		}
		if !bytes.Equal([]byte(d.String()), []byte(MustDecimal(d.String()).String())) {
			t.Fatalf("%s does not round-trip", d)
		}
	})
}
