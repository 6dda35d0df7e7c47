package pdf

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/fpdf"
)

// Options are the settings every document shares.
type Options struct {
	Paper  string  // "letter" or "a4" (cwo.Papers); anything else is Letter
	Brand  string  // "#RRGGBB"
	Fonts  *Fonts  // nil: the embedded fonts
	Shared *Shared // what the run's documents share; nil: the document shares nothing
}

// Shared is what the PDFs of one run share to be made faster: one decode of each image file
// (Shared.Image), the images fpdf parsed, the subset font programs, and fpdf's page and
// compression buffers (the shapes of text are kept by Fonts). A run makes one with NewShared and
// passes it in Options to every document, in any number of goroutines; a document's bytes do
// not depend on it.
type Shared struct {
	images imageCache
	fpdf   *fpdf.Cache
}

// NewShared returns an empty Shared for the documents of one run.
func NewShared() *Shared { return &Shared{fpdf: fpdf.NewCache()} }

// Layout constants, in points. The side margins give a measure of about 75 characters of body
// text a line (412 points on Letter, 395 on A4), which a reader follows without losing the line.
const (
	marginSide   = 100.0
	marginTop    = 72.0
	marginBottom = 76.0 // room for the footer
	bodySize     = 11.0
	bodyLeading  = 1.35 // line height as a multiple of bodySize
)

// Heading sizes of the agreement text, in points: the title (h1), clauses (h2), their
// sub-headings such as scope items (h3), and h4 to h6.
var headingSizes = [4]float64{18, 14, 12, 11}

// rgb is a colour as fpdf wants it.
type rgb struct{ r, g, b int }

var (
	textColor  = rgb{33, 37, 41}
	mutedColor = rgb{108, 117, 125}
	ruleColor  = rgb{173, 181, 189}
)

// brandColor parses "#RRGGBB", falling back to a dark blue.
func brandColor(s string) rgb {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return rgb{31, 78, 121}
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return rgb{31, 78, 121}
	}
	return rgb{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}
}

// newDocument creates an fpdf document in points with the fonts registered and the dates
// pinned to date, so the same input gives the same bytes.
func newDocument(opt Options, date cwo.Date) *fpdf.Fpdf {
	size := fpdf.SizeType{Wd: 612, Ht: 792}
	if opt.Paper == cwo.PaperA4 {
		size = fpdf.SizeType{Wd: 595.28, Ht: 841.89}
	}
	pdf := newDocumentSize(opt, date, size)
	pdf.SetMargins(marginSide, marginTop, marginSide)
	pdf.SetAutoPageBreak(true, marginBottom)
	pdf.AliasNbPages("{nb}")
	return pdf
}

// newDocumentSize creates a document of the given page size with fonts and fixed dates.
func newDocumentSize(opt Options, date cwo.Date, size fpdf.SizeType) *fpdf.Fpdf {
	shared := opt.Shared
	if shared == nil {
		shared = NewShared()
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: size, Cache: shared.fpdf})
	addFonts(pdf, opt.Fonts)
	t := pinnedTime(date)
	pdf.SetCreationDate(t)
	pdf.SetModificationDate(t)
	pdf.SetCatalogSort(true)
	pdf.SetCreator(tool(), true)
	pdf.SetProducer(tool(), true)
	return pdf
}

// finish writes the document to a buffer, returning fpdf's first error.
func finish(pdf *fpdf.Fpdf) ([]byte, error) {
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func setColor(pdf *fpdf.Fpdf, c rgb)     { pdf.SetTextColor(c.r, c.g, c.b) }
func setDrawColor(pdf *fpdf.Fpdf, c rgb) { pdf.SetDrawColor(c.r, c.g, c.b) }
func setFillColor(pdf *fpdf.Fpdf, c rgb) { pdf.SetFillColor(c.r, c.g, c.b) }
