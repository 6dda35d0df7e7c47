package typeset_test

import (
	"testing"
	"unicode/utf8"

	"github.com/cwo-tool/cwo/typeset"
)

// FuzzShape shapes and breaks any text in the embedded face with an Arabic and a Devanagari
// fallback: no panic, widths that are numbers, glyph texts that come from the input, breaks in
// increasing order ending at the end.
func FuzzShape(f *testing.F) {
	for _, s := range []string{"office", "Ahmed أحمد 12", "प्रिया", "山田 太郎", "\u202e\u2067x\u2069", "a\u0301\u0308\u200d", "\xff\xfe"} {
		f.Add(s)
	}
	st := typeset.NewStyle(serif(f), face(f, file(f, notoDir+"NotoNaskhArabic-Regular.ttf"), ""),
		face(f, file(f, notoDir+"NotoSansDevanagari-Regular.ttf"), ""))
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		l := st.Shape(s)
		if l.Width != l.Width || l.Width < -1e6 || l.Width > 1e9 {
			t.Fatalf("width %v", l.Width)
		}
		text := 0
		for _, r := range l.Runs {
			for _, g := range r.Glyphs {
				text += len(g.Text)
			}
		}
		if utf8.ValidString(s) && text > len(s) {
			t.Fatalf("glyphs stand for %d bytes of %d", text, len(s))
		}
		prev := 0
		b := typeset.Breaks(s)
		for _, e := range b {
			if e <= prev && !(e == 0 && prev == 0) {
				t.Fatalf("breaks %v not increasing", b)
			}
			prev = e
		}
		if len(s) > 0 && (len(b) == 0 || b[len(b)-1] != len(s)) {
			t.Fatalf("breaks %v do not end at %d", b, len(s))
		}
	})
}
