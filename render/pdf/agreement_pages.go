package pdf

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/fpdf"
	"github.com/cwo-tool/cwo/pdfupdate"
)

// titleBlock draws the first page's head: contractor, document kind, title and the order's facts.
func (a *agreement) titleBlock() {
	pdf := a.pdf
	y := pdf.GetY()
	x := marginSide
	if a.d.Logo != nil {
		if w := a.image(a.d.Logo, x, y, 0, 34); w > 0 {
			x += w + 12
		}
	}
	pdf.SetXY(x, y+8)
	pdf.SetFont(familyBody, "B", 12)
	setColor(pdf, textColor)
	pdf.CellFormat(0, 16, a.d.Contractor.Name, "", 1, "L", false, 0, "")
	pdf.SetY(y + 52)
	pdf.SetFont(familyBody, "B", 9)
	setColor(pdf, a.brand)
	pdf.CellFormat(0, 12, "COMMUNITY WORK ORDER", "", 1, "L", false, 0, "")
	pdf.SetFont(familyBody, "B", 20)
	setColor(pdf, textColor)
	pdf.MultiCell(0, 25, a.d.Order.Title, "", "L", false)
	pdf.Ln(8)
	a.facts()
	pdf.Ln(14)
}

// facts draws the order ID, version, issued date and status as labelled columns.
func (a *agreement) facts() {
	pdf := a.pdf
	o := a.d.Order
	cells := [][2]string{
		{"Order", o.ID}, {"Version", fmt.Sprint(o.Version)},
		{"Issued", a.date(o.Issued)}, {"Status", strings.ToUpper(o.Status[:1]) + o.Status[1:]},
	}
	width := (a.pageW - 2*marginSide) / float64(len(cells))
	y := pdf.GetY()
	setDrawColor(pdf, ruleColor)
	pdf.SetLineWidth(0.5)
	pdf.Line(marginSide, y, a.pageW-marginSide, y)
	for i, c := range cells {
		pdf.SetXY(marginSide+float64(i)*width, y+6)
		pdf.SetFont(familyBody, "", 7.5)
		setColor(pdf, mutedColor)
		pdf.CellFormat(width, 10, strings.ToUpper(c[0]), "", 2, "L", false, 0, "")
		pdf.SetFont(familyBody, "B", 10.5)
		setColor(pdf, textColor)
		pdf.CellFormat(width-6, 14, fitText(pdf, c[1], width-6), "", 0, "L", false, 0, "")
	}
	pdf.SetXY(marginSide, y+36)
	pdf.Line(marginSide, y+36, a.pageW-marginSide, y+36)
}

// image draws img at x, y with height h (width from the aspect ratio, at most maxW when set) and
// returns the width drawn, or 0 when the image cannot be read.
func (a *agreement) image(img *Image, x, y, maxW, h float64) float64 {
	return drawImage(a.pdf, img, x, y, maxW, h)
}

// drawImage registers and draws an image, scaled without distortion to fit maxW × h.
func drawImage(pdf *fpdf.Fpdf, img *Image, x, y, maxW, h float64) float64 {
	typ := img.Type()
	info := pdf.RegisterImageOptionsReader(img.Name, fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(img.Data))
	if info == nil || pdf.Err() {
		return 0
	}
	iw, ih := info.Extent()
	if iw <= 0 || ih <= 0 {
		return 0
	}
	w := iw * h / ih
	if maxW > 0 && w > maxW {
		w, h = maxW, ih*maxW/iw
	}
	pdf.ImageOptions(img.Name, x, y, w, h, false, fpdf.ImageOptions{ImageType: typ}, 0, "")
	return w
}

// Signature page layout.
const (
	sigBlockGap   = 28.0
	sigFieldH     = 44.0
	sigLineOffset = 70.0 // from the top of a party's block to its signature line
)

// signaturePage draws the signature page and returns the signature fields over its lines.
func (a *agreement) signaturePage() []pdfupdate.Field {
	pdf := a.pdf
	o := a.d.Order
	pdf.AddPage()
	a.outline.add("Signatures", 0, -1)
	pdf.SetFont(familyBody, "B", 15)
	setColor(pdf, a.brand)
	pdf.CellFormat(0, 20, "Signatures", "", 1, "L", false, 0, "")
	pdf.Ln(4)
	pdf.SetFont(familyBody, "", bodySize)
	setColor(pdf, textColor)
	pdf.MultiCell(0, 14, signingText(o, a.date(o.Issued)), "", "L", false)
	pdf.Ln(4)
	pdf.SetFont(familyMono, "", 8.5)
	pdf.CellFormat(0, 12, a.d.Fingerprint, "", 1, "L", false, 0, "")
	pdf.Ln(28)
	top := pdf.GetY()
	colW := (a.pageW - 2*marginSide - sigBlockGap) / 2
	c, f := a.d.Contractor, a.d.Funder
	fields := []pdfupdate.Field{
		a.signatureBlock(marginSide, top, colW, "For the Contractor", c.LegalName, c.Signatory, pdfupdate.FieldContractor),
		a.signatureBlock(marginSide+colW+sigBlockGap, top, colW, "For the Funder", f.LegalName, f.Signatory, pdfupdate.FieldFunder),
	}
	return fields
}

// signatureBlock draws one party's signature line, printed name, title and date line.
func (a *agreement) signatureBlock(x, y, w float64, role, party string, who cwo.Person, field string) pdfupdate.Field {
	pdf := a.pdf
	pdf.SetXY(x, y)
	pdf.SetFont(familyBody, "B", 8)
	setColor(pdf, a.brand)
	pdf.CellFormat(w, 11, strings.ToUpper(role), "", 2, "L", false, 0, "")
	pdf.SetFont(familyBody, "B", bodySize)
	setColor(pdf, textColor)
	pdf.MultiCell(w, 13, party, "", "L", false)
	lineY := y + sigLineOffset
	setDrawColor(pdf, textColor)
	pdf.SetLineWidth(0.7)
	pdf.Line(x, lineY, x+w, lineY)
	rows := [][2]string{{"Signature", ""}, {"Name", who.Name}, {"Title", who.Title}, {"Date", ""}}
	a.signatureRows(x, lineY, w, rows)
	return pdfupdate.Field{Name: field, Page: pdf.PageNo(), Rect: [4]float64{x, a.pageH - lineY, x + w, a.pageH - lineY + sigFieldH}}
}

// signatureRows writes the labels under the signature line, with a line to write the date on.
func (a *agreement) signatureRows(x, lineY, w float64, rows [][2]string) {
	pdf := a.pdf
	y := lineY + 3
	for _, r := range rows {
		pdf.SetXY(x, y)
		pdf.SetFont(familyBody, "", 7.5)
		setColor(pdf, mutedColor)
		pdf.CellFormat(44, 14, r[0], "", 0, "L", false, 0, "")
		pdf.SetFont(familyBody, "", bodySize)
		setColor(pdf, textColor)
		if r[0] != "Signature" {
			pdf.CellFormat(w-44, 14, fitText(pdf, r[1], w-44), "", 0, "L", false, 0, "")
		}
		if r[0] == "Date" {
			setDrawColor(pdf, ruleColor)
			pdf.SetLineWidth(0.5)
			pdf.Line(x+44, y+13, x+w, y+13)
		}
		y += 20
	}
}

// signingText introduces the signature blocks: what the parties sign, or, for an order that
// cannot be signed, why not; issued is the order's date in the document's date style.
func signingText(o *cwo.WorkOrder, issued string) string {
	fp := "Each page of this version carries the first twelve digits of its fingerprint in the footer; the whole fingerprint is:"
	switch o.Status {
	case cwo.StatusDraft:
		return fmt.Sprintf("This is a draft of Community Work Order %s, version %d, for discussion: it is not for signature "+
			"and has no signature fields. The version sent for signature is issued with its own fingerprint. %s",
			o.ID, o.Version, fp)
	case cwo.StatusCancelled:
		return fmt.Sprintf("Community Work Order %s, version %d, issued %s, has been cancelled: it cannot be signed "+
			"and has no signature fields. %s", o.ID, o.Version, issued, fp)
	}
	return fmt.Sprintf("The parties sign Community Work Order %s, version %d, issued %s. %s",
		o.ID, o.Version, issued, fp)
}
