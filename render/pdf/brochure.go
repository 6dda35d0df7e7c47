package pdf

import (
	"fmt"
	"io"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/fpdf"
)

// BrochureDoc is everything one roadmap brochure shows.
type BrochureDoc struct {
	Brochure   *cwo.Brochure
	Contractor *cwo.Contractor
	Date       cwo.Date // the brochure's date: its own, else the newest order's issued date
	Paper      string   // "letter", "a4" or "a5"
	Projects   []BrochureProject
	Currency   cwo.Currency // the currency of estimates that name none (the settings'); none is converted
	Locale     string       // the brochure's locale (cwo.Workspace.BrochureLocale): amounts, numbers, dates
	Logo       *Image       // the contractor's logo, or nil
	// With Brochure.Print: the printing condition of the output intent, and its ICC profile (nil:
	// the registered condition is named alone).
	OutputIntent cwo.OutputIntent
	Profile      []byte
}

// BrochureProject is one project's section: the project and its chosen roadmap items.
type BrochureProject struct {
	Project *cwo.Project
	Items   []cwo.RoadmapItem // already chosen and ordered, at most items_per_project
	Logo    *Image
}

// Brochure layout, in points.
const (
	bleed        = 3 * 72 / 25.4 // 3 mm
	slug         = 18.0          // room outside the bleed for crop marks
	safeMargin   = 42.0          // text stays this far inside the trim
	cardPad      = 14.0
	cardGap      = 14.0
	qrSize       = 66.0
	bodyLine     = 12.5
	brochureBody = 9.5
)

// sheet is the trimmed page inside the media box: its origin and size.
type sheet struct {
	ox, oy, w, h float64
	print        bool
}

// brochure draws one brochure; its methods are the pages from front to back.
type brochure struct {
	pdf   *fpdf.Fpdf
	d     *BrochureDoc
	s     sheet
	brand rgb
	notes []string
	k     float64  // the type scale: 1, smaller on A5
	trace *[]drawn // what is painted, for tests; nil: not recorded
}

// Brochure writes the roadmap brochure to w and returns notes about what had to be left out to
// fit (items dropped from a long project card). With Print set it is made for the press: each
// page has 3 mm bleed, crop marks in the registration colour and TrimBox/BleedBox entries, its
// colours are inks (brochure_ink.go) and the document has an output intent. On error nothing is
// written to w.
func Brochure(w io.Writer, d *BrochureDoc, opt Options) ([]string, error) {
	b := drawBrochure(d, opt, nil)
	data, err := finish(b.pdf)
	if err != nil {
		return nil, err
	}
	_, err = w.Write(data)
	return b.notes, err
}

// drawBrochure lays out and draws the brochure, recording what it paints in trace when not nil.
func drawBrochure(d *BrochureDoc, opt Options, trace *[]drawn) *brochure {
	b := &brochure{d: d, brand: brandColor(opt.Brand), k: typeScale(d.Paper), trace: trace}
	b.s = newSheet(d.Paper, d.Brochure.Print)
	opt.Paper = d.Paper
	b.pdf = newSizedDocument(opt, d.Date, b.s)
	b.setUpInks()
	b.metadata()
	b.layout()
	return b
}

// newSheet sizes the trim for the paper; print adds bleed and a slug for crop marks around it.
func newSheet(paper string, print bool) sheet {
	s := sheet{w: 612, h: 792, print: print}
	switch paper {
	case cwo.PaperA4:
		s.w, s.h = 595.28, 841.89
	case cwo.PaperA5:
		s.w, s.h = 419.53, 595.28
	}
	if print {
		s.ox, s.oy = bleed+slug, bleed+slug
	}
	return s
}

// mediaSize is the whole page: the trim plus bleed and slug when printing.
func (s sheet) mediaSize() (float64, float64) { return s.w + 2*s.ox, s.h + 2*s.oy }

// newSizedDocument is newDocument with a custom page size.
func newSizedDocument(opt Options, date cwo.Date, s sheet) *fpdf.Fpdf {
	w, h := s.mediaSize()
	pdf := newDocumentSize(opt, date, fpdf.SizeType{Wd: w, Ht: h})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(s.ox+safeMargin, s.oy+safeMargin, s.ox+safeMargin)
	return pdf
}

func (b *brochure) metadata() {
	br := b.d.Brochure
	b.pdf.SetTitle(br.Title, true)
	b.pdf.SetSubject(fmt.Sprintf("Roadmap brochure for %s", br.Event), true)
	b.pdf.SetAuthor(b.d.Contractor.Name, true)
	b.pdf.SetKeywords("open source, roadmap, Community Work Order", true)
}

// newPage adds a page with the print boxes and crop marks when printing.
func (b *brochure) newPage() {
	pdf := b.pdf
	pdf.AddPage()
	if !b.s.print {
		return
	}
	s := b.s
	pdf.SetPageBox("trim", s.ox, s.oy, s.w, s.h)
	pdf.SetPageBox("bleed", s.ox-bleed, s.oy-bleed, s.w+2*bleed, s.h+2*bleed)
	b.cropMarks()
}

// cropMarks draws the eight trim marks in the slug, outside the bleed.
func (b *brochure) cropMarks() {
	pdf, s := b.pdf, b.s
	b.registrationColor()
	pdf.SetLineWidth(0.25)
	const gap = bleed + 2
	for _, x := range []float64{s.ox, s.ox + s.w} {
		pdf.Line(x, 0, x, s.oy-gap)
		pdf.Line(x, s.oy+s.h+gap, x, s.oy*2+s.h)
	}
	for _, y := range []float64{s.oy, s.oy + s.h} {
		pdf.Line(0, y, s.ox-gap, y)
		pdf.Line(s.ox+s.w+gap, y, s.ox*2+s.w, y)
	}
	b.drawColor(rgb{}) // what is drawn next is not on every plate
}

// fullBleedRect fills a band from the trim's top or bottom edge out to the bleed.
func (b *brochure) fullBleedRect(y, h float64, c rgb) {
	s := b.s
	x0, w := s.ox, s.w
	if s.print {
		x0, w = s.ox-bleed, s.w+2*bleed
		if y <= s.oy {
			y, h = y-bleed, h+bleed
		}
		if y+h >= s.oy+s.h {
			h += bleed
		}
	}
	b.fillColor(c)
	b.pdf.Rect(x0, y, w, h, "F")
	b.tracePanel(x0, y, w, h)
}

// left and right are the safe text edges; width is the text width.
func (b *brochure) left() float64  { return b.s.ox + b.margin() }
func (b *brochure) width() float64 { return b.s.w - 2*b.margin() }

// The contractor's logo box on the cover, in the design's points (scaled to the paper by u); a
// logo is scaled to the box's height, or to its width if it is wider (drawImage). A project's
// logo has a logoSide square on its card.
const coverLogoW, coverLogoH = 120.0, 40.0

// MinPrintPPI is the resolution a press needs of an image at its printed size.
const MinPrintPPI = 300

// BrochureLogoPPI returns the lowest resolution, in pixels per inch, at which a logo of w × h
// pixels may print in a brochure on paper: the contractor's on the cover (project false), or a
// project's on its card, at the largest type scale the booklet's planner may choose; 0 for an
// empty image.
func BrochureLogoPPI(w, h int, project bool, paper string) float64 {
	boxW, boxH := coverLogoW, coverLogoH
	if project {
		boxW, boxH = logoSide, logoSide
	}
	if w <= 0 || h <= 0 {
		return 0
	}
	k := typeScale(paper) * maxBookletScale()
	printed := min(float64(w)*boxH*k/float64(h), boxW*k) // points
	return float64(w) / (printed / 72)
}

// maxBookletScale is the largest of the type scales the booklet's planner tries.
func maxBookletScale() float64 {
	k := 1.0
	for _, try := range bookletTries {
		k = max(k, try.scale)
	}
	return k
}
