package cwo

import "slices"

// Notices is where a party receives formal notices under an agreement (of termination, of a
// breach, of a change to these details). A field left out takes the party's own (NoticesTo).
type Notices struct {
	Attention string   `yaml:"attention" json:",omitempty"` // a person or a role, e.g. "Legal Department"
	Address   []string `yaml:"address" json:",omitempty"`   // one line per item
	Email     string   `yaml:"email" json:",omitempty"`
}

// LiabilityCap limits what each party can owe the other under an order: Multiple times the
// most the order can cost (WorkOrder.Total), or a fixed Amount in Currency. Validation lets
// exactly one of Multiple and Amount be set, and Currency only with Amount.
type LiabilityCap struct {
	Multiple Decimal  `yaml:"multiple" json:",omitzero"`
	Amount   Money    `yaml:"amount" json:",omitzero"`
	Currency Currency `yaml:"currency" json:",omitempty"` // default: the order's (in an order), else cwo.yaml's
}

// Previous is the version of an order that a version above 1 replaces.
type Previous struct {
	Issued      Date   `yaml:"issued" json:",omitzero"`       // the previous version's issued date
	Fingerprint string `yaml:"fingerprint" json:",omitempty"` // the previous version's fingerprint, or its first 12 digits
}

// DefaultLiabilityMultiple is the liability cap when no record sets one: once the most the
// order can cost.
var DefaultLiabilityMultiple = DecimalFromInt(1)

// Terms are an order's legal terms as its agreement states them. The governing law, the venue
// and the liability cap are each the order's, else its funder's, else the contractor's.
type Terms struct {
	GoverningLaw string // "" when no record sets one
	Venue        string // "" when no record sets one
	Liability    Liability
	Notices      PartyNotices
	// VAT is true when a party is, or may be (its country is not set), in a country whose value
	// added tax has a reverse charge on services bought across its border (the EU, the other EEA
	// countries, the United Kingdom, Switzerland), so that the taxes clause speaks of VAT and
	// reverse charge.
	VAT bool
	// GDPR is true when a party is, or may be, in the EEA or the United Kingdom, so that the data
	// protection clause names the GDPR; else it speaks only of the law that applies.
	GDPR bool
}

// eea lists the ISO 3166-1 codes of the European Economic Area: the EU and Iceland,
// Liechtenstein and Norway.
var eea = []string{"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
	"LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO"}

// InGDPR reports whether the country cc applies the GDPR: the EEA, and the United Kingdom's
// own version of it.
func InGDPR(cc string) bool { return cc == "GB" || slices.Contains(eea, cc) }

// InVAT reports whether the country cc has a value added tax with a reverse charge on services
// bought from abroad: the EEA, the United Kingdom and Switzerland.
func InVAT(cc string) bool { return InGDPR(cc) || cc == "CH" }

// Liability is an order's liability cap as an amount in the order's currency.
type Liability struct {
	Cap      Money   // the most each party can owe the other
	Multiple Decimal // the multiple of the order's total that Cap is; zero when the cap is a fixed amount
}

// Fixed reports whether the cap is a fixed amount rather than a multiple of the order's total.
func (l Liability) Fixed() bool { return l.Multiple.IsZero() }

// Once reports whether the cap is exactly the most the order can cost.
func (l Liability) Once() bool { return l.Multiple.Cmp(DecimalFromInt(1)) == 0 }

// PartyNotices is where each party of an order receives formal notices.
type PartyNotices struct {
	Contractor, Funder Notices
}

// termsLevel is one record that may set an order's terms, with where it was read from.
type termsLevel struct {
	law, venue string
	cap        *LiabilityCap
	src        *Source
	isOrder    bool
}

// termsLevels lists the records that may set order o's terms, the one that wins first: the
// order, its funder f, the contractor c (f and c may be nil).
func termsLevels(c *Contractor, f *Funder, o *WorkOrder) []termsLevel {
	levels := []termsLevel{{o.GoverningLaw, o.Venue, o.LiabilityCap, &o.Src, true}}
	if f != nil {
		levels = append(levels, termsLevel{f.GoverningLaw, f.Venue, f.LiabilityCap, &f.Src, false})
	}
	if c != nil {
		levels = append(levels, termsLevel{c.GoverningLaw, c.Venue, c.LiabilityCap, &c.Src, false})
	}
	return levels
}

// OrderTerms returns the terms of order o, whose funder is f, with the contractor c (either may
// be nil); cur is the order's currency, to which a cap that is a multiple is rounded.
func OrderTerms(c *Contractor, f *Funder, o *WorkOrder, cur Currency) Terms {
	var t Terms
	var limit *LiabilityCap
	for _, l := range termsLevels(c, f, o) {
		t.GoverningLaw = first(t.GoverningLaw, l.law)
		t.Venue = first(t.Venue, l.venue)
		if limit == nil {
			limit = l.cap
		}
	}
	t.Liability = liability(limit, o.Total(), cur)
	if c != nil {
		t.Notices.Contractor = c.NoticesTo()
		t.VAT, t.GDPR = mayBe(c.Country, InVAT), mayBe(c.Country, InGDPR)
	}
	if f != nil {
		t.Notices.Funder = f.NoticesTo()
		t.VAT, t.GDPR = t.VAT || mayBe(f.Country, InVAT), t.GDPR || mayBe(f.Country, InGDPR)
	}
	return t
}

// mayBe reports whether the country cc, "" when unknown, may be one of those in reports.
func mayBe(cc string, in func(string) bool) bool { return cc == "" || in(cc) }

// liability is limit as an amount: a fixed amount as written, a multiple of total rounded to
// the currency's minor units, and DefaultLiabilityMultiple when limit is nil.
func liability(limit *LiabilityCap, total Money, cur Currency) Liability {
	if limit != nil && limit.Multiple.IsZero() {
		return Liability{Cap: limit.Amount}
	}
	m := DefaultLiabilityMultiple
	if limit != nil {
		m = limit.Multiple
	}
	return Liability{Cap: total.Mul(m).Round(cur.MinorUnits()), Multiple: m}
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// NoticesTo returns where the contractor receives formal notices: its notices, with its
// signatory, its address and its e-mail (else the signatory's) for what they leave out.
func (c *Contractor) NoticesTo() Notices {
	return noticesOr(c.Notices, c.Signatory, c.Address, first(c.Email, c.Signatory.Email))
}

// NoticesTo returns where the funder receives formal notices: its notices, with its
// signatory, its address and the signatory's e-mail for what they leave out.
func (f *Funder) NoticesTo() Notices {
	return noticesOr(f.Notices, f.Signatory, f.Address, f.Signatory.Email)
}

func noticesOr(n *Notices, signatory Person, address []string, email string) Notices {
	var out Notices
	if n != nil {
		out = *n
	}
	if out.Attention == "" {
		out.Attention = signatory.Name
		if signatory.Title != "" && out.Attention != "" {
			out.Attention += ", " + signatory.Title
		}
	}
	if len(out.Address) == 0 {
		out.Address = address
	}
	out.Email = first(out.Email, email)
	return out
}
