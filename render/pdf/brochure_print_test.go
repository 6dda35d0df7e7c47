package pdf

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/pdftest"
)

// qdf returns the brochure at path as qpdf's QDF: every stream decompressed, and each page's
// content stream after a "%% Contents for page N" comment.
func qdf(t *testing.T, path string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "b.qdf")
	if msg, err := pdftest.Tool(t, "qpdf", "--qdf", "--object-streams=disable", path, out); err != nil {
		t.Fatalf("qpdf --qdf: %v %s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// pageContents returns each page's decompressed content stream, from the QDF.
func pageContents(t *testing.T, doc string) []string {
	t.Helper()
	var pages []string
	for _, part := range strings.Split(doc, "%% Contents for page ")[1:] {
		start := strings.Index(part, "stream\n")
		end := strings.Index(part, "\nendstream")
		if start < 0 || end < start {
			t.Fatalf("no content stream in %.200q", part)
		}
		pages = append(pages, part[start+len("stream\n"):end])
	}
	if len(pages) == 0 {
		t.Fatal("no page contents in the QDF")
	}
	return pages
}

// contentOp is an operator of a content stream with its operands.
type contentOp struct {
	op   string
	args []string
}

// contentOps splits a content stream into operators: numbers, names, strings (literal and hex)
// and arrays are operands; anything else is an operator.
func contentOps(s string) []contentOp {
	var ops []contentOp
	var args []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			i++
		case c == '(':
			j, depth := i+1, 1
			for ; j < len(s) && depth > 0; j++ {
				switch s[j] {
				case '\\':
					j++
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			args, i = append(args, s[i:j]), j
		case c == '<' && i+1 < len(s) && s[i+1] != '<':
			j := strings.IndexByte(s[i:], '>') + i + 1
			args, i = append(args, s[i:j]), j
		case c == '[':
			j, depth := i+1, 1
			for ; j < len(s) && depth > 0; j++ {
				switch s[j] {
				case '(':
					for j++; j < len(s) && s[j] != ')'; j++ {
						if s[j] == '\\' {
							j++
						}
					}
				case '[':
					depth++
				case ']':
					depth--
				}
			}
			args, i = append(args, s[i:j]), j
		default:
			j := i + 1
			for j < len(s) && !strings.ContainsRune(" \n\r\t()<>[]/", rune(s[j])) {
				j++
			}
			tok := s[i:j]
			i = j
			if _, err := strconv.ParseFloat(tok, 64); err == nil || tok[0] == '/' {
				args = append(args, tok)
				continue
			}
			ops = append(ops, contentOp{tok, args})
			args = nil
		}
	}
	return ops
}

// graphicsState is the part of the graphics state the print checks follow.
type graphicsState struct {
	fill, stroke string // the last colour operator, with its operands
}

// inkUse is what the content stream does with a colour: text shown in a fill colour, or a line
// stroked from (x, y) in a stroke colour.
type inkUse struct {
	text   []string // the fill colour of each text-showing operator
	stroke []struct {
		x, y   float64
		colour string
	}
}

// inks follows the fill and stroke colours through q/Q and reports each text-showing operator's
// fill colour and each stroked line's start and colour.
func inks(stream string) inkUse {
	var use inkUse
	gs := graphicsState{fill: "0 g", stroke: "0 G"}
	var stack []graphicsState
	var x, y float64
	for _, o := range contentOps(stream) {
		all := strings.Join(append(append([]string{}, o.args...), o.op), " ")
		switch o.op {
		case "q":
			stack = append(stack, gs)
		case "Q":
			if n := len(stack); n > 0 {
				gs, stack = stack[n-1], stack[:n-1]
			}
		case "g", "rg", "k", "sc", "scn":
			gs.fill = all
		case "cs":
			gs.fill = all
		case "G", "RG", "K", "SC", "SCN":
			if o.op == "SCN" && strings.HasSuffix(gs.stroke, " CS") {
				gs.stroke += " " + all
			} else {
				gs.stroke = all
			}
		case "CS":
			gs.stroke = all
		case "m":
			x, _ = strconv.ParseFloat(o.args[0], 64)
			y, _ = strconv.ParseFloat(o.args[1], 64)
		case "S":
			use.stroke = append(use.stroke, struct {
				x, y   float64
				colour string
			}{x, y, gs.stroke})
		case "Tj", "TJ", "'", `"`:
			use.text = append(use.text, gs.fill)
		}
	}
	return use
}

// blackOnly reports whether a fill colour operator is grey, or CMYK with black ink alone.
func blackOnly(fill string) bool {
	f := strings.Fields(fill)
	switch f[len(f)-1] {
	case "g":
		return len(f) == 2
	case "k":
		for _, v := range f[:3] {
			if n, err := strconv.ParseFloat(v, 64); err != nil || n != 0 {
				return false
			}
		}
		return len(f) == 5
	}
	return false
}

// checkPrintInks checks the print brochure at path: text in grey or black ink alone, eight crop
// marks a page outside the bleed in the registration colour /CS1, which is the separation All.
func checkPrintInks(t *testing.T, path string) {
	t.Helper()
	doc := qdf(t, path)
	all := regexp.MustCompile(`/(CS\d+) (\d+) 0 R`).FindAllStringSubmatch(doc, -1)
	if len(all) == 0 {
		t.Fatal("no colour space resource in the print brochure")
	}
	sep := regexp.MustCompile(`(?m)^` + all[0][2] + ` 0 obj\n\[\s*/Separation\s*/All\s*/DeviceCMYK`)
	if all[0][1] != "CS1" || !sep.MatchString(doc) {
		t.Errorf("colour space %s (object %s) is not [/Separation /All /DeviceCMYK …]", all[0][1], all[0][2])
	}
	bb := boxes(t, path)["BleedBox"]
	for i, page := range pageContents(t, doc) {
		use := inks(page)
		if len(use.text) == 0 {
			t.Errorf("page %d: no text found", i+1)
		}
		for _, fill := range use.text {
			if !blackOnly(fill) {
				t.Errorf("page %d: text in %q, want grey or black ink alone (g, or 0 0 0 K k)", i+1, fill)
			}
		}
		marks := 0
		for _, s := range use.stroke {
			if s.x >= bb[0] && s.x <= bb[2] && s.y >= bb[1] && s.y <= bb[3] {
				continue
			}
			marks++
			if s.colour != "/CS1 CS 1.000 SCN" {
				t.Errorf("page %d: a crop mark from (%.1f, %.1f) in %q, want the registration colour /CS1", i+1, s.x, s.y, s.colour)
			}
		}
		if marks != 8 {
			t.Errorf("page %d: %d lines outside the bleed, want 8 crop marks", i+1, marks)
		}
	}
}

// TestBrochurePrintInks checks a print brochure's colours in its content streams: every text in
// grey or black ink alone, the crop marks (the lines outside the bleed) in the registration
// colour, the separation All; the output intent; and a screen brochure in RGB with none of them.
// The booklet of one project, of nine on A4 and the flyers of nine on A5 are checked.
func TestBrochurePrintInks(t *testing.T) {
	for name, d := range map[string]*BrochureDoc{
		"one project":       testBrochure(true, "Faster **ufuncs**."),
		"nine projects, A4": nineProjects(t, true, cwo.BrochureBooklet, "a4"),
		"flyers, A5":        nineProjects(t, true, cwo.BrochureFlyer, "a5"),
	} {
		t.Run(name, func(t *testing.T) {
			path, _ := writeBrochure(t, d)
			pdftest.QPDFCheck(t, path)
			checkPrintInks(t, path)
		})
	}
	path, _ := writeBrochure(t, testBrochure(true, "x"))
	doc := qdf(t, path)
	// QDF writes a dictionary's keys one a line, in order
	intent := strings.Join([]string{"/OutputIntents [", "<<", `/Info (GRACoL 2006 Coated #1 \(CGATS TR 006\))`,
		"/OutputConditionIdentifier (CGATS TR 006)", "/RegistryName (http://www.color.org)", "/S /GTS_PDFX",
		"/Type /OutputIntent", ">>", "]"}, "\n")
	if !strings.Contains(squeeze(doc), intent) {
		t.Errorf("no GRACoL output intent (without a profile) in the Letter print brochure; want\n%s", intent)
	}

	screen, _ := writeBrochure(t, testBrochure(false, "x"))
	sdoc := qdf(t, screen)
	if strings.Contains(sdoc, "/OutputIntents") || strings.Contains(sdoc, "/Separation") {
		t.Error("the screen brochure has an output intent or a separation")
	}
	rgbText := 0
	for _, page := range pageContents(t, sdoc) {
		for _, fill := range inks(page).text {
			if strings.HasSuffix(fill, " rg") {
				rgbText++
			}
		}
	}
	if rgbText == 0 {
		t.Error("the screen brochure has no RGB text: it should stay RGB")
	}
}

// TestBrochureOutputIntentProfile checks that a print brochure embeds the ICC profile it is given
// as a CMYK profile, for the condition it names.
func TestBrochureOutputIntentProfile(t *testing.T) {
	d := testBrochure(true, "x")
	d.Paper = "a4"
	d.OutputIntent = d.Brochure.PrintCondition(d.Paper)
	d.Profile = make([]byte, 200)
	copy(d.Profile[16:], "CMYK")
	copy(d.Profile[36:], "acsp")
	path, _ := writeBrochure(t, d)
	pdftest.PDFCPUValidate(t, path)
	doc := qdf(t, path)
	for _, want := range []string{
		strings.Join([]string{"/OutputIntents [", "<<", "/DestOutputProfile 3 0 R", `/Info (Coated FOGRA39 \(ISO 12647-2:2004\))`,
			"/OutputConditionIdentifier (FOGRA39)"}, "\n"),
		strings.Join([]string{"3 0 obj", "<<", "/Alternate /DeviceCMYK", "/N 4"}, "\n"),
	} {
		if !strings.Contains(squeeze(doc), want) {
			t.Errorf("want in the A4 print brochure:\n%s", want)
		}
	}
}

// squeeze trims the indentation of QDF's lines.
func squeeze(doc string) string {
	return regexp.MustCompile(`(?m)^[ \t]+`).ReplaceAllString(doc, "")
}

// TestInkConversion checks the print inks of the palette: text in solid black or a tint of
// black, white as no ink, the brand colour in process inks and greys in black alone.
func TestInkConversion(t *testing.T) {
	brand := brandColor("#1F4E79")
	for _, tt := range []struct {
		name      string
		got, want cmyk
	}{
		{"body text", textInk(textColor), cmyk{k: 1}},
		{"muted text", textInk(mutedColor), cmyk{k: 0.55}},
		{"brand text", textInk(brand), cmyk{k: 1}},
		{"white text", textInk(white), cmyk{}},
		{"brand fill", processInk(brand), cmyk{0.74, 0.36, 0, 0.53}},
		{"rule", processInk(ruleColor), cmyk{k: 0.3}},
		{"brand tint", processInk(tint(brand, 0.9)), cmyk{0.04, 0.02, 0, 0.05}},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
}

// TestBrochureLogoPPI checks the printed resolution of logos in their boxes.
func TestBrochureLogoPPI(t *testing.T) {
	for _, tt := range []struct {
		w, h    int
		project bool
		paper   string
		want    float64
	}{ // the planner may set a booklet at up to 1.2 times its type scale
		{400, 120, false, "letter", 200}, // 144 × 43.2 pt: the width limits it
		{800, 240, false, "a4", 400},
		{800, 240, false, "a5", 800 / (144 * 0.85 / 72)}, // A5 sets everything at 0.85
		{300, 300, false, "letter", 450},                 // 48 × 48 pt: the height limits it
		{256, 256, true, "letter", 256 / (logoSide * 1.2 / 72)},
		{0, 10, true, "letter", 0},
	} {
		if got := BrochureLogoPPI(tt.w, tt.h, tt.project, tt.paper); got < tt.want-0.01 || got > tt.want+0.01 {
			t.Errorf("BrochureLogoPPI(%d, %d, %v, %s) = %.2f, want %.2f", tt.w, tt.h, tt.project, tt.paper, got, tt.want)
		}
	}
}

// TestBrochureFitsTheEvent renders a brochure for Kraków: amounts and dates in the brochure's
// locale, estimates in their own currency, and the donation's tax status in the sponsor's words
// (or, without them, no tax claim).
func TestBrochureFitsTheEvent(t *testing.T) {
	for _, tt := range []struct {
		locale, status string
		want, not      []string
	}{
		{"pl", "a 501(c)(3) public charity in the United States: gifts are tax-deductible there, not in Poland",
			[]string{"from 180 000 €", "14 May 2026", "7 July 2026", "NumFOCUS is a 501(c)(3) public charity in the United States: gifts are tax-deductible there, not in Poland."},
			[]string{"$", "May 14", "Tax-deductible in the US"}},
		{"en-001", "",
			[]string{"from €180,000", "14 May 2026", "Ask NumFOCUS whether a gift is tax-deductible where you pay tax."},
			[]string{"$", "tax-deductible in the US", "Tax-deductible in the US"}},
	} {
		t.Run(tt.locale, func(t *testing.T) {
			d := testBrochure(true, "x")
			d.Brochure.Event, d.Locale, d.Paper = "EuroSciPy 2026, Kraków", tt.locale, "a4"
			d.Projects[0].Items[0].Estimate.Currency = "EUR"
			d.Contractor.FiscalSponsor.TaxStatus = tt.status
			path, _ := writeBrochure(t, d)
			raw, err := pdftest.Tool(t, "pdftotext", "-raw", path, "-") // in drawing order: box by box
			if err != nil {
				t.Fatal(err)
			}
			text := strings.ReplaceAll(strings.Join(strings.Fields(string(raw)), " "), "tax- deductible", "tax-deductible")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the brochure does not say %q:\n%s", w, text)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("the brochure says %q", n)
				}
			}
		})
	}
}
