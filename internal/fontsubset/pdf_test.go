package fontsubset

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfFont is how a font program is embedded in the test PDF.
type pdfFont struct {
	cidSubtype string // CIDFontType0 or CIDFontType2
	fileKey    string // FontFile2 or FontFile3
	fileType   string // the font file's /Subtype, for FontFile3
}

var (
	trueTypeFont = pdfFont{"CIDFontType2", "FontFile2", ""}
	cffType0     = pdfFont{"CIDFontType0", "FontFile3", "CIDFontType0C"}
)

// type0PDF returns a one-page PDF drawing cids, ten a line, with a Type0 font (Identity-H) whose
// descendant embeds program as kind says.
func type0PDF(program []byte, kind pdfFont, cids []int) []byte {
	var content strings.Builder
	lines := (len(cids) + 9) / 10
	height := 50*lines + 30
	for i := 0; i < len(cids); i += 10 {
		fmt.Fprintf(&content, "BT /F1 40 Tf 10 %d Td <", height-50*(i/10+1))
		for _, c := range cids[i:min(i+10, len(cids))] {
			fmt.Fprintf(&content, "%04X", c)
		}
		content.WriteString("> Tj ET\n")
	}
	fileSubtype, gidMap := "", " /CIDToGIDMap /Identity"
	if kind.fileType != "" {
		fileSubtype, gidMap = " /Subtype /"+kind.fileType, ""
	}
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 460 %d] "+
			"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>", height),
		stream("", []byte(content.String())),
		"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Test /Encoding /Identity-H " +
			"/DescendantFonts [6 0 R] >>",
		"<< /Type /Font /Subtype /" + kind.cidSubtype + " /BaseFont /AAAAAA+Test " +
			"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
			"/FontDescriptor 7 0 R /DW 1000" + gidMap + " >>",
		"<< /Type /FontDescriptor /FontName /AAAAAA+Test /Flags 4 /FontBBox [-1000 -300 2000 1200] " +
			"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /" + kind.fileKey + " 8 0 R >>",
		stream(fileSubtype, program),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// stream returns a PDF stream object of data with extra dictionary entries.
func stream(extra string, data []byte) string {
	return fmt.Sprintf("<< /Length %d%s >>\nstream\n%s\nendstream", len(data), extra, data)
}

// renderPDF renders the PDF with pdftoppm and returns the PNG, failing on any message poppler
// prints (it reports font errors on stderr and draws on).
func renderPDF(t *testing.T, pdf []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command("pdftoppm", "-r", "72", "-png", "-singlefile", in, filepath.Join(dir, "out"))
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftoppm: %v: %s", err, stderr.String())
	}
	out, err := os.ReadFile(filepath.Join(dir, "out.png"))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// inkPixels returns how many pixels of a PNG are darker than mid-grey.
func inkPixels(t *testing.T, b []byte) int {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if grey(img, x, y) < 0x8000 {
				n++
			}
		}
	}
	return n
}

// grey returns the luminance of a pixel, in 0..0xFFFF.
func grey(img image.Image, x, y int) uint32 {
	r, g, b, _ := img.At(x, y).RGBA()
	return (r + g + b) / 3
}

// checkRendersAsSource renders cids with the full font program and with its subset, and checks
// that poppler draws the same, non-blank page without complaint.
func checkRendersAsSource(t *testing.T, full, sub []byte, kind pdfFont, cids []int) {
	t.Helper()
	want := renderPDF(t, type0PDF(full, kind, cids))
	got := renderPDF(t, type0PDF(sub, kind, cids))
	if ink := inkPixels(t, want); ink < 100*len(cids) {
		t.Fatalf("the source font draws only %d dark pixels for %d glyphs", ink, len(cids))
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the subset renders differently from the source font (%d and %d dark pixels)",
			inkPixels(t, got), inkPixels(t, want))
	}
}
