package cwo_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

func TestInvoicingRules(t *testing.T) {
	// with(line, fields) adds fields to a payment's flow mapping
	with := func(file, line, fields string) edit {
		return edit{file, line, strings.TrimSuffix(line, "}") + ", " + fields + "}"}
	}
	tests := []struct {
		name  string
		edits []edit
		want  string
	}{
		{"recorded", []edit{with(o1, o1Signature, "invoiced: 2026-10-01, paid: 2026-10-20"), with(o2, o2First, "invoiced: 2027-01-04, billed: 9000.50, paid: 2027-01-04")}, ""},
		{"paid before invoiced", []edit{with(o1, o1Signature, "invoiced: 2026-10-01, paid: 2026-09-20")},
			"orders/O-1.yaml:13:102: error: payment 1 is paid on 2026-09-20, before it was invoiced on 2026-10-01"},
		{"paid, not invoiced", []edit{with(o1, o1Signature, "paid: 2026-10-20")},
			"orders/O-1.yaml:13:80: error: payment 1 is paid but not invoiced: add invoiced: with the invoice's date"},
		{"invoiced before the order", []edit{with(o1, o1Signature, "invoiced: 2026-09-01")},
			"orders/O-1.yaml:13:84: error: payment 1 is invoiced on 2026-09-01, before the order was issued on 2026-09-15"},
		{"invoiced years late", []edit{with(o1, o1Midway, "invoiced: 2029-04-01")},
			"orders/O-1.yaml:14:64: warning: payment 2 is invoiced on 2029-04-01, more than a year after the term's end 2027-09-30: is the year right?"},
		{"paid years late", []edit{with(o1, o1Midway, "invoiced: 2027-04-01, paid: 2028-11-01")},
			"orders/O-1.yaml:14:82: warning: payment 2 is paid on 2028-11-01, more than a year after the term's end 2027-09-30: is the year right?"},
		{"invoiced, unsigned", []edit{{o1, "status: active", "status: sent"}, with(o1, o1Signature, "invoiced: 2026-10-01")}, "" +
			"orders/O-1.yaml:4:9: warning: order O-1 has time or progress notes for 2026-Q4, so it gets reports, but it is sent: This order has been sent but not signed: until both parties sign it, nothing is earned or due.\n" +
			"orders/O-1.yaml:13:84: warning: payment 1 is invoiced, but the order is sent, not signed: nothing is due until both parties sign"},
		{"billed on a fixed order", []edit{with(o1, o1Signature, "invoiced: 2026-10-01, billed: 50000")},
			"orders/O-1.yaml:13:104: error: payments.0.billed is only for an hourly order's estimate: a fixed-price instalment is invoiced for its amount"},
		{"billed on an advance", []edit{{o2, o2First, "  - {due: 2026-12-31, amount: 13125, kind: advance, credit: final-invoice, invoiced: 2026-10-01, billed: 100}"}},
			"orders/O-2.yaml:14:106: error: payments.0.billed is only for an estimate: an advance is invoiced for its amount"},
		{"billed, not invoiced", []edit{with(o2, o2First, "billed: 9000")},
			"orders/O-2.yaml:14:62: error: payment 1 has a billed amount but no invoiced date: add invoiced: with the invoice's date"},
		{"billed zero", []edit{with(o2, o2First, "invoiced: 2027-01-04, billed: 0")},
			"orders/O-2.yaml:14:84: error: billed amount must be more than zero, got 0"},
		{"billed in cents of a cent", []edit{with(o2, o2First, "invoiced: 2027-01-04, billed: 9000.125")},
			"orders/O-2.yaml:14:84: error: payments.0.billed 9000.125 has more decimals than USD allows (2)"},
		{"invoiced estimate, not billed", []edit{with(o2, o2First, "invoiced: 2027-01-04")},
			"orders/O-2.yaml:14:64: warning: payment 1 is invoiced, but has no billed amount: its amount $13,125.00 is a forecast of the hours worked; add billed: with the invoice's amount (reports count the forecast until then)"},
		{"billed over the cap", []edit{with(o2, o2First, "invoiced: 2027-01-04, billed: 20000"), with(o2, o2Last, "invoiced: 2027-03-31, billed: 15000.01")},
			"orders/O-2.yaml:14:3: error: the invoices add up to $35,000.01, more than rate × cap_hours = $35,000.00: the cap limits what can be billed"},
		{"earned: percent", []edit{{o1, "payments:", "earned: percent\npayments:"}}, ""},
		{"earned unknown", []edit{{o1, "payments:", "earned: percents\npayments:"}},
			"orders/O-1.yaml:12:9: error: earned \"percents\" is not one of milestones, percent (did you mean \"percent\"?)"},
		{"earned on an hourly order", []edit{{o2, "payments:", "earned: milestones\npayments:"}},
			"orders/O-2.yaml:13:9: error: earned is only for a fixed-price order: an hourly order earns its hours worked × the rate, within the cap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range check(t, copyBase(t, tt.edits...), cwo.ValidateOptions{}) {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
