package cwo

// Person is someone who signs, receives reports or maintains a project.
type Person struct {
	Name   string `yaml:"name"`
	Title  string `yaml:"title"`
	Email  string `yaml:"email"`
	Phone  string `yaml:"phone"`
	GitHub string `yaml:"github"`
}

// Sponsor is a fiscal sponsor that takes tax-deductible donations for projects (e.g. NumFOCUS).
type Sponsor struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
	// TaxStatus completes the sentence "<name> is …" on the brochure's donation box: the
	// sponsor's legal status and where gifts are deductible, in its own words ("a 501(c)(3)
	// public charity: gifts are tax-deductible in the US as the law allows"). Without it the
	// brochure makes no claim about tax. Agreements do not show it, so it is left out of their
	// fingerprint (json "-"); a brochure's hash covers it through its BrochureDoc.
	TaxStatus string `yaml:"tax_status" json:"-"`
}

// Contractor is the consultancy that does the work (contractor.yaml).
type Contractor struct {
	ID            string   `yaml:"id"`
	Name          string   `yaml:"name"`
	LegalName     string   `yaml:"legal_name"`
	Address       []string `yaml:"address"`
	Country       string   `yaml:"country" json:",omitempty"` // ISO 3166-1 alpha-2: the default locale and paper (locale.go)
	Email         string   `yaml:"email"`
	Website       string   `yaml:"website"`
	Logo          string   `yaml:"logo"`
	Signatory     Person   `yaml:"signatory"`
	FiscalSponsor Sponsor  `yaml:"fiscal_sponsor"`
	// The contractor's legal terms: its tax ID, where it receives formal notices, and the
	// defaults of every order's governing law, venue and liability cap (terms.go).
	TaxID        string        `yaml:"tax_id" json:",omitempty"`
	Notices      *Notices      `yaml:"notices" json:",omitempty"`
	GoverningLaw string        `yaml:"governing_law" json:",omitempty"`
	Venue        string        `yaml:"venue" json:",omitempty"`
	LiabilityCap *LiabilityCap `yaml:"liability_cap" json:",omitempty"`
	Src          Source        `yaml:"-" json:"-"`
}

// Project is a community-governed open-source project with its roadmap (projects/<id>.yaml).
type Project struct {
	ID          string   `yaml:"id"`
	Name        string   `yaml:"name"`
	Tagline     string   `yaml:"tagline"`
	Homepage    string   `yaml:"homepage"`
	Repository  string   `yaml:"repository"`
	License     string   `yaml:"license"`
	Logo        string   `yaml:"logo"`
	Maintainers []Person `yaml:"maintainers"`
	Roadmap     Roadmap  `yaml:"roadmap"`
	Src         Source   `yaml:"-" json:"-"`
}

// Roadmap is a project's list of wanted work, last reviewed with its maintainers on Reviewed.
type Roadmap struct {
	URL      string        `yaml:"url"`
	Reviewed Date          `yaml:"reviewed"`
	Items    []RoadmapItem `yaml:"items"`
}

// RoadmapItem is one piece of wanted work on a roadmap.
type RoadmapItem struct {
	ID       string    `yaml:"id"`
	Title    string    `yaml:"title"`
	Summary  string    `yaml:"summary"` // Markdown
	Priority int       `yaml:"priority"`
	Estimate *Estimate `yaml:"estimate"`
	Brochure bool      `yaml:"brochure"`
}

// Estimate is the rough cost and duration of a roadmap item.
type Estimate struct {
	Amount   Money    `yaml:"amount"`
	Currency Currency `yaml:"currency"`
	Months   int      `yaml:"months"`
}

// Item returns the roadmap item with the given ID, or nil.
func (p *Project) Item(id string) *RoadmapItem {
	for i := range p.Roadmap.Items {
		if p.Roadmap.Items[i].ID == id {
			return &p.Roadmap.Items[i]
		}
	}
	return nil
}

// Funder kinds.
const (
	FunderCompany    = "company"
	FunderIndividual = "individual"
	FunderFoundation = "foundation"
	FunderGovernment = "government"
)

// Funder is an organisation or person that pays for work (funders/<id>.yaml).
type Funder struct {
	ID               string   `yaml:"id"`
	LegalName        string   `yaml:"legal_name"`
	ShortName        string   `yaml:"short_name"`
	Kind             string   `yaml:"kind"`
	Address          []string `yaml:"address"`
	Country          string   `yaml:"country" json:",omitempty"` // ISO 3166-1 alpha-2: which tax and data protection wording fits (terms.go)
	Signatory        Person   `yaml:"signatory"`
	ReportingContact *Person  `yaml:"reporting_contact"`
	// The funder's legal terms: its tax ID, where it receives formal notices, and, for all its
	// orders, a governing law, venue and liability cap that replace the contractor's (terms.go).
	TaxID        string        `yaml:"tax_id" json:",omitempty"`
	Notices      *Notices      `yaml:"notices" json:",omitempty"`
	GoverningLaw string        `yaml:"governing_law" json:",omitempty"`
	Venue        string        `yaml:"venue" json:",omitempty"`
	LiabilityCap *LiabilityCap `yaml:"liability_cap" json:",omitempty"`
	// How the funder's orders write amounts, numbers and dates, and the paper of their
	// agreements, unless an order sets its own (locale.go).
	Locale string `yaml:"locale" json:",omitempty"` // BCP 47; "" for the workspace's
	Paper  string `yaml:"paper" json:",omitempty"`  // "letter" or "a4"; "" for the workspace's
	Src    Source `yaml:"-" json:"-"`
}

// DisplayName returns the short name, else the legal name.
func (f *Funder) DisplayName() string {
	if f.ShortName != "" {
		return f.ShortName
	}
	return f.LegalName
}

// Contact returns who receives reports: the reporting contact, else the signatory.
func (f *Funder) Contact() Person {
	if f.ReportingContact != nil {
		return *f.ReportingContact
	}
	return f.Signatory
}
