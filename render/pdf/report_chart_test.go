package pdf

import (
	"fmt"
	"testing"

	"github.com/cwo-tool/cwo"
)

// TestPlotHeight shrinks a chart that does not fit only when much of the page is left, and
// never below its minimum share.
func TestPlotHeight(t *testing.T) {
	d := newReportDoc(Options{Paper: "a4"}, cwo.MustDate("2026-12-31"), nil, "en-IE", "ab")
	d.begin()
	bottom := d.pageH - marginBottom
	text := d.pageH - marginTop - marginBottom
	tests := []struct {
		name       string
		left, want float64 // room left on the page; the plot's height wanted
		got        float64
	}{
		{"fits", 400, 100, 100},
		{"shrunk to the room", 0.45 * text, 0.45*text - 60 + 50, 0.45*text - 60},
		{"too little page left: next page", 0.3 * text, 0.3*text - 60 + 50, 0.3*text - 60 + 50},
		{"would shrink below its minimum: next page", 0.5 * text, 2 * text, 2 * text},
	}
	for _, tt := range tests {
		d.pdf.SetY(bottom - tt.left)
		if got := d.plotHeight(60, tt.want); got != tt.got {
			t.Errorf("%s: plotHeight(60, %.1f) with %.1f left = %.1f, want %.1f", tt.name, tt.want, tt.left, got, tt.got)
		}
	}
}

// TestMoneyLinesDiffer gives the money chart's earned, invoiced and paid lines each its own
// dash pattern or marker, so that lines that coincide still read apart.
func TestMoneyLinesDiffer(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range moneySeries(rgb{0, 0, 0}, 1, []float64{0}, []float64{0}, []float64{0})[1:] {
		key := fmt.Sprint(s.marker, s.pattern)
		if seen[key] {
			t.Errorf("%s draws like another line (%s)", s.name, key)
		}
		seen[key] = true
	}
}
