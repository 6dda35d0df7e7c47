package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/fpdf"
)

// fontDoc returns a document with the body font selected at 10 points.
func fontDoc(t *testing.T) *fpdf.Fpdf {
	t.Helper()
	pdf := newDocument(Options{Paper: "a4"}, cwo.Date{})
	pdf.SetFont(familyBody, "", 10)
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	return pdf
}

// fitOneAtATime is how fitText used to work, in quadratic time: drop the last character until
// the rest fits with an ellipsis.
func fitOneAtATime(pdf *fpdf.Fpdf, s string, width float64) string {
	if pdf.GetStringWidth(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && pdf.GetStringWidth(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func TestFitTextSameAsOneAtATime(t *testing.T) {
	pdf := fontDoc(t)
	texts := []string{"", "W", "Faster arrays — Phase 2", "Ελληνική Εταιρεία Δεδομένων Α.Ε.",
		"emoji 🎉🎉🎉 and CJK 数据数据数据", "bad \xff\xfe bytes \xc3", strings.Repeat("iW ", 40)}
	for _, s := range texts {
		for _, width := range []float64{-1, 0, 0.5, 3, 10, 25.5, 60, 120, 1000} {
			got, want := fitText(pdf, s, width), fitOneAtATime(pdf, s, width)
			if got != want {
				t.Errorf("fitText(%q, %g) = %q, want %q (as shortening one character at a time)", s, width, got, want)
			}
		}
	}
}

// countingMeasurer measures with a document and counts the characters it was asked to measure.
type countingMeasurer struct {
	*fpdf.Fpdf
	runes int
}

func (c *countingMeasurer) GetStringSymbolWidth(s string) int {
	c.runes += utf8.RuneCountInString(s)
	return c.Fpdf.GetStringSymbolWidth(s)
}

// fitWork fits n characters into 200 points and returns how many characters fitText measured
// and how many it kept.
func fitWork(t *testing.T, n int) (measured, kept int) {
	t.Helper()
	m := &countingMeasurer{Fpdf: fontDoc(t)}
	got := fitText(m, strings.Repeat("Faster arrays ", n/14+1)[:n], 200)
	if !strings.HasSuffix(got, "…") || m.Fpdf.GetStringWidth(got) > 200 {
		t.Fatalf("fitText of %d characters into 200 points gave %q (%g points)", n, got, m.Fpdf.GetStringWidth(got))
	}
	return m.runes, utf8.RuneCountInString(got)
}

// TestFitTextWorkBoundedByWidth checks that fitting a line measures only the characters that
// reach the width, however long the text: a page header fits the title on every page.
// Shortening one character at a time, as fitText once did, measured about n²/2 characters and
// never finished a 4 MiB title.
func TestFitTextWorkBoundedByWidth(t *testing.T) {
	for _, n := range []int{100, 5000, 10000, 1 << 20} {
		measured, kept := fitWork(t, n)
		if limit := kept + 8; measured > limit { // kept: the characters and the ellipsis
			t.Errorf("fitting %d characters into 200 points measured %d characters, want at most %d (the %d kept and a few more as wide as the ellipsis)",
				n, measured, limit, kept)
		}
	}
}

func BenchmarkFitText(b *testing.B) {
	pdf := newDocument(Options{Paper: "a4"}, cwo.Date{})
	pdf.SetFont(familyBody, "", 10)
	s := strings.Repeat("Faster arrays ", 1500) // about 20,000 characters
	for b.Loop() {
		fitText(pdf, s, 200)
	}
}
