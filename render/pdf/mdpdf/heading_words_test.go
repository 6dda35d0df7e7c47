package mdpdf

import (
	"fmt"
	"strings"
	"testing"
)

// TestHeadingKeepsLastWordsTogether sets headings that wrap at every word of their second
// line; without the no-break space some would leave "(roadmap)" alone on their last line.
func TestHeadingKeepsLastWordsTogether(t *testing.T) {
	var md strings.Builder
	const n = 24
	for i := range n {
		fmt.Fprintf(&md, "## Array API support in scipy.ndimage and scipy.interpolate%s (roadmap)\n\nText.\n\n", strings.Repeat(" and more", i))
	}
	path := writePDF(t, "heading-words.pdf", renderDoc(t, []byte(md.String())))
	found := 0
	for _, p := range bboxPages(t, path) {
		for _, l := range p.lines {
			text := strings.TrimSpace(strings.ReplaceAll(l.text, "\u00a0", " "))
			if strings.HasSuffix(text, "(roadmap)") {
				found++
			}
			if text == "(roadmap)" {
				t.Errorf("a heading leaves %q alone on its last line", text)
			}
		}
	}
	if found != n {
		t.Errorf("found %d headings ending in (roadmap), want %d", found, n)
	}
}

func TestKeepLastWords(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Scope of work (roadmap)", "Scope of work\u00a0(roadmap)"},
		{"Two words", "Two words"},
		{"One", "One"},
		{"A heading whose last two words are extraordinarily-long-compound-words-together", "A heading whose last two words are extraordinarily-long-compound-words-together"},
	} {
		got := keepLastWords([]span{{text: tt.in}})[0].text
		if got != tt.want {
			t.Errorf("keepLastWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	spans := keepLastWords([]span{{text: "Faster "}, {text: "arrays"}, {text: " now"}})
	if spans[0].text != "Faster " || spans[2].text != "\u00a0now" {
		t.Errorf("across spans: %q, %q, %q", spans[0].text, spans[1].text, spans[2].text)
	}
}
