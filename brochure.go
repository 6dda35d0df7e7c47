package cwo

import (
	"fmt"
	"slices"
	"strings"
)

// The conventions of a brochure are, from the first that says:
//
//  1. the brochure's own locale: and currency: (brochures/<id>.yaml), for the event it is
//     handed out at (a brochure for Kraków: locale: pl, currency: EUR);
//  2. the settings' (cwo.yaml, CWO_*, flags), as for every document;
//  3. the contractor's country (locale only; see OrderLocale).
//
// cwo converts no currency: an estimate is shown in its own currency (the estimate's, else the
// settings'), whatever the brochure's. A brochure's currency is the one it quotes in, and the
// estimates in another currency are named in a warning (render's plan), so that the sales team
// can give those items an estimate in the brochure's currency.

// BrochureLocale returns the BCP 47 locale of a brochure's amounts, numbers and dates.
func (w *Workspace) BrochureLocale(b *Brochure) string {
	if b != nil && b.Locale != "" {
		return b.Locale
	}
	return w.Locale()
}

// BrochureCurrency returns the currency a brochure quotes in: its own, else the settings'.
func (w *Workspace) BrochureCurrency(b *Brochure) Currency {
	if b != nil && b.Currency != "" {
		return b.Currency
	}
	return w.Settings.Currency
}

// EstimateCurrency returns the currency of a roadmap estimate: its own, else the settings'.
func (w *Workspace) EstimateCurrency(e *Estimate) Currency {
	if e != nil && e.Currency != "" {
		return e.Currency
	}
	return w.Settings.Currency
}

// OutputIntent names the printing condition a print brochure's colours are meant for: the
// press and paper the print shop will use. It is written as the PDF's output intent
// (PDF/X style).
type OutputIntent struct {
	// Condition is the characterization's name in the ICC registry, such as FOGRA39 (coated
	// paper, offset, Europe) or CGATS TR 006 (GRACoL coated, North America).
	Condition string `yaml:"condition"`
	// Profile is the workspace path of the condition's ICC profile (.icc or .icm), which the
	// PDF embeds; the print shop can supply it. Without it the PDF names the registered
	// condition only.
	Profile string `yaml:"profile" json:",omitempty"`
}

// registeredConditions are the ICC registry's characterizations cwo describes by name.
var registeredConditions = map[string]string{
	"FOGRA39":         "Coated FOGRA39 (ISO 12647-2:2004)",
	"FOGRA51":         "PSO Coated v3 (FOGRA51, ISO 12647-2:2013)",
	"FOGRA52":         "PSO Uncoated v3 (FOGRA52, ISO 12647-2:2013)",
	"CGATS TR 006":    "GRACoL 2006 Coated #1 (CGATS TR 006)",
	"CGATS21-2-CRPC6": "GRACoL 2013 Coated (CGATS 21-2 CRPC6)",
}

// RegisteredConditions lists the printing conditions cwo knows by name, sorted.
func RegisteredConditions() []string {
	names := make([]string, 0, len(registeredConditions))
	for n := range registeredConditions {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Describe returns the condition as a print shop reads it: "Coated FOGRA39 (ISO 12647-2:2004)",
// else the condition's name.
func (o OutputIntent) Describe() string {
	if d, ok := registeredConditions[o.Condition]; ok {
		return d
	}
	return o.Condition
}

// PrintCondition returns the output intent of a print brochure on paper: its own, else coated
// offset paper of the paper's region, FOGRA39 for A4 and A5 (Europe) and CGATS TR 006 (GRACoL)
// for Letter (North America).
func (b *Brochure) PrintCondition(paper string) OutputIntent {
	if b.OutputIntent != nil && b.OutputIntent.Condition != "" {
		return *b.OutputIntent
	}
	if paper == PaperLetter {
		return OutputIntent{Condition: "CGATS TR 006"}
	}
	return OutputIntent{Condition: "FOGRA39"}
}

// DonationNote is the brochure's sentence on the tax status of a gift through the fiscal
// sponsor ("NumFOCUS is a 501(c)(3) public charity: …"), or "" when contractor.yaml does not
// state it: cwo makes no tax claim of its own.
func (s Sponsor) DonationNote() string {
	status := strings.TrimRight(strings.TrimSpace(s.TaxStatus), ".")
	if status == "" || s.Name == "" {
		return ""
	}
	return fmt.Sprintf("%s is %s.", s.Name, status)
}

// brochureFormats checks a brochure's locale, currency and output intent.
func (v *validator) brochureFormats(b *Brochure) {
	src := b.Src
	if b.Locale != "" {
		if err := CheckLocale(b.Locale); err != nil {
			v.diags.Errorf(src.File, src.At("locale"), "locale %v", err)
		}
	}
	if b.Currency != "" {
		if err := ValidCurrency(b.Currency); err != nil {
			v.diags.Errorf(src.File, src.At("currency"), "currency %v", err)
		}
	}
	oi := b.OutputIntent
	if oi == nil {
		return
	}
	if !b.Print {
		v.diags.Warnf(src.File, src.At("output_intent"), "output_intent applies to a print brochure only: set print: true, or leave it out")
	}
	switch {
	case strings.TrimSpace(oi.Condition) == "":
		v.diags.Errorf(src.File, src.At("output_intent"), "output_intent.condition is required: the printing condition's registered name, such as FOGRA39")
	case oi.Profile == "" && registeredConditions[oi.Condition] == "":
		v.diags.Warnf(src.File, src.At("output_intent", "condition"), "output_intent.condition %q is not a registered printing condition cwo knows (%s): name its ICC profile with output_intent.profile%s",
			oi.Condition, strings.Join(RegisteredConditions(), ", "), DidYouMean(oi.Condition, RegisteredConditions()))
	}
	if oi.Profile != "" {
		low := strings.ToLower(oi.Profile)
		switch {
		case !strings.HasSuffix(low, ".icc") && !strings.HasSuffix(low, ".icm"):
			v.diags.Errorf(src.File, src.At("output_intent", "profile"), "output_intent.profile %q must be an ICC profile (.icc or .icm)", oi.Profile)
		case strings.HasPrefix(oi.Profile, "/") || strings.Contains(oi.Profile, "\\"):
			v.diags.Errorf(src.File, src.At("output_intent", "profile"), "output_intent.profile %q must be a path relative to the workspace", oi.Profile)
		}
	}
}
