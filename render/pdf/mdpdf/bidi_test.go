package mdpdf

import (
	"slices"
	"testing"
)

func TestVisualOrder(t *testing.T) {
	frags := func(words ...string) line {
		var ln line
		for _, w := range words {
			ln.frags = append(ln.frags, frag{text: w, space: w == " "})
		}
		return ln
	}
	cases := []struct {
		words []string
		want  []int
	}{
		{[]string{"Team", " ", "Priya"}, nil},
		// Two Arabic words and the space between them are reversed as a group; the spaces
		// next to Latin words stay left to right.
		{[]string{"Team:", " ", "أحمد", " ", "علي", " ", "and"}, []int{0, 1, 4, 3, 2, 5, 6}},
		// A number between right-to-left words goes with them.
		{[]string{"مكتب", " ", "12", " ", "البنية"}, []int{4, 3, 2, 1, 0}},
		{[]string{"שרה", " ", "(OORI)"}, []int{0, 1, 2}},
	}
	for _, c := range cases {
		if got := visualOrder(frags(c.words...)); !slices.Equal(got, c.want) {
			t.Errorf("%q: order %v, want %v", c.words, got, c.want)
		}
	}
	xs, ws := []float64{10, 20, 25, 35}, []float64{10, 5, 10, 5}
	reorder([]int{0, 2, 1, 3}, xs, ws)
	if want := []float64{10, 30, 20, 35}; !slices.Equal(xs, want) {
		t.Errorf("reorder: xs = %v, want %v", xs, want)
	}
}
