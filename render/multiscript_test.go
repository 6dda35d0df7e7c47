package render_test

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/internal/testws"
	"github.com/cwo-tool/cwo/typeset"
)

// The multi-script workspace (testdata/multiscript) names its parties, signatories and team
// members in Chinese, Japanese, Korean, Arabic, Hebrew, Hindi, Thai, Vietnamese, Greek, Polish
// and German, and is rendered with the Debian fonts .ci/run installs: fonts-noto-core and
// fonts-noto-cjk, whose CJK faces come only as collections (.ttc). The tests check the PDFs with
// poppler (pdftotext, pdffonts, pdftoppm) and the glyphs against HarfBuzz's hb-shape
// (libharfbuzz-bin).

const (
	notoCore   = "/usr/share/fonts/truetype/noto/"
	cjkRegular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	cjkBold    = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
	// cjkBoldOTF stands, in a sample, for the .otf the test extracts from cjkBold.
	cjkBoldOTF = "NotoSansCJKjp-Bold.otf"

	// msLocale is the locale the tests run in. typeset shapes in the language of the locale
	// (go-text's language.DefaultLanguage reads LC_ALL, LC_CTYPE, LANG), and the language picks
	// glyphs: Noto Sans CJK's locl feature draws Chinese forms of 京, 源, 金, 会 under zh_CN. The
	// tests fix it, so that the reference images hold on any machine, and give hb-shape the
	// same language (msLanguage, what go-text makes of msLocale).
	msLocale   = "C.UTF-8"
	msLanguage = "c"
)

// multiscript is the rendered workspace.
type multiscript struct {
	dir, out string
	ttc      []byte // cjkBold
	otf      string // face 0 of cjkBold extracted as an .otf
}

// renderMultiscript copies the workspace into a temporary folder, extracts face 0 of
// NotoSansCJK-Bold.ttc (Noto Sans CJK JP Bold) as a standalone .otf, writes a cwo.yaml naming
// the Debian fonts by absolute path, and renders everything.
func renderMultiscript(t *testing.T) *multiscript {
	t.Helper()
	t.Setenv("LC_ALL", msLocale)
	ttc, err := os.ReadFile(cjkBold)
	if err != nil {
		t.Fatalf("%v (apt-get install fonts-noto-cjk; .ci/run installs it)", err)
	}
	otf, err := otfFromTTC(ttc, 0)
	if err != nil {
		t.Fatalf("face 0 of %s: %v", cjkBold, err)
	}
	ms := &multiscript{ttc: ttc, otf: filepath.Join(t.TempDir(), cjkBoldOTF), out: t.TempDir()}
	if err := os.WriteFile(ms.otf, otf, 0o644); err != nil {
		t.Fatal(err)
	}
	repoFonts, err := filepath.Abs("../fonts")
	if err != nil {
		t.Fatal(err)
	}
	list := func(paths ...string) string {
		q := make([]string, len(paths))
		for i, p := range paths {
			q[i] = fmt.Sprintf("%q", p)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	settings := fmt.Sprintf(`locale: en-US
paper: a4
fonts:
  regular: %q
  italic: %q
  bold_italic: %q
  bold: %s
  fallback: %s
`, filepath.Join(repoFonts, "NotoSerif-Regular.ttf"), filepath.Join(repoFonts, "NotoSerif-Italic.ttf"),
		filepath.Join(repoFonts, "NotoSerif-BoldItalic.ttf"),
		list(filepath.Join(repoFonts, "NotoSerif-Bold.ttf"), ms.otf, notoCore+"NotoNaskhArabic-Bold.ttf",
			notoCore+"NotoSerifHebrew-Bold.ttf", notoCore+"NotoSerifDevanagari-Bold.ttf", notoCore+"NotoSerifThai-Bold.ttf"),
		list(notoCore+"NotoNaskhArabic-Regular.ttf", notoCore+"NotoSerifHebrew-Regular.ttf",
			notoCore+"NotoSerifDevanagari-Regular.ttf", notoCore+"NotoSerifThai-Regular.ttf", cjkRegular+"#Noto Sans CJK JP"))
	ms.dir = testws.CopyBase(t, "testdata/multiscript", testws.Edit{File: "cwo.yaml", New: settings})
	res := mustRender(t, ms.dir, ms.out, nil)
	if len(res.Diagnostics) > 0 {
		t.Errorf("diagnostics:\n%v", res.Diagnostics)
	}
	return ms
}

func (ms *multiscript) pdf(name string) string {
	return filepath.Join(ms.out, filepath.FromSlash(name))
}

// TestMultiscript renders the multi-script workspace once and checks the .otf it extracts
// for the settings, then the PDFs: the names pdftotext extracts, the fonts pdffonts lists, the
// glyphs drawn against hb-shape's, and crops of pages against reference images.
func TestMultiscript(t *testing.T) {
	ms := renderMultiscript(t)
	t.Run("otf", func(t *testing.T) { testMultiscriptOTF(t, ms) })
	t.Run("names", func(t *testing.T) { testMultiscriptNames(t, ms) })
	t.Run("fonts", func(t *testing.T) { testMultiscriptFonts(t, ms) })
	t.Run("glyphs", func(t *testing.T) { testMultiscriptGlyphs(t, ms) })
	t.Run("images", func(t *testing.T) { testMultiscriptImages(t, ms) })
}

// testMultiscriptOTF checks the .otf the settings name: face 0 of NotoSansCJK-Bold.ttc as a
// standalone file is the same face, to typeset and to HarfBuzz, with a valid checksum.
func testMultiscriptOTF(t *testing.T, ms *multiscript) {
	otf, err := os.ReadFile(ms.otf)
	if err != nil {
		t.Fatal(err)
	}
	if string(otf[:4]) != "OTTO" {
		t.Errorf("sfnt version %q, want OTTO (CFF outlines)", otf[:4])
	}
	var sum uint32
	for i := 0; i+4 <= len(otf); i += 4 {
		sum += binary.BigEndian.Uint32(otf[i:])
	}
	if sum != 0xB1B0AFBA {
		t.Errorf("the file's checksum is %#x, want 0xB1B0AFBA", sum)
	}
	fromTTC, err := typeset.Parse(ms.ttc, "Noto Sans CJK JP Bold")
	if err != nil {
		t.Fatal(err)
	}
	alone, err := typeset.Parse(otf, "")
	if err != nil {
		t.Fatal(err)
	}
	if alone.Name() != "NotoSansCJKjp-Bold" || fromTTC.Name() != alone.Name() || !alone.CFF() {
		t.Errorf("the .otf is %s (CFF %v), the collection's face %s", alone.Name(), alone.CFF(), fromTTC.Name())
	}
	for _, tag := range []string{"CFF ", "cmap", "GSUB", "GPOS", "hmtx", "name", "OS/2"} {
		if !bytes.Equal(alone.Table(tag), fromTTC.Table(tag)) {
			t.Errorf("table %q differs", tag)
		}
	}
	const text = "北京开源基金会 김민준"
	a, b := hbShape(t, cjkBold, 0, 1000, msLanguage, text), hbShape(t, ms.otf, 0, 1000, msLanguage, text)
	if !slices.Equal(a, b) {
		t.Errorf("hb-shape: face 0 of the collection gives %v, the .otf %v", a, b)
	}
}

const (
	msContractor    = "Công ty TNHH Phần mềm Mở Hà Nội"
	msContractorSig = "Nguyễn Thị Hương"
)

// msNames are the names (and addresses) each document shows.
var msNames = map[string][]string{
	"agreements/MS-1-v1.pdf": {msContractor, msContractorSig, "北京开源基金会", "北京市海淀区中关村大街27号", "王小明",
		"김민준", "שרה כהן", "प्रिया शर्मा"},
	"agreements/MS-2-v1.pdf": {msContractor, msContractorSig, "株式会社オープンデータ", "東京都千代田区丸の内一丁目1番1号",
		"山田太郎", "สมชาย ใจดี", "Ελένη Παπαδοπούλου", "Łukasz Żółć"},
	"agreements/MS-3-v2.pdf": {msContractor, msContractorSig, "مؤسسة البيانات المفتوحة", "شارع الجامعة، حي الملز",
		"الرياض", "أحمد علي", "שרה כהן", "Jürgen Müller-Lüdenscheidt", "प्रिया शर्मा"},
	"brochures/roadmap.pdf": {"Ελένη Παπαδοπούλου"},
}

// extractedText is what `pdftotext -layout` gives for the PDF at path, made comparable with
// the names: runs of white space become one space (a name may wrap), and the embedding marks
// around right-to-left text are dropped.
//
// poppler (22.12) writes a line's right-to-left stretch between U+202B (RLE) and U+202C (PDF),
// with its characters already in reading (logical) order: it lays the line out left to right,
// then reverses each right-to-left stretch (TextOutputDev's reorderText), so the marks only say
// that the text between them reads right to left, as they do in Unicode. Reversing the stretch
// again, as if it were still in visual order, would spell every word backwards: for a correctly
// drawn "أحمد علي" poppler writes U+202B أحمد علي U+202C.
func extractedText(t *testing.T, path string) string {
	t.Helper()
	text := logicalRTL(pdftest.Text(t, path))
	text = strings.NewReplacer("\u202B", "", "\u202C", "").Replace(text)
	return strings.Join(strings.Fields(text), " ")
}

// logicalRTL puts right-to-left phrases of pdftotext's output in reading order. Within a
// left-to-right line, poppler (22.12) writes each right-to-left word group between U+202B and
// U+202C in reading order, but the groups of one phrase, split by punctuation, in their order
// on the page, left to right: "‫C‬, ‫B‬, ‫A‬" for the phrase A, B, C. That is the
// visual order those embedding marks state; reversing each sequence of groups joined only by
// punctuation and spaces gives the phrase as it is read.
func logicalRTL(text string) string {
	var out strings.Builder
	for {
		i := strings.Index(text, "\u202B")
		if i < 0 {
			return out.String() + text
		}
		out.WriteString(text[:i])
		var pieces []string // group, separator, group, ...
		rest := text[i:]
		for strings.HasPrefix(rest, "\u202B") {
			end := strings.Index(rest, "\u202C")
			if end < 0 {
				end = len(rest) - len("\u202C")
			}
			pieces = append(pieces, strings.TrimSpace(rest[len("\u202B"):end]))
			rest = rest[end+len("\u202C"):]
			sep := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsPunct(r) && r != ' ' })
			if sep < 0 {
				sep = len(rest)
			}
			if !strings.HasPrefix(rest[sep:], "\u202B") {
				break
			}
			pieces = append(pieces, rest[:sep])
			rest = rest[sep:]
		}
		slices.Reverse(pieces)
		for _, p := range pieces {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			if unicode.IsLetter([]rune(p)[0]) && out.Len() > 0 && !strings.HasSuffix(out.String(), " ") {
				out.WriteByte(' ') // a word after punctuation
			}
			out.WriteString(p)
		}
		text = rest
	}
}

// testMultiscriptNames checks that pdftotext gives every name back exactly, wherever it is
// drawn: each name is there, and every occurrence of its first word starts the whole name (a
// right-to-left name whose words are drawn in the wrong order fails).
func testMultiscriptNames(t *testing.T, ms *multiscript) {
	for _, doc := range sortedKeys(msNames) {
		t.Run(strings.TrimSuffix(filepath.Base(doc), ".pdf"), func(t *testing.T) {
			text := extractedText(t, ms.pdf(doc))
			for _, name := range msNames[doc] {
				first, _, _ := strings.Cut(name, " ")
				n, nFirst := strings.Count(text, name), strings.Count(text, first)
				switch {
				case n == 0:
					t.Errorf("%q is not in the text; its first word %q is, %d times: %s", name, first, nFirst, contexts(text, first))
				case nFirst != n:
					t.Errorf("%q is in the text %d times, but its first word %q %d times: %s", name, n, first, nFirst, contexts(text, first))
				}
			}
		})
	}
}

// contexts quotes every occurrence of s in text with a few words around it.
func contexts(text, s string) string {
	var out []string
	for i := 0; ; {
		j := strings.Index(text[i:], s)
		if j < 0 {
			break
		}
		at := i + j
		from, to := max(at-40, 0), min(at+len(s)+60, len(text))
		for from > 0 && !utf8.RuneStart(text[from]) {
			from--
		}
		for to < len(text) && !utf8.RuneStart(text[to]) {
			to++
		}
		out = append(out, fmt.Sprintf("%q", text[from:to]))
		i = at + len(s)
	}
	return strings.Join(out, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// msFonts are the fonts each document must embed, by PostScript name, with the type pdffonts
// gives: the CJK faces (from the .ttc and from the extracted .otf) have CFF outlines.
var msFonts = map[string]map[string]string{
	"agreements/MS-1-v1.pdf": {"NotoSerif-Regular": cidTT, "NotoSerif-Bold": cidTT, "NotoSansCJKjp-Regular": cidCFF,
		"NotoSansCJKjp-Bold": cidCFF, "NotoSerifHebrew-Regular": cidTT, "NotoSerifDevanagari-Regular": cidTT},
	// MS-2 is a draft: no signature blocks, so no legal name in bold (MS-1 has the bold CJK).
	"agreements/MS-2-v1.pdf": {"NotoSerif-Regular": cidTT, "NotoSerif-Bold": cidTT, "NotoSansCJKjp-Regular": cidCFF,
		"NotoSerifThai-Regular": cidTT},
	"agreements/MS-3-v2.pdf": {"NotoSerif-Regular": cidTT, "NotoSerif-Bold": cidTT, "NotoNaskhArabic-Regular": cidTT,
		"NotoNaskhArabic-Bold": cidTT, "NotoSerifHebrew-Regular": cidTT, "NotoSerifDevanagari-Regular": cidTT},
	"brochures/roadmap.pdf": {"NotoSerif-Regular": cidTT, "NotoSerif-Bold": cidTT, "NotoSansCJKjp-Regular": cidCFF,
		"NotoNaskhArabic-Regular": cidTT, "NotoSerifHebrew-Regular": cidTT, "NotoSerifDevanagari-Regular": cidTT,
		"NotoSerifThai-Regular": cidTT},
}

const (
	cidTT  = "CID TrueType"
	cidCFF = "CID Type 0C"
)

// msKnownFonts are all the fonts the workspace's settings name, and the embedded monospace one.
var msKnownFonts = []string{"NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic",
	"NotoSansMono-Regular", "NotoSansCJKjp-Regular", "NotoSansCJKjp-Bold", "NotoNaskhArabic-Regular",
	"NotoNaskhArabic-Bold", "NotoSerifHebrew-Regular", "NotoSerifHebrew-Bold", "NotoSerifDevanagari-Regular",
	"NotoSerifDevanagari-Bold", "NotoSerifThai-Regular", "NotoSerifThai-Bold"}

var (
	pdffontsRow = regexp.MustCompile(`^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$`)
	subsetTag   = regexp.MustCompile(`^[A-Z]{6}$`)
)

// testMultiscriptFonts checks pdffonts: every font embedded as a subset (a six-letter tag),
// with a ToUnicode map, under its real PostScript name, as CID TrueType or CID Type 0C.
func testMultiscriptFonts(t *testing.T, ms *multiscript) {
	for _, doc := range sortedKeys(msFonts) {
		t.Run(strings.TrimSuffix(filepath.Base(doc), ".pdf"), func(t *testing.T) {
			out, err := pdftest.Tool(t, "pdffonts", ms.pdf(doc))
			if err != nil {
				t.Fatalf("pdffonts: %v\n%s", err, out)
			}
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if len(lines) < 3 || !strings.HasPrefix(lines[1], "---") {
				t.Fatalf("pdffonts printed:\n%s", out)
			}
			found := map[string]string{}
			for _, line := range lines[2:] {
				m := pdffontsRow.FindStringSubmatch(line)
				if m == nil {
					t.Errorf("cannot read pdffonts row %q", line)
					continue
				}
				tag, name, ok := strings.Cut(m[1], "+")
				if !ok || !subsetTag.MatchString(tag) {
					t.Errorf("%s has no subset tag (ABCDEF+)", m[1])
					name = m[1]
				}
				if !slices.Contains(msKnownFonts, name) {
					t.Errorf("%s: not the PostScript name of a font the workspace uses", m[1])
				}
				if m[2] != cidTT && m[2] != cidCFF || m[3] != "Identity-H" {
					t.Errorf("%s: type %q, encoding %q; want CID TrueType or CID Type 0C, Identity-H", m[1], m[2], m[3])
				}
				if m[4] != "yes" || m[5] != "yes" || m[6] != "yes" {
					t.Errorf("%s: emb %s, sub %s, uni %s; want yes, yes, yes", m[1], m[4], m[5], m[6])
				}
				found[name] = m[2]
			}
			for name, typ := range msFonts[doc] {
				if got, ok := found[name]; !ok {
					t.Errorf("%s is not embedded (pdffonts lists %v)", name, sortedKeys(found))
				} else if got != typ {
					t.Errorf("%s is %s, want %s", name, got, typ)
				}
			}
		})
	}
}

// msSample is a text of one script drawn in one font of a document.
type msSample struct {
	// goText278 marks a sample whose kerning go-text v0.3.5 gets wrong (go-text/typesetting
	// issue 278: a GPOS lookup's coverage loses its later ranges, so some pairs of ơ and ư
	// before n, m or t are not kerned; fixed upstream by pull request 279, in no release yet).
	// Its glyphs must still be HarfBuzz's; their positions are not compared, and
	// TestGoText278 fails once an upgrade fixes it, so that the exception goes.
	goText278 bool
	name      string
	text      string
	font      string // a font file (cjkBoldOTF: the extracted .otf)
	index     int    // the face of a collection
	ps        string // the font's PostScript name
	doc       string // a document that draws text in this font
	rtl       bool
	kerned    bool // the text has kerning pairs: some glyph is not at its nominal place
}

var msSamples = []msSample{
	{name: "chinese", text: "北京开源基金会", font: cjkRegular, ps: "NotoSansCJKjp-Regular", doc: "agreements/MS-1-v1.pdf"},
	{name: "chinese-bold-otf", text: "北京开源基金会", font: cjkBoldOTF, ps: "NotoSansCJKjp-Bold", doc: "agreements/MS-1-v1.pdf"},
	{name: "japanese", text: "株式会社オープンデータ", font: cjkRegular, ps: "NotoSansCJKjp-Regular", doc: "agreements/MS-2-v1.pdf"},
	{name: "japanese-signatory", text: "山田太郎", font: cjkRegular, ps: "NotoSansCJKjp-Regular", doc: "agreements/MS-2-v1.pdf"},
	{name: "korean", text: "김민준", font: cjkRegular, ps: "NotoSansCJKjp-Regular", doc: "agreements/MS-1-v1.pdf"},
	{name: "arabic", text: "مؤسسة البيانات المفتوحة", font: notoCore + "NotoNaskhArabic-Regular.ttf", ps: "NotoNaskhArabic-Regular", doc: "agreements/MS-3-v2.pdf", rtl: true},
	{name: "arabic-bold", text: "مؤسسة البيانات المفتوحة", font: notoCore + "NotoNaskhArabic-Bold.ttf", ps: "NotoNaskhArabic-Bold", doc: "agreements/MS-3-v2.pdf", rtl: true},
	{name: "arabic-signatory", text: "أحمد علي", font: notoCore + "NotoNaskhArabic-Regular.ttf", ps: "NotoNaskhArabic-Regular", doc: "agreements/MS-3-v2.pdf", rtl: true},
	{name: "hebrew", text: "שרה כהן", font: notoCore + "NotoSerifHebrew-Regular.ttf", ps: "NotoSerifHebrew-Regular", doc: "agreements/MS-1-v1.pdf", rtl: true},
	{name: "hindi", text: "प्रिया शर्मा", font: notoCore + "NotoSerifDevanagari-Regular.ttf", ps: "NotoSerifDevanagari-Regular", doc: "agreements/MS-1-v1.pdf"},
	{name: "hindi-conjuncts", text: "हिन्दी क्षेत्र के दस्तावेज़ तैयार करेंगी।", font: notoCore + "NotoSerifDevanagari-Regular.ttf", ps: "NotoSerifDevanagari-Regular", doc: "agreements/MS-1-v1.pdf"},
	{name: "thai", text: "สมชาย ใจดี", font: notoCore + "NotoSerifThai-Regular.ttf", ps: "NotoSerifThai-Regular", doc: "agreements/MS-2-v1.pdf"},
	{goText278: true, name: "vietnamese", text: "Nguyễn Thị Hương", font: "../fonts/NotoSerif-Regular.ttf", ps: "NotoSerif-Regular", doc: "agreements/MS-1-v1.pdf"},
	{name: "greek", text: "Ελένη Παπαδοπούλου", font: "../fonts/NotoSerif-Regular.ttf", ps: "NotoSerif-Regular", doc: "agreements/MS-2-v1.pdf"},
	{name: "polish", text: "Łukasz Żółć", font: "../fonts/NotoSerif-Regular.ttf", ps: "NotoSerif-Regular", doc: "agreements/MS-2-v1.pdf"},
	{name: "german", text: "Jürgen Müller-Lüdenscheidt", font: "../fonts/NotoSerif-Regular.ttf", ps: "NotoSerif-Regular", doc: "agreements/MS-3-v2.pdf"},
	{name: "quotes-hyphens-kerning", text: "the parties’ “open-source-first” policy applies. AWAY, Yes, To-do, WAVE and",
		font: "../fonts/NotoSerif-Regular.ttf", ps: "NotoSerif-Regular", doc: "agreements/MS-1-v1.pdf", kerned: true},
}

// posTolerance is how far, in thousandths of an em, a glyph may be from where hb-shape puts it:
// the PDF rounds to hundredths, go-text shapes in 26.6 fixed point.
const posTolerance = 0.6

// testMultiscriptGlyphs compares, for each sample, hb-shape's glyphs (IDs, offsets and
// advances) with typeset's shaping of the same text in the same face, and with what the PDF
// draws: each word's glyphs, in the sample's font, in drawing order (a right-to-left run is drawn
// from its right end) at hb-shape's positions. No PDF draws the .notdef glyph.
func testMultiscriptGlyphs(t *testing.T, ms *multiscript) {
	drawn := map[string][][]drawnGlyph{}
	for doc := range msNames {
		drawn[doc] = pageGlyphs(t, ms.pdf(doc))
		for _, obj := range drawn[doc] {
			for _, g := range obj {
				if g.ID == 0 {
					t.Errorf("%s draws .notdef (glyph 0) in %s", doc, g.Font)
				}
			}
		}
	}
	faces := map[string]*typeset.Face{} // by file and face: a CJK collection is parsed once
	for _, s := range msSamples {
		t.Run(s.name, func(t *testing.T) {
			file := s.font
			if file == cjkBoldOTF {
				file = ms.otf
			}
			sel := ""
			if strings.HasSuffix(file, ".ttc") {
				sel = fmt.Sprint(s.index)
			}
			face := faces[file+"#"+sel]
			if face == nil {
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if face, err = typeset.Parse(data, sel); err != nil {
					t.Fatal(err)
				}
				faces[file+"#"+sel] = face
			}
			if face.Name() != s.ps {
				t.Fatalf("face %d of %s is %s, want %s", s.index, file, face.Name(), s.ps)
			}
			head := face.Table("head")
			if len(head) < 20 {
				t.Fatalf("%s: no head table", file)
			}
			upem := float64(binary.BigEndian.Uint16(head[18:]))
			hb := hbShape(t, file, s.index, upem, msLanguage, s.text)
			if s.goText278 {
				for i := range hb { // compare glyphs only (see msSample.goText278)
					hb[i].Advance, hb[i].X, hb[i].Y = 0, 0, 0
				}
				compareGlyphIDs(t, hb, typeset.NewStyle(face).Shape(s.text))
				return
			}
			compareShaping(t, hb, typeset.NewStyle(face).Shape(s.text))
			compareDrawn(t, s, hb, drawn[s.doc])
		})
	}
}

// compareGlyphIDs compares the glyph IDs of hb-shape and typeset, both in visual order.
func compareGlyphIDs(t *testing.T, hb []hbGlyph, line typeset.Line) {
	t.Helper()
	var want, got []uint16
	for _, g := range hb {
		want = append(want, g.ID)
	}
	for _, r := range line.Runs {
		for _, g := range r.Glyphs {
			got = append(got, g.ID)
		}
	}
	if !slices.Equal(want, got) {
		t.Fatalf("typeset shapes glyphs %v; hb-shape %v", got, want)
	}
}

// TestGoText278 pins go-text v0.3.5's missed kerning of "ơn" in Noto Serif (see
// msSample.goText278): when it fails, go-text kerns the pair as HarfBuzz does; drop the
// exception and this test.
func TestGoText278(t *testing.T) {
	data, err := os.ReadFile("../fonts/NotoSerif-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	face, err := typeset.Parse(data, "")
	if err != nil {
		t.Fatal(err)
	}
	hb := hbShape(t, "../fonts/NotoSerif-Regular.ttf", 0, 1000, msLanguage, "ơn")
	ours := typeset.NewStyle(face).Shape("ơn").Runs[0].Glyphs
	if len(hb) != 2 || len(ours) != 2 || hb[0].ID != ours[0].ID {
		t.Fatalf("ơn: hb-shape %v, typeset %v", hb, ours)
	}
	if near(hb[0].Advance, ours[0].Advance) {
		t.Errorf("go-text now kerns ơn as HarfBuzz does (%.0f): remove msSample.goText278", ours[0].Advance)
	}
}

// compareShaping compares hb-shape's glyphs with typeset's, both in visual order.
func compareShaping(t *testing.T, hb []hbGlyph, line typeset.Line) {
	t.Helper()
	var ours []typeset.Glyph
	for _, r := range line.Runs {
		ours = append(ours, r.Glyphs...)
	}
	ids := func() (a, b []uint16) {
		for _, g := range hb {
			a = append(a, g.ID)
		}
		for _, g := range ours {
			b = append(b, g.ID)
		}
		return a, b
	}
	if want, got := ids(); !slices.Equal(want, got) {
		t.Fatalf("typeset shapes glyphs %v; hb-shape %v", got, want)
	}
	for i, g := range ours {
		h := hb[i]
		if !near(g.Advance, h.Advance) || !near(g.XOffset, h.X) || !near(g.YOffset, h.Y) {
			t.Errorf("glyph %d (%d): typeset advance %.2f offset (%.2f, %.2f); hb-shape advance %.2f offset (%.2f, %.2f)",
				i, g.ID, g.Advance, g.XOffset, g.YOffset, h.Advance, h.X, h.Y)
		}
	}
}

func near(a, b float64) bool { return a-b < posTolerance && b-a < posTolerance }

// compareDrawn finds each word of hb-shape's glyphs (split at the glyphs of spaces) among the
// glyphs the document draws in the sample's font, and compares their positions.
func compareDrawn(t *testing.T, s msSample, hb []hbGlyph, objs [][]drawnGlyph) {
	t.Helper()
	runes := []rune(s.text)
	var words [][]hbGlyph
	var cur []hbGlyph
	for _, g := range hb {
		if g.Cluster < len(runes) && runes[g.Cluster] == ' ' {
			if len(cur) > 0 {
				words = append(words, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, g)
	}
	if len(cur) > 0 {
		words = append(words, cur)
	}
	kerned := false
	for _, w := range words {
		want := make([]uint16, len(w))
		for i, g := range w {
			want[i] = g.ID
		}
		if s.rtl {
			slices.Reverse(want) // drawn in reading order, from the right end
		}
		obj, at := findGlyphs(objs, s.ps, want)
		if obj == nil {
			t.Errorf("%s does not draw %v in %s (hb-shape's glyphs of a word of %q); it draws in that font: %s",
				s.doc, want, s.ps, s.text, drawnIn(objs, s.ps))
			continue
		}
		// Positions from the word's left end, in visual order.
		pen, first := 0.0, 0.0
		for k, g := range w {
			i := at + k
			if s.rtl {
				i = at + len(w) - 1 - k
			}
			d := obj[i]
			if k == 0 {
				first = d.X - g.X
			}
			if x := d.X - first; !near(x, pen+g.X) || !near(d.Y, g.Y) {
				t.Errorf("%s: glyph %d of a word of %q is drawn at (%.2f, %.2f); hb-shape puts it at (%.2f, %.2f)",
					s.doc, g.ID, s.text, x, d.Y, pen+g.X, g.Y)
			}
			if k > 0 && !s.rtl && !near(d.X, obj[i-1].X+obj[i-1].W) {
				kerned = true // the PDF moves the pen between the glyphs
			}
			pen += g.Advance
		}
	}
	if s.kerned && !kerned {
		t.Errorf("%s: no glyph of %q is moved from its nominal place: no kerning", s.doc, s.text)
	}
}

// findGlyphs finds the glyph IDs want drawn one after another in font, in one text object.
func findGlyphs(objs [][]drawnGlyph, font string, want []uint16) ([]drawnGlyph, int) {
	for _, obj := range objs {
	next:
		for i := 0; i+len(want) <= len(obj); i++ {
			for k, id := range want {
				if obj[i+k].Font != font || obj[i+k].ID != id {
					continue next
				}
			}
			return obj, i
		}
	}
	return nil, 0
}

// drawnIn lists the glyph sequences drawn in font, for a message.
func drawnIn(objs [][]drawnGlyph, font string) string {
	var seqs []string
	for _, obj := range objs {
		var ids []string
		for _, g := range obj {
			if g.Font == font {
				ids = append(ids, fmt.Sprint(g.ID))
			} else if len(ids) > 0 && ids[len(ids)-1] != "|" {
				ids = append(ids, "|")
			}
		}
		if len(ids) > 0 {
			seqs = append(seqs, "["+strings.Join(ids, " ")+"]")
		}
	}
	if len(seqs) == 0 {
		return "nothing"
	}
	return strings.Join(seqs, " ")
}

// msCrop is a part of a page compared with a reference image: the words of the page at or right
// of the anchor word's left edge whose boxes lie within height points below its top. The anchor
// is occurrence nth (from 0) of the word in the document.
type msCrop struct {
	name   string // the reference is testdata/multiscript/ref/<name>.png
	doc    string
	anchor string
	nth    int
	height float64
	dpi    float64
}

var msCrops = []msCrop{
	// Joined Arabic in the funder's column of the signature page, right-aligned and in bold.
	{name: "arabic-signature-250", doc: "agreements/MS-3-v2.pdf", anchor: "FOR", nth: 1, height: 135, dpi: 250},
	// Curly quotes and apostrophes, hyphens, and kerned pairs (AW, AY, Ye, To, WA, LT).
	{name: "quotes-hyphens-kerning-250", doc: "agreements/MS-1-v1.pdf", anchor: "Typography:", height: 28, dpi: 250},
	// Devanagari conjuncts: प्र, र्म (reph), न्द, क्ष, त्र, स्त, ज़ (nukta), and vowel signs.
	{name: "devanagari-250", doc: "agreements/MS-1-v1.pdf", anchor: "Devanagari:", height: 24, dpi: 250},
	// A table at screen resolution: Thai, Greek and Polish names.
	{name: "team-80", doc: "agreements/MS-2-v1.pdf", anchor: "Name", height: 80, dpi: 80},
}

// imageTolerance: a pixel differs when a channel differs by more than this (of 255); a crop
// may have at most maxDiffer of its pixels differ. poppler draws the same PDF the same way (CI
// has the same Debian poppler), so a difference means different glyphs or places; a wrong glyph
// changes hundreds of pixels at 250 dpi.
const (
	imageTolerance = 64
	maxDiffer      = 0.0005
)

// testMultiscriptImages renders crops of pages with pdftoppm and compares them with the
// reference images under testdata/multiscript/ref (rewritten with -update).
func testMultiscriptImages(t *testing.T, ms *multiscript) {
	update := false
	if f := flag.Lookup("update"); f != nil {
		update = f.Value.String() == "true"
	}
	for _, c := range msCrops {
		t.Run(c.name, func(t *testing.T) {
			ws := words(t, ms.pdf(c.doc))
			var found []word
			for _, w := range ws {
				if w.Text == c.anchor {
					found = append(found, w)
				}
			}
			if len(found) <= c.nth {
				t.Fatalf("%s has %d words %q, no occurrence %d", c.doc, len(found), c.anchor, c.nth)
			}
			a := found[c.nth]
			box := [4]float64{a.XMin, a.YMin, a.XMax, a.YMax}
			for _, w := range ws {
				if w.Page == a.Page && w.XMin >= a.XMin-1 && w.YMin >= a.YMin-1 && w.YMax <= a.YMin+c.height {
					box = [4]float64{min(box[0], w.XMin), min(box[1], w.YMin), max(box[2], w.XMax), max(box[3], w.YMax)}
				}
			}
			const pad = 3
			got := crop(t, ms.pdf(c.doc), a.Page, c.dpi, box[0]-pad, box[1]-pad, box[2]-box[0]+2*pad, box[3]-box[1]+2*pad)
			ref := filepath.Join("testdata", "multiscript", "ref", c.name+".png")
			if update {
				data, err := os.ReadFile(got)
				if err == nil {
					err = os.WriteFile(ref, data, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := readPNG(ref)
			if err != nil {
				t.Fatalf("%v (run the tests with -update to create it)", err)
			}
			img, err := readPNG(got)
			if err != nil {
				t.Fatal(err)
			}
			n, err := imageDiff(want, img, imageTolerance)
			size := img.Bounds().Dx() * img.Bounds().Dy()
			if err != nil || float64(n) > maxDiffer*float64(size) {
				data, _ := os.ReadFile(got)
				os.WriteFile(ref+".got", data, 0o644)
				if err == nil {
					err = fmt.Errorf("%d of %d pixels differ", n, size)
				}
				t.Errorf("page %d of %s differs from %s: %v (see %s.got; rerun with -update if the change is intended)",
					a.Page, c.doc, ref, err, ref)
				return
			}
			os.Remove(ref + ".got")
		})
	}
}
