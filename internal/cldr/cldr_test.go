package cldr

import (
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	for _, good := range []string{"en-US", "en_GB", "de", "pt-BR", "en-001", "en-150", "zh-Hant-TW", "de-CH", "sr-Latn"} {
		if err := Check(good); err != nil {
			t.Errorf("Check(%q) = %v, want nil", good, err)
		}
	}
	for _, bad := range []string{"", "xx", "xx-YY", "en-XX", "tlh", "english", "en-US-", "e"} {
		if err := Check(bad); err == nil {
			t.Errorf("Check(%q) = nil, want an error", bad)
		}
	}
}

func TestRegion(t *testing.T) {
	for in, want := range map[string]string{"en-GB": "GB", "en": "US", "de": "DE", "en-001": "001", "zh-Hant": "TW", "de_AT": "AT", "xx": ""} {
		if got := Region(in); got != want {
			t.Errorf("Region(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEnglishTag(t *testing.T) {
	for in, want := range map[string]string{"en-US": "en-US", "en": "en-US", "en-GB": "en-GB", "en-001": "en-001", "de-DE": "en-DE", "pl": "en-PL", "xx": "en"} {
		if got := EnglishTag(in); got != want {
			t.Errorf("EnglishTag(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckCountry(t *testing.T) {
	for _, good := range []string{"US", "DE", "PL", "JP", "CA"} {
		if err := CheckCountry(good); err != nil {
			t.Errorf("CheckCountry(%q) = %v, want nil", good, err)
		}
	}
	for _, bad := range []string{"", "us", "DEU", "276", "XX", "EU", "001", "UK", "D"} {
		if err := CheckCountry(bad); err == nil {
			t.Errorf("CheckCountry(%q) = nil, want an error", bad)
		}
	}
}

func TestCountryLocale(t *testing.T) {
	for cc, want := range map[string]string{
		"US": "en-US", "CA": "en-CA", "GB": "en-GB", "IN": "en-IN", "IE": "en-IE", "AU": "en-AU",
		"DE": "en-001", "PL": "en-001", "FR": "en-001", "NL": "en-001", "ZA": "en-001", // a decimal comma
		"MX": "en-001", "BR": "en-001", "KR": "en-001", // no English in CLDR
		"": "en-001", "150": "en-001",
	} {
		if got := CountryLocale(cc); got != want {
			t.Errorf("CountryLocale(%q) = %q, want %q", cc, got, want)
		}
	}
}

func TestPaper(t *testing.T) {
	for cc, want := range map[string]string{"US": Letter, "CA": Letter, "MX": Letter, "PH": Letter, "": Letter,
		"DE": A4, "PL": A4, "GB": A4, "JP": A4, "AU": A4, "BR": A4} {
		if got := Paper(cc); got != want {
			t.Errorf("Paper(%q) = %q, want %q", cc, got, want)
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		number string
		places int32
		code   string
		locale string
		want   string
	}{
		{"96000.50", 2, "EUR", "en-US", "€96,000.50"},
		{"96000.50", 2, "EUR", "en-001", "€96,000.50"},
		{"140000", 2, "USD", "en-001", "US$140,000.00"},
		{"140000", 2, "USD", "en-US", "$140,000.00"},
		{"96000.50", 2, "EUR", "de-DE", "96.000,50\u00a0€"},
		{"96000.50", 2, "EUR", "pl-PL", "96\u00a0000,50\u00a0€"},
		{"96000.50", 2, "EUR", "fr-FR", "96\u202f000,50\u00a0€"},
		{"99.99", 2, "CHF", "de-CH", "CHF\u00a099.99"},
		{"-42.5", 2, "GBP", "en-GB", "-£42.50"},
		{"1500000", 0, "JPY", "en", "¥1,500,000"},
		{"10000000", 2, "INR", "en-IN", "₹1,00,00,000.00"},
		{"1000", 2, "XYZ", "en-US", "XYZ\u00a01,000.00"},
		{"0.125", 2, "USD", "en-US", "$0.12"}, // half to even
	}
	for _, tt := range tests {
		if got := Money(tt.number, tt.places, tt.code, tt.locale); got != tt.want {
			t.Errorf("Money(%s, %d, %s, %s) = %q, want %q", tt.number, tt.places, tt.code, tt.locale, got, tt.want)
		}
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		number string
		places int32
		locale string
		want   string
	}{
		{"1250", 0, "en-US", "1,250"},
		{"1250.5", 1, "en-001", "1,250.5"},
		{"1250.5", 2, "de-DE", "1.250,50"},
		{"12250.5", 1, "pl", "12\u00a0250,5"},
		{"1250.5", 1, "pl", "1250,5"}, // Polish groups five digits and more
		{"-7.5", 1, "en", "-7.5"},
		{"999", 0, "en", "999"},
	}
	for _, tt := range tests {
		if got := Number(tt.number, tt.places, tt.locale); got != tt.want {
			t.Errorf("Number(%s, %d, %s) = %q, want %q", tt.number, tt.places, tt.locale, got, tt.want)
		}
	}
	if got := DecimalSeparator("de-DE"); got != "," {
		t.Errorf(`DecimalSeparator("de-DE") = %q, want ","`, got)
	}
	if got := DecimalSeparator("en-GB"); got != "." {
		t.Errorf(`DecimalSeparator("en-GB") = %q, want "."`, got)
	}
}

func TestLongDate(t *testing.T) {
	day := time.Date(2026, time.September, 5, 0, 0, 0, 0, time.UTC)
	for locale, want := range map[string]string{
		"en-US": "September 5, 2026", "en": "September 5, 2026", "en-CA": "September 5, 2026",
		"en-GB": "5 September 2026", "en-001": "5 September 2026", "en-DE": "5 September 2026",
		"de-DE": "5 September 2026", "fr-CA": "September 5, 2026", "es-MX": "5 September 2026",
		"en-ZA": "05 September 2026", "xx": "5 September 2026",
	} {
		if got := LongDate(day, locale); got != want {
			t.Errorf("LongDate(%s, %q) = %q, want %q", day.Format(time.DateOnly), locale, got, want)
		}
	}
	if !MonthFirst("en-US") || MonthFirst("en-GB") {
		t.Errorf("MonthFirst(en-US), MonthFirst(en-GB) = %v, %v; want true, false", MonthFirst("en-US"), MonthFirst("en-GB"))
	}
}
