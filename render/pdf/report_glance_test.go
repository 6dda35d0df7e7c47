package pdf

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// TestGlanceSection says what the period bought: money, the items that moved with their hours,
// the merged pull requests (none here: the only one is in review), the first risk and next step.
func TestGlanceSection(t *testing.T) {
	r := testReport()
	r.Progress = &cwo.Progress{Risks: []string{"Review capacity", "second"}, Next: []string{"Land it"}}
	d := newReportDoc(Options{Paper: "a4"}, r.Period.End(), nil, r.Locale, "ab")
	got := d.glanceSection(r)
	for _, want := range []string{"## At a glance", "| Earned | €1,875.00 | €1,875.00 |",
		"SIMD (in review, 40%, 10.0 h); without a work item (2.5 h).", "**Pull requests merged in the period:** none.",
		"**Risk:** Review capacity", "**Next:** Land it"} {
		if !strings.Contains(got, want) {
			t.Errorf("glance lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "second") {
		t.Errorf("glance lists more than the first risk:\n%s", got)
	}
}

// TestScheduleAmount shows a billed estimate with the estimate noted, and an estimate not yet
// billed as such.
func TestScheduleAmount(t *testing.T) {
	d := newReportDoc(Options{Paper: "a4"}, cwo.MustDate("2026-12-31"), nil, "en-IE", "ab")
	billed := cwo.PaymentState{Label: "Q3", Kind: cwo.PaymentEstimate, Amount: cwo.MustDecimal("33750"),
		Invoiced: cwo.MustDate("2026-10-01"), InvoicedAmount: cwo.MustDecimal("33975")}
	if label, amount := d.scheduleAmount(billed, "EUR"); label != `Q3 *\(estimate €33,750.00\)*` || amount != "€33,975.00" {
		t.Errorf("billed estimate: %q, %q", label, amount)
	}
	billed.Invoiced = cwo.Date{}
	if label, amount := d.scheduleAmount(billed, "EUR"); label != `Q3 *\(estimate\)*` || amount != "€33,750.00" {
		t.Errorf("estimate not billed: %q, %q", label, amount)
	}
	advance := cwo.PaymentState{Label: "Advance", Kind: cwo.PaymentAdvance, Amount: cwo.MustDecimal("20000"),
		Invoiced: cwo.MustDate("2026-07-01"), InvoicedAmount: cwo.MustDecimal("20000")}
	if label, amount := d.scheduleAmount(advance, "EUR"); label != "Advance" || amount != "€20,000.00" {
		t.Errorf("advance: %q, %q", label, amount)
	}
}
