package mdpdf

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

func readSample(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile("testdata/sample.md")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// sampleURL is the 200-character URL of testdata/sample.md.
func sampleURL(t testing.TB, src []byte) string {
	t.Helper()
	m := regexp.MustCompile(`https://example\.org/agreements/\S+`).Find(src)
	if len(m) != 200 {
		t.Fatalf("sample URL has %d characters, want 200", len(m))
	}
	return string(m)
}

func TestRenderSampleText(t *testing.T) {
	src := readSample(t)
	path := writePDF(t, "sample.pdf", renderDoc(t, src))
	txt := pdftotext(t, path, "-layout")
	for _, want := range []string{
		"Community Work Order Agreement",
		"Stéfan van der Walt", "Łukasz Nowak", "Zoë Brown", "Ελένη Παπαδοπούλου",
		"€", "—", "code spans", "with a hard break",
		"Company logo", "click me", "A nested quotation by Zoë Brown.",
		`fmt.Println("Community Work Order — signed by Ελένη")`,
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("text %q missing from output", want)
		}
	}
	for _, re := range []string{
		`(?m)^\s*1\.\s+Definitions$`, `(?m)^\s*1\.1\s+Interpretation$`,
		`(?m)^\s*2\.\s+Scope of Work$`, `(?m)^\s*2\.1\s+Unsafe content$`,
		`(?m)^\s*3\.\s+Fees and Payment$`, `(?m)^\s*4\.\s+Term and Termination$`,
		`(?m)^\s*4\.1\s+Termination$`, `(?m)^\s*4\.1\.1\s+Termination for convenience$`,
		`(?m)^\s*4\.1\.2\s+Effect of termination$`, `(?m)^\s*5\.\s+Signatures$`,
		`(?m)^\s*7\.\s+Kick-off meeting\.$`, `(?m)^\s*9\.\s+Final acceptance\.$`,
	} {
		if !regexp.MustCompile(re).MatchString(txt) {
			t.Errorf("numbered line %s not found", re)
		}
	}
	if regexp.MustCompile(`\d\.\s+Community Work Order Agreement`).MatchString(txt) {
		t.Error("the h1 title must not be numbered")
	}
	// The long word and URL are broken, so their pieces join back up.
	flat := strings.Join(strings.Fields(txt), "")
	for _, want := range []string{
		"<b>boldtag</b>", `<divclass="note">ThisHTMLblockisshownasliteraltext.</div>`,
		"Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsgenehmigungsverfahrensverordnungsentwurfsbegründungstextabschnittsüberschriftenverzeichnisnummer",
		sampleURL(t, src),
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("%.40s... not found in output", want)
		}
	}
}

func TestRenderSampleTableHeaderRepeats(t *testing.T) {
	path := writePDF(t, "sample.pdf", renderDoc(t, readSample(t)))
	pages := strings.Split(pdftotext(t, path, "-layout"), "\f")
	header := regexp.MustCompile(`No\.\s+Deliverable\s+Contributor\s+Fee`)
	spanned := 0
	for i, p := range pages {
		if !strings.Contains(p, "Deliverable item number") {
			continue
		}
		spanned++
		if !header.MatchString(p) {
			t.Errorf("page %d has table rows but no repeated header row", i+1)
		}
	}
	if spanned < 2 {
		t.Fatalf("table spans %d pages, want at least 2", spanned)
	}
	// Rows are whole: every row number appears on a line with its fee.
	for _, n := range []string{"1", "17", "30", "45"} {
		re := regexp.MustCompile(`(?m)^\s*` + n + `\s+Deliverable item number ` + n + `\b.*€`)
		if !re.MatchString(strings.Join(pages, "\n")) {
			t.Errorf("row %s is not drawn on one line with its fee", n)
		}
	}
}

func TestRenderSampleLinks(t *testing.T) {
	src := readSample(t)
	data := renderDoc(t, src)
	writePDF(t, "sample.pdf", data)
	for _, uri := range []string{
		"https://example.org/foundation",
		"mailto:legal@example.org",
		sampleURL(t, src),
	} {
		if !bytes.Contains(data, []byte("/URI ("+uri+")")) {
			t.Errorf("no link annotation for %s", uri)
		}
	}
	for _, bad := range []string{"javascript", "/local/path", "logo.png"} {
		if bytes.Contains(data, []byte(bad)) {
			t.Errorf("output must not reference %q", bad)
		}
	}
}

func TestRenderSampleGeometry(t *testing.T) {
	path := writePDF(t, "sample.pdf", renderDoc(t, readSample(t)))
	headings := sampleHeadings(t)
	if n := checkGeometry(t, path, testMargin, func(s string) bool { return headings[s] }); n < 3 {
		t.Fatalf("got %d pages, want at least 3", n)
	}
	// The heading test above is only meaningful if headings are recognised.
	seen := map[string]bool{}
	for _, p := range bboxPages(t, path) {
		for _, l := range p.lines {
			seen[l.text] = true
		}
	}
	for h := range headings {
		if !seen[h] {
			t.Errorf("heading line %q not found", h)
		}
	}
}

// checkGeometry checks every page of path: no text in the margins (given
// in points; the test header and footer excepted) and no heading, as told
// by isHeading, as the last line of a page other than the last. It returns
// the number of pages.
func checkGeometry(t *testing.T, path string, margin float64, isHeading func(string) bool) int {
	t.Helper()
	pages := bboxPages(t, path)
	for i, p := range pages {
		var last *bboxLine
		for j := range p.lines {
			l := &p.lines[j]
			if isChrome(*l) {
				continue
			}
			// A line's box starts at the font's ascent, which has room for stacked accents
			// above the capitals (1.07 em in Noto Serif): a tenth of the box may stand above
			// the margin while the capitals stay below it.
			if l.yMax > p.height-margin+0.5 || l.yMin < margin-0.5-0.1*(l.yMax-l.yMin) {
				t.Errorf("page %d: %q spans y=%.1f..%.1f, inside the top or bottom margin", i+1, l.text, l.yMin, l.yMax)
			}
			if l.xMax > p.width-margin+0.5 || l.xMin < margin-0.5 {
				t.Errorf("page %d: %q spans x=%.1f..%.1f, outside the side margins", i+1, l.text, l.xMin, l.xMax)
			}
			if last == nil || l.yMax > last.yMax {
				last = l
			}
		}
		if last == nil {
			t.Errorf("page %d is empty", i+1)
			continue
		}
		if i < len(pages)-1 && isHeading(last.text) {
			t.Errorf("page %d ends with the heading %q", i+1, last.text)
		}
	}
	return len(pages)
}

// sampleHeadings returns the heading lines of the sample as drawn.
func sampleHeadings(t testing.TB) map[string]bool {
	t.Helper()
	return map[string]bool{
		"Community Work Order Agreement": true,
		"1. Definitions":                 true, "1.1 Interpretation": true,
		"2. Scope of Work": true, "2.1 Unsafe content": true,
		"3. Fees and Payment": true, "4. Term and Termination": true,
		"4.1 Termination": true, "4.1.1 Termination for convenience": true,
		"4.1.2 Effect of termination": true, "5. Signatures": true,
	}
}

func TestRenderDeterministic(t *testing.T) {
	src := readSample(t)
	a, b := renderDoc(t, src), renderDoc(t, src)
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same input differ")
	}
}
