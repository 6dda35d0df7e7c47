package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	agreementdata "github.com/cwo-tool/cwo/agreement"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/markdown"
	"github.com/cwo-tool/cwo/templates"
	"github.com/cwo-tool/cwo/workspace"
)

// TestAgreementPagination renders every sample agreement, and a long one (many scope items, a
// long payment schedule, a large team), on Letter and A4, and checks their page breaks from
// the text's positions: no page but the last less than a third full, no heading at the foot of
// a page, no single line of a paragraph alone at the foot or head of a page, no trailer
// ("Planned effort") opening a page, tables with two body rows at least on each page and never
// a total alone, and the signatures on a page with clause text.
func TestAgreementPagination(t *testing.T) {
	dir := longWorkspace(t)
	docs := workspaceAgreements(t, dir)
	if len(docs) != 8 {
		t.Fatalf("%d agreements, want the 7 samples and the long one", len(docs))
	}
	for _, paper := range []string{"letter", "a4"} {
		for _, d := range docs {
			t.Run(paper+"/"+d.Order.ID, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Agreement(&buf, d, Options{Paper: paper}); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(t.TempDir(), d.Order.ID+".pdf")
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				n := checkPagination(t, path, d.Body, d.Order.Status)
				if d.Order.ID == longOrder && n < 8 {
					t.Errorf("the long agreement has %d pages, want at least 8 to test its breaks", n)
				}
			})
		}
	}
}

// workspaceAgreements loads the workspace in dir and returns the agreement of each of its
// orders, as the pipeline makes them.
func workspaceAgreements(t *testing.T, dir string) []*AgreementDoc {
	t.Helper()
	s, err := config.Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws, diags := workspace.Load(dir, s)
	if diags.HasErrors() {
		t.Fatalf("load %s: %v", dir, diags)
	}
	set, err := templates.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*AgreementDoc
	for _, o := range ws.Orders {
		data := agreementdata.NewData(ws, o)
		body, err := set.Execute(templates.Agreement, data, templates.Formats{Currency: data.Currency, Locale: data.Locale})
		if err != nil {
			t.Fatalf("order %s: %v", o.ID, err)
		}
		docs = append(docs, &AgreementDoc{Order: o, Funder: data.Funder, Contractor: data.Contractor, Project: data.Project,
			Body: body, Fingerprint: strings.Repeat("0123456789abcdef", 4)})
	}
	return docs
}

// longOrder is the ID of the long order longWorkspace adds.
const longOrder = "CWO-2026-099"

// longWorkspace copies the samples and adds a long order: 24 scope items with texts of
// every length, a team of 9 and 36 monthly payments.
func longWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../samples")); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "title: A long order to test page breaks\nfunder: lindenhof\nproject: scipy\nstatus: active\nversion: 1\n"+
		"issued: 2026-05-20\nstart: 2026-06-01\nend: 2029-05-31\ncurrency: EUR\nbudget: {type: fixed, amount: 360000}\npayments:\n")
	for i := range 36 {
		fmt.Fprintf(&b, "  - {due: %04d-%02d-28, amount: 10000, label: Monthly payment %d of 36}\n", 2026+(i+5)/12, (i+5)%12+1, i+1)
	}
	b.WriteString("scope:\n")
	sentence := "The Contractor works on this part of the project in the open, with the maintainers' review. "
	for i := range 24 {
		fmt.Fprintf(&b, "  - id: part-%d\n    title: Part %d of the work on the project\n    description: |\n      %s\n    hours: %d\n",
			i, i, strings.Repeat(sentence, i*7%11), 10+i*3)
	}
	b.WriteString("team:\n")
	for i := range 9 {
		fmt.Fprintf(&b, "  - {name: Developer %d, role: Developer, github: dev-%d-example}\n", i, i)
	}
	b.WriteString("reporting: {cadence: monthly}\nclauses:\n")
	for i := range 3 {
		fmt.Fprintf(&b, "  - >-\n    %s\n", strings.Repeat(fmt.Sprintf("Additional clause %d applies. ", i), 12+i*9))
	}
	if err := os.WriteFile(filepath.Join(dir, "orders", longOrder+".yaml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// bodyPitch is the distance between the lines of a paragraph, in points.
const bodyPitch = bodySize * bodyLeading

// headingBoxGT is between the heights of the line boxes of body text and of the smallest
// heading, from Noto Serif's ascent and descent (1.069 and 0.293 em).
var headingBoxGT = (bodySize + headingSizes[2]) / 2 * 1.362

// checkPagination checks the page breaks of the agreement at path, whose text is body and
// whose order has status, and returns its number of pages.
func checkPagination(t *testing.T, path, body, status string) int {
	t.Helper()
	pages := agreementPages(t, path)
	texts := blockTexts(body)
	headings := 0
	for i, p := range pages {
		if len(p.Lines) == 0 {
			t.Fatalf("page %d has no text", i+1)
		}
		last := p.Lines[len(p.Lines)-1]
		for _, l := range p.Lines {
			if l.YMax-l.YMin > headingBoxGT {
				headings++
			}
		}
		if strings.HasPrefix(p.Lines[0].Text, "Planned effort:") {
			t.Errorf("page %d opens with %q", i+1, p.Lines[0].Text)
		}
		if i == len(pages)-1 {
			break
		}
		full := (last.YMax - marginTop) / (p.Height - marginBottom - marginTop)
		if full < 1.0/3 {
			t.Errorf("page %d is %.0f%% full, ending with %q", i+1, 100*full, last.Text)
		}
		if last.YMax-last.YMin > headingBoxGT {
			t.Errorf("page %d ends with the heading %q", i+1, last.Text)
		}
		checkSplit(t, i, bottomGroup(p.Lines), topGroup(pages[i+1].Lines), texts)
	}
	if want := strings.Count("\n"+body, "\n## ") + strings.Count("\n"+body, "\n### "); headings < want {
		t.Errorf("found %d heading lines, want at least the text's %d: headings are not told apart", headings, want)
	}
	checkTables(t, pages, body)
	checkSignatures(t, pages, status)
	return len(pages)
}

// agreementPages returns the lines of every page between the running head and the footer.
func agreementPages(t *testing.T, path string) []pdftest.Page {
	t.Helper()
	pages := pdftest.Lines(t, path)
	for i, p := range pages {
		var body []pdftest.Line
		for _, l := range p.Lines {
			if l.YMax > marginTop-8 && l.YMin < p.Height-marginBottom {
				body = append(body, l)
			}
		}
		pages[i].Lines = body
	}
	return pages
}

// bottomGroup returns the lines at the foot of a page set one body line apart: the lines of
// the paragraph that ends the page. topGroup is the same at the head of a page.
func bottomGroup(lines []pdftest.Line) []pdftest.Line {
	i := len(lines) - 1
	for i > 0 && near(lines[i].YMax-lines[i-1].YMax, bodyPitch) {
		i--
	}
	return lines[i:]
}

func topGroup(lines []pdftest.Line) []pdftest.Line {
	i := 1
	for i < len(lines) && near(lines[i].YMax-lines[i-1].YMax, bodyPitch) {
		i++
	}
	return lines[:i]
}

func near(a, b float64) bool { return a-b < 0.6 && b-a < 0.6 }

// checkSplit checks the break after page i: when the paragraph at its foot goes on at the head
// of the next page, at least two of its lines are on each.
func checkSplit(t *testing.T, i int, bottom, top []pdftest.Line, texts []string) {
	t.Helper()
	joined := flat(bottom[len(bottom)-1].Text) + flat(top[0].Text)
	for _, p := range texts {
		if !strings.Contains(p, joined) {
			continue
		}
		if len(bottom) < 2 || len(top) < 2 {
			t.Errorf("page %d: a paragraph breaks with %d line(s) before and %d after: %q / %q",
				i+1, len(bottom), len(top), bottom[len(bottom)-1].Text, top[0].Text)
		}
		return
	}
}

// flat removes a list marker and all spaces from s.
func flat(s string) string {
	s = regexp.MustCompile(`^(•|–|◦|\d+\.)\s+`).ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), "")
}

// blockTexts returns the text of every paragraph of body, spaces removed.
func blockTexts(body string) []string {
	var texts []string
	var walk func([]markdown.Block)
	walk = func(bs []markdown.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *markdown.Paragraph:
				texts = append(texts, flat(markdown.InlineText(b.Inlines)))
			case *markdown.List:
				for _, it := range b.Items {
					walk(it.Blocks)
				}
			case *markdown.Quote:
				walk(b.Blocks)
			}
		}
	}
	walk(markdown.Parse([]byte(body)).Blocks)
	return texts
}

// checkTables checks every page a table of body is on: at least two body rows (all of them
// when it has fewer), and the total row never without them.
func checkTables(t *testing.T, pages []pdftest.Page, body string) {
	t.Helper()
	for _, b := range markdown.Parse([]byte(body)).Blocks {
		tb, ok := b.(*markdown.Table)
		if !ok || len(tb.Rows) == 0 {
			continue
		}
		rows := map[string]bool{} // body row texts, true for the total
		for i, r := range tb.Rows {
			rows[rowText(r)] = i == len(tb.Rows)-1 && strings.Contains(rowText(r), "Total")
		}
		bodyRows := len(tb.Rows)
		if rows[rowText(tb.Rows[bodyRows-1])] {
			bodyRows--
		}
		head := rowText(tb.Header)
		for i, p := range pages {
			n, total, header := 0, 0, false
			for _, l := range p.Lines {
				isTotal, ok := rows[flat(l.Text)]
				switch {
				case flat(l.Text) == head:
					header = true
				case ok && isTotal:
					total++
				case ok:
					n++
				}
			}
			if n+total > 0 && (n < min(2, bodyRows) || !header) {
				t.Errorf("page %d holds %d body row(s), %d total and the header (%v) of the table %q", i+1, n, total, header, head)
			}
		}
	}
}

// rowText is a table row's text as checkTables compares it.
func rowText(cells []markdown.Cell) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(markdown.InlineText(c.Inlines))
	}
	return flat(b.String())
}

// checkSignatures checks that the closing section comes last, on a page with clause text above
// it: the signatures, or the statement of a draft or cancelled order, which has no blocks.
func checkSignatures(t *testing.T, pages []pdftest.Page, status string) {
	t.Helper()
	last := pages[len(pages)-1].Lines
	heading := signingHeading(status)
	for i, l := range last {
		if l.Text != heading {
			continue
		}
		if i < 2 {
			t.Errorf("the %q section opens the last page with %d line(s) of clause text above them", heading, i)
		}
		blocks := strings.Contains(strings.Join(linesText(last[i:]), "\n"), "FOR THE CONTRACTOR")
		if blocks != Signable(status) {
			t.Errorf("%s order: signature blocks under %q: %v, want %v", status, heading, blocks, Signable(status))
		}
		return
	}
	t.Errorf("no %q heading on the last page: %q", heading, linesText(last))
}

func linesText(lines []pdftest.Line) []string {
	var s []string
	for _, l := range lines {
		s = append(s, l.Text)
	}
	return s
}
