package pdf

import (
	"strings"
	"testing"
)

// TestBalancedTitleLines sets the 007 title as the title block does: greedy wrapping leaves
// "computing" alone on the second line; balanced, the lines are as many and of about one length.
func TestBalancedTitleLines(t *testing.T) {
	pdf := fontDoc(t)
	pdf.SetFont(familyBody, "B", 20)
	const title, width = "Free-threaded NumPy for research computing", 400.0
	greedy := pdf.SplitText(title, width)
	if len(greedy) != 2 || greedy[1] != "computing" {
		t.Fatalf("greedy lines %q: the test's width no longer shows the problem", greedy)
	}
	got := balancedLines(pdf, title, width)
	if len(got) != len(greedy) || strings.Join(got, " ") != title {
		t.Fatalf("balanced lines %q, want %d lines of the whole title", got, len(greedy))
	}
	if a, b := pdf.GetStringWidth(got[0]), pdf.GetStringWidth(got[1]); b < a/2 {
		t.Errorf("balanced lines %q are %.0f and %.0f wide, want the second at least half the first", got, a, b)
	}
	if one := balancedLines(pdf, "Short", width); len(one) != 1 || one[0] != "Short" {
		t.Errorf("a one-line title: %q", one)
	}
}
