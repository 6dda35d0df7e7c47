// Package mdpdf draws Markdown data text (CommonMark plus GFM tables and
// autolinks, parsed by package markdown) into an fpdf document at the
// current position, flowing across pages.
//
// It is meant for contract-style documents: clause headings with optional
// automatic numbering ("1.", "1.1", "1.1.1"), paragraphs with bold, italic
// and monospace runs, clickable links, nested lists, block quotes, code
// blocks and tables whose header row repeats on every page they span.
// Words or URLs wider than a line are broken between characters.
//
// Pages break as a typesetter would break them. A heading, a lead-in (a
// paragraph ending with a colon) and a paragraph wholly in bold stay on the
// page where the next block starts; a trailer (a paragraph wholly in
// italics) stays with the end of the block before it (keep.go). A paragraph
// is split with at least two lines on each side of the break; a table only
// between body rows, with at least two on each side and never before a
// closing total row (table_page.go). Columns of figures are set flush right
// with their decimal marks lined up (figures.go). KeepWithEnd keeps what the
// caller draws after the text, such as signatures, with its last lines.
//
// The renderer does all line breaking and page breaking itself (it draws with
// Text, Line, Rect and LinkString only), so it never draws into the bottom
// margin reserved by SetAutoPageBreak and it calls AddPage, and therefore the
// document's header and footer functions, when a page is full. Raw HTML is
// drawn as literal text and never interpreted; images are drawn as their alt
// text. Drawing is deterministic (no clock, no dependence on map order); for
// byte-identical files the caller also fixes the document's dates with
// SetCreationDate and SetModificationDate and calls SetCatalogSort(true),
// without which fpdf writes its font objects in map order.
package mdpdf

import (
	"errors"
	"fmt"

	"github.com/cwo-tool/cwo/internal/fpdf"
	"github.com/cwo-tool/cwo/markdown"
)

// Style sets fonts, sizes and colours.
//
// Fonts must already be registered on the document (for example with
// AddUTF8FontFromBytes): Family with the styles "", "B", "I" and "BI", and
// Mono with the style "". Zero sizes are replaced by defaults; colours are
// RGB triples in the range 0-255 and the zero value is black.
type Style struct {
	// Family is the body and heading font family; Mono is the family used
	// for code spans and code blocks (Family when empty).
	Family, Mono string
	// Size is the body size in points (default 10.5).
	Size float64
	// Leading is the body line height as a multiple of Size (default 1.35).
	Leading float64
	// HeadingSizes holds the h1..h4 sizes in points (h5 and h6 use the h4
	// size); zero entries default to multiples of Size.
	HeadingSizes [4]float64
	// NumberHeadings prefixes h2 and deeper headings with clause numbers
	// "1.", "1.1", "1.1.1". The h1 heading is the document title and is
	// never numbered. Numbering continues across calls to Render.
	NumberHeadings bool
	// Justify justifies body paragraphs; otherwise they are left-aligned.
	Justify bool
	// Text, Heading, Link and Rule are the colours of body text, headings,
	// links and rules (table grid, block-quote bar, thematic breaks). Table
	// header rows and code blocks are shaded with a light tint of Rule.
	Text, Heading, Link, Rule [3]int
	// OnHeading, when set, is called as each heading is drawn, on the page it is drawn on and
	// before its text (heading_mark.go).
	OnHeading func(HeadingMark)
}

// Renderer draws Markdown into one document. It keeps clause numbering
// across calls to Render. A Renderer is not safe for concurrent use.
type Renderer struct {
	pdf       *fpdf.Fpdf
	st        Style
	counters  [5]int // clause counters for h2..h6
	fonts     fontCache
	p         page
	quotes    []*quoteBar
	marker    *marker
	listDepth int
	tail      float64 // what must follow the block being drawn on its page (keep.go)
	end       float64 // what the caller draws after the text (KeepWithEnd)
	laid      map[markdown.Block]laidOut
}

// New returns a Renderer that draws into pdf using st.
func New(pdf *fpdf.Fpdf, st Style) *Renderer {
	return &Renderer{pdf: pdf, st: normalize(st)}
}

// KeepWithEnd tells the renderer that the caller will draw a block h document units high right
// after the text of the next Render, and wants it on the page of the text's last lines: Render
// then ends the text where h fits below it, carrying its last lines (at least two of a
// paragraph, two body rows of a table, or a whole heading with what it keeps) to a new page when
// they do not fit with h on the current one. The caller checks that h fits below the position
// Render leaves (it may not when h is taller than the space under a page's first lines).
// Zero, the default, keeps nothing.
func (r *Renderer) KeepWithEnd(h float64) {
	r.end = max(h, 0)
}

// Render parses src as data text with package markdown (CommonMark with GFM
// tables and autolinks of bare http(s) URLs, www. addresses and e-mail
// addresses) and draws it starting at
// the document's current vertical position (adding a first page when the
// document has none) and flowing onto new pages as needed. On return the
// position is just below the last line drawn, at the left margin.
//
// Links are clickable only for targets markdown.SafeURL accepts (http, https
// and mailto); other link targets are drawn as plain text. Render returns the document's error if
// one is set, and turns any panic inside the PDF library into an error.
func (r *Renderer) Render(src []byte) (err error) {
	if r == nil || r.pdf == nil {
		return errors.New("mdpdf: nil renderer or document")
	}
	if err := r.pdf.Error(); err != nil {
		return err
	}
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("mdpdf: internal error: %v", v)
			r.pdf.SetError(err)
		}
	}()
	doc := markdown.Parse(src)
	saved := r.saveState()
	if err := r.begin(); err != nil {
		return err
	}
	r.tail = r.end
	r.blocks(doc.Blocks)
	r.finish(saved)
	if err := r.pdf.Error(); err != nil {
		return err
	}
	return nil
}

// begin validates the style and fonts and sets up the page geometry.
func (r *Renderer) begin() error {
	if r.st.Family == "" {
		return errors.New("mdpdf: Style.Family is empty")
	}
	if r.pdf.PageNo() == 0 {
		r.pdf.AddPage()
	}
	r.fonts.reset()
	for _, f := range []face{0, bold, italic, bold | italic, mono} {
		r.useFont(f, r.st.Size)
	}
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("mdpdf: fonts not registered: %w", err)
	}
	r.quotes, r.marker, r.listDepth, r.laid = nil, nil, 0, nil
	return r.p.init(r)
}

// blocks draws bs one after the other, each with its tail (keep.go); the last one has the
// tail of the container.
func (r *Renderer) blocks(bs []markdown.Block) {
	end := r.tail
	for i := 0; i < len(bs) && !r.pdf.Err(); i++ {
		r.tail = r.joined(bs[i], bs[i+1:], end, 0)
		r.block(bs[i])
	}
	r.tail = end
}

// normalize fills zero and out-of-range Style values with defaults.
func normalize(st Style) Style {
	if st.Mono == "" {
		st.Mono = st.Family
	}
	if st.Size <= 0 {
		st.Size = 10.5
	}
	st.Size = clamp(st.Size, 4, 48)
	if st.Leading <= 0 {
		st.Leading = 1.35
	}
	st.Leading = clamp(st.Leading, 1, 3)
	mult := [4]float64{1.6, 1.25, 1.1, 1}
	for i, s := range st.HeadingSizes {
		if s <= 0 {
			s = st.Size * mult[i]
		}
		st.HeadingSizes[i] = clamp(s, 4, 72)
	}
	for _, c := range []*[3]int{&st.Text, &st.Heading, &st.Link, &st.Rule} {
		for i := range c {
			c[i] = int(clamp(float64(c[i]), 0, 255))
		}
	}
	return st
}

func clamp(v, lo, hi float64) float64 {
	if v != v || v < lo { // NaN or too small
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// shade is the light fill used for table headers and code blocks.
func (r *Renderer) shade() [3]int {
	var c [3]int
	for i, v := range r.st.Rule {
		c[i] = 255 - (255-v)*12/100
	}
	return c
}

// savedState is the caller's graphics state, restored after Render.
type savedState struct {
	family, style string
	size          float64
	text, draw    [3]int
	fill          [3]int
	lineWidth     float64
}

func (r *Renderer) saveState() savedState {
	var s savedState
	s.family, s.style = r.pdf.GetFontFamily(), r.pdf.GetFontStyle()
	s.size, _ = r.pdf.GetFontSize()
	s.text[0], s.text[1], s.text[2] = r.pdf.GetTextColor()
	s.draw[0], s.draw[1], s.draw[2] = r.pdf.GetDrawColor()
	s.fill[0], s.fill[1], s.fill[2] = r.pdf.GetFillColor()
	s.lineWidth = r.pdf.GetLineWidth()
	return s
}

// finish flushes pending decorations, moves the document cursor below the
// output and restores the caller's font, colours and line width.
func (r *Renderer) finish(s savedState) {
	r.flushMarker()
	r.closeQuotes()
	if r.pdf.Err() {
		return
	}
	r.pdf.SetXY(r.p.left, r.p.y)
	if s.family != "" {
		r.pdf.SetFont(s.family, s.style, s.size)
	}
	r.pdf.SetTextColor(s.text[0], s.text[1], s.text[2])
	r.pdf.SetDrawColor(s.draw[0], s.draw[1], s.draw[2])
	r.pdf.SetFillColor(s.fill[0], s.fill[1], s.fill[2])
	r.pdf.SetLineWidth(s.lineWidth)
	r.fonts.reset()
}
