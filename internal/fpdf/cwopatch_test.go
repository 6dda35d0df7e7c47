// cwo patch: tests of the shared fonts (utf8font_shared.go) and images (image_cache.go).

package fpdf_test

import (
	"bytes"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/internal/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// sharedFontTexts are the texts of the test documents: each uses other runes of the fonts.
var sharedFontTexts = [][]string{
	{"Zoë Łukasz Ελένη Παπαδοπούλου — 12.500,00 € page {nb}", "Съешь же ещё этих мягких французских булок"},
	{"Plain ASCII only, page {nb}", "The quick brown fox jumps over the lazy dog"},
}

// sharedFontFaces are the faces of the test documents: two faces of Go's proportional font, and
// Go Mono, whose few long horizontal metrics once made fpdf write into the shared font bytes
// (patch 1).
var sharedFontFaces = []struct {
	family, style string
	ttf           []byte
}{{"go", "", goregular.TTF}, {"go", "B", gobold.TTF}, {"mono", "", gomono.TTF}}

// sharedFontDoc writes a two-page document in the sharedFontFaces, registered with add, with
// the given Cache (nil: its own).
func sharedFontDoc(t *testing.T, texts []string, cache *fpdf.Cache, add func(pdf *fpdf.Fpdf)) []byte {
	t.Helper()
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4", Cache: cache})
	pdf.SetCreationDate(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	pdf.SetCatalogSort(true)
	pdf.AliasNbPages("{nb}")
	add(pdf)
	for _, text := range texts {
		pdf.AddPage()
		for _, face := range sharedFontFaces {
			pdf.SetFont(face.family, face.style, 14)
			pdf.Cell(0, 10, text)
			pdf.Ln(12)
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAddUTF8FontFromParsedSameBytes(t *testing.T) {
	var want [][]byte
	for _, texts := range sharedFontTexts {
		want = append(want, sharedFontDoc(t, texts, nil, func(pdf *fpdf.Fpdf) {
			for _, face := range sharedFontFaces {
				pdf.AddUTF8FontFromBytes(face.family, face.style, face.ttf)
			}
		}))
	}
	var parsed []*fpdf.UTF8Font
	for _, face := range sharedFontFaces {
		font, err := fpdf.ParseUTF8Font(face.ttf)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, font)
	}
	// Many documents at once from the same parsed fonts and one Cache, as a batch renders them;
	// the second of each text takes the font subsets that the first one cut, and later ones
	// the page and compression buffers of those before.
	cache := fpdf.NewCache()
	var wg sync.WaitGroup
	docs := make([][]byte, 8)
	for i := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			docs[i] = sharedFontDoc(t, sharedFontTexts[i%2], cache, func(pdf *fpdf.Fpdf) {
				for j, face := range sharedFontFaces {
					pdf.AddUTF8FontFromParsed(face.family, face.style, parsed[j])
				}
			})
		}()
	}
	wg.Wait()
	for i, got := range docs {
		if !bytes.Equal(got, want[i%2]) {
			t.Errorf("document %d from parsed fonts differs from one made with AddUTF8FontFromBytes (%d and %d bytes)", i, len(got), len(want[i%2]))
		}
	}
}

func TestParseUTF8FontRejectsNonFonts(t *testing.T) {
	if _, err := fpdf.ParseUTF8Font([]byte("OTTO not a TrueType font")); err == nil {
		t.Errorf("ParseUTF8Font accepted a non-TrueType font")
	}
}

// imageDoc writes a page with one image read from file through RegisterImageOptionsReader,
// with the given Cache.
func imageDoc(t *testing.T, file, typ string, cache *fpdf.Cache) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4", Cache: cache})
	pdf.SetCreationDate(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	pdf.AddPage()
	opt := fpdf.ImageOptions{ImageType: typ}
	pdf.RegisterImageOptionsReader("logo", opt, bytes.NewReader(data))
	pdf.ImageOptions("logo", 10, 10, 30, 0, false, opt, 0, "")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParsedImagesSameBytes checks that an image parsed once gives every later document of
// the Cache the same bytes as a document that parses it, the PDF version an alpha channel
// requires included.
func TestParsedImagesSameBytes(t *testing.T) {
	for _, c := range []struct{ file, typ, header string }{
		{"testdata/logo-rgb.png", "png", "%PDF-1.4"}, {"testdata/logo.png", "png", "%PDF-1.3"}, {"testdata/logo.jpg", "jpg", "%PDF-1.3"},
	} {
		cache := fpdf.NewCache()
		first, second := imageDoc(t, c.file, c.typ, cache), imageDoc(t, c.file, c.typ, cache)
		if !bytes.Equal(first, second) {
			t.Errorf("%s: the second document, with the image from the cache, differs from the first", c.file)
		}
		if alone := imageDoc(t, c.file, c.typ, nil); !bytes.Equal(alone, second) {
			t.Errorf("%s: a document without a shared Cache differs from one with the cached image", c.file)
		}
		if !bytes.HasPrefix(second, []byte(c.header)) {
			t.Errorf("%s: document starts with %q, want %s", c.file, second[:8], c.header)
		}
	}
}
