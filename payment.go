package cwo

// Payment is one scheduled payment. Due is always its planned date (reports list the payments
// due in a period by it); On says what makes it payable, which the agreement shows instead of
// the date when it is an event.
type Payment struct {
	Due    Date   `yaml:"due"`
	Amount Money  `yaml:"amount"`
	Label  string `yaml:"label"`
	Kind   string `yaml:"kind" json:",omitempty"`   // hourly orders: PaymentAdvance or PaymentEstimate
	Credit string `yaml:"credit" json:",omitempty"` // an advance: CreditNextInvoices or CreditFinalInvoice
	On     string `yaml:"on" json:",omitempty"`     // OnDate (empty), OnSignature or OnCompletion
	// What happened to the payment: invoicing facts, which reports show and the agreement does
	// not (they are left out of its JSON, so recording an invoice never changes the agreement's
	// fingerprint). Billed is what an hourly order's estimate was actually invoiced for (its
	// Amount is a forecast); an advance and a fixed instalment are invoiced for their Amount.
	Invoiced Date  `yaml:"invoiced" json:"-"` // the date the payment was invoiced; zero if not yet
	Paid     Date  `yaml:"paid" json:"-"`     // the date the funder paid it; zero if not yet
	Billed   Money `yaml:"billed" json:"-"`   // an estimate's invoiced amount; zero if not set
}

// InvoicedAmount returns what the payment was (or will be) invoiced for: Billed when it is set,
// else Amount.
func (p Payment) InvoicedAmount() Money {
	if !p.Billed.IsZero() {
		return p.Billed
	}
	return p.Amount
}

// Payment kinds. An hourly order invoices the hours worked, so each of its payments is one of
// these; a fixed price is paid in fixed instalments, which have no kind.
const (
	PaymentAdvance  = "advance"  // paid ahead of the hours worked, then credited against invoices
	PaymentEstimate = "estimate" // an invoice of the hours worked; its amount is a forecast
)

// PaymentKinds lists the valid payment kinds.
var PaymentKinds = []string{PaymentAdvance, PaymentEstimate}

// How an advance is credited against the invoices of hours worked.
const (
	CreditNextInvoices = "next-invoices" // deducted from the invoices after it, in order, until used up
	CreditFinalInvoice = "final-invoice" // deducted from the last invoice
)

// Credits lists the valid ways of crediting an advance.
var Credits = []string{CreditNextInvoices, CreditFinalInvoice}

// What makes a payment payable.
const (
	OnDate       = "date"       // its due date (the default)
	OnSignature  = "signature"  // both parties signing the order
	OnCompletion = "completion" // the work's completion, as the order's Completes says
)

// PaymentEvents lists the valid values of a payment's on.
var PaymentEvents = []string{OnDate, OnSignature, OnCompletion}

// What completes the work, for a payment due on completion. An order that names neither is
// complete at whichever comes first; completion never waits for the maintainers to accept work.
const (
	CompletionTermEnd     = "term-end"     // the end of the order's term
	CompletionFinalReport = "final-report" // the contractor's final report
)

// Completions lists the valid values of an order's completion.
var Completions = []string{CompletionTermEnd, CompletionFinalReport}

// Event returns what makes p payable: OnDate, OnSignature or OnCompletion.
func (p Payment) Event() string {
	if p.On == "" {
		return OnDate
	}
	return p.On
}

// PaysOn reports whether any payment of the schedule is payable on event (OnSignature, ...).
func (o *WorkOrder) PaysOn(event string) bool {
	for _, p := range o.Payments {
		if p.Event() == event {
			return true
		}
	}
	return false
}

// HasPaymentKind reports whether any payment of the schedule is of the given kind.
func (o *WorkOrder) HasPaymentKind(kind string) bool {
	for _, p := range o.Payments {
		if p.Kind == kind {
			return true
		}
	}
	return false
}

// PaysOnCompletion reports whether the agreement needs a definition of completion: a payment is
// due on completion, or a fixed price with no schedule is invoiced on completion.
func (o *WorkOrder) PaysOnCompletion() bool {
	return o.PaysOn(OnCompletion) || (o.Budget.Type == BudgetFixed && len(o.Payments) == 0)
}

// PlannedCost returns what the planned work costs: the fixed amount, or the rate × the scope's
// planned hours for an hourly order (at most Total, which the cap sets).
func (o *WorkOrder) PlannedCost() Money {
	if o.Budget.Type == BudgetHourly {
		return o.Budget.Rate.Mul(o.ScopeHours())
	}
	return o.Budget.Amount
}
