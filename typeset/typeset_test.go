package typeset_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/fonts"
	"github.com/cwo-tool/cwo/typeset"
)

const notoDir = "/usr/share/fonts/truetype/noto/"

func face(t testing.TB, data []byte, sel string) *typeset.Face {
	t.Helper()
	f, err := typeset.Parse(data, sel)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func file(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err) // installed by .ci/run (fonts-noto-core, fonts-noto-cjk)
	}
	return b
}

func serif(t testing.TB) *typeset.Face { return face(t, fonts.Regular, "") }

func ids(l typeset.Line) []uint16 {
	var out []uint16
	for _, r := range l.Runs {
		for _, g := range r.Glyphs {
			out = append(out, g.ID)
		}
	}
	return out
}

func TestParseCollection(t *testing.T) {
	cjk := file(t, "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
	byName := face(t, cjk, "Noto Sans CJK KR")
	if byName.Name() != "NotoSansCJKkr-Regular" || !byName.CFF() {
		t.Errorf("by name: %s (CFF %v), want NotoSansCJKkr-Regular, CFF", byName.Name(), byName.CFF())
	}
	if f := face(t, cjk, "0"); f.Name() != "NotoSansCJKjp-Regular" {
		t.Errorf("face 0 = %s", f.Name())
	}
	for _, sel := range []string{"99", "-1", "Noto Sans CJK XX"} {
		if _, err := typeset.Parse(cjk, sel); err == nil {
			t.Errorf("selector %q: no error", sel)
		}
	}
	if f := serif(t); f.Name() != "NotoSerif-Regular" || f.CFF() {
		t.Errorf("embedded regular = %s (CFF %v)", f.Name(), f.CFF())
	}
}

func TestParseRejectsBrokenFonts(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty": nil, "text": []byte("not a font at all"), "truncated": fonts.Regular[:3000],
		"header only": fonts.Regular[:12],
	} {
		if _, err := typeset.Parse(data, ""); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
}

func TestKerningAndLigatures(t *testing.T) {
	st := typeset.NewStyle(serif(t))
	if av, a, v := st.Width("AV"), st.Width("A"), st.Width("V"); av >= a+v {
		t.Errorf("AV = %.1f, A + V = %.1f: no kerning", av, a+v)
	}
	l := st.Shape("office")
	if n := len(l.Runs[0].Glyphs); n != 4 {
		t.Fatalf("office: %d glyphs, want 4 (o, ffi, c, e)", n)
	}
	if g := l.Runs[0].Glyphs[1]; g.Text != "ffi" {
		t.Errorf("the ligature stands for %q, want ffi", g.Text)
	}
	if l.Runs[0].Complex {
		t.Errorf("a ligature needs no ActualText")
	}
}

func TestFallbackAndBidi(t *testing.T) {
	arabic := face(t, file(t, notoDir+"NotoNaskhArabic-Regular.ttf"), "")
	st := typeset.NewStyle(serif(t), arabic)
	l := st.Shape("Ahmed أحمد 12")
	var got []string
	for _, r := range l.Runs {
		got = append(got, r.Text)
	}
	// In a left-to-right line the Arabic run and the number after it (an Arabic-context number,
	// level 2) are reversed as a group: the number comes first, left of the Arabic.
	if want := []string{"Ahmed ", "12", "أحمد "}; !slices.Equal(got, want) {
		t.Errorf("runs left to right = %q, want %q", got, want)
	}
	ar := l.Runs[2]
	if ar.Font != arabic || !ar.RTL {
		t.Errorf("the Arabic run: font %s, RTL %v", ar.Font.Name(), ar.RTL)
	}
	// Joined letters: the initial, medial and final forms of أحمد differ from isolated ones.
	isolated := ids(st.Shape("أ ح م د"))
	for _, g := range ar.Glyphs {
		if g.ID != 0 && slices.Contains(isolated[1:], g.ID) && g.Text != "أ" && g.Text != " " {
			t.Errorf("glyph %d (%q) is an isolated form", g.ID, g.Text)
		}
	}
	// A text that starts right to left is a right-to-left paragraph: its trailing comma
	// stands at its left end.
	if l := st.Shape("المفتوحة,"); len(l.Runs) != 2 || l.Runs[0].Text != "," {
		t.Errorf("runs of an Arabic word and a comma: %+v", l.Runs)
	}
	if !typeset.RTL("أحمد Ahmed") || typeset.RTL("Ahmed أحمد") || typeset.RTL("123") {
		t.Errorf("RTL: paragraph direction from the first strong character")
	}
}

func TestDevanagariCluster(t *testing.T) {
	deva := face(t, file(t, notoDir+"NotoSansDevanagari-Regular.ttf"), "")
	l := typeset.NewStyle(serif(t), deva).Shape("प्रिया")
	run := l.Runs[0]
	if run.Font != deva || !run.Complex || run.Text != "प्रिया" {
		t.Fatalf("run: %s complex %v %q", run.Font.Name(), run.Complex, run.Text)
	}
	// The i-matra is drawn first, before the conjunct it follows in the text.
	if first := run.Glyphs[0]; first.Text != "प्रि" {
		t.Errorf("first glyph stands for %q, want the cluster प्रि", first.Text)
	}
}

func TestMissing(t *testing.T) {
	st := typeset.NewStyle(serif(t))
	if m := st.Missing("Nguyễn Thị Hương “Zoë” – Ελένη Ёлка €5 \u00a0"); len(m) != 0 {
		t.Errorf("the embedded face misses %q", string(m))
	}
	if m := st.Missing("山田 山 😀"); string(m) != "山田😀" {
		t.Errorf("Missing = %q", string(m))
	}
}

func TestBreaks(t *testing.T) {
	cases := map[string][]int{
		"Hello world":     {6, 11},
		"山田太郎":            {3, 6, 9, 12},
		"प्रिया शर्मा":    {19, 34},
		"CWO-2026-003 v2": {13, 15},
		"":                nil,
	}
	for text, want := range cases {
		if got := typeset.Breaks(text); !slices.Equal(got, want) {
			t.Errorf("Breaks(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestShapeIsCachedAndStable(t *testing.T) {
	st := typeset.NewStyle(serif(t))
	a, b := st.Shape("Community Work Order"), st.Shape("Community Work Order")
	if !slices.Equal(ids(a), ids(b)) || a.Width != b.Width {
		t.Errorf("two shapings differ")
	}
}

func BenchmarkShapeDistinct(b *testing.B) {
	st := typeset.NewStyle(serif(b))
	for i := 0; b.Loop(); i++ {
		st.Shape("The Contractor will work on the following items " + string(rune('A'+i%26)) + string(rune('a'+i/26%26)) + string(rune('0'+i/676%10)))
	}
}

// TestDocumentFaces checks what the embedded text faces were chosen for: a short hyphen,
// curly quotes and dashes, tabular figures (every digit as wide, so amounts line up), and
// coverage of Vietnamese, Greek and Cyrillic in every style.
func TestDocumentFaces(t *testing.T) {
	for _, data := range [][]byte{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic} {
		f := face(t, data, "")
		st := typeset.NewStyle(f)
		zero := st.Width("0")
		for _, d := range "123456789" {
			if w := st.Width(string(d)); w != zero {
				t.Errorf("%s: %q is %.0f wide, 0 is %.0f: figures are not tabular", f.Name(), d, w, zero)
			}
		}
		if h, m := st.Width("-"), st.Width("M"); h > m/2 {
			t.Errorf("%s: the hyphen is %.0f wide, over half an M (%.0f)", f.Name(), h, m)
		}
		if m := st.Missing("“”‘’–—… Nguyễn Thị Hương Ελένη Ёлка €"); len(m) != 0 {
			t.Errorf("%s lacks %q", f.Name(), string(m))
		}
	}
}

// TestShapingLanguage checks that shaping follows the style's language, never the process's
// locale: the same ideograph takes its Japanese form in English or Japanese text and its
// simplified Chinese form in Chinese text (the CJK font's locl feature).
func TestShapingLanguage(t *testing.T) {
	cjk := face(t, file(t, "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), "Noto Sans CJK JP")
	const text = "直骨"
	en := ids(typeset.NewStyle(cjk).Shape(text))
	t.Setenv("LANG", "zh_CN.UTF-8")
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	if again := ids(typeset.NewStyle(cjk).Shape(text)); !slices.Equal(again, en) {
		t.Errorf("the process's locale changed the glyphs: %v, then %v", en, again)
	}
	if ja := ids(typeset.NewStyleLang("ja", cjk).Shape(text)); !slices.Equal(ja, en) {
		t.Errorf("ja %v differs from the face's default %v", ja, en)
	}
	if zh := ids(typeset.NewStyleLang("zh-Hans", cjk).Shape(text)); slices.Equal(zh, en) {
		t.Errorf("zh-Hans draws the Japanese forms %v", zh)
	}
}

// TestParseRefusesColourFonts: a colour font's glyphs (COLR, CBDT, sbix, SVG) cannot be drawn
// from a PDF font, so such a font is refused rather than drawing blanks.
func TestParseRefusesColourFonts(t *testing.T) {
	data := append([]byte(nil), fonts.Regular...)
	n := int(data[4])<<8 | int(data[5])
	renamed := false
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		if string(rec[:4]) == "gasp" {
			copy(rec, "COLR")
			renamed = true
		}
	}
	if !renamed {
		t.Fatal("the embedded font has no gasp table to rename")
	}
	if _, err := typeset.Parse(data, ""); err == nil || !strings.Contains(err.Error(), "colour font (COLR table)") {
		t.Errorf("Parse = %v, want the colour-font error", err)
	}
}
