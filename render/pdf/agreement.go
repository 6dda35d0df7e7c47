package pdf

import (
	"fmt"
	"io"
	"math"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/fpdf"
	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/render/pdf/mdpdf"
)

// AgreementDoc is everything one agreement shows.
type AgreementDoc struct {
	Order       *cwo.WorkOrder
	Funder      *cwo.Funder
	Contractor  *cwo.Contractor
	Project     *cwo.Project
	Body        string // the agreement text in Markdown, from the template
	Fingerprint string // SHA-256 hex of everything the agreement shows
	Logo        *Image // the contractor's logo, or nil
	Locale      string // BCP 47: how dates are written, and the document's language (cwo.LanguageTag)
}

// Image is a PNG or JPEG file's bytes.
type Image struct {
	Name string // a stable name, e.g. the workspace-relative path
	Data []byte
}

// agreement draws one agreement; its methods are the page sections from top to bottom.
type agreement struct {
	pdf     *fpdf.Fpdf
	d       *AgreementDoc
	brand   rgb
	pageW   float64
	pageH   float64
	outline *outline
}

// Agreement writes the signature-ready agreement for one work order to w: title block, the
// Markdown body, and the signatures with an empty signature field for each party, on the page
// of the last clause when they fit there and otherwise on the next page with the last clause's
// closing lines. On error nothing is written to w.
func Agreement(w io.Writer, d *AgreementDoc, opt Options) error {
	a := &agreement{pdf: newDocument(opt, d.Order.Issued), d: d, brand: brandColor(opt.Brand)}
	a.pageW, a.pageH = a.pdf.GetPageSize()
	a.outline = newOutline(a.pdf)
	a.pdf.SetCellMargin(0) // every text flush with the text block's edges
	a.metadata()
	a.pdf.SetHeaderFuncMode(a.header, true)
	a.pdf.SetFooterFunc(a.footer)
	a.pdf.AddPage()
	a.outline.add(d.Order.Title, 0, -1)
	a.titleBlock()
	style := a.bodyStyle()
	style.OnHeading = a.outline.heading
	body := mdpdf.New(a.pdf, style)
	body.KeepWithEnd(a.signaturesHeight())
	if err := body.Render([]byte(numberClauseRefs(d.Body))); err != nil {
		return fmt.Errorf("agreement text: %w", err)
	}
	fields := a.signatures()
	data, err := finish(a.pdf)
	if err != nil {
		return err
	}
	if !Signable(d.Order.Status) {
		_, err = w.Write(data)
		return err
	}
	update, err := pdfupdate.FieldsUpdate(data, fields)
	if err != nil {
		return fmt.Errorf("signature fields: %w", err)
	}
	if _, err = w.Write(data); err != nil {
		return err
	}
	_, err = w.Write(update)
	return err
}

// Signable reports whether an order in status can be signed: a draft is not yet an offer and a
// cancelled order is no longer one, so their agreements carry no signature fields.
func Signable(status string) bool {
	return status != cwo.StatusDraft && status != cwo.StatusCancelled
}

// statusMark is the word set across every page of an agreement that cannot be signed.
func statusMark(status string) (word string, fill rgb) {
	switch status {
	case cwo.StatusDraft:
		return "DRAFT", rgb{232, 232, 232}
	case cwo.StatusCancelled:
		return "CANCELLED", rgb{246, 214, 214}
	}
	return "", rgb{}
}

// metadata sets the agreement's document information, its equal XMP metadata and its language.
func (a *agreement) metadata() {
	o, c, f := a.d.Order, a.d.Contractor, a.d.Funder
	docInfo{
		Title:    fmt.Sprintf("%s: Community Work Order %s v%d", o.Title, o.ID, o.Version),
		Subject:  fmt.Sprintf("Community Work Order between %s and %s for work on %s", c.LegalName, f.LegalName, a.d.Project.Name),
		Author:   c.Name,
		Keywords: fmt.Sprintf("Community Work Order, %s, %s, %s, fingerprint %s", o.ID, a.d.Project.Name, f.DisplayName(), a.d.Fingerprint),
		Lang:     cwo.LanguageTag(a.d.Locale),
		Date:     pinnedTime(o.Issued),
	}.apply(a.pdf)
}

// date writes d in the document's one date style (cwo.FormatDate).
func (a *agreement) date(d cwo.Date) string { return cwo.FormatDate(d, a.d.Locale) }

func (a *agreement) bodyStyle() mdpdf.Style {
	b := [3]int{a.brand.r, a.brand.g, a.brand.b}
	return mdpdf.Style{
		Family: familyBody, Mono: familyMono, Size: bodySize, Leading: bodyLeading,
		HeadingSizes:   headingSizes,
		NumberHeadings: true,
		Text:           [3]int{textColor.r, textColor.g, textColor.b},
		Heading:        b, Link: b,
		Rule: [3]int{ruleColor.r, ruleColor.g, ruleColor.b},
	}
}

// header draws, for drafts and cancelled orders, the status mark under the page's content, and,
// from page 2 on, the running head.
func (a *agreement) header() {
	pdf := a.pdf
	if word, fill := statusMark(a.d.Order.Status); word != "" {
		a.watermark(word, fill)
	}
	pdf.SetFont(familyBody, "", 8) // also the font of the title's bookmark (UTF-8, as a shaped font)
	setColor(pdf, mutedColor)
	if pdf.PageNo() == 1 {
		return // the title block names the contractor and the order
	}
	y := marginTop - 34
	pdf.SetXY(marginSide, y)
	width := a.pageW - 2*marginSide
	pdf.CellFormat(width/2, 10, a.d.Contractor.Name, "", 0, "L", false, 0, "")
	pdf.CellFormat(width/2, 10, fitText(pdf, a.d.Order.Title, width/2), "", 0, "R", false, 0, "")
	setDrawColor(pdf, ruleColor)
	pdf.SetLineWidth(0.5)
	pdf.Line(marginSide, y+14, a.pageW-marginSide, y+14)
}

// watermark sets word large and diagonally across the page in a light colour, as an artifact:
// outlines, not text, so that it is not read as part of the clauses it crosses.
func (a *agreement) watermark(word string, fill rgb) {
	pdf := a.pdf
	size := 120.0
	pdf.SetFont(familyBody, "B", size)
	if w, diag := pdf.GetStringWidth(word), 0.8*math.Hypot(a.pageW, a.pageH); w > diag {
		size *= diag / w
		pdf.SetFont(familyBody, "B", size)
	}
	w := pdf.GetStringWidth(word)
	cx, cy := a.pageW/2, a.pageH/2
	pdf.TransformBegin()
	pdf.TransformRotate(45, cx, cy)
	setFillColor(pdf, fill)
	pdf.ArtifactText(cx-w/2, cy+size/3, word)
	pdf.TransformEnd()
}

// footerRule draws the rule above a page's footer, between margins side, and leaves the
// position at the footer line's start in its muted small type; it returns the line's y.
func footerRule(pdf *fpdf.Fpdf, pageW, pageH, side float64) float64 {
	y := pageH - marginBottom + 26
	setDrawColor(pdf, ruleColor)
	pdf.SetLineWidth(0.5)
	pdf.Line(side, y-8, pageW-side, y-8)
	pdf.SetFont(familyBody, "", 8)
	setColor(pdf, mutedColor)
	pdf.SetXY(side, y)
	return y
}

// footer draws the order reference, page count, fingerprint and the initials boxes.
func (a *agreement) footer() {
	pdf := a.pdf
	o := a.d.Order
	y := footerRule(pdf, a.pageW, a.pageH, marginSide)
	ref := fmt.Sprintf("%s v%d · page %d of {nb} · fingerprint %s", o.ID, o.Version, pdf.PageNo(), short(a.d.Fingerprint))
	pdf.CellFormat(300, 10, ref, "", 0, "L", false, 0, "")
	if Signable(o.Status) {
		a.initialsBox(a.pageW-marginSide-100, y-2, "Contractor")
		a.initialsBox(a.pageW-marginSide-44, y-2, "Funder")
	}
}

// initialsBox draws a small box for a party's initials with its label below.
func (a *agreement) initialsBox(x, y float64, label string) {
	pdf := a.pdf
	const w, h = 44.0, 20.0
	setDrawColor(pdf, ruleColor)
	pdf.Rect(x+4, y, w-8, h, "D")
	pdf.SetFont(familyBody, "", 6)
	pdf.SetXY(x, y+h+1)
	pdf.CellFormat(w, 7, label, "", 0, "C", false, 0, "")
}

// short returns the first 12 hex digits of a fingerprint.
func short(fp string) string {
	if len(fp) > 12 {
		return fp[:12]
	}
	return fp
}
