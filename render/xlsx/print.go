package xlsx

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

// Paper codes of the spreadsheet page setup.
const (
	paperCodeLetter = 1
	paperCodeA4     = 9
)

// Page margins in inches: room for the header and footer above and below the cells.
const (
	marginSide   = 0.5
	marginTop    = 0.75
	marginBottom = 0.75
	marginHead   = 0.3
)

// Row heights in points: one line of 11-point text, and the padding of a wrapped cell.
const (
	lineHeight = 15.0
	rowPadding = 3.0
)

// minPortraitScale is the smallest scale at which a sheet still prints in portrait: a sheet
// that would shrink more to fit the width prints in landscape.
const minPortraitScale = 0.87

// paperSize is a sheet of paper in points, portrait.
type paperSize struct {
	code          int
	width, height float64
}

// paper returns the report's paper: the order's, else the settings', else the contractor's
// country's (cwo.Workspace.OrderPaper).
func (b *book) paper() paperSize {
	if b.r.Paper() == cwo.PaperLetter {
		return paperSize{paperCodeLetter, 612, 792}
	}
	return paperSize{paperCodeA4, 595.3, 841.9}
}

// printArea is the size in points that cells print in on one page, and the scale of the sheet.
type printArea struct {
	landscape     bool
	width, height float64 // printable, at the sheet's scale: in the sheet's own points
	scale         float64
}

// area returns where a sheet whose columns are widths (in characters) prints: portrait when it
// fits well enough, landscape otherwise, scaled to the page's width and never enlarged.
func (b *book) area(widths []float64) printArea {
	p := b.paper()
	w := sheetWidth(widths)
	a := printArea{width: p.width - 2*marginSide*72, height: p.height - (marginTop+marginBottom)*72}
	if a.width/w < minPortraitScale {
		a.landscape = true
		a.width, a.height = p.height-2*marginSide*72, p.width-(marginTop+marginBottom)*72
	}
	a.scale = min(1, a.width/w)
	a.width, a.height = a.width/a.scale, a.height/a.scale
	return a
}

// sheetWidth is the printed width in points of columns of widths in characters: a character is
// the 7 pixels of a Calibri 11 digit, with 5 pixels of padding, and a pixel is ¾ point.
func sheetWidth(widths []float64) float64 {
	px := 0.0
	for _, w := range widths {
		px += math.Trunc(w*7 + 5)
	}
	return px * 0.75
}

// printSetup sets how a sheet prints: the report's paper, portrait or landscape as its width
// needs, fitted to the page's width (never its height), margins, a header with the order and
// the period and a footer with the page number; with titles, row 1 repeats on every page.
func (b *book) printSetup(name string, widths []float64, titles bool) error {
	a := b.area(widths)
	orient, size, one, any, fit := "portrait", b.paper().code, 1, 0, true
	if a.landscape {
		orient = "landscape"
	}
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	side, top, bottom, head := marginSide, marginTop, marginBottom, marginHead
	if err := b.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top,
		Bottom: &bottom, Header: &head, Footer: &head}); err != nil {
		return err
	}
	if err := b.f.SetHeaderFooter(name, b.headerFooter(name)); err != nil {
		return err
	}
	if titles {
		return b.printTitles(name)
	}
	return nil
}

// headerFooter names the order, the period and the sheet at the top of each printed page, and
// the funder and "Page X of Y" at the bottom, in small grey text. Nothing is centred, so that a
// long title cannot run into another part.
func (b *book) headerFooter(name string) *excelize.HeaderFooterOptions {
	r := b.r
	small := `&"-,Regular"&8&K` + colorMuted
	left := fmt.Sprintf("%s · %s · progress report %s", r.Order.ID, hfText(r.Order.Title, 50), r.Period)
	funder := ""
	if r.Funder != nil {
		funder = r.Funder.LegalName
	}
	return &excelize.HeaderFooterOptions{
		OddHeader: small + "&L" + hfText(left, 100) + "&R" + small + hfText(name, 30),
		OddFooter: small + "&L" + hfText(funder, 80) + "&R" + small + "Page &P of &N",
	}
}

// hfText escapes text for a header or footer ("&" is a code there) and cuts it to at most n
// characters, which keeps the whole header within the 255 characters programs accept.
func hfText(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n-1]) + "…"
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "&&", "&"), "&", "&&")
}

// printTitles repeats the header row on every printed page.
func (b *book) printTitles(name string) error {
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", name), Scope: name})
}

// Text measures in pixels: a column is 7 pixels a character of its width, less the indent and
// padding of a cell; text averages charWidth pixels a character in the faces that programs use
// for Calibri 11 (Calibri itself is narrower).
const (
	cellPadding = 14.0
	charWidth   = 6.5
)

// wrapChars is how many characters of text fit on one line of a wrapped cell of width w.
func wrapChars(w float64) int { return max(1, int((w*7-cellPadding)/charWidth)) }

// wrapWidth is the width of a wrapped column in which n characters fit on one line, by
// wrapChars's measure.
func wrapWidth(n int) int { return int(math.Ceil((float64(n)*charWidth + cellPadding) / 7)) }

// textLines is the number of lines text takes in a wrapped cell of width w, wrapped at spaces
// as spreadsheet programs do.
func textLines(text string, w float64) int {
	chars, lines := wrapChars(w), 0
	for line := range strings.SplitSeq(text, "\n") {
		lines++
		cur := 0
		for word := range strings.FieldsSeq(line) {
			n := utf8.RuneCountInString(word)
			switch {
			case cur == 0:
				cur = n
			case cur+1+n <= chars:
				cur += 1 + n
				continue
			default:
				lines++
				cur = n
			}
			for cur > chars { // a word longer than a line breaks anywhere
				lines++
				cur -= chars
			}
		}
	}
	return lines
}

// linesHeight is the height in points of a row of n lines.
func linesHeight(n int) float64 {
	if n <= 1 {
		return lineHeight
	}
	return min(float64(n)*lineHeight+rowPadding, maxRowHeight)
}
