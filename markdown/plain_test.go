package markdown

import (
	"strings"
	"testing"
	"unicode"
)

func TestPlainText(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty", "", ""},
		{"emphasis and links keep their text", "Faster **ufuncs** with [SIMD](https://x.org).\n\n- one\n- `two`\n", "Faster ufuncs with SIMD.\n• one\n• two"},
		{"line breaks become spaces", "a\nb  \nc\\\nd", "a b c d"},
		{"escapes and references resolved", `\*not em\* &amp; &copy;`, "*not em* & ©"},
		{"code span line endings", "`a\nb`", "a b"},
		{"headings end lines", "# T\n\nbody", "T\nbody"},
		{"nested and loose lists", "- a\n  - b\n\n- c\n\n  d", "• a\n• b\n• c\n• d"},
		{"quote keeps its text", "> q *e*", "q e"},
		{"code block lines", "```\nx\n  y\n```\nafter", "x\n  y\nafter"},
		{"table rows", "| a | *b* |\n|---|---|\n| 1 | 2 |", "a | b\n1 | 2"},
		{"raw HTML and rules dropped", "<div>\nx\n</div>\n\na <b>b</b>\n\n---", "a b"},
		{"image alt text", "![a *chart*](c.png)", "a chart"},
		{"autolinks keep their label", "see www.x.org or <mailto:a@b.c>", "see www.x.org or mailto:a@b.c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlainText(tt.src); got != tt.want {
				t.Errorf("PlainText(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

// FuzzPlainText parses any input without panicking, and checks that emphasis markers around a
// word never reach the plain text.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"", "word", "**bold** _it_", "- a\n- b", "| a |\n|---|\n| b |", "`x`", "\\*", "***", "<b>x</b>", "a\n===\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<14 {
			t.Skip("input too large")
		}
		PlainText(src)
		word := strings.Map(func(r rune) rune {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return r
			}
			return -1
		}, src)
		if word == "" {
			return
		}
		md := "*" + word + "* **" + word + "** _" + word + "_ __" + word + "__ ***" + word + "***"
		want := strings.Repeat(word+" ", 4) + word
		if got := PlainText(md); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", md, got, want)
		}
	})
}

// TestTypography checks that straight quotes become curly ones and dashes and ellipses their
// characters, outside code only.
func TestTypography(t *testing.T) {
	got := PlainText("The \"Order\" -- the project's work --- is 'best effort'... `a \"b\" -- c` << 2")
	want := "The “Order” – the project’s work — is ‘best effort’… a \"b\" -- c << 2"
	if got != want {
		t.Errorf("PlainText = %q\nwant        %q", got, want)
	}
}
