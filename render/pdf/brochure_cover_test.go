package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// hiddenText returns the lines of text that a panel painted later covers, as "page N: text".
func hiddenText(trace []drawn) []string {
	var hidden []string
	for i, p := range trace {
		if !p.panel {
			continue
		}
		for _, t := range trace[:i] {
			if t.panel || t.page != p.page {
				continue
			}
			const eps = 0.5
			if t.x+t.w > p.x+eps && t.x < p.x+p.w-eps && t.y+t.h > p.y+eps && t.y < p.y+p.h-eps {
				hidden = append(hidden, fmt.Sprintf("page %d: %q", t.page, t.text))
			}
		}
	}
	return hidden
}

// TestBrochureNoTextUnderPanels: no line of text lies under a filled panel (a band, a tinted
// box) painted after it, on flyers (front and back) on every paper and in the booklet.
func TestBrochureNoTextUnderPanels(t *testing.T) {
	for _, layout := range []string{cwo.BrochureFlyer, cwo.BrochureBooklet} {
		for _, paper := range []string{"a5", "a4", "letter"} {
			t.Run(layout+"/"+paper, func(t *testing.T) {
				d := nineProjects(t, true, layout, paper)
				d.Contractor.FiscalSponsor.TaxStatus = "a 501(c)(3) public charity in the United States, so gifts are tax-deductible in the US as the law allows"
				var trace []drawn
				drawBrochure(d, Options{Brand: "#1F4E79"}, &trace)
				panels, texts := 0, 0
				for _, x := range trace {
					if x.panel {
						panels++
					} else {
						texts++
					}
				}
				if panels == 0 || texts == 0 {
					t.Fatalf("traced %d panels and %d lines of text", panels, texts)
				}
				for _, h := range hiddenText(trace) {
					t.Errorf("covered by a panel: %s", h)
				}
			})
		}
	}
}

// TestHiddenText: the check finds a line painted over, and not one painted on top.
func TestHiddenText(t *testing.T) {
	line := drawn{page: 1, x: 10, y: 100, w: 50, h: 10, text: "covered"}
	panel := drawn{page: 1, panel: true, x: 0, y: 95, w: 200, h: 100}
	if got := hiddenText([]drawn{line, panel}); len(got) != 1 {
		t.Errorf("text under a later panel: %v, want one", got)
	}
	if got := hiddenText([]drawn{panel, line}); len(got) != 0 {
		t.Errorf("text on a panel: %v, want none", got)
	}
	line.page = 2
	if got := hiddenText([]drawn{line, panel}); len(got) != 0 {
		t.Errorf("text on another page: %v, want none", got)
	}
}

// TestFooterParts: the foot line drops the website, then the event, then the contractor, and
// keeps the page number; a flyer's has none.
func TestFooterParts(t *testing.T) {
	c := &cwo.Contractor{Name: "Lattice Open Labs", Website: "https://lattice.example.org/"}
	for _, tc := range []struct {
		room        int
		page        string
		left, right string
	}{
		{100, "2", "Lattice Open Labs · lattice.example.org", "SciPy 2026, Tacoma · 2"},
		{50, "2", "Lattice Open Labs", "SciPy 2026, Tacoma · 2"},
		{50, "", "Lattice Open Labs", "SciPy 2026, Tacoma"},
		{30, "2", "Lattice Open Labs", "2"},
		{10, "2", "", "2"},
	} {
		l, r := footerParts(c, "SciPy 2026, Tacoma", tc.page, func(l, r string) bool { return len(l)+len(r) <= tc.room })
		if l != tc.left || r != tc.right {
			t.Errorf("room %d: %q | %q, want %q | %q", tc.room, l, r, tc.left, tc.right)
		}
	}
}

// TestFlyerFooterOneLine: a flyer's foot line is one line of text without a page number.
func TestFlyerFooterOneLine(t *testing.T) {
	d := nineProjects(t, false, cwo.BrochureFlyer, "a5")
	d.Brochure.Event = "The International Conference on Scientific Computing with Python 2026, Tacoma"
	var trace []drawn
	b := drawBrochure(d, Options{Brand: "#1F4E79"}, &trace)
	ys := map[float64]bool{}
	for _, x := range trace {
		if x.page != 1 || x.panel || x.y < b.contentBottom() {
			continue
		}
		ys[x.y] = true
		if x.text == "1" || strings.HasSuffix(x.text, " 1") {
			t.Errorf("a flyer's foot line has a page number: %q", x.text)
		}
	}
	if len(ys) != 1 {
		t.Errorf("the foot line is on %d lines, want 1", len(ys))
	}
}

// TestFrameStretch: a stretched frame spreads the extra height over its flex points, a frame
// without any does not stretch, and grow hands it on.
func TestFrameStretch(t *testing.T) {
	b := &brochure{k: 1}
	f := b.newFrame(100)
	var at []float64
	mark := func(x, y float64) { at = append(at, y) }
	f.custom(10, mark)
	f.flex()
	f.custom(10, mark)
	f.flex()
	f.custom(10, mark)
	if !f.stretch(20) || f.h != 50 {
		t.Fatalf("stretched to %v, want 50", f.h)
	}
	f.draw(0, 0)
	if want := []float64{0, 20, 40}; fmt.Sprint(at) != fmt.Sprint(want) {
		t.Errorf("drawn at %v, want %v", at, want)
	}
	rigid := b.newFrame(100)
	rigid.custom(10, mark)
	if rigid.stretch(5) || rigid.h != 10 {
		t.Errorf("a frame without flex points stretched to %v", rigid.h)
	}
	outer := b.newFrame(100)
	outer.custom(f.h, f.draw)
	outer.grow = f.stretch
	if !outer.stretch(10) || outer.h != 60 || f.h != 60 {
		t.Errorf("grow: outer %v, inner %v, want 60", outer.h, f.h)
	}
}

// TestSpread: blocks grow by at most maxStretch, the gaps by at most maxGapGrowth gaps.
func TestSpread(t *testing.T) {
	b := &brochure{k: 1}
	block := func() *frame {
		f := b.newFrame(100)
		f.flex()
		f.custom(100, func(x, y float64) {})
		return f
	}
	blocks := []*frame{block(), block()}
	gap := b.spread(blocks, 100+blockGap+100+40)
	if blocks[0].h != 120 || blocks[1].h != 120 || gap != 0 {
		t.Errorf("blocks %v, %v and gap %v, want 120, 120 and 0", blocks[0].h, blocks[1].h, gap)
	}
	blocks = []*frame{block(), block()}
	gap = b.spread(blocks, 1000)
	if blocks[0].h != 100*(1+maxStretch) || gap != maxGapGrowth*blockGap {
		t.Errorf("block %v and gap %v, want %v and %v", blocks[0].h, gap, 100*(1+maxStretch), maxGapGrowth*blockGap)
	}
}

// TestQRDetailURL: a caption's URL is short, breaks only after "/" or "." and never leaves one
// or two characters on a line; its type is at least 7.5 pt in a grey of at least 80% black.
func TestQRDetailURL(t *testing.T) {
	if got := shortURL("https://matplotlib.org/stable/devel/MEP/index.html"); got != "matplotlib.org/stable/devel/MEP" {
		t.Errorf("shortURL = %q", got)
	}
	b := drawBrochure(testBrochure(false, "x"), Options{}, nil)
	b.k = typeScale("a5")
	for _, u := range []string{"matplotlib.org/stable/devel/MEP", "docs.scipy.org/doc/scipy/dev/roadmap.html", "a.b/verylongpathwithoutanybreakatall/x"} {
		lines := b.urlLines(detailStyle, u, 60)
		if strings.Join(lines, "") != u {
			t.Errorf("%q: lines %q do not join to it", u, lines)
		}
		for i, l := range lines {
			if len(l) <= 2 {
				t.Errorf("%q: a line of %q", u, l)
			}
			if i < len(lines)-1 && !strings.ContainsAny(l[len(l)-1:], "/.") && !strings.Contains(u, "verylong") {
				t.Errorf("%q: broken after %q", u, l)
			}
		}
	}
	if got := b.urlLines(detailStyle, "numpy.org/neps/roadmap.html", 60); len(got) < 2 || strings.HasSuffix(got[0], "p") {
		t.Errorf("numpy: %q", got)
	}
	if k := textInk(captionGrey).k; k < 0.8 {
		t.Errorf("caption grey prints at %.0f%% black, want at least 80%%", 100*k)
	}
	var trace []drawn
	drawBrochure(nineProjects(t, true, cwo.BrochureFlyer, "a5"), Options{}, &trace)
	details := 0
	for _, x := range trace {
		if x.text == "scan to save" || strings.HasPrefix(x.text, "reviewed ") {
			details++
			if x.h < 1.2*7.5-0.01 { // the line's lead, 1.2 times its type size
				t.Errorf("%q is set on a %.1f pt line, want type of at least 7.5 pt", x.text, x.h)
			}
		}
	}
	if details == 0 {
		t.Errorf("no QR detail line traced")
	}
}

// TestEstimateTextUnambiguous: a brochure never quotes a bare "$": US dollars are "US$" in
// any locale, Canadian dollars "CA$"; other currencies keep their own signs.
func TestEstimateTextUnambiguous(t *testing.T) {
	e := &cwo.Estimate{Amount: cwo.MustDecimal("180000"), Months: 9}
	for _, tc := range []struct {
		cur          cwo.Currency
		locale, want string
	}{
		{"USD", "en-US", "about 9 months · from US$180,000"},
		{"USD", "en-GB", "about 9 months · from US$180,000"},
		{"USD", "de-DE", "about 9 months · from 180.000\u00a0US$"},
		{"CAD", "en-CA", "about 9 months · from CA$180,000"}, // "$" in Canada
		{"EUR", "de-DE", "about 9 months · from 180.000\u00a0€"},
	} {
		if got := estimateText(e, tc.cur, tc.locale); got != tc.want {
			t.Errorf("%s in %s: %q, want %q", tc.cur, tc.locale, got, tc.want)
		}
	}
}

// TestDonateLine: the sponsor's website is a sentence under the funding boxes, not a bullet.
func TestDonateLine(t *testing.T) {
	var trace []drawn
	drawBrochure(testBrochure(false, "x"), Options{}, &trace)
	found := false
	for _, x := range trace {
		if x.text == "numfocus.org" {
			t.Errorf("the sponsor's website is a line of its own")
		}
		found = found || x.text == "Donate through NumFOCUS: numfocus.org."
	}
	if !found {
		t.Errorf("no line \"Donate through NumFOCUS: numfocus.org.\"")
	}
	d := testBrochure(false, "x")
	d.Contractor.FiscalSponsor.URL = "javascript:alert(1)"
	b := drawBrochure(d, Options{}, nil)
	if got := b.donateLine(); got != "" {
		t.Errorf("an unsafe URL: %q", got)
	}
}

// TestQRCaptionDateWhole: a QR code's "reviewed" date is never broken inside, on any paper.
func TestQRCaptionDateWhole(t *testing.T) {
	for _, paper := range []string{"a5", "a4", "letter"} {
		d := nineProjects(t, true, cwo.BrochureFlyer, paper)
		for i := range d.Projects {
			d.Projects[i].Project.Roadmap.Reviewed = cwo.MustDate("2026-09-30")
		}
		var trace []drawn
		drawBrochure(d, Options{}, &trace)
		for _, x := range trace {
			if text := strings.ReplaceAll(x.text, "\u00a0", " "); strings.Contains(text, "September") && !strings.Contains(text, "September 30, 2026") && !strings.Contains(text, "maintainers") {
				t.Errorf("%s: a date broken: %q", paper, x.text)
			}
		}
	}
}
