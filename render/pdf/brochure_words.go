package pdf

import "github.com/cwo-tool/cwo"

// fundingPoints are the two boxes of the funding page: what a Community Work Order is, and what a
// donation through the fiscal sponsor is. The donation's tax status is the sponsor's own words
// from contractor.yaml (cwo.Sponsor.DonationNote); without them the brochure makes no tax claim
// and sends the reader to the sponsor.
func (b *brochure) fundingPoints() (order, donation []string) {
	order = []string{"Specific work from the project's roadmap, agreed in a written statement of work.",
		"Regular progress reports: hours, spend and the pull requests behind them.",
		"Invoiced as a service: a business expense, not a charitable gift."}
	sponsor := b.d.Contractor.FiscalSponsor
	donation = []string{"Unrestricted support for the project as a whole, with no strings attached."}
	if sponsor.Name == "" {
		return order, append(donation, "Given to the project's fiscal sponsor, which holds its funds.")
	}
	donation = append(donation, "Given through "+sponsor.Name+", the project's fiscal sponsor.")
	if note := sponsor.DonationNote(); note != "" {
		donation = append(donation, note)
	} else {
		donation = append(donation, "Ask "+sponsor.Name+" whether a gift is tax-deductible where you pay tax.")
	}
	return order, donation
}

// donateLine is the sentence under the funding boxes that sends a donor to the fiscal sponsor's
// website ("Donate through NumFOCUS: numfocus.org."), or "" without a sponsor's name and safe
// URL.
func (b *brochure) donateLine() string {
	s := b.d.Contractor.FiscalSponsor
	if s.Name == "" || !cwo.SafeURL(s.URL) {
		return ""
	}
	return "Donate through " + s.Name + ": " + shortURL(s.URL) + "."
}
