// Package cldr is cwo's one window on the Unicode Common Locale Data Repository (CLDR 48): how a
// locale writes amounts and numbers (through github.com/bojanz/currency), how English writes a
// long date in a region (a table made from github.com/gohugoio/locales by this package's test),
// which regions print on US Letter, and which locale a party's country defaults to. It imports
// nothing of cwo; the root package's FormatMoney, FormatNumber and FormatDate call it.
package cldr

import (
	"fmt"

	"golang.org/x/text/language"
)

// Check reports whether locale is a BCP 47 tag CLDR can format for: well formed, every subtag
// registered ("en-GB", "de", "pt-BR", "en-001"), a language CLDR knows (not "tlh") and no
// private-use region ("en-XX"). An underscore may stand for the hyphen ("de_AT").
func Check(locale string) error {
	tag, err := language.Parse(locale)
	if err != nil {
		return fmt.Errorf("%q is not a BCP 47 language tag like en-US or de-DE", locale)
	}
	region, conf := tag.Region()
	if conf == language.No {
		return fmt.Errorf("%q: CLDR has no data for its language", locale)
	}
	if region.IsPrivateUse() {
		return fmt.Errorf("%q: %s is a private-use region, not a country", locale, region)
	}
	return nil
}

// Region returns the region whose conventions locale follows: its own ("GB" for en-GB, "001" for
// en-001), else the likely one (en → US, de → DE, zh-Hant → TW); "" for a tag Check refuses.
func Region(locale string) string {
	tag, err := language.Parse(locale)
	if err != nil {
		return ""
	}
	region, conf := tag.Region()
	if conf == language.No {
		return ""
	}
	return region.String()
}

// CheckCountry reports whether cc is an ISO 3166-1 alpha-2 country code such as "DE" or "US", in
// capitals.
func CheckCountry(cc string) error {
	if cc == "UK" { // reserved in ISO 3166-1 but not assigned
		return fmt.Errorf(`%q is not an ISO 3166-1 country code: the United Kingdom is "GB"`, cc)
	}
	r, err := language.ParseRegion(cc)
	if err != nil || len(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z' ||
		!r.IsCountry() || r.String() != cc {
		return fmt.Errorf("%q is not an ISO 3166-1 country code (two capital letters, like US or DE)", cc)
	}
	return nil
}

// International is international English: 29 September 2026, €96,000.50, US$140,000.00.
const International = "en-001"

// CountryLocale returns the locale a document defaults to for a party in country cc (ISO 3166-1
// alpha-2): English as CLDR writes it there (en-US, en-GB, en-IN, en-CA), or international
// English (en-001) where CLDR has no English for the country or its English writes a comma
// before the decimals (en-DE writes 96.000,50 €, where an English reader sees ninety-six
// thousand written the other way round), and for "" (no country).
func CountryLocale(cc string) string {
	if _, ok := longDates[cc]; !ok || len(cc) != 2 {
		return International
	}
	l := "en-" + cc
	if DecimalSeparator(l) != "." {
		return International
	}
	return l
}

// EnglishTag returns the BCP 47 tag of English as written in the region of locale (see Region):
// "en-US" for en-US and en, "en-GB" for en-GB, "en-001" for en-001, "en-DE" for de-DE; "en" for a
// locale Check refuses. It is the language of a document whose words are English and whose
// figures follow locale.
func EnglishTag(locale string) string {
	if r := Region(locale); r != "" {
		return "en-" + r
	}
	return "en"
}
