package render_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/testws"
	"github.com/cwo-tool/cwo/render"
)

// TestMarkdownThatPrintsLiterally: strikethrough, task lists, footnotes and raw HTML in data
// Markdown are warnings at the field that holds them, since cwo prints them as written.
func TestMarkdownThatPrintsLiterally(t *testing.T) {
	dir := testws.CopyBase(t, "../testdata/base",
		testws.Edit{File: "projects/numpy.yaml", Old: "summary: Faster ufuncs.", New: "summary: \"Faster ufuncs, ~~not~~ yet.\""},
		testws.Edit{File: "orders/O-1.yaml", Old: "description: Help with releases.", New: "description: \"- [ ] 2.4\\n- [x] 2.3\""},
		testws.Edit{File: "progress/O-1/2026-Q4.yaml", Old: "summary: Good start.", New: "summary: \"Good start<br>and more[^1].\\n\\n[^1]: NEP 54\""})
	_, diags, _ := render.Validate(dir, cwo.DefaultSettings(), cwo.ValidateOptions{})
	const tail = " will print as written, not formatted: cwo's Markdown is CommonMark with tables (**bold**, *italic*, `code`, lists, tables, links); remove the markup or write it out"
	for _, want := range []string{
		"projects/numpy.yaml:12:16: warning: strikethrough (~~text~~)" + tail,
		"orders/O-1.yaml:20:18: warning: a task list (- [ ] or - [x])" + tail,
		"progress/O-1/2026-Q4.yaml:1:10: warning: a footnote ([^1]), raw HTML" + tail,
	} {
		found := false
		for _, d := range diags {
			found = found || d.String() == want
		}
		if !found {
			t.Errorf("diagnostics lack\n  %s\ngot:\n%v", want, diags)
		}
	}
	if n := strings.Count(diagStrings(diags), "will print as written"); n != 3 {
		t.Errorf("%d warnings about literal Markdown, want 3", n)
	}
}

func diagStrings(diags cwo.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}
