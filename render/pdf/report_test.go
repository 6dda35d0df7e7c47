package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/markdown"
)

func TestEscKeepsDataTextLiteral(t *testing.T) {
	for _, s := range []string{"Faster *NumPy* | [arrays](x)", "1. not a list", "# not a heading", "a_b `c` <d> &amp; e!", "two\nlines"} {
		want := strings.Join(strings.Fields(s), " ")
		if got := strings.TrimSpace(markdown.PlainText(esc(s))); got != want {
			t.Errorf("esc(%q) reads %q, want %q", s, got, want)
		}
	}
}

func TestPRLabel(t *testing.T) {
	tests := []struct {
		c    cwo.Contribution
		want string
	}{
		{cwo.Contribution{URL: "https://github.com/numpy/numpy/pull/30412", Number: 30412}, "numpy/numpy#30412"},
		{cwo.Contribution{URL: "https://gitlab.com/a/b/-/merge_requests/7", Number: 7}, "#7"},
		{cwo.Contribution{URL: "https://example.org/change"}, "https://example.org/change"},
	}
	for _, tt := range tests {
		if got := prLabel(tt.c); got != tt.want {
			t.Errorf("prLabel(%s) = %q, want %q", tt.c.URL, got, tt.want)
		}
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		v         float64
		top, step float64
	}{
		{96000, 100000, 20000},
		{150000, 150000, 50000},
		{600, 600, 200},
		{1, 1, 1}, // never a step under one (hours and amounts are labelled without decimals)
		{0.2, 1, 1},
		{327, 400, 100},
	}
	for _, tt := range tests {
		if top, step := niceScale(tt.v, chartTicks); top != tt.top || step != tt.step {
			t.Errorf("niceScale(%v) = %v, %v; want %v, %v", tt.v, top, step, tt.top, tt.step)
		}
	}
}

// testReport is a small hourly report with a flag, a "(no item)" line and one pull request.
func testReport() *cwo.Report {
	o := &cwo.WorkOrder{ID: "CWO-T-2", Title: "Arrays on Arm", Status: cwo.StatusActive, Version: 1,
		Start: cwo.MustDate("2026-10-01"), End: cwo.MustDate("2027-03-31"),
		Budget: cwo.Budget{Type: cwo.BudgetHourly, Rate: cwo.MustDecimal("150"), CapHours: cwo.MustDecimal("100")}}
	q4 := cwo.Period{Year: 2026, Quarter: 4}
	return &cwo.Report{Order: o, Period: q4, Currency: "EUR", Locale: "en-IE", Budget: cwo.MustDecimal("15000"),
		HoursPeriod: cwo.MustDecimal("12.5"), HoursToDate: cwo.MustDecimal("12.5"),
		Items: []cwo.ReportItem{
			{Key: "simd", Title: "SIMD", PlannedHours: cwo.MustDecimal("100"), HoursPeriod: cwo.MustDecimal("10"), HoursToDate: cwo.MustDecimal("10"), Status: "in-review", Percent: 40},
			{Title: cwo.NoItemTitle, NoItem: true, HoursPeriod: cwo.MustDecimal("2.5"), HoursToDate: cwo.MustDecimal("2.5")},
		},
		Contributions: []cwo.Contribution{{URL: "https://github.com/numpy/numpy/pull/1", Number: 1, Title: "ENH: SIMD", State: cwo.StateOpen, Opened: cwo.MustDate("2026-10-05")}},
		ReportMoney: cwo.ReportMoney{EarnedBy: cwo.EarnedByHours, Earned: cwo.Amounts{Period: cwo.MustDecimal("1875"), ToDate: cwo.MustDecimal("1875")},
			ByPeriod: []cwo.PeriodMoney{{Period: q4, Earned: cwo.MustDecimal("1875")}}},
		Flags: []string{"Hours were logged with nothing to show."},
	}
}

// TestReportSameBytes renders a report twice, once with a run's Shared, and finds its title and
// whole fingerprint in the XMP metadata.
func TestReportSameBytes(t *testing.T) {
	render := func(opt Options) []byte {
		var buf bytes.Buffer
		if err := Report(&buf, &ReportDoc{Report: testReport(), Fingerprint: strings.Repeat("ab", 32)}, opt); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a := render(Options{Paper: "a4"})
	if b := render(Options{Paper: "a4", Shared: NewShared()}); !bytes.Equal(a, b) {
		t.Errorf("the same report rendered twice differs (%d and %d bytes)", len(a), len(b))
	}
	for _, want := range []string{"<rdf:li xml:lang=\"x-default\">Progress report 2026-Q4: Arrays on Arm (CWO-T-2)</rdf:li>", "fingerprint " + strings.Repeat("ab", 32)} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}
