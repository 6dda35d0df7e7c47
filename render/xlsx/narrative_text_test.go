package xlsx

import (
	"reflect"
	"testing"
)

func TestNarrativeParagraphs(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
	}{
		{"empty", "", nil},
		{"lines joined, markup as written", "A **`b`** and\n  [c](https://x.org).\n\nSecond\r\none.", []string{"A **`b`** and [c](https://x.org).", "Second one."}},
		{"tight list is one paragraph", "Intro:\n\n- one\n- `two`\n  wrapped", []string{"Intro:", "- one\n- `two` wrapped"}},
		{"list interrupting a paragraph", "Intro:\n* a\n* b", []string{"Intro:", "* a\n* b"}},
		{"loose list, one paragraph per item", "1. a\n\n2. b\n\n   more", []string{"1. a", "2. b\nmore"}},
		{"numbers counted from the start", "3) a\n3) b", []string{"3) a\n4) b"}},
		{"nested items", "- a\n  - b\n- c", []string{"- a\n- b\n- c"}},
		{"headings without markers", "# Title\nText\nSetext\n---", []string{"Title", "Text Setext"}},
		{"quote blocks, rule dropped", "> q\n>\n> r\n\n***", []string{"q", "r"}},
		{"code keeps its lines", "```\na\n  b\n```", []string{"a\n  b"}},
		{"table rows", "| a | *b* |\n|---|---|\n| 1 | 2 |", []string{"a | b\n1 | 2"}},
		{"year is not a list", "The year\n2026. was good", []string{"The year 2026. was good"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := narrativeParagraphs(tt.md); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("narrativeParagraphs(%q) = %q, want %q", tt.md, got, tt.want)
			}
		})
	}
}
