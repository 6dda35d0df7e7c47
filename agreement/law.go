package agreement

import (
	"regexp"

	"github.com/cwo-tool/cwo"
)

// usLaw matches a governing law that names the United States or one of its states or the
// District of Columbia. Georgia is left out: alone, it may be the country.
var usLaw = regexp.MustCompile(`\bU\.\s?S\.|\b(United States|USA|US|Alabama|Alaska|Arizona|Arkansas|California|Colorado|` +
	`Connecticut|Delaware|District of Columbia|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|` +
	`Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|` +
	`Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|` +
	`Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|` +
	`Virginia|Washington|West Virginia|Wisconsin|Wyoming)\b`)

// USLaw reports whether an agreement's terms are read under the law of a US state: the
// governing law names the United States or a state, or, when no law is chosen, both parties are
// in the United States. The warranty clause then disclaims the implied warranties of the
// Uniform Commercial Code by name; under any other law (Germany's, England's) those words mean
// little, and the clauses use neutral wording and carve-outs that hold there (see
// docs/templates.md). A law the text does not place in the United States counts as not US.
func USLaw(law string, c *cwo.Contractor, f *cwo.Funder) bool {
	if law != "" {
		return usLaw.MatchString(law)
	}
	return c != nil && f != nil && c.Country == "US" && f.Country == "US"
}
