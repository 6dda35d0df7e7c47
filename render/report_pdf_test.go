package render_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/golden"
	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/render"
)

// reportPDFs renders the samples' reports once for the tests of this file.
func reportPDFs(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	mustRender(t, "../samples", out, func(o *render.Options) { o.Only = []string{render.KindReports} })
	return out
}

// TestReportPDFsOfSamples checks the text of sample reports' PDF editions and of the final
// report, that each is a valid PDF with its fingerprint on every page, and that its pull
// requests are links.
func TestReportPDFsOfSamples(t *testing.T) {
	out := reportPDFs(t)
	pdfs, _ := filepath.Glob(filepath.Join(out, "reports", "*.pdf"))
	xlsx, _ := filepath.Glob(filepath.Join(out, "reports", "*.xlsx"))
	if len(pdfs) != len(xlsx)+1 {
		t.Errorf("%d PDF reports for %d workbooks, want one beside each and the final report", len(pdfs), len(xlsx))
	}
	links := map[string][]string{
		"CWO-2026-004-2026-11": {"https://github.com/jupyterlab/jupyterlab/pull/18533", "https://github.com/jupyter/accessibility/pull/171"},
		"CWO-2026-003-2026-Q4": {"https://github.com/scipy/scipy/pull/24944"},
		"CWO-2026-001-2026-Q3": {"https://github.com/numpy/numpy/pull/30733"},
		"CWO-2026-001-final":   {"https://github.com/numpy/numpy/pull/30412", "https://github.com/numpy/numpy/pull/30733"},
	}
	for name, urls := range links {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(out, "reports", name+".pdf")
			pdftest.QPDFCheck(t, path)
			pdftest.PDFCPUValidate(t, path)
			text := pdftest.Text(t, path)
			golden.Check(t, name, text)
			checkFingerprintOnEveryPage(t, path, text)
			checkLinks(t, path, urls)
		})
	}
}

// checkFingerprintOnEveryPage finds the fingerprint in the document's keywords and its first
// 12 digits in the footer of every page.
func checkFingerprintOnEveryPage(t *testing.T, path, text string) {
	t.Helper()
	info, err := pdftest.Tool(t, "pdfinfo", path)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`fingerprint ([0-9a-f]{64})`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("no fingerprint in the keywords:\n%s", info)
	}
	pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	for i, p := range pages {
		want := fmt.Sprintf("page %d of %d · fingerprint %s", i+1, len(pages), m[1][:12])
		if !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
}

// checkLinks checks that each URL is a link annotation of the document.
func checkLinks(t *testing.T, path string, urls []string) {
	t.Helper()
	qdf, err := pdftest.Tool(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range urls {
		if !bytes.Contains(qdf, []byte("/URI ("+u+")")) {
			t.Errorf("no link to %s", u)
		}
	}
}

// TestFinalReportOnlyOnceDue renders an active order's final report only when the report date
// is after its term, and says what the final report holds.
func TestFinalReportOnlyOnceDue(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	notes := "summary: The **SIMD** work landed.\nitems:\n  release:\n    status: deferred\n    outcome: Moved to the next order.\n" +
		"lessons: [Ask the maintainers first.]\nnext: [Renew for 2028.]\n"
	if err := os.WriteFile(filepath.Join(dir, "progress", "O-1", "final.yaml"), []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	final := func(asOf string) string {
		out := t.TempDir()
		mustRender(t, dir, out, func(o *render.Options) { o.Only = []string{render.KindReports}; o.AsOf = cwo.MustDate(asOf) })
		path := filepath.Join(out, "reports", "O-1-final.pdf")
		if _, err := os.Stat(path); err != nil {
			return ""
		}
		return pdftest.Text(t, path)
	}
	if text := final("2027-09-30"); text != "" {
		t.Errorf("a final report on the term's last day")
	}
	text := strings.Join(strings.Fields(final("2027-10-01")), " ")
	for _, want := range []string{"FINAL REPORT", "the whole term, October 1, 2026 to September 30, 2027", "The SIMD work landed.",
		"Moved to the next order.", "Deferred", "the project’s maintainers decide what lands", "numpy/numpy#27001", "Merged",
		"numpy/numpy#27002", "In review", "Lessons learned", "Ask the maintainers first.", "Next steps", "Renew for 2028.",
		"O-1 · final report"} {
		if !strings.Contains(text, want) {
			t.Errorf("the final report lacks %q:\n%s", want, text)
		}
	}
	if err := os.Remove(filepath.Join(dir, "progress", "O-1", "final.yaml")); err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(final("2027-10-01")), " ")
	if want := "Please note • No closing notes were written (progress/O-1/final.yaml)"; !strings.Contains(text, want) {
		t.Errorf("a final report without final.yaml lacks %q:\n%s", want, text)
	}
}

// TestReportPDFShowsFlags renders the report of an order only sent, whose hours were logged with
// neither notes nor pull requests, and finds both caveats in the Please note box, before the
// money, and data text that looks like Markdown drawn as written.
func TestReportPDFShowsFlags(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	editFile(t, dir, "orders/O-1.yaml", "status: active", "status: sent")
	editFile(t, dir, "orders/O-1.yaml", "title: Faster NumPy", "title: \"Faster *NumPy* | [arrays](x)\"")
	editFile(t, dir, "timesheets/q4.csv", "Release notes\n", "Release notes\n2026-10-05,O-1,Priya Raman,,1.5,Planning\n")
	if err := os.Remove(filepath.Join(dir, "progress", "O-1", "2026-Q4.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "progress", "O-1", "contributions.json")); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	mustRender(t, dir, out, func(o *render.Options) { o.Only = []string{render.KindReports} })
	text := strings.Join(strings.Fields(pdftest.Text(t, filepath.Join(out, "reports", "O-1-2026-Q4.pdf"))), " ")
	note := strings.Index(text, "Please note")
	money := strings.Index(text, "Money")
	if note < 0 || money < note {
		t.Fatalf("no Please note box before the money:\n%s", text)
	}
	for _, want := range []string{"This order has been sent but not signed", "but the period has no progress notes and no pull requests",
		"Faster *NumPy* | [arrays](x)", "(no item) 1.5 1.5", "Total 10.0 10.0 600.0", "No progress notes were written for this period."} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
}

// TestReportPDFFirstPages finds on the first page of the sample reports what the funder's money
// bought: the issue date, the money, the items that moved, the merged pull requests, a risk; on
// the final report's, the payment status and what was delivered; and the schedule's billed
// estimates and the hours without an item explained.
func TestReportPDFFirstPages(t *testing.T) {
	out := reportPDFs(t)
	tests := map[string][]string{
		"CWO-2026-003-2026-Q4": {"issued 20 November 2026", "The period is not over: its figures run to 2026-11-20", "At a glance", "Remaining of the budget €150,000.00 €96,750.00",
			"Work items that moved:", "Complete the move to sparse arrays (in review, 35%, 36.5 h)",
			"Pull requests merged in the period: 3 (scipy/scipy#24790, scipy/scipy#24812, scipy/scipy#24944).", "Risk:", "Next:",
			"Hours of 2026-Q3 (estimate 1 October 2026 €33,975.00 1 October 2026 28 October 2026 €33,750.00)", "Hours of 2026-Q4 (estimate) 4 January 2027 €37,500.00"},
		"CWO-2026-004-2026-11": {"issued November 20, 2026", "The period is not over", "Pull requests merged in the period: 1 (jupyterlab/jupyterlab#18533)."},
		"CWO-2026-001-final": {"issued September 30, 2026", "Price (budget) $96,000.00", "Outstanding (invoiced, not yet paid) $32,000.00",
			"Payment status: $32,000.00 invoiced and not yet paid on September 30, 2026.",
			"Universal SIMD for all ufuncs: Partly delivered", "Arm64 benchmarks in continuous integration: Delivered"},
	}
	for name, wants := range tests {
		text := pdftest.Text(t, filepath.Join(out, "reports", name+".pdf"))
		first := strings.Join(strings.Fields(strings.Split(text, "\f")[0]), " ")
		for _, want := range wants {
			if !strings.Contains(first, want) {
				t.Errorf("%s: page 1 lacks %q:\n%s", name, want, first)
			}
		}
	}
	for _, page := range strings.Split(pdftest.Text(t, filepath.Join(out, "reports", "CWO-2026-001-final.pdf")), "\f") {
		if strings.Contains(page, "Contributions and their outcomes") && !strings.Contains(page, "numpy/numpy#30412") {
			t.Errorf("the final report's contributions heading is not on the page of the table's first row:\n%s", page)
		}
	}
	text := strings.Join(strings.Fields(pdftest.Text(t, filepath.Join(out, "reports", "CWO-2026-003-2026-Q4.pdf"))), " ")
	for _, want := range []string{"The schedule’s amounts total €142,725.00", "the budget’s cap is €150,000.00", "(no item), this period:"} {
		if !strings.Contains(text, want) {
			t.Errorf("CWO-2026-003-2026-Q4 lacks %q:\n%s", want, text)
		}
	}
}
