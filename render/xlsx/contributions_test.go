package xlsx_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// flaggedFiles add pull requests that may not be the team's work (O-1: 2026-10-01 to
// 2027-09-30, team praman) and one of another repository with the same number as #27001.
var flaggedFiles = map[string]string{
	"progress/O-1/contributions-more.json": `[
  {"html_url": "https://github.com/numpy/numpy/pull/27010", "number": 27010, "state": "open", "title": "MAINT: Bump actions/checkout",
   "user": {"login": "dependabot[bot]", "type": "Bot"}, "created_at": "2026-10-05T06:00:00Z"},
  {"html_url": "https://github.com/numpy/numpy/pull/26950", "number": 26950, "state": "open", "title": "ENH: SIMD groundwork",
   "user": {"login": "praman", "type": "User"}, "created_at": "2026-09-20T10:00:00Z"},
  {"html_url": "https://github.com/cupy/cupy/pull/27001", "number": 27001, "state": "open", "title": "CuPy strides",
   "user": {"login": "someone-else", "type": "User"}, "created_at": "2026-10-07T10:00:00Z"}
]`,
}

// TestContributionsSheetRefsAndNotes: the Pull request column holds owner/repo#N as a hyperlink,
// and the Note column says why a pull request may not be the team's work.
func TestContributionsSheetRefsAndNotes(t *testing.T) {
	all := cells(t, open(t, render(t, report(t, workspace(t, flaggedFiles), cwo.DefaultSettings(), "O-1", "2026-Q4"))))
	for _, tt := range []struct{ url, ref, note string }{
		{"https://github.com/numpy/numpy/pull/27001", "numpy/numpy#27001", ""},
		{"https://github.com/cupy/cupy/pull/27001", "cupy/cupy#27001", "author someone-else is not on the order's team; in cupy/cupy, outside the project's repositories"},
		{"https://github.com/numpy/numpy/pull/27010", "numpy/numpy#27010", "opened by a bot (dependabot[bot])"},
		{"https://github.com/numpy/numpy/pull/26950", "numpy/numpy#26950", "opened 2026-09-20, before the order's start 2026-10-01"},
	} {
		ref := cellBeside(t, all, "Contributions", "B", tt.ref, "B")
		if ref.Link != tt.url {
			t.Errorf("%s: pull request cell %q links to %q, want the URL", tt.url, ref.Raw, ref.Link)
		}
		note := cellValueBeside(all, "Contributions", "B", tt.ref, "G")
		if note != tt.note {
			t.Errorf("%s: note %q, want %q", tt.url, note, tt.note)
		}
	}
	if h := cellValueBeside(all, "Contributions", "A", "Title", "G"); h != "Note" {
		t.Errorf("header G1 = %q, want Note", h)
	}
	for _, c := range all {
		if c.Sheet == "Contributions" && strings.HasPrefix(c.Raw, "https://") {
			t.Errorf("Contributions!%s shows the raw URL %q; the reference links to it", c.Ref, c.Raw)
		}
	}
}

// TestContributionsNoNoteColumn: without a note on any pull request there is no Note column, and
// the sheet prints at full size on a landscape page at most.
func TestContributionsNoNoteColumn(t *testing.T) {
	f := open(t, render(t, report(t, workspace(t, nil), cwo.DefaultSettings(), "O-1", "2026-Q4")))
	for _, ref := range []string{"G1", "H1"} {
		if v, err := f.GetCellValue("Contributions", ref); err != nil || v != "" {
			t.Errorf("Contributions!%s = %q (%v), want empty: no pull request has a note", ref, v, err)
		}
	}
	total := 0.0
	for _, c := range []string{"A", "B", "C", "D", "E", "F"} {
		w, err := f.GetColWidth("Contributions", c)
		if err != nil {
			t.Fatal(err)
		}
		total += w
	}
	// A4 landscape is 770 points wide within the margins: at 85% that is about 1,200 pixels of
	// 7-pixel characters.
	if total > 165 {
		t.Errorf("Contributions columns are %.0f characters wide; a landscape page at 85%% holds about 165", total)
	}
}

// cellValueBeside is cellBeside's text, "" when the cell is empty.
func cellValueBeside(all []cellInfo, sheet, key, value, col string) string {
	for _, c := range all {
		if c.Sheet != sheet || c.Raw != value || len(c.Ref) < 2 || c.Ref[:len(key)] != key {
			continue
		}
		row := c.Ref[len(key):]
		for _, d := range all {
			if d.Sheet == sheet && d.Ref == col+row {
				return d.Raw
			}
		}
	}
	return ""
}
