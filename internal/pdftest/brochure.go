package pdftest

import (
	"fmt"
	"image"
	"image/draw"
	_ "image/png" // pdftoppm's pages
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// BrochureWant is what a brochure must show a visitor and a print shop.
type BrochureWant struct {
	PageMultiple int      // the page count is 2 (a single sheet) or a multiple of it (4 for a folded booklet); 0: any
	Pages        int      // the exact page count; 0: any
	Texts        []string // extractable in full (taglines), whitespace aside
	RoadmapURLs  []string // each decoded from a QR code captioned "Roadmap" and its short URL
	Contact      string   // held by the vCard of the QR code captioned "Contact card"
}

// CheckBrochure checks a brochure: its page count; every page but the last at least half full,
// measured from the trim's top to the lowest word above the footer; no "…" and every want.Texts
// in full; every QR code captioned "Roadmap" decodes to a URL whose short form its caption gives,
// each of want.RoadmapURLs among them; the one captioned "Contact card" to a vCard 3.0 holding
// want.Contact.
func CheckBrochure(t testing.TB, path string, want BrochureWant) {
	t.Helper()
	pages := Words(t, path)
	if want.PageMultiple > 0 && len(pages) != 2 && len(pages)%want.PageMultiple != 0 {
		t.Errorf("%d pages, want 2 or a multiple of %d", len(pages), want.PageMultiple)
	}
	if want.Pages > 0 && len(pages) != want.Pages {
		t.Errorf("%d pages, want %d", len(pages), want.Pages)
	}
	top, bottom := trim(t, path, pages[0].Height)
	for i, p := range pages[:len(pages)-1] {
		low := top
		for _, w := range p.Lines {
			if w.YMin < bottom-36 { // above the footer
				low = max(low, w.YMax)
			}
		}
		if fill := (low - top) / (bottom - top); fill < 0.5 {
			t.Errorf("page %d is %.0f%% full, want at least half", i+1, 100*fill)
		}
	}
	text := strings.Join(strings.Fields(Text(t, path)), " ")
	if strings.Contains(text, "…") {
		t.Errorf("the brochure has a truncated text (…)")
	}
	for _, s := range want.Texts {
		if !strings.Contains(text, strings.Join(strings.Fields(s), " ")) {
			t.Errorf("the brochure lacks the full text %q", s)
		}
	}
	checkQRCodes(t, path, pages, want)
}

// trim returns the top and bottom of the first page's TrimBox in pdftotext's coordinates.
func trim(t testing.TB, path string, height float64) (float64, float64) {
	t.Helper()
	out, err := Tool(t, "pdfinfo", "-box", path)
	if err != nil {
		t.Fatalf("pdfinfo -box: %v %s", err, out)
	}
	m := regexp.MustCompile(`TrimBox:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("pdfinfo -box: no TrimBox in %s", out)
	}
	y0, _ := strconv.ParseFloat(m[2], 64)
	y1, _ := strconv.ParseFloat(m[4], 64)
	return height - y1, height - y0
}

// qrDPI is the least resolution QR codes are decoded at; a small code's crop is rendered finer,
// to at least the 320 pixels zxing's hybrid binarizer needs.
const qrDPI = 400

func checkQRCodes(t testing.TB, path string, pages []Page, want BrochureWant) {
	t.Helper()
	found := map[string]bool{}
	contact := false
	for i, p := range pages {
		for j, w := range p.Lines {
			// the code's side from its caption's width, in cwo's default font
			kind, side := "", 0.0
			switch {
			case w.Text == "Roadmap":
				kind, side = "roadmap", (w.XMax-w.XMin)*66/33.59
			case w.Text == "Contact" && j+1 < len(p.Lines) && p.Lines[j+1].Text == "card":
				kind, side = "contact", (w.XMax-w.XMin)*66/31.07
			default:
				continue
			}
			got, err := DecodeQRAbove(t, path, i+1, w, side)
			if err != nil {
				t.Errorf("page %d: no QR code decodes above the caption %q at %.0f,%.0f: %v", i+1, w.Text, w.XMin, w.YMin, err)
				continue
			}
			if kind == "contact" {
				contact = true
				if !strings.HasPrefix(got, "BEGIN:VCARD\r\nVERSION:3.0\r\n") || !strings.Contains(got, want.Contact) {
					t.Errorf("page %d: the contact QR code holds %q, want a vCard 3.0 with %q", i+1, got, want.Contact)
				}
				continue
			}
			found[got] = true
			if caption := below(p, w); !strings.Contains(caption, shortURL(got)) {
				t.Errorf("page %d: the QR code captioned %q holds %s", i+1, caption, got)
			}
		}
	}
	for _, u := range want.RoadmapURLs {
		if !found[u] {
			t.Errorf("no QR code captioned Roadmap holds %s", u)
		}
	}
	if want.Contact != "" && !contact {
		t.Errorf("no QR code captioned Contact card")
	}
}

// below returns the words of the caption's next lines (up to four) in its column, joined
// without spaces.
func below(p Page, caption Line) string {
	cx := (caption.XMin + caption.XMax) / 2
	var b strings.Builder
	h := caption.YMax - caption.YMin
	for _, w := range p.Lines {
		if c := (w.XMin + w.XMax) / 2; c > cx-50 && c < cx+50 && w.YMin > caption.YMin+h/2 && w.YMin < caption.YMax+4.5*h {
			b.WriteString(w.Text)
		}
	}
	return b.String()
}

func shortURL(u string) string {
	for _, p := range []string{"https://", "http://", "www."} {
		u = strings.TrimPrefix(u, p)
	}
	if strings.Contains(u, "/") {
		u = strings.TrimSuffix(u, "index.html")
	}
	return strings.TrimSuffix(u, "/")
}

// RenderArea rasterises a rectangle of page n of path (in points from its top left) at dpi.
func RenderArea(t testing.TB, path string, n int, dpi float64, r image.Rectangle) image.Image {
	t.Helper()
	px := dpi / 72
	prefix := filepath.Join(t.TempDir(), "area")
	args := []string{"-png", "-gray", "-r", fmt.Sprint(dpi), "-f", strconv.Itoa(n), "-l", strconv.Itoa(n),
		"-x", strconv.Itoa(int(float64(r.Min.X) * px)), "-y", strconv.Itoa(int(float64(r.Min.Y) * px)),
		"-W", strconv.Itoa(int(float64(r.Dx()) * px)), "-H", strconv.Itoa(int(float64(r.Dy()) * px)), "-singlefile", path, prefix}
	if out, err := Tool(t, "pdftoppm", args...); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// DecodeQRAbove decodes the QR code standing on a caption on page n: it tries a square of the
// expected side (in points) centred over the caption, then squares of growing side.
func DecodeQRAbove(t testing.TB, path string, n int, caption Line, side float64) (string, error) {
	t.Helper()
	cx := (caption.XMin + caption.XMax) / 2
	var last error
	sides := []float64{side + 4, side + 14}
	for s := 40.0; s <= 100; s += 10 {
		sides = append(sides, s)
	}
	for _, side := range sides {
		for _, dpi := range []float64{max(qrDPI, 360*72/side), 300} { // at least 360 pixels across, else a press's 300
			r := image.Rect(int(cx-side/2), int(caption.YMin-side-1), int(cx+side/2), int(caption.YMin-1))
			bmp, err := gozxing.NewBinaryBitmapFromImage(quietZone(RenderArea(t, path, n, dpi, r)))
			if err != nil {
				return "", err
			}
			res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
			if err == nil {
				return res.GetText(), nil
			}
			last = err
		}
	}
	return "", last
}

// quietZone puts img on a white canvas with a margin of a tenth of its width all round, the
// quiet zone a decoder needs when the crop cuts close to the code.
func quietZone(img image.Image) image.Image {
	b := img.Bounds()
	m := b.Dx() / 10
	out := image.NewGray(image.Rect(0, 0, b.Dx()+2*m, b.Dy()+2*m))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, image.Rect(m, m, m+b.Dx(), m+b.Dy()), img, b.Min, draw.Src)
	return out
}
