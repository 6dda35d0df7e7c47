package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/pdftest"
)

// testBrochure has one project with two items.
func testBrochure(print bool, summary string) *BrochureDoc {
	p := &cwo.Project{ID: "numpy", Name: "NumPy", Tagline: "Arrays for Python", License: "BSD-3-Clause",
		Repository: "https://github.com/numpy/numpy",
		Roadmap:    cwo.Roadmap{URL: "https://numpy.org/neps/roadmap.html", Reviewed: cwo.MustDate("2026-05-14")}}
	items := []cwo.RoadmapItem{
		{ID: "simd", Title: "Universal SIMD", Summary: summary, Priority: 1, Estimate: &cwo.Estimate{Amount: cwo.MustDecimal("180000"), Months: 9}},
		{ID: "docs", Title: "Documentation for Zoë's users", Summary: "Better *docs*.", Priority: 2},
	}
	return &BrochureDoc{
		Brochure:   &cwo.Brochure{ID: "conf", Title: "Invest in your tools", Event: "SciPy 2026", Print: print, Contact: cwo.Person{Name: "Sales", Email: "sales@example.org", Phone: "+1 512 555 0100"}},
		Contractor: &cwo.Contractor{Name: "Example Labs", FiscalSponsor: cwo.Sponsor{Name: "NumFOCUS", URL: "https://numfocus.org"}},
		Date:       cwo.MustDate("2026-07-07"), Paper: "letter", Currency: "USD", Locale: "en-US",
		Projects: []BrochureProject{{Project: p, Items: items}},
	}
}

func writeBrochure(t *testing.T, d *BrochureDoc) (string, []string) {
	t.Helper()
	var buf bytes.Buffer
	notes, err := Brochure(&buf, d, Options{Brand: "#1F4E79"})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	return path, notes
}

func TestBrochureContent(t *testing.T) {
	path, notes := writeBrochure(t, testBrochure(false, "Faster **ufuncs** on every CPU."))
	pdftest.QPDFCheck(t, path)
	pdftest.PDFCPUValidate(t, path)
	if len(notes) != 0 {
		t.Errorf("notes = %v, want none", notes)
	}
	text := strings.Join(strings.Fields(pdftest.Text(t, path)), " ")
	for _, want := range []string{"Invest in your tools", "SciPy 2026", "Community Work Order", "NumPy", "Arrays for Python",
		"1. Universal SIMD", "Faster ufuncs on every CPU.", "about 9 months · from US$180,000", "2. Documentation for Zoë's users",
		"How funding works", "NumFOCUS", "Invoiced as a service", "Three principles", "sales@example.org", "+1 512 555 0100",
		"May 14, 2026"} { // en-US: the one date style of the brochure
		if !strings.Contains(text, want) {
			t.Errorf("brochure text lacks %q", want)
		}
	}
}

// boxes reads pdfinfo -box for page 1 into name → [x0 y0 x1 y1].
func boxes(t *testing.T, path string) map[string][4]float64 {
	t.Helper()
	out, err := pdftest.Tool(t, "pdfinfo", "-box", path)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)`)
	m := map[string][4]float64{}
	for _, g := range re.FindAllStringSubmatch(string(out), -1) {
		var b [4]float64
		for i := range 4 {
			b[i], _ = strconv.ParseFloat(g[i+2], 64)
		}
		m[g[1]] = b
	}
	return m
}

func TestBrochurePrintBoxes(t *testing.T) {
	plain, _ := writeBrochure(t, testBrochure(false, "x"))
	printed, _ := writeBrochure(t, testBrochure(true, "x"))
	pb, bb := boxes(t, plain), boxes(t, printed)
	if pb["MediaBox"] != [4]float64{0, 0, 612, 792} {
		t.Errorf("letter MediaBox = %v", pb["MediaBox"])
	}
	trim, bleedBox, media := bb["TrimBox"], bb["BleedBox"], bb["MediaBox"]
	const mm3 = 8.50
	if w := trim[2] - trim[0]; w < 611.9 || w > 612.1 {
		t.Errorf("TrimBox width = %.2f, want 612 (the letter page): %v", w, trim)
	}
	for i, sign := range []float64{-1, -1, 1, 1} {
		if d := (bleedBox[i] - trim[i]) * sign; d < mm3-0.05 || d > mm3+0.05 {
			t.Errorf("BleedBox edge %d is %.2f pt outside the trim, want 3 mm (%.2f pt)", i, d, mm3)
		}
		if (media[i]-bleedBox[i])*sign < 0 {
			t.Errorf("MediaBox %v does not contain BleedBox %v", media, bleedBox)
		}
	}
	if media[2] <= 612 || media[3] <= 792 {
		t.Errorf("MediaBox %v did not grow for print", media)
	}
}

func TestBrochureLongSummaryDropsItems(t *testing.T) {
	long := strings.Repeat("A very long summary sentence that goes on and on about the work. ", 160)
	d := testBrochure(false, "Short.")
	d.Projects[0].Items[1].Summary = long
	path, notes := writeBrochure(t, d)
	if len(notes) != 1 || !strings.Contains(notes[0], "project numpy: showing 1 of 2 roadmap items") {
		t.Errorf("notes = %v, want one about numpy showing 1 of 2 items", notes)
	}
	pdftest.QPDFCheck(t, path)
}

func TestBrochureSameBytes(t *testing.T) {
	a, _ := writeBrochure(t, testBrochure(true, "x"))
	b, _ := writeBrochure(t, testBrochure(true, "x"))
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if !bytes.Equal(da, db) {
		t.Errorf("two renders of the same brochure differ")
	}
}
