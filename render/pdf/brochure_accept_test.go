package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/pdftest"
)

// Summaries of the generated projects' items: prose, bullets, a numbered list, a table.
var nineSummaries = []string{
	"Faster **kernels** on every CPU, measured on Arm and x86.\n\n- port the math functions;\n- benchmark on Arm and x86;\n- keep the accuracy bounds.",
	"What remains, in order:\n\n1. audit the global state in the C code;\n2. run the test suite in parallel threads;\n3. document what users can share between threads.",
	"The protocols this item finishes:\n\n| Protocol | NEP | Status |\n| --- | --- | --- |\n| Buffer | 49 | draft |\n| Array API | 56 | accepted |",
	"A plain paragraph about documentation that runs over a few lines so that the card has some body to it, " +
		"with tutorials, how-to guides and an explanation of the design written with the maintainers.",
	"A wide table:\n\n| Deliverable | Owner | Review | Estimated completion |\n| --- | --- | --- | --- |\n" +
		"| The extensible data type registry and its documentation | the maintainers' working group | two core reviewers | the third quarter of next year |",
}

// logoPNG is a small square logo in one colour.
func logoPNG(t *testing.T, i int) *Image {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 96, 96))
	for y := range 96 {
		for x := range 96 {
			img.Set(x, y, color.RGBA{uint8(40 * i), 90, 160, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	logo, err := NewImage(fmt.Sprintf("logo%d.png", i), buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return logo
}

// nineProjects is a brochure of 9 generated projects: long taglines and short, logos and none,
// tables and numbered lists in the summaries.
func nineProjects(t *testing.T, print bool, layout, paper string) *BrochureDoc {
	d := testBrochure(print, "x")
	d.Brochure.Layout, d.Paper = layout, paper
	d.Contractor.Website = "https://lattice.example.org"
	d.Projects = nil
	for i := range 9 {
		tagline := fmt.Sprintf("Project %d's short tagline", i+1)
		if i%3 == 0 {
			tagline = fmt.Sprintf("Project %d: a long tagline that keeps going to describe, in more words than a card's line holds, what the project does for its many users", i+1)
		}
		p := &cwo.Project{ID: fmt.Sprintf("p%d", i+1), Name: fmt.Sprintf("Project%d", i+1), Tagline: tagline,
			License: "BSD-3-Clause", Repository: fmt.Sprintf("https://github.com/example/project%d", i+1),
			Roadmap: cwo.Roadmap{URL: fmt.Sprintf("https://project%d.example.org/roadmap/", i+1), Reviewed: cwo.MustDate("2026-05-14")}}
		if i%2 == 1 {
			p.Homepage = fmt.Sprintf("https://project%d.example.org/", i+1)
			p.Maintainers = []cwo.Person{{Name: "Ada Example"}, {Name: "Tomás Ferreira"}}
		}
		bp := BrochureProject{Project: p}
		for j := range 2 {
			bp.Items = append(bp.Items, cwo.RoadmapItem{ID: fmt.Sprintf("i%d", j), Title: fmt.Sprintf("Item %d of project %d", j+1, i+1),
				Summary: nineSummaries[(i+j)%len(nineSummaries)], Priority: j + 1,
				Estimate: &cwo.Estimate{Amount: cwo.MustDecimal("90000"), Months: 6}})
		}
		if i%2 == 0 {
			bp.Logo = logoPNG(t, i)
		}
		d.Projects = append(d.Projects, bp)
	}
	return d
}

// want lists what every page of d's brochure must show.
func want(d *BrochureDoc) pdftest.BrochureWant {
	w := pdftest.BrochureWant{Contact: d.Brochure.Contact.Email}
	for _, p := range d.Projects {
		w.Texts = append(w.Texts, p.Project.Tagline)
		w.RoadmapURLs = append(w.RoadmapURLs, p.Project.Roadmap.URL)
	}
	return w
}

func TestBrochureNineProjectsBooklet(t *testing.T) {
	for _, paper := range []string{"letter", "a4", "a5"} {
		t.Run(paper, func(t *testing.T) {
			d := nineProjects(t, true, "", paper)
			path, notes := writeBrochure(t, d)
			pdftest.QPDFCheck(t, path)
			w := want(d)
			w.PageMultiple = 4
			pdftest.CheckBrochure(t, path, w)
			for _, n := range notes {
				t.Errorf("note: %s", n)
			}
		})
	}
}

func TestBrochureOneProjectBooklet(t *testing.T) {
	d := testBrochure(true, "Faster **ufuncs** on every CPU.")
	path, _ := writeBrochure(t, d)
	w := want(d)
	w.PageMultiple = 4
	pdftest.CheckBrochure(t, path, w)
}

func TestBrochureFlyers(t *testing.T) {
	for _, tc := range []struct {
		paper string
		print bool
		pages int
	}{{"a5", false, 9}, {"letter", true, 6}} {
		t.Run(fmt.Sprint(tc.paper, tc.print), func(t *testing.T) {
			d := nineProjects(t, tc.print, cwo.BrochureFlyer, tc.paper)
			if tc.print { // each flyer a sheet: front and back
				d.Projects = d.Projects[:3]
			}
			path, _ := writeBrochure(t, d)
			pdftest.QPDFCheck(t, path)
			w := want(d)
			w.Pages = tc.pages
			pdftest.CheckBrochure(t, path, w)
		})
	}
}

// TestBrochureCardMarkdown: numbered lists keep their numbers, tables their cells, and no
// Markdown table syntax reaches the page.
func TestBrochureCardMarkdown(t *testing.T) {
	d := nineProjects(t, false, "", "letter")
	path, _ := writeBrochure(t, d)
	text := strings.Join(strings.Fields(pdftest.Text(t, path)), " ")
	for _, want := range []string{"1. audit the global state", "2. run the test suite", "3. document what users",
		"Protocol NEP Status", "Buffer 49 draft", "Owner: the maintainers"} {
		if !strings.Contains(text, want) {
			t.Errorf("the cards lack %q", want)
		}
	}
	if strings.Contains(text, "| Protocol") || strings.Contains(text, "• audit") {
		t.Errorf("a card shows Markdown table syntax or a numbered list as bullets")
	}
}

func TestVCard(t *testing.T) {
	got := vCard(cwo.Person{Name: "Ada Lovelace", Title: "Partner; sales", Email: "ada@example.org", Phone: "+1 555"}, "Example, Labs", "https://example.org")
	wantCard := "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lovelace;Ada;;;\r\nFN:Ada Lovelace\r\nORG:Example\\, Labs\r\nTITLE:Partner\\; sales\r\n" +
		"EMAIL;TYPE=INTERNET:ada@example.org\r\nTEL;TYPE=WORK,VOICE:+1 555\r\nURL:https://example.org\r\nEND:VCARD\r\n"
	if got != wantCard {
		t.Errorf("vCard =\n%q\nwant\n%q", got, wantCard)
	}
	if v := vCard(cwo.Person{Name: "Nobody"}, "Org", ""); v != "" {
		t.Errorf("vCard without e-mail or phone = %q, want none", v)
	}
}

// TestBrochureNoProjects: a brochure whose projects were all left out (stale roadmaps) still
// renders, as a booklet and as flyers.
func TestBrochureNoProjects(t *testing.T) {
	for _, layout := range []string{cwo.BrochureBooklet, cwo.BrochureFlyer} {
		d := testBrochure(true, "x")
		d.Brochure.Layout, d.Projects = layout, nil
		path, _ := writeBrochure(t, d)
		pdftest.QPDFCheck(t, path)
	}
}
