package fpdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/fonts"
	"github.com/cwo-tool/cwo/internal/shaped"
	"github.com/cwo-tool/cwo/typeset"
)

// testShaper is the Shaper render/pdf gives fpdf, over one typeset style.
type testShaper struct{ st *typeset.Style }

func (s testShaper) Shape(text string) shaped.Line { return s.st.Shape(text) }
func (s testShaper) Width(text string) float64     { return s.st.Width(text) }
func (s testShaper) Breaks(text string) []int      { return typeset.Breaks(text) }
func (s testShaper) RTL(text string) bool          { return typeset.RTL(text) }

// shapedDoc returns an uncompressed document in points with the embedded serif registered as
// shaped family "body", plus Noto Naskh Arabic as its fallback.
func shapedDoc(t *testing.T) *Fpdf {
	t.Helper()
	serif, err := typeset.Parse(fonts.Regular, "")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf")
	if err != nil {
		t.Fatal(err) // fonts-noto-core, installed by .ci/run
	}
	arabic, err := typeset.Parse(data, "")
	if err != nil {
		t.Fatal(err)
	}
	pdf := NewCustom(&InitType{UnitStr: "pt", Size: SizeType{Wd: 400, Ht: 300}})
	pdf.SetCompression(false)
	pdf.AddShapedFont("body", "", testShaper{typeset.NewStyle(serif, arabic)}, serif.Metrics())
	pdf.AliasNbPages("{nb}")
	pdf.AddPage()
	pdf.SetFont("body", "", 12)
	return pdf
}

func output(t *testing.T, pdf *Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestShapedTextExtracts draws shaped text (a ligature, kerning, a right-to-left run and the
// page-count alias) and reads it back with pdftotext, checks the fonts with pdffonts and the
// file with qpdf.
func TestShapedTextExtracts(t *testing.T) {
	pdf := shapedDoc(t)
	pdf.Text(20, 40, "office AVA “quoted” – CWO-2026-003")
	pdf.SetXY(20, 60)
	pdf.CellFormat(300, 20, "Funder: مؤسسة (OORI), page 1 of {nb}", "", 1, "L", false, 0, "")
	pdf.Text(20, 120, "مكتب البنية التحتية")
	raw := output(t, pdf)
	if !regexp.MustCompile(`/G1 12 Tf \[<[0-9A-F]{4}>`).Match(raw) {
		t.Errorf("no glyph run in the content stream")
	}
	if !bytes.Contains(raw, []byte("/CIDToGIDMap /Identity")) || !bytes.Contains(raw, []byte("/Encoding /Identity-H")) {
		t.Errorf("glyph fonts are not Identity-H with an identity CIDToGIDMap")
	}
	path := filepath.Join(t.TempDir(), "shaped.pdf")
	os.WriteFile(path, raw, 0o644)
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	text, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// A wholly right-to-left line comes back in reading order; in a left-to-right line
	// pdftotext marks the right-to-left span (U+202B ... U+202C) and places "(" by its own rules.
	for _, want := range []string{"office AVA “quoted” – CWO-2026-003", "مؤسسة", "OORI), page 1 of 1", "مكتب البنية التحتية"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, text)
		}
	}
	fonts, _ := exec.Command("pdffonts", path).Output()
	if !regexp.MustCompile(`[A-Z]{6}\+NotoSerif-Regular +CID TrueType +Identity-H +yes yes yes`).Match(fonts) ||
		!regexp.MustCompile(`[A-Z]{6}\+NotoNaskhArabic-Regular`).Match(fonts) {
		t.Errorf("pdffonts:\n%s", fonts)
	}
}

// TestShapedMultiCellWraps checks that MultiCell and SplitText break shaped text at the
// Unicode line-break opportunities, within the width, and cut a word too long for a line.
func TestShapedMultiCellWraps(t *testing.T) {
	pdf := shapedDoc(t)
	text := "Every change goes through the project's normal review; the maintainers decide what lands. " +
		"https://docs.scipy.org/doc/scipy/dev/roadmap.html#a-very-long-anchor-that-cannot-fit"
	lines := pdf.SplitText(text, 150)
	if len(lines) < 5 {
		t.Fatalf("SplitText: %d lines: %q", len(lines), lines)
	}
	if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(text, " ", "") {
		t.Errorf("the lines lose text: %q", lines)
	}
	for _, l := range lines {
		if w := pdf.GetStringWidth(l); w > 150-2*pdf.cMargin+0.01 {
			t.Errorf("line %q is %.1f wide, over 150", l, w)
		}
	}
	y := pdf.GetY()
	pdf.MultiCell(150, 14, text, "", "L", false)
	if got := pdf.GetY() - y; got != float64(len(lines))*14 {
		t.Errorf("MultiCell advanced %.0f, want %d lines of 14", got, len(lines))
	}
}

// TestShapedSameBytes renders the same shaped document twice.
func TestShapedSameBytes(t *testing.T) {
	draw := func() []byte {
		pdf := shapedDoc(t)
		pdf.SetCreationDate(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
		pdf.Text(20, 40, "Ἀθῆναι, Kraków, مؤسسة, {nb}")
		return output(t, pdf)
	}
	if !bytes.Equal(draw(), draw()) {
		t.Errorf("two renders differ")
	}
}

// TestShapedMultiCellRTLAlignment: a right-to-left paragraph is set flush right by default,
// and stays flush left when asked for "L".
func TestShapedMultiCellRTLAlignment(t *testing.T) {
	start := func(align string) float64 {
		pdf := shapedDoc(t)
		pdf.SetXY(20, 100)
		pdf.MultiCell(300, 14, "مكتب البنية", "", align, false)
		m := regexp.MustCompile(`BT ([0-9.]+) [0-9.]+ Td /G`).FindSubmatch(pdf.pages[1].Bytes())
		if m == nil {
			t.Fatalf("%q: no text object", align)
		}
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		return x
	}
	if def, left := start(""), start("L"); def < 200 || left > 30 {
		t.Errorf("starts: default %.1f (want flush right, past 200), L %.1f (want flush left)", def, left)
	}
}
