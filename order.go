package cwo

// Order statuses, in the order an agreement moves through them.
const (
	StatusDraft     = "draft"
	StatusSent      = "sent"
	StatusSigned    = "signed"
	StatusActive    = "active"
	StatusCompleted = "completed"
	StatusCancelled = "cancelled"
)

// Statuses lists the valid order statuses.
var Statuses = []string{StatusDraft, StatusSent, StatusSigned, StatusActive, StatusCompleted, StatusCancelled}

// Budget types.
const (
	BudgetFixed  = "fixed"
	BudgetHourly = "hourly"
)

// Reporting cadences.
const (
	CadenceQuarterly = "quarterly"
	CadenceMonthly   = "monthly"
)

// WorkOrder is a Community Work Order: the agreement between a funder and the contractor for
// best-effort work on one community project (orders/<id>.yaml).
type WorkOrder struct {
	ID        string       `yaml:"id"`
	Title     string       `yaml:"title"`
	Funder    string       `yaml:"funder"`
	Project   string       `yaml:"project"`
	Status    string       `yaml:"status"`
	Version   int          `yaml:"version"`
	Issued    Date         `yaml:"issued"`
	Start     Date         `yaml:"start"`
	End       Date         `yaml:"end"`
	Currency  Currency     `yaml:"currency"`
	Budget    Budget       `yaml:"budget"`
	Payments  []Payment    `yaml:"payments"`
	Completes string       `yaml:"completion" json:",omitempty"` // when the work is complete, for payments on completion
	Earns     string       `yaml:"earned" json:"-"`              // fixed orders: how reports count what is earned (EarnedMilestones, EarnedPercent)
	Scope     []ScopeItem  `yaml:"scope"`
	Team      []TeamMember `yaml:"team"`
	Reporting Reporting    `yaml:"reporting"`
	Clauses   []string     `yaml:"clauses"`                  // Markdown
	Locale    string       `yaml:"locale" json:",omitempty"` // BCP 47; "" for the workspace's (locale.go)
	Paper     string       `yaml:"paper" json:",omitempty"`  // "letter" or "a4"; "" for the workspace's
	// What a version above 1 replaces, and what it changes (Markdown, one change per item).
	Previous *Previous `yaml:"previous" json:",omitempty"`
	Changes  []string  `yaml:"changes" json:",omitempty"`
	// This order's own legal terms, replacing its funder's and the contractor's (terms.go).
	GoverningLaw string        `yaml:"governing_law" json:",omitempty"`
	Venue        string        `yaml:"venue" json:",omitempty"`
	LiabilityCap *LiabilityCap `yaml:"liability_cap" json:",omitempty"`
	Src          Source        `yaml:"-" json:"-"`
}

// How a fixed-price order's reports count what it has earned (its order's earned:). The
// agreement does not print it, so it is left out of the agreement's fingerprint.
const (
	EarnedMilestones = "milestones" // the payment schedule's instalments reached (the default)
	EarnedPercent    = "percent"    // the price × percent complete, from the progress notes
)

// EarnedBy lists the valid values of an order's earned.
var EarnedBy = []string{EarnedMilestones, EarnedPercent}

// EarnsByPercent reports whether o is a fixed-price order that earns by percent complete.
func (o *WorkOrder) EarnsByPercent() bool {
	return o.Budget.Type == BudgetFixed && o.Earns == EarnedPercent
}

// Budget is a fixed price (Amount) or an hourly rate with a cap on billed hours.
type Budget struct {
	Type     string `yaml:"type"`
	Amount   Money  `yaml:"amount"`
	Rate     Money  `yaml:"rate"`
	CapHours Hours  `yaml:"cap_hours"`
}

// ScopeItem is one piece of the order's scope: a roadmap item (Item) or free text with an ID.
type ScopeItem struct {
	Item        string `yaml:"item"`
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"` // Markdown
	Hours       Hours  `yaml:"hours"`
}

// Key is how timesheets and progress notes name the scope item: its roadmap item ID, else its ID.
func (s ScopeItem) Key() string {
	if s.Item != "" {
		return s.Item
	}
	return s.ID
}

// TeamMember is a developer working on the order.
type TeamMember struct {
	Name   string `yaml:"name"`
	Role   string `yaml:"role"`
	GitHub string `yaml:"github"`
}

// Reporting says how often the funder gets a progress report, and who gets it.
type Reporting struct {
	Cadence string  `yaml:"cadence"`
	Contact *Person `yaml:"contact"`
}

// Quarterly reports whether reports are per calendar quarter (the default).
func (r Reporting) Quarterly() bool { return r.Cadence != CadenceMonthly }

// ScopeHours returns the planned hours of all scope items.
func (o *WorkOrder) ScopeHours() Hours {
	var h Hours
	for _, s := range o.Scope {
		h = h.Add(s.Hours)
	}
	return h
}

// Total returns the most the order can cost: the fixed amount, or rate × cap.
func (o *WorkOrder) Total() Money {
	if o.Budget.Type == BudgetHourly {
		return o.Budget.Rate.Mul(o.Budget.CapHours)
	}
	return o.Budget.Amount
}

// PaymentsTotal adds up the payment schedule.
func (o *WorkOrder) PaymentsTotal() Money {
	var m Money
	for _, p := range o.Payments {
		m = m.Add(p.Amount)
	}
	return m
}

// ScopeByKey returns the scope item with the given key, or nil.
func (o *WorkOrder) ScopeByKey(key string) *ScopeItem {
	for i := range o.Scope {
		if o.Scope[i].Key() == key {
			return &o.Scope[i]
		}
	}
	return nil
}
