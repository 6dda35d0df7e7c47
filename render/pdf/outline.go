package pdf

import (
	"strings"

	"github.com/cwo-tool/cwo/internal/fpdf"
	"github.com/cwo-tool/cwo/render/pdf/mdpdf"
)

// outline adds a document's bookmarks, which a reader shows as its table of contents: for an
// agreement, the title, each clause of the body with its sub-clauses below it, and the
// signatures.
type outline struct {
	pdf  *fpdf.Fpdf
	last int // the level of the last bookmark; -1 before the first
}

func newOutline(pdf *fpdf.Fpdf) *outline { return &outline{pdf: pdf, last: -1} }

// add bookmarks title at height y of the current page (-1: the cursor's), at level (0 is the
// top), or one level below the last bookmark if that is less: fpdf's outline skips no level.
func (o *outline) add(title string, level int, y float64) {
	level = max(min(level, o.last+1), 0)
	o.pdf.Bookmark(title, level, y)
	o.last = level
}

// heading is mdpdf's Style.OnHeading: a clause (## heading) at the top level, with its number
// ("4. Budget and payment"), a sub-clause (###) below it, and so on.
func (o *outline) heading(h mdpdf.HeadingMark) {
	o.add(strings.TrimSpace(h.Number+" "+h.Text), h.Level-2, h.Y)
}
