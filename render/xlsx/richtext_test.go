package xlsx

import (
	"fmt"
	"strings"
	"testing"
)

// describe shows runs as text: each run in brackets with its style flags, for example
// [b:bold]; links and line breaks as they are.
func describe(cells []*richText) []string {
	var out []string
	for _, t := range cells {
		var b strings.Builder
		for _, r := range t.runs {
			var flags []string
			for _, f := range []struct {
				on   bool
				name string
			}{{r.st.bold, "bold"}, {r.st.italic, "italic"}, {r.st.code, "code"}, {r.st.link, "link"}, {r.st.muted, "muted"}} {
				if f.on {
					flags = append(flags, f.name)
				}
			}
			if len(flags) == 0 {
				b.WriteString(r.text)
			} else {
				fmt.Fprintf(&b, "[%s:%s]", r.text, strings.Join(flags, ","))
			}
		}
		if len(t.Links) > 0 {
			fmt.Fprintf(&b, " links=%s", strings.Join(t.Links, ","))
		}
		out = append(out, b.String())
	}
	return out
}

func TestRichCells(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
	}{
		{"empty", "", nil},
		{"bold, italic, code", "A **bold** and *it* with `x := 1`.", []string{"A [bold:bold] and [it:italic] with [x := 1:code]."}},
		{"nested emphasis", "***both*** **a `c`**", []string{"[both:bold,italic] [a :bold][c:bold,code]"}},
		{"link with its address", "See [the PR](https://github.com/numpy/numpy/pull/1).",
			[]string{"See [the PR:link][ (https://github.com/numpy/numpy/pull/1):muted]. links=https://github.com/numpy/numpy/pull/1"}},
		{"autolink shown once", "At https://numpy.org now", []string{"At [https://numpy.org:link] now links=https://numpy.org"}},
		{"mail autolink", "Write to a@b.org", []string{"Write to [a@b.org:link] links=mailto:a@b.org"}},
		{"unsafe link is text", "[x](javascript:alert(1)) and [y](/rel)", []string{"x and y"}},
		{"lines joined", "one\ntwo  \nthree", []string{"one two\nthree"}},
		{"tight list, bullets", "- one\n- `two`\n  wrapped", []string{"• one\n• [two:code] wrapped"}},
		{"numbers counted from the start", "3) a\n3) b", []string{"3. a\n4. b"}},
		{"loose list, a cell per item", "1. a\n\n2. b\n\n   more", []string{"1. a", "2. b\n    more"}},
		{"nested items", "- a\n  - b\n- c", []string{"• a\n    • b\n• c"}},
		{"heading bold, rule dropped", "# Title\n\n---\n\nText", []string{"[Title:bold]", "Text"}},
		{"quote blocks are cells", "> q\n>\n> r", []string{"q", "r"}},
		{"code block mono", "```\na\n  b\n```", []string{"[a:code]\n[  b:code]"}},
		{"table rows", "| a | *b* |\n|---|---|\n| 1 | 2 |", []string{"[a:bold] | [b:bold,italic]\n1 | 2"}},
		{"raw html dropped", "<div>\nx\n</div>\n\nA <b>b</b>", []string{"A b"}},
		{"formula-like text stays text", "=1+2", []string{"=1+2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(richCells(tt.md))
			if strings.Join(got, "¶") != strings.Join(tt.want, "¶") {
				t.Errorf("richCells(%q)\n = %q\nwant %q", tt.md, got, tt.want)
			}
		})
	}
}

func TestRichEntry(t *testing.T) {
	tests := []struct{ md, want string }{
		{"Shipped **2.5.0**", "• Shipped [2.5.0:bold]"},
		{"Two paragraphs.\n\nSecond.", "• Two paragraphs.\n  Second."},
		{"A list:\n- x\n- y", "• A list:\n  • x\n  • y"},
	}
	for _, tt := range tests {
		if got := describe([]*richText{richEntry(tt.md, bulletMark)})[0]; got != tt.want {
			t.Errorf("richEntry(%q) = %q, want %q", tt.md, got, tt.want)
		}
	}
}

func TestRichRunsFonts(t *testing.T) {
	runs := richCells("a `b` [c](https://x.org)")[0].Runs()
	if len(runs) != 5 {
		t.Fatalf("got %d runs, want 5: %+v", len(runs), runs)
	}
	for i, r := range runs {
		if r.Font == nil || r.Font.Family == "" || r.Font.Size == 0 {
			t.Errorf("run %d %q has no named font: %+v", i, r.Text, r.Font)
		}
	}
	if runs[1].Font.Family != fontMono {
		t.Errorf("code run font = %q, want %q", runs[1].Font.Family, fontMono)
	}
	if runs[3].Font.Underline != "single" || runs[3].Font.Color != colorLink {
		t.Errorf("link run font = %+v, want underlined %s", runs[3].Font, colorLink)
	}
}
