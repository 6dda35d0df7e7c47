package cwo_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// The base workspace's O-1 is a fixed price paid on signature and on a date; O-2 is hourly, with
// two estimates, the last on the term's last day (2027-03-31), adding up to the planned 150 hours
// at $175 ($26,250) against a cap of 200 hours ($35,000).
const (
	o1 = "orders/O-1.yaml"
	o2 = "orders/O-2.yaml"

	o2First = "  - {due: 2026-12-31, amount: 13125, kind: estimate}"
	o2Last  = "  - {due: 2027-03-31, amount: 13125, kind: estimate, label: Final invoice}"
)

// usGovernment makes the base workspace's funder a United States public body.
var usGovernment = edit{"funders/acme.yaml", "kind: company\n", "kind: government\ncountry: US\n"}

func TestPaymentRules(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		want  string
	}{
		// an hourly order invoices the hours worked
		{"hourly fixed amount", []edit{{o2, o2First, "  - {due: 2026-12-31, amount: 13125}"}},
			"orders/O-2.yaml:14:31: error: payment 1 is a fixed amount, but an hourly order invoices the hours worked: mark it kind: estimate (an invoice of the hours worked, this amount a forecast) or kind: advance (paid ahead, then credited against invoices)"},
		{"advance with no credit rule", []edit{{o2, o2First, "  - {due: 2026-12-31, amount: 13125, kind: advance}"}},
			"orders/O-2.yaml:14:44: error: payment 1 is an advance with no rule for crediting it against the invoices of hours worked: add credit: next-invoices (deducted from the invoices after it until used up) or credit: final-invoice"},
		{"advance with nothing to credit against", []edit{{o2, o2Last, "  - {due: 2027-03-31, amount: 13125, kind: advance, credit: final-invoice}"}},
			"orders/O-2.yaml:15:44: error: payment 2 is an advance, but no invoice of hours worked (kind: estimate) comes after it to credit it against"},
		{"advance on completion", []edit{{o2, o2First, "  - {due: 2026-12-31, amount: 13125, kind: advance, credit: next-invoices, on: completion}"}},
			"orders/O-2.yaml:14:80: error: payment 1 is an advance, paid ahead of the work, so it cannot be due on completion"},
		{"credit on an estimate", []edit{{o2, o2First, "  - {due: 2026-12-31, amount: 13125, kind: estimate, credit: final-invoice}"}},
			"orders/O-2.yaml:14:62: error: payments.0.credit is only for an advance (kind: advance)"},
		{"last invoice before the end", []edit{{o2, "due: 2027-03-31", "due: 2027-02-26"}},
			"orders/O-2.yaml:15:11: error: the last invoice of hours worked is due 2027-02-26, before the end of the term on 2027-03-31: the hours worked after it would never be invoiced; add a final invoice (kind: estimate) due 2027-03-31, or make this one due on completion (on: completion)"},
		{"schedule short of the cap", []edit{{o2, o2Last + "\n", ""}},
			"orders/O-2.yaml:14:3: error: payments add up to $13,125.00, less than rate × cap_hours = $35,000.00, and no final invoice bills the hours worked up to the cap: end the schedule with an invoice of hours worked (kind: estimate) due 2027-03-31"},
		{"schedule above the planned hours", []edit{{o2, "amount: 13125, kind: estimate}", "amount: 21875, kind: estimate}"}},
			"orders/O-2.yaml:14:3: error: payments add up to $35,000.00, more than the planned 150 hours × $175.00 = $26,250.00: the estimates of an hourly order forecast the planned work; lower them, or plan the hours in the scope"},
		{"kind in a fixed budget", []edit{{o1, "amount: 100000,", "amount: 100000, kind: estimate,"}},
			"orders/O-1.yaml:14:45: error: payments.1.kind is not allowed in a fixed budget"},
		{"unknown kind", []edit{{o2, "13125, kind: estimate}", "13125, kind: estimated}"}},
			"orders/O-2.yaml:14:44: error: payments.0.kind \"estimated\" is not one of advance, estimate (did you mean \"estimate\"?)"},
		// what makes a payment payable
		{"completion label on a date", []edit{{o1, "label: Midway", "label: On completion"}},
			"orders/O-1.yaml:14:46: error: payment 2's label \"On completion\" says it is due on completion, but it is due on its due date 2027-04-01: add on: completion (the agreement then says when that is), or change the label"},
		{"signature label on a date", []edit{{o1, "on: signature, ", ""}},
			"orders/O-1.yaml:13:45: error: payment 1's label \"On signature\" says it is due on signature, but it is due on its due date 2026-10-01: add on: signature (the agreement then says when that is), or change the label"},
		{"completion label on signature", []edit{{o1, "label: On signature", "label: On completion"}},
			"orders/O-1.yaml:13:60: error: payment 1's label \"On completion\" says it is due on completion, but it is due on signature: add on: completion (the agreement then says when that is), or change the label"},
		{"acceptance label", []edit{{o1, "label: Midway", "label: On acceptance of the work"}},
			"orders/O-1.yaml:14:46: warning: payment 2's label \"On acceptance of the work\" ties it to \"acceptance\" of the work: CWO deliverables are best effort and the maintainers decide what lands; make it due on a date or on completion (on: completion)"},
		{"unknown event", []edit{{o1, "on: signature", "on: signatur"}},
			"orders/O-1.yaml:13:42: error: payments.0.on \"signatur\" is not one of date, signature, completion (did you mean \"signature\"?)"},
		{"completion unused", []edit{{o1, "payments:", "completion: final-report\npayments:"}},
			"orders/O-1.yaml:12:13: warning: completion is set, but no payment is due on completion (on: completion), so the agreement does not use it"},
		{"unknown completion", []edit{{o1, "payments:", "completion: acceptance\npayments:"}},
			"orders/O-1.yaml:12:13: error: completion \"acceptance\" is not one of term-end, final-report"},
		// appropriations of a US public funder
		{"fiscal year before the payments", []edit{usGovernment, {o2, "hours: 150\n", "hours: 150\nclauses: [Subject to the funds appropriated for fiscal year 2026.]\n"}},
			"orders/O-2.yaml:19:11: warning: clause 1 names fiscal year 2026, but the payments due 2026-12-31 and 2027-03-31 fall in United States fiscal year 2027 (1 October to 30 September, named for the year it ends in): name every fiscal year the payments fall in"},
		{"fiscal year short of the last payment", []edit{usGovernment, {o2, "due: 2027-03-31", "due: 2027-10-01"}, {o2, "end: 2027-03-31", "end: 2027-10-01"},
			{o2, "hours: 150\n", "hours: 150\nclauses: [Subject to the funds appropriated for FY2027.]\n"}},
			"orders/O-2.yaml:19:11: warning: clause 1 names fiscal year 2027, but the payments due 2027-10-01 fall in United States fiscal year 2028 (1 October to 30 September, named for the year it ends in): name every fiscal year the payments fall in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := check(t, copyBase(t, tt.edits...), cwo.ValidateOptions{})
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
				if d.String() == tt.want {
					return
				}
			}
			t.Errorf("diagnostics do not include\n  %s\ngot:\n  %s", tt.want, strings.Join(got, "\n  "))
		})
	}
}

// TestPaymentSchedulesThatAgree checks schedules the rules must accept: each is what the
// template describes, so a rule that fires on one is wrong.
func TestPaymentSchedulesThatAgree(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
	}{
		{"advance credited against the last invoice", []edit{{o2, o2First,
			"  - {due: 2026-10-01, amount: 5000, kind: advance, credit: final-invoice, on: signature}\n  - {due: 2026-12-31, amount: 13125, kind: estimate}"},
			{o2, "amount: 13125, kind: estimate, label", "amount: 8125, kind: estimate, label"}}},
		{"advance credited against the next invoices", []edit{{o2, o2First,
			"  - {due: 2026-10-01, amount: 5000, kind: advance, credit: next-invoices}\n  - {due: 2026-12-31, amount: 8125, kind: estimate}"}}},
		{"last invoice on completion", []edit{{o2, "due: 2027-03-31, amount: 13125, kind: estimate,", "due: 2027-03-15, amount: 13125, kind: estimate, on: completion,"}}},
		{"estimates below the plan", []edit{{o2, "amount: 13125, kind: estimate}", "amount: 10000, kind: estimate}"}}},
		{"fixed price on completion, defined", []edit{{o1, "label: Midway", "on: completion, label: On completion"},
			{o1, "payments:", "completion: term-end\npayments:"}}},
		{"fixed price with no schedule, defined", []edit{{o1, "payments:\n  - {due: 2026-10-01, amount: 50000, on: signature, label: On signature}\n  - {due: 2027-04-01, amount: 100000, label: Midway}\n",
			"completion: final-report\n"}}},
		{"hourly with no schedule", []edit{{o2, o2First + "\n" + o2Last + "\n", ""}, {o2, "payments:\n", ""}}},
		{"fiscal years that cover the payments", []edit{usGovernment, {o2, "due: 2027-03-31", "due: 2027-10-01"}, {o2, "end: 2027-03-31", "end: 2027-10-01"},
			{o2, "hours: 150\n", "hours: 150\nclauses: [Subject to the funds appropriated for fiscal years 2027 and 2028.]\n"}}},
		{"fiscal years as a range", []edit{usGovernment, {o2, "hours: 150\n", "hours: 150\nclauses: [Subject to the funds for fiscal years 2026 to 2028.]\n"}}},
		{"fiscal year of a funder that is not a US public body", []edit{{o2, "hours: 150\n", "hours: 150\nclauses: [Subject to our fiscal year 2026 budget.]\n"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diags := check(t, copyBase(t, tt.edits...), cwo.ValidateOptions{}); len(diags) > 0 {
				t.Errorf("problems in a schedule that agrees:\n%v", diags)
			}
		})
	}
}
