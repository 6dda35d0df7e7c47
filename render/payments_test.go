package render_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/internal/testws"
	"github.com/cwo-tool/cwo/render"
)

// The base workspace's orders, as the payment cases change them: O-1 is a fixed price paid on
// signature and on a date, O-2 hourly with two estimates.
const (
	payO1 = "orders/O-1.yaml"
	payO2 = "orders/O-2.yaml"

	o1Schedule = "payments:\n  - {due: 2026-10-01, amount: 50000, on: signature, label: On signature}\n  - {due: 2027-04-01, amount: 100000, label: Midway}\n"
	o2First    = "  - {due: 2026-12-31, amount: 13125, kind: estimate}"
)

// TestPaymentText renders agreements for each kind of payment and checks, in the text a reader
// extracts, that the Budget and payment and the Payment terms clauses say what validation
// allows: what an estimate and an advance are, how an advance is credited, when a payment on
// signature or on completion is invoiced, and what completion means.
func TestPaymentText(t *testing.T) {
	completionDefault := "For payment, the work is complete at the end of the term, on"
	notAcceptance := "Completion does not depend on the maintainers accepting, merging or releasing any change, nor on any acceptance of the work by the Funder"
	estimates := "The amounts marked Estimate are forecasts, not prices, and the schedule as a whole forecasts no more than the planned hours at the hourly rate (150 hours × $175.00 = $26,250.00)."
	lastInvoice := "the last one, at the end of the work, bills all such hours up to the cap of 200 hours."
	repaid := "Any part of an advance that the hours worked have not used up when this Order ends, at the end of the term or earlier, is repaid to the Funder within thirty (30) days."
	tests := []struct {
		name      string
		order     string // the agreement to read: O-1 or O-2
		edits     []testws.Edit
		want, not []string
	}{
		{"fixed, on signature and a date", "O-1", nil,
			[]string{"Invoiced Payment Amount", "On signature On signature $50,000.00", "Midway $100,000.00", "Total $150,000.00",
				"A payment on signature is invoiced when both parties have signed this Order."},
			[]string{"Estimate", "For payment, the work is complete", "advance"}},
		{"fixed, on completion", "O-1", []testws.Edit{{File: payO1, Old: "label: Midway", New: "on: completion, label: Final instalment"}},
			[]string{"On completion Final instalment $100,000.00", completionDefault,
				"or when the Contractor delivers its final report on the work, if that is earlier. A payment on completion is invoiced then.", notAcceptance},
			nil},
		{"fixed, completion at the end of the term", "O-1", []testws.Edit{{File: payO1, Old: "label: Midway", New: "on: completion"},
			{File: payO1, Old: "payments:", New: "completion: term-end\npayments:"}},
			[]string{completionDefault, "A payment on completion is invoiced then.", notAcceptance},
			[]string{"final report"}},
		{"fixed, completion on the final report", "O-1", []testws.Edit{{File: payO1, Old: "label: Midway", New: "on: completion"},
			{File: payO1, Old: "payments:", New: "completion: final-report\npayments:"}},
			[]string{"For payment, the work is complete when the Contractor delivers its final report on the work, at the latest thirty (30) days after the end of the term",
				"A payment on completion is invoiced then.", notAcceptance},
			[]string{completionDefault}},
		{"fixed, no schedule", "O-1", []testws.Edit{{File: payO1, Old: o1Schedule, New: ""}},
			[]string{"The Contractor invoices the fixed price on completion.", completionDefault, notAcceptance},
			[]string{"Payment schedule", "A payment on completion"}},
		{"hourly, estimates", "O-2", nil,
			[]string{"Invoiced Payment Kind Amount", "Estimate $13,125.00", "Estimated total $26,250.00", estimates,
				"Each invoice bills, at the hourly rate, the hours actually worked that no earlier invoice billed; " + lastInvoice,
				"The Contractor invoices the hours worked as the payment schedule says, each invoice with the timesheets of the hours it bills; hours above the cap are not billed."},
			[]string{"Advance", "advance", "For payment, the work is complete"}},
		{"hourly, advance against the last invoice", "O-2", []testws.Edit{{File: payO2, Old: o2First,
			New: "  - {due: 2026-10-01, amount: 5000, kind: advance, credit: final-invoice, on: signature, label: Advance}\n  - {due: 2026-12-31, amount: 13125, kind: estimate}"},
			{File: payO2, Old: "amount: 13125, kind: estimate, label", New: "amount: 8125, kind: estimate, label"}},
			[]string{"On signature Advance Advance $5,000.00", estimates, "the hours actually worked that no earlier invoice billed, less any advance credited against it; " + lastInvoice,
				"The advance of $5,000.00 invoiced on signature pays ahead for hours worked later; it is not a charge of its own. It is deducted from the last invoice.",
				repaid, "A payment on signature is invoiced when both parties have signed this Order."},
			[]string{"the invoices that follow it"}},
		{"hourly, advance against the next invoices", "O-2", []testws.Edit{{File: payO2, Old: o2First,
			New: "  - {due: 2026-10-01, amount: 5000, kind: advance, credit: next-invoices}\n  - {due: 2026-12-31, amount: 8125, kind: estimate}"}},
			[]string{"It is deducted from the invoices that follow it, in order, until it is used up.", repaid},
			[]string{"deducted from the last invoice", "A payment on signature"}},
		{"hourly, no schedule", "O-2", []testws.Edit{{File: payO2, Old: "payments:\n" + o2First + "\n", New: ""},
			{File: payO2, Old: "  - {due: 2027-03-31, amount: 13125, kind: estimate, label: Final invoice}\n", New: ""}},
			[]string{"The Contractor invoices the hours worked with each report; hours above the cap are not billed."},
			[]string{"Payment schedule", "Estimate", "advance"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testws.CopyBase(t, "../testdata/base", tt.edits...)
			out := t.TempDir()
			mustRender(t, dir, out, func(o *render.Options) { o.Only = []string{render.KindAgreements} })
			text := bodyText(pdftest.Text(t, filepath.Join(out, "agreements", tt.order+"-v1.pdf")))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("agreement lacks %q", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("agreement has %q", n)
				}
			}
			if t.Failed() {
				t.Logf("agreement text:\n%s", text)
			}
		})
	}
}

// runningLine matches the lines every page repeats (footer, running header, initials boxes).
var runningLine = regexp.MustCompile(`(?m)^.*( · page \d+ of \d+ · |^\f?Example Labs {3,}|^\s+Contractor\s+Funder\s*$).*$`)

// bodyText returns pdftotext's text without the lines each page repeats and with every run of
// white space made one space, so that a sentence reads the same wherever lines and pages break.
func bodyText(s string) string {
	return strings.Join(strings.Fields(runningLine.ReplaceAllString(s, "")), " ")
}
