package cldr

import (
	"strings"
	"sync"

	"github.com/bojanz/currency"
)

// formatters holds one read-only currency.Formatter per locale, number of decimals and display,
// shared by every caller: Format does not change a Formatter.
var formatters sync.Map // formatterKey → *currency.Formatter

type formatterKey struct {
	locale  string
	places  uint8
	display currency.Display
}

func formatter(locale string, places uint8, display currency.Display) *currency.Formatter {
	k := formatterKey{locale, places, display}
	if f, ok := formatters.Load(k); ok {
		return f.(*currency.Formatter)
	}
	f := currency.NewFormatter(currency.NewLocale(locale))
	f.MinDigits, f.MaxDigits, f.CurrencyDisplay = places, places, display
	f.RoundingMode = currency.RoundHalfEven
	v, _ := formatters.LoadOrStore(k, f)
	return v.(*currency.Formatter)
}

// Money writes number, a decimal such as "-96000.5", in currency code (ISO 4217) as locale
// writes amounts, with places decimals: "€96,000.50" (en), "96.000,50 €" (de-DE), "CHF 99.99"
// (de-CH). A code CLDR does not know is written before the number, as "XYZ 1,000.00". The
// caller rounds: a number with more decimals is rounded half to even.
func Money(number string, places int32, code, locale string) string {
	p := clampPlaces(places)
	a, err := currency.NewAmount(number, code)
	if err != nil {
		return code + "\u00a0" + Number(number, places, locale)
	}
	return formatter(locale, p, currency.DisplaySymbol).Format(a)
}

// Number writes number, a decimal such as "1250.5", with places decimals and the locale's
// separators, digits and minus sign: "1,250.50" (en), "1.250,50" (de), "1 250,50" (pl, with a
// no-break space).
func Number(number string, places int32, locale string) string {
	a, err := currency.NewAmount(number, "USD") // the currency is not shown
	if err != nil {
		return number
	}
	return formatter(locale, clampPlaces(places), currency.DisplayNone).Format(a)
}

// DecimalSeparator returns the mark locale writes before decimals: "." (en) or "," (de).
func DecimalSeparator(locale string) string {
	return separator(Number("1.5", 1, locale))
}

// separator returns what stands between the 1 and the 5 of a formatted 1.5 ("." when the
// digits are not Latin).
func separator(s string) string {
	i := strings.IndexRune(s, '1')
	j := strings.LastIndexByte(s, '5')
	if i < 0 || j <= i {
		return "."
	}
	return s[i+1 : j]
}

// Symbol returns the sign English writes for a currency ("$", "€", "CA$"), else its code.
func Symbol(code string) string {
	if s, ok := currency.GetSymbol(code, currency.NewLocale("en")); ok {
		return s
	}
	return code
}

// IntlSymbol returns the sign international English (en-001) writes for a currency, which
// tells the dollars apart ("US$", "CA$", "A$"), else its code.
func IntlSymbol(code string) string {
	if s, ok := currency.GetSymbol(code, currency.NewLocale("en-001")); ok {
		return s
	}
	return code
}

func clampPlaces(p int32) uint8 {
	return uint8(min(max(p, 0), 6))
}
