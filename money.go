package cwo

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo/internal/cldr"
	"golang.org/x/text/currency"
)

// Currency is an ISO 4217 code such as "USD" or "EUR".
type Currency string

// ValidCurrency reports whether c is a known ISO 4217 code.
func ValidCurrency(c Currency) error {
	if _, err := currency.ParseISO(string(c)); err != nil || strings.ToUpper(string(c)) != string(c) {
		return fmt.Errorf("%q is not an ISO 4217 currency code (like USD or EUR)", string(c))
	}
	return nil
}

// MinorUnits returns the number of decimals the currency uses (2 for USD, 0 for JPY).
func (c Currency) MinorUnits() int32 {
	u, err := currency.ParseISO(string(c))
	if err != nil {
		return 2
	}
	scale, _ := currency.Standard.Rounding(u)
	return int32(scale)
}

// Symbol returns the sign English writes for the currency ("$", "€", "CA$"), else its code.
func (c Currency) Symbol() string { return cldr.Symbol(string(c)) }

// IntlSymbol returns the sign international English writes for the currency, which tells
// the dollars apart ("US$", "CA$", "€"), else its code.
func (c Currency) IntlSymbol() string { return cldr.IntlSymbol(string(c)) }

// FormatMoney writes m in currency c as the locale writes amounts (CLDR): "$150,000.00" (en-US),
// "€96,000.50" (en-001), "US$140,000.00" (en-001), "12.500,00 €" (de-DE). It rounds half-even to
// the currency's minor units. A locale CheckLocale refuses formats as English (settings and
// orders never hold one: config and Validate check them); a currency CLDR does not know is
// written as its code before the number.
func FormatMoney(m Money, c Currency, locale string) string {
	places := c.MinorUnits()
	return cldr.Money(m.StringFixed(places), places, string(c), locale)
}

// FormatNumber writes d with places decimals and the locale's separators ("1,234.50" in en,
// "1.234,50" in de), rounded half-even.
func FormatNumber(d Decimal, places int32, locale string) string {
	return cldr.Number(d.StringFixed(places), places, locale)
}
