package fpdf

import "testing"

// TestAppendUTF16Escaped checks patch 17's one-pass conversion against the two steps it
// replaces, on text with every escaped byte in both halves of a code unit.
func TestAppendUTF16Escaped(t *testing.T) {
	f := &Fpdf{}
	for _, s := range []string{"", "plain", `a\b(c)d` + "\r\n", "Zoë Müller", "Παπαδοπούλου", "€ – “quoted”",
		"\u2828\u5c29\u0d0d\u285c", "ĨĩĨ", "日本語 (テスト)"} {
		want := f.escape(utf8toutf16(s, false))
		if got := string(appendUTF16Escaped([]byte("prefix"), s)); got != "prefix"+want {
			t.Errorf("%q: got %q, want %q", s, got, "prefix"+want)
		}
	}
}
