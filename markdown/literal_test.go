package markdown

import (
	"strings"
	"testing"
)

// TestLiteral finds the Markdown that cwo prints as written, and nothing in plain Markdown.
func TestLiteral(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"Plain **bold**, `code` and [a link](https://numpy.org).\n\n- a list\n- [not a task](https://x.org)", ""},
		{"Dropped ~~the old API~~.", literalStrike},
		{"- [ ] port ndimage\n- [x] port fft", literalTask},
		{"Per NEP 47[^1].\n\n[^1]: https://numpy.org/neps/nep-0047.html", literalFootnote},
		{"Line<br>break", literalHTML},
		{"<details>\n<summary>More</summary>\n\nText\n</details>", literalHTML},
		{"`~~in code~~` and `<b>`", ""},
		{"~~a~~ <b>b</b>\n\n- [x] done", literalStrike + "; " + literalTask + "; " + literalHTML},
	} {
		if got := strings.Join(Literal(tt.src), "; "); got != tt.want {
			t.Errorf("Literal(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}
