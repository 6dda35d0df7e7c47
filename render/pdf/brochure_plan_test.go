package pdf

import (
	"slices"
	"testing"
)

// TestPagePlan checks the planner on made-up block heights (a page holds 100).
func TestPagePlan(t *testing.T) {
	for _, tt := range []struct {
		name    string
		heights []float64
		print   bool
		want    []int // each page's first block
		ok      bool
	}{
		// on screen: the fewest pages, each at least half full
		{"screen", []float64{40, 45, 45, 45, 45, 30}, false, []int{0, 1, 3, 5}, true},
		// in print: 4 pages, every inner page half full, not 3
		{"print spreads to 4", []float64{40, 45, 45, 45, 45, 30}, true, []int{0, 1, 3, 5}, true},
		// in print: one sheet when everything fits on 2 pages
		{"print sheet", []float64{40, 20, 20}, true, []int{0, 1}, true},
		// blocks that never share a page: one a page lands on 8
		{"print one a page", []float64{40, 60, 60, 60, 60, 60, 60, 60}, true, []int{0, 1, 2, 3, 4, 5, 6, 7}, true},
		// 6 pages of such blocks: neither 4 nor 8 without a blank page, so 6 and not ok
		{"print cannot fold", []float64{40, 60, 60, 60, 60, 60}, true, []int{0, 1, 2, 3, 4, 5}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := pagePlan{heights: tt.heights, gap: 5, first: 60, full: 100, last: 60, minFill: 0.5}
			got, ok := p.choose(tt.print, 4)
			if !slices.Equal(got, tt.want) || ok != tt.ok {
				t.Errorf("choose = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
			for k := range got[:len(got)-1] {
				if got[k] == got[k+1] {
					t.Errorf("page %d is blank: %v", k+1, got)
				}
			}
		})
	}
}

// TestPagePlanNoFit: a block taller than a page leaves no plan.
func TestPagePlanNoFit(t *testing.T) {
	p := pagePlan{heights: []float64{40, 150}, gap: 5, first: 60, full: 100, last: 60, minFill: 0.5}
	if got, ok := p.choose(true, 4); got != nil || ok {
		t.Errorf("choose = %v, %v; want no plan", got, ok)
	}
}
