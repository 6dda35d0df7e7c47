package cwo

import (
	"fmt"
	"maps"
	"slices"
	"strings"

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

// Symbol returns the sign used before or after amounts, falling back to the code itself.
func (c Currency) Symbol() string {
	if s, ok := currencySymbols[string(c)]; ok {
		return s
	}
	return string(c)
}

var currencySymbols = map[string]string{
	"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "INR": "₹", "KRW": "₩",
	"CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "BRL": "R$", "MXN": "MX$", "CHF": "CHF",
	"SEK": "kr", "NOK": "kr", "DKK": "kr", "PLN": "zł", "CZK": "Kč", "ILS": "₪", "ZAR": "R",
}

// numberStyle says how a locale writes money: separators and where the symbol goes.
type numberStyle struct {
	group, decimal string
	suffix         bool // symbol after the number, separated by a no-break space
}

var localeStyles = map[string]numberStyle{
	"en": {",", ".", false}, "ja": {",", ".", false}, "zh": {",", ".", false}, "ko": {",", ".", false},
	"he": {",", ".", false}, "th": {",", ".", false},
	"de": {".", ",", true}, "es": {".", ",", true}, "it": {".", ",", true}, "pt": {".", ",", true},
	"nl": {".", ",", false}, "da": {".", ",", true}, "el": {".", ",", true}, "tr": {".", ",", false},
	"id": {".", ",", false},
	"fr": {"\u202f", ",", true}, "pl": {"\u00a0", ",", true}, "sv": {"\u00a0", ",", true},
	"nb": {"\u00a0", ",", true}, "fi": {"\u00a0", ",", true}, "cs": {"\u00a0", ",", true},
	"ru": {"\u00a0", ",", true}, "uk": {"\u00a0", ",", true},
	"de-CH": {"’", ".", false}, "pt-BR": {".", ",", false},
}

// KnownLocale reports whether FormatMoney has a style for the locale (exact or by language).
// The config package refuses settings with any other locale.
func KnownLocale(locale string) bool {
	_, ok := styleFor(locale)
	return ok
}

// Locales returns the languages and language-region pairs FormatMoney has a style for, sorted.
func Locales() []string {
	return slices.Sorted(maps.Keys(localeStyles))
}

func styleFor(locale string) (numberStyle, bool) {
	l := strings.ReplaceAll(locale, "_", "-")
	if s, ok := localeStyles[l]; ok {
		return s, true
	}
	lang, _, _ := strings.Cut(l, "-")
	s, ok := localeStyles[strings.ToLower(lang)]
	if !ok {
		return localeStyles["en"], false
	}
	return s, true
}

// FormatMoney writes m in currency c for a locale: "$150,000.00" for en-US, "12.500,00 €" for
// de-DE. It rounds half-even to the currency's minor units. A locale KnownLocale refuses formats as
// en-US (settings never hold one: config checks them).
func FormatMoney(m Money, c Currency, locale string) string {
	st, _ := styleFor(locale)
	num := FormatNumber(m, c.MinorUnits(), locale)
	sym := c.Symbol()
	neg := strings.HasPrefix(num, "-")
	num = strings.TrimPrefix(num, "-")
	out := sym + num
	if st.suffix {
		out = num + "\u00a0" + sym
	} else if len([]rune(sym)) > 1 && strings.ToUpper(sym) == sym && !strings.ContainsAny(sym, "$") {
		out = sym + "\u00a0" + num
	}
	if neg {
		return "-" + out
	}
	return out
}

// FormatNumber writes d with places decimals and the locale's separators ("1,234.50").
func FormatNumber(d Decimal, places int32, locale string) string {
	st, _ := styleFor(locale)
	text := d.StringFixed(places)
	neg := strings.HasPrefix(text, "-")
	text = strings.TrimPrefix(text, "-")
	intPart, frac, _ := strings.Cut(text, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(st.group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(st.decimal)
		b.WriteString(frac)
	}
	if neg && strings.Trim(text, "0.") != "" {
		return "-" + b.String()
	}
	return b.String()
}
