package xlsx_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	loader "github.com/cwo-tool/cwo/workspace"
)

// TestFlags checks that a report's flags show on the Summary, under the title, before the money.
func TestFlags(t *testing.T) {
	sent := strings.Replace(mustRead(baseWorkspace+"/orders/O-1.yaml"), "status: active", "status: sent", 1)
	files := map[string]string{"orders/O-1.yaml": sent, "progress/O-1/2026-Q4.yaml": "summary: \"\"\n"}
	r := report(t, workspace(t, files), cwo.DefaultSettings(), "O-1", "2026-Q4")
	if len(r.Flags) == 0 {
		t.Fatal("the report of an unsigned order has no flags")
	}
	all := cells(t, open(t, render(t, r)))
	money := cellWith(t, all, "Summary", "Money")
	for _, f := range r.Flags {
		c := cellWith(t, all, "Summary", "⚠ "+f)
		if !strings.HasPrefix(c.Ref, "A") || row(c.Ref) >= row(money.Ref) {
			t.Errorf("flag %q is at %s, want it in column A above the money (row %d)", f, c.Ref, row(money.Ref))
		}
	}
}

// TestNoItem checks that hours without a scope item are "(no item)" on every sheet.
func TestNoItem(t *testing.T) {
	all := cells(t, open(t, render(t, report(t, workspace(t, richFiles), cwo.DefaultSettings(), "O-1", "2027-Q1"))))
	for _, sheet := range []string{"Summary", "Work items", "Timesheet"} {
		cellWith(t, all, sheet, cwo.NoItemTitle)
	}
	if c := cellBeside(t, all, "Timesheet", "E", "Team call", "C"); c.Raw != cwo.NoItemTitle {
		t.Errorf("the Timesheet names the item of a row without one %q, want %q", c.Raw, cwo.NoItemTitle)
	}
	if c := find(t, all, "Work items", cwo.NoItemTitle, "F"); c.Raw != "1.5" {
		t.Errorf("Work items (no item) hours this period = %q, want 1.5", c.Raw)
	}
}

// TestNarrativeRichText checks that the narrative's Markdown becomes formatted runs, with no
// Markdown markup left in the text.
func TestNarrativeRichText(t *testing.T) {
	notes := "summary: |\n  Shipped **dispatch** with `np.exp`, see [the PR](https://github.com/numpy/numpy/pull/27001).\n\n" +
		"  1. First\n  2. Second\nhighlights: [\"*Fast* now\"]\n"
	all := cells(t, open(t, render(t, report(t, workspace(t, map[string]string{"progress/O-1/2026-Q4.yaml": notes}), cwo.DefaultSettings(), "O-1", "2026-Q4"))))
	tests := []struct {
		text string
		runs []string
	}{
		{"Shipped dispatch with np.exp, see the PR (https://github.com/numpy/numpy/pull/27001).",
			[]string{`["dispatch"|b]`, `["np.exp"|mono]`, `["the PR"|u,0563C1]`, `[" (https://github.com/numpy/numpy/pull/27001)"|595959]`}},
		{"1. First\n2. Second", nil},
		{"• Fast now", []string{`["Fast"|i]`}},
	}
	for _, tt := range tests {
		c := cellWith(t, all, "Summary", tt.text)
		for _, r := range tt.runs {
			if !strings.Contains(c.Rich, r) {
				t.Errorf("Summary!%s runs = %s, want %s among them", c.Ref, c.Rich, r)
			}
		}
	}
	for _, c := range all {
		if c.Sheet == "Summary" && (strings.Contains(c.Raw, "**") || strings.Contains(c.Raw, "`") || strings.Contains(c.Raw, "](")) {
			t.Errorf("Summary!%s shows Markdown markup: %q", c.Ref, c.Raw)
		}
	}
}

// TestPullRequestLinks checks the Summary's pull requests: owner/repo#N, a hyperlink to the page.
func TestPullRequestLinks(t *testing.T) {
	all := cells(t, open(t, render(t, report(t, workspace(t, richFiles), cwo.DefaultSettings(), "O-1", "2027-Q1"))))
	for _, n := range []string{"27003", "27004"} {
		c := cellWith(t, all, "Summary", "numpy/numpy#"+n)
		if want := "https://github.com/numpy/numpy/pull/" + n; c.Link != want {
			t.Errorf("Summary!%s %q links to %q, want %q", c.Ref, c.Raw, c.Link, want)
		}
	}
}

// TestPrintSetup checks how each sheet prints: the order's paper, landscape only where a sheet
// is wide, fitted to the width only, and a header and footer naming the order, the period and
// the page.
func TestPrintSetup(t *testing.T) {
	a4 := cwo.DefaultSettings()
	a4.Paper = cwo.PaperA4
	for _, tt := range []struct {
		name     string
		settings cwo.Settings
		paper    int
	}{{"letter", cwo.DefaultSettings(), 1}, {"a4", a4, 9}} {
		t.Run(tt.name, func(t *testing.T) {
			f := open(t, render(t, report(t, workspace(t, nil), tt.settings, "O-1", "2026-Q4")))
			for sheet, orient := range map[string]string{"Summary": "portrait", "Work items": "landscape", "Timesheet": "portrait"} {
				page, err := f.GetPageLayout(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if deref(page.Size) != tt.paper || deref(page.Orientation) != orient || deref(page.FitToWidth) != 1 || deref(page.FitToHeight) != 0 {
					t.Errorf("%s prints on paper %d %s, %d wide × %d tall; want paper %d %s, 1 wide × 0 (any) tall", sheet, deref(page.Size),
						deref(page.Orientation), deref(page.FitToWidth), deref(page.FitToHeight), tt.paper, orient)
				}
				hf, err := f.GetHeaderFooter(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(hf.OddHeader, "O-1 · Faster NumPy · progress report 2026-Q4") || !strings.Contains(hf.OddFooter, "Page &P of &N") {
					t.Errorf("%s header %q footer %q; want the order, the period and the page number", sheet, hf.OddHeader, hf.OddFooter)
				}
			}
		})
	}
}

// cellWith returns the first cell of a sheet whose text is text.
func cellWith(t *testing.T, all []cellInfo, sheet, text string) cellInfo {
	t.Helper()
	for _, c := range all {
		if c.Sheet == sheet && c.Raw == text {
			return c
		}
	}
	t.Fatalf("%s has no cell %q", sheet, text)
	return cellInfo{}
}

// row returns the row number of a reference such as "A12".
func row(ref string) int {
	n := 0
	for _, c := range ref {
		if c >= '0' && c <= '9' {
			n = n*10 + int(c-'0')
		}
	}
	return n
}

// TestHeadingsKeptWithContent renders every sample report and checks that no page of the
// Summary ends with a section heading or a label of the progress notes: each starts the next
// page instead, with what follows it.
func TestHeadingsKeptWithContent(t *testing.T) {
	ws, diags := loader.Load("../../samples", cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	headings := map[string]bool{"Money": true, "Payment schedule": true, "Work items that moved": true, "Pull requests": true,
		"Progress notes": true, "Charts": true, "About the order": true, "Summary": true, "Highlights": true, "Risks": true, "Next steps": true}
	breaks := 0
	for _, o := range ws.Orders {
		for _, p := range ws.ReportPeriods(o) {
			data := render(t, ws.NewReport(o, p))
			_, content := parts(t, data)
			all := cells(t, open(t, data))
			for _, m := range rowBreak.FindAllStringSubmatch(content["xl/worksheets/sheet1.xml"], -1) {
				breaks++
				for _, c := range all {
					if c.Sheet == "Summary" && c.Ref == "A"+m[1] && headings[c.Raw] {
						t.Errorf("%s %s: the Summary's page ends with the heading %q (row %s)", o.ID, p, c.Raw, m[1])
					}
				}
			}
		}
	}
	if breaks == 0 {
		t.Error("no Summary of the samples has a page break; the test checks nothing")
	}
}
