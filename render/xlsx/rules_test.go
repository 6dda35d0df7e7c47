package xlsx_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// TestFormulaInjection checks that text from the data is always a string cell: formula-like
// notes, names, titles and narrative show literally, and the only formulas are the workbook's
// own arithmetic.
func TestFormulaInjection(t *testing.T) {
	data := render(t, report(t, workspace(t, hostileFiles), cwo.DefaultSettings(), "O-1", "2026-Q4"))
	all := cells(t, open(t, data))
	want := []struct{ sheet, text string }{ // exact text and the sheet it must show on
		{"Timesheet", `=cmd|' /C calc'!A0`}, {"Timesheet", "@SUM(1)"}, {"Timesheet", evilNote},
		{"Timesheet", "+SUM(A1:A2)"}, {"Timesheet", "-2+3"}, {"Timesheet", `@HYPERLINK("http://evil.example")`},
		{"Contributions", evilTitle}, {"Contributions", "+Plus title"}, {"Work items", "=NOW()"},
		{"Summary", evilTitle}, {"Summary", "• +1"}, {"Summary", "• -1"}, {"Summary", "• @x"}, {"Summary", "• =2*3"},
	}
	for _, c := range all {
		if c.Formula != "" && !formulaRe.MatchString(c.Formula) {
			t.Errorf("%s!%s has formula %q; only arithmetic over cells may be a formula", c.Sheet, c.Ref, c.Formula)
		}
	}
	for _, w := range want {
		found := false
		for _, c := range all {
			if c.Sheet != w.sheet || c.Raw != w.text {
				continue
			}
			found = true
			if c.Type != "s" && c.Type != "inlineStr" || c.Formula != "" || c.Shown != c.Raw {
				t.Errorf("%s!%s = %q is type %q, formula %q, shown %q; want a string cell shown literally", c.Sheet, c.Ref, c.Raw, c.Type, c.Formula, c.Shown)
			}
		}
		if !found {
			t.Errorf("%q does not appear as a cell on sheet %s", w.text, w.sheet)
		}
	}
	checkSheetXML(t, data)
}

var (
	formulaXML = regexp.MustCompile(`<f[ >][^<]*</f>|<f/>`)
	strResult  = regexp.MustCompile(`<c [^>]*t="str"`)
)

// checkSheetXML looks at the raw worksheet XML: every <f> is arithmetic over cells and no cell
// holds a formula's string result.
func checkSheetXML(t *testing.T, data []byte) {
	t.Helper()
	names, content := parts(t, data)
	formulas := 0
	for _, name := range names {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			continue
		}
		for _, f := range formulaXML.FindAllString(content[name], -1) {
			formulas++
			inner := html.UnescapeString(strings.TrimSuffix(strings.TrimPrefix(f, "<f>"), "</f>"))
			if !formulaRe.MatchString(inner) {
				t.Errorf("%s holds formula %s", name, f)
			}
		}
		if m := strResult.FindString(content[name]); m != "" {
			t.Errorf("%s holds a formula string cell %s", name, m)
		}
	}
	if formulas < 6 { // Work items: planned, period, to date; Timesheet: hours; the Summary's
		t.Errorf("workbook holds %d formulas, want the 4 totals and the Summary's figures", formulas)
	}
}

// TestLinks checks that only http, https and mailto URLs become hyperlinks.
func TestLinks(t *testing.T) {
	data := render(t, report(t, workspace(t, hostileFiles), cwo.DefaultSettings(), "O-1", "2026-Q4"))
	all := cells(t, open(t, data))
	tests := []struct {
		url  string
		link bool
	}{
		{"https://github.com/numpy/numpy/pull/27001", true},
		{"https://github.com/numpy/numpy/pull/27002", true},
		{"http://example.org/pull/9", true},
		{"HTTP://example.org/pull/5", true},
		{"mailto:maintainers@example.org", true},
		{"javascript:alert(1)", false},
		{"ftp://example.org/pull/6", false},
		{"file:///etc/passwd", false},
		{"/numpy/numpy/pull/7", false},
		{"https://", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			ref := contributionRef(t, all, tt.url)
			if got := ref.Link != ""; got != tt.link || (tt.link && ref.Link != tt.url) {
				t.Errorf("pull request %q links to %q; want link=%v", ref.Raw, ref.Link, tt.link)
			}
		})
	}
	_, content := parts(t, data)
	rels := content["xl/worksheets/_rels/sheet4.xml.rels"]
	for _, bad := range []string{"javascript", "file:", "ftp:", "pull/7"} {
		if strings.Contains(rels, bad) {
			t.Errorf("sheet relationships hold a %q link:\n%s", bad, rels)
		}
	}
}

// contributionRef returns the Contributions sheet's Pull request cell of the pull request at u:
// the one that links to u, or shows u when u may not be a link.
func contributionRef(t *testing.T, all []cellInfo, u string) cellInfo {
	t.Helper()
	for _, c := range all {
		if c.Sheet == "Contributions" && strings.HasPrefix(c.Ref, "B") && (c.Link == u || c.Raw == u) {
			return c
		}
	}
	t.Fatalf("Contributions: no pull request cell for %q", u)
	return cellInfo{}
}

// cellBeside returns the cell in column col of the row whose column key holds value.
func cellBeside(t *testing.T, all []cellInfo, sheet, key, value, col string) cellInfo {
	t.Helper()
	for _, c := range all {
		if c.Sheet == sheet && strings.HasPrefix(c.Ref, key) && c.Raw == value {
			row := strings.TrimPrefix(c.Ref, key)
			for _, d := range all {
				if d.Sheet == sheet && d.Ref == col+row {
					return d
				}
			}
		}
	}
	t.Fatalf("%s: no row with %q in column %s", sheet, value, key)
	return cellInfo{}
}

// TestMoney checks the money as the Summary shows it: a fixed price earned by its milestones
// reached (not hours × a derived cost), an hourly order's hours × rate; invoiced, paid,
// outstanding and remaining. Each want is a Summary label, a column (B: this period, C: to
// date), the raw number there and its formula ("" for a typed value).
func TestMoney(t *testing.T) {
	type want struct{ label, col, raw, formula string }
	tests := []struct {
		name          string
		files         map[string]string
		order, period string
		want          []want
	}{
		{"fixed", nil, "O-1", "2026-Q4", []want{
			{"Budget", "C", "150000", ""}, {"Hours worked", "B", "8.5", "SUM('Timesheet'!D2:D3)"},
			{"Hours worked", "C", "8.5", "'Work items'!G4"},
			{"Earned", "B", "50000", "C8"}, {"Earned", "C", "50000", "SUMIF(D21:D22,\">0\",C21:C22)"},
			{"Invoiced", "C", "0", "SUMIF(E21:E22,\">0\",C21:C22)"}, {"Paid", "C", "0", "SUMIF(F21:F22,\">0\",C21:C22)"},
			{"Outstanding", "C", "0", "C9-C10"}, {"Remaining", "C", "100000", "MAX(0,C6-C8)"},
			{"Budget earned", "C", "0.333", "ROUND(C8/C6,3)"}, {"Term elapsed", "C", "0.252", ""}}},
		{"hourly", nil, "O-2", "2026-Q4", []want{
			{"Budget", "C", "35000", ""}, {"Hourly rate", "C", "175", ""}, {"Hours cap", "C", "200", ""},
			{"Earned", "B", "525", "C10"}, {"Earned", "C", "525", "ROUND(MIN(C9,C8)*C7,2)"},
			{"Remaining", "C", "34475", "MAX(0,C6-C10)"}, {"Hours worked", "B", "3", "SUM('Timesheet'!D2:D2)"},
			{"Budget earned", "C", "0.015", "ROUND(C10/C6,3)"}}},
		{"fixed, second quarter", richFiles, "O-1", "2027-Q1", []want{
			{"Earned", "B", "0", "C8-B17"}, {"Earned", "C", "50000", "SUMIF(D22:D23,\">0\",C22:C23)"},
			{"Remaining", "C", "100000", "MAX(0,C6-C8)"}, {"Hours worked", "B", "25.5", "SUM('Timesheet'!D2:D5)"},
			{"Hours worked", "C", "34", "'Work items'!G5"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all := cells(t, open(t, render(t, report(t, workspace(t, tt.files), cwo.DefaultSettings(), tt.order, tt.period))))
			for _, w := range tt.want {
				if c := find(t, all, "Summary", w.label, w.col); c.Raw != w.raw || c.Type != "n" || c.Formula != w.formula {
					t.Errorf("Summary %q column %s = %s %q formula %q, want number %q formula %q", w.label, w.col, c.Type, c.Raw, c.Formula, w.raw, w.formula)
				}
			}
		})
	}
}

// TestNumberFormats checks the number formats: the currency's symbol and decimals on money,
// and fixed formats for hours, percentages and dates.
func TestNumberFormats(t *testing.T) {
	tests := []struct {
		currency, locale, want string
	}{
		{"USD", "en-US", `"$"#,##0.00`},
		{"EUR", "de-DE", `#,##0.00 "€"`},
		{"EUR", "en-US", `"€"#,##0.00`},
		{"JPY", "en-US", `"¥"#,##0`},
		{"CHF", "en-US", `"CHF" #,##0.00`},
		{"GBP", "fr-FR", `#,##0.00 "£GB"`}, // CLDR's French marks the pound as British
	}
	for _, tt := range tests {
		t.Run(tt.currency+" "+tt.locale, func(t *testing.T) {
			settings := cwo.DefaultSettings()
			settings.Locale = tt.locale
			order := strings.Replace(mustRead(baseWorkspace+"/orders/O-2.yaml"), "budget:", "currency: "+tt.currency+"\nbudget:", 1)
			all := cells(t, open(t, render(t, report(t, workspace(t, map[string]string{"orders/O-2.yaml": order}), settings, "O-2", "2026-Q4"))))
			formats := []struct{ sheet, label, col, want string }{
				{"Summary", "Earned", "B", tt.want},
				{"Summary", "Hours worked", "B", "#,##0.0#"},
				{"Summary", "Budget earned", "C", "0.0%"},
				{"Work items", "docs", "F", "#,##0.0#"},
				{"Work items", "Total", "F", "#,##0.0#"},
				{"Timesheet", "Total", "D", "#,##0.0#"},
			}
			for _, f := range formats {
				if c := find(t, all, f.sheet, f.label, f.col); c.Format != f.want {
					t.Errorf("%s %q format = %q, want %q", f.sheet, f.label, c.Format, f.want)
				}
			}
			if c := cellAt(t, all, "Timesheet", "A2"); c.Format != "yyyy-mm-dd" || c.Type != "n" || c.Shown != "2026-10-04" {
				t.Errorf("Timesheet!A2 = %s %q shown %q format %q, want the date 2026-10-04 as a number", c.Type, c.Raw, c.Shown, c.Format)
			}
		})
	}
}

// cellAt returns one cell by reference.
func cellAt(t *testing.T, all []cellInfo, sheet, ref string) cellInfo {
	t.Helper()
	for _, c := range all {
		if c.Sheet == sheet && c.Ref == ref {
			return c
		}
	}
	t.Fatalf("%s!%s is empty", sheet, ref)
	return cellInfo{}
}

// TestLongText renders text longer than a row can show or a cell can hold: the workbook is
// still written, rows are at most 409 points tall, and a cell keeps the first 32,767 characters.
func TestLongText(t *testing.T) {
	long := strings.Repeat("word ", 4000)
	files := map[string]string{
		"progress/O-1/2026-Q4.yaml": "summary: " + long + "\nhighlights: [\"" + long + "\"]\n",
		"timesheets/q4.csv":         "date,order,person,item,hours,note\n2026-10-02,O-1,Priya Raman,simd,1," + strings.Repeat("x", 40000) + "\n",
	}
	data := render(t, report(t, workspace(t, files), cwo.DefaultSettings(), "O-1", "2026-Q4"))
	f := open(t, data)
	all := cells(t, f)
	paragraphs := 0
	for _, c := range all {
		if c.Sheet == "Summary" && strings.HasPrefix(strings.TrimPrefix(c.Raw, "• "), "word") {
			paragraphs++
			if want := strings.TrimSpace(long); strings.TrimPrefix(c.Raw, "• ") != want {
				t.Errorf("Summary!%s holds %d characters, want the %d of the text", c.Ref, len(c.Raw), len(want))
			}
		}
	}
	if paragraphs != 2 {
		t.Errorf("Summary shows the long text %d times, want 2 (summary and highlight)", paragraphs)
	}
	note := cellAt(t, all, "Timesheet", "E2")
	if n := len(note.Raw); n != 32767 {
		t.Errorf("a 40,000-character note is kept as %d characters, want the 32,767 a cell holds", n)
	}
	for row := 1; row <= 60; row++ {
		h, err := f.GetRowHeight("Summary", row)
		if err != nil {
			t.Fatal(err)
		}
		if h > 409 {
			t.Errorf("Summary row %d is %g points tall; the most is 409", row, h)
		}
	}
}

// TestEmptyPeriod renders a period without time entries, progress notes or payments: the
// Timesheet says so and its total is a SUM over the placeholder row that adds up to 0; the
// Work items still show the hours to date.
func TestEmptyPeriod(t *testing.T) {
	all := cells(t, open(t, render(t, report(t, workspace(t, nil), cwo.DefaultSettings(), "O-2", "2027-Q1"))))
	for _, want := range []struct{ sheet, ref, raw, formula string }{
		{"Timesheet", "A2", "No time was logged in this period.", ""},
		{"Timesheet", "D3", "0", "SUM(D2:D2)"},
		{"Work items", "F3", "0", "SUM(F2:F2)"},
		{"Work items", "G3", "3", "SUM(G2:G2)"},
	} {
		if c := cellAt(t, all, want.sheet, want.ref); c.Raw != want.raw || c.Formula != want.formula {
			t.Errorf("%s!%s = %q formula %q, want %q formula %q", want.sheet, want.ref, c.Raw, c.Formula, want.raw, want.formula)
		}
	}
	if c := find(t, all, "Summary", "Hours worked", "B"); c.Raw != "0" || c.Formula != "SUM('Timesheet'!D2:D2)" {
		t.Errorf("Summary hours worked this period = %q formula %q, want 0 from SUM('Timesheet'!D2:D2)", c.Raw, c.Formula)
	}
}
