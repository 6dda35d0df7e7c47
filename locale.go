package cwo

import "github.com/cwo-tool/cwo/internal/cldr"

// Paper sizes of agreements and brochures.
const (
	PaperLetter = cldr.Letter
	PaperA4     = cldr.A4
)

// Papers lists the paper sizes, as data files and settings spell them.
var Papers = []string{PaperLetter, PaperA4}

// The locale and paper of an order's documents are, from the first that says:
//
//  1. the order's own locale: and paper: (orders/<id>.yaml);
//     then its funder's (funders/<id>.yaml), so that each funder gets its own conventions;
//  2. the settings (cwo.yaml, CWO_LOCALE and CWO_PAPER, --locale and --paper), for every order;
//  3. the contractor's country: (contractor.yaml), through CLDR (cldr.CountryLocale,
//     cldr.Paper): A4 and day-month-year outside the Letter countries of the Americas;
//  4. en-US and Letter, for a workspace whose contractor names no country.
//
// Documents that belong to no order (brochures, the shaping language of the run's fonts) take
// steps 2 to 4 (Workspace.Locale, Workspace.Paper); a brochure may set its own paper.

// OrderLocale returns the BCP 47 locale of an order's agreement and reports: the conventions of
// their amounts, numbers and dates.
func (w *Workspace) OrderLocale(o *WorkOrder) string {
	if o != nil && o.Locale != "" {
		return o.Locale
	}
	if f := w.orderFunder(o); f != nil && f.Locale != "" {
		return f.Locale
	}
	return w.Locale()
}

// OrderPaper returns the paper of an order's agreement: "letter" or "a4".
func (w *Workspace) OrderPaper(o *WorkOrder) string {
	if o != nil && o.Paper != "" {
		return o.Paper
	}
	if f := w.orderFunder(o); f != nil && f.Paper != "" {
		return f.Paper
	}
	return w.Paper()
}

// orderFunder returns the order's funder, or nil.
func (w *Workspace) orderFunder(o *WorkOrder) *Funder {
	if o == nil {
		return nil
	}
	return w.Funder(o.Funder)
}

// Locale returns the workspace's locale: the settings', else the default of the contractor's
// country, else en-US.
func (w *Workspace) Locale() string {
	if w.Settings.Locale != "" {
		return w.Settings.Locale
	}
	if cc := w.country(); cc != "" {
		return cldr.CountryLocale(cc)
	}
	return "en-US"
}

// Paper returns the workspace's paper: the settings', else the paper of the contractor's country,
// else Letter.
func (w *Workspace) Paper() string {
	if w.Settings.Paper != "" {
		return w.Settings.Paper
	}
	return cldr.Paper(w.country())
}

// country returns the contractor's country, or "".
func (w *Workspace) country() string {
	if w.Contractor == nil {
		return ""
	}
	return w.Contractor.Country
}

// CheckLocale reports whether locale is a BCP 47 tag cwo can write amounts and dates for: well
// formed, its subtags registered, its language known to CLDR ("en-GB", "de", "pt-BR", "en-001").
func CheckLocale(locale string) error { return cldr.Check(locale) }

// CheckCountry reports whether cc is an ISO 3166-1 alpha-2 country code in capitals ("US", "DE").
func CheckCountry(cc string) error { return cldr.CheckCountry(cc) }

// FormatDate writes d as English writes a long date in the locale's region: "29 September 2026",
// or "September 29, 2026" where CLDR's English puts the month first (en-US, en-CA); "" when d is
// unset. Every date of a document goes through it, so that a document has one date style.
func FormatDate(d Date, locale string) string {
	if d.IsZero() {
		return ""
	}
	return cldr.LongDate(d.Time(), locale)
}

// LanguageTag returns the language of a document written in English with the conventions of
// locale, as a BCP 47 tag for the PDF's /Lang: English of the locale's region ("en-US", "en-GB",
// "en-001"; "en-DE" for de-DE, whose figures the document follows but not its words).
func LanguageTag(locale string) string { return cldr.EnglishTag(locale) }

// localeRules checks an order's own locale and paper.
func (v *validator) localeRules(o *WorkOrder) {
	v.localePaper(o.Src, o.Locale, o.Paper)
}

// localePaper checks the locale: and paper: of an order or a funder.
func (v *validator) localePaper(src Source, locale, paper string) {
	if locale != "" {
		if err := CheckLocale(locale); err != nil {
			v.diags.Errorf(src.File, src.At("locale"), "locale %v", err)
		}
	}
	v.oneOf(src, paper, Papers, "paper")
}

// countryRule checks the contractor's country.
func (v *validator) countryRule(c *Contractor) { v.countryOf(c.Src, c.Country) }

// countryOf checks the country of a contractor or funder, when it sets one.
func (v *validator) countryOf(src Source, cc string) {
	if cc == "" {
		return
	}
	if err := CheckCountry(cc); err != nil {
		v.diags.Errorf(src.File, src.At("country"), "country %v", err)
	}
}
