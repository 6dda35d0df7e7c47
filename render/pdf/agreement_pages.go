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

// facts draws the order ID, version (with the version it replaces) and issued date as labelled
// columns, and the status only when it bars signature (DRAFT, CANCELLED): whether an order was
// sent, signed or is active is a fact of its workflow, not of the text the parties sign.
func (a *agreement) facts() {
	pdf := a.pdf
	o := a.d.Order
	cells := [][2]string{{"Order", o.ID}, {"Version", a.versionFact()}, {"Issued", a.date(o.Issued)}}
	if word, _ := statusMark(o.Status); word != "" {
		cells = append(cells, [2]string{"Status", word})
	}
	widths := a.factWidths(cells)
	y := pdf.GetY()
	setDrawColor(pdf, ruleColor)
	pdf.SetLineWidth(0.5)
	pdf.Line(marginSide, y, a.pageW-marginSide, y)
	x := marginSide
	for i, c := range cells {
		width := widths[i]
		pdf.SetXY(x, y+6)
		x += width
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

// versionFact is the version as the title block states it: "2, replaces version 1 of 15 April
// 2026" above version 1, with the previous version's date when the order gives it.
func (a *agreement) versionFact() string {
	o := a.d.Order
	if o.Version <= 1 {
		return fmt.Sprint(o.Version)
	}
	s := fmt.Sprintf("%d, replaces version %d", o.Version, o.Version-1)
	if o.Previous != nil && !o.Previous.Issued.IsZero() {
		s += " of " + a.date(o.Previous.Issued)
	}
	return s
}

// factWidths shares the text width between the facts' columns: each gets the width of its
// value (or label) and an equal part of what is left, or a part in proportion to it when the
// values are too wide together.
func (a *agreement) factWidths(cells [][2]string) []float64 {
	pdf := a.pdf
	nat, sum := make([]float64, len(cells)), 0.0
	for i, c := range cells {
		pdf.SetFont(familyBody, "B", 10.5)
		nat[i] = pdf.GetStringWidth(c[1])
		pdf.SetFont(familyBody, "", 7.5)
		nat[i] = max(nat[i], pdf.GetStringWidth(strings.ToUpper(c[0]))) + 12
		sum += nat[i]
	}
	total := a.pageW - 2*marginSide
	for i := range nat {
		if sum <= total {
			nat[i] += (total - sum) / float64(len(nat))
		} else {
			nat[i] *= total / sum
		}
	}
	return nat
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

// Signature section layout, in points.
const (
	sigGapBefore  = 24.0 // above the section, as above a clause heading
	sigHeadingH   = 22.0
	sigTextLineH  = bodySize * bodyLeading
	sigBlockGap   = 28.0
	sigFieldH     = 44.0
	sigLineOffset = 70.0 // from the top of a party's block to its signature line, at least
	sigRoleH      = 11.0 // the role label ("FOR THE FUNDER")
	sigPartyLineH = 13.0 // a line of the party's legal name
	sigPartyMin   = 9.0  // the smallest size a legal name is set at to fit its line
	sigLabelW     = 44.0 // the labels under the signature line
	sigRowH       = 20.0 // a row of labels under the signature line
	sigValueLineH = 14.0 // a line of a printed name or title
)

// sigLayout is the geometry of the signature section, which the parties' names and titles
// stretch: the signature lines and the rows under them line up across the two blocks.
type sigLayout struct {
	colW       float64
	partySize  float64 // of the parties' legal names: smaller, down to sigPartyMin, to fit a line each
	textLines  int
	lineOffset float64    // from a block's top to its signature line
	rows       [4]float64 // heights of the rows under the line
}

// sigRows are the rows under a party's signature line: a label and what is printed after it.
func sigRows(who cwo.Person) [4][2]string {
	return [4][2]string{{"Signature", ""}, {"Name", who.Name}, {"Title", who.Title}, {"Date", ""}}
}

// signatureLayout measures the signature section.
func (a *agreement) signatureLayout() sigLayout {
	pdf := a.pdf
	l := sigLayout{colW: (a.pageW - 2*marginSide - sigBlockGap) / 2, lineOffset: sigLineOffset}
	pdf.SetFont(familyBody, "", bodySize)
	l.textLines = len(pdf.SplitText(signingText(a.d.Order, a.date(a.d.Order.Issued)), a.pageW-2*marginSide))
	c, f := a.d.Contractor, a.d.Funder
	l.partySize = bodySize
	for _, name := range []string{c.LegalName, f.LegalName} {
		for size := bodySize; size >= sigPartyMin; size -= 0.5 {
			pdf.SetFont(familyBody, "B", size)
			if pdf.GetStringWidth(name) <= l.colW {
				l.partySize = min(l.partySize, size) // a name too long for any size wraps
				break
			}
		}
	}
	for _, p := range []struct {
		name string
		who  cwo.Person
	}{{c.LegalName, c.Signatory}, {f.LegalName, f.Signatory}} {
		pdf.SetFont(familyBody, "B", l.partySize)
		name := float64(max(len(pdf.SplitText(p.name, l.colW)), 1))
		l.lineOffset = max(l.lineOffset, sigRoleH+name*sigPartyLineH+24)
		pdf.SetFont(familyBody, "", bodySize)
		for i, r := range sigRows(p.who) {
			lines := float64(max(len(pdf.SplitText(r[1], l.colW-sigLabelW)), 1))
			l.rows[i] = max(l.rows[i], sigRowH+(lines-1)*sigValueLineH)
		}
	}
	return l
}

// signaturesHeight returns the height of the signature section, with the space above it: for
// an order that cannot be signed, only its heading, statement and fingerprint.
func (a *agreement) signaturesHeight() float64 {
	l := a.signatureLayout()
	h := sigGapBefore + sigHeadingH + float64(l.textLines)*sigTextLineH + 4 + 12
	if !Signable(a.d.Order.Status) {
		return h
	}
	return h + 28 + l.lineOffset + 3 + l.rows[0] + l.rows[1] + l.rows[2] + l.rows[3]
}

// signatures draws the signature section below the agreement text, or at the top of a new page
// when it does not fit there, and returns the signature fields over its lines. A draft or a
// cancelled order gets a statement of why it cannot be signed instead: no blocks, no fields.
func (a *agreement) signatures() []pdfupdate.Field {
	pdf := a.pdf
	o := a.d.Order
	y := pdf.GetY() + sigGapBefore
	if pdf.GetY()+a.signaturesHeight() > a.pageH-marginBottom+0.01 {
		pdf.AddPage()
		y = pdf.GetY()
	}
	margin := pdf.GetCellMargin()
	pdf.SetCellMargin(0) // flush with the text above
	defer pdf.SetCellMargin(margin)
	l := a.signatureLayout()
	pdf.SetXY(marginSide, y)
	heading := signingHeading(o.Status)
	a.outline.add(heading, 0, -1)
	pdf.SetFont(familyBody, "B", headingSizes[1])
	setColor(pdf, a.brand)
	pdf.CellFormat(0, sigHeadingH, heading, "", 1, "L", false, 0, "")
	pdf.SetFont(familyBody, "", bodySize)
	setColor(pdf, textColor)
	pdf.MultiCell(0, sigTextLineH, signingText(o, a.date(o.Issued)), "", "L", false)
	pdf.Ln(4)
	pdf.SetFont(familyMono, "", 8.5)
	pdf.CellFormat(0, 12, a.d.Fingerprint, "", 1, "L", false, 0, "")
	if !Signable(o.Status) {
		return nil
	}
	pdf.Ln(28)
	top := pdf.GetY()
	c, f := a.d.Contractor, a.d.Funder
	fields := []pdfupdate.Field{
		a.signatureBlock(marginSide, top, l, "For the Contractor", c.LegalName, c.Signatory, pdfupdate.FieldContractor),
		a.signatureBlock(marginSide+l.colW+sigBlockGap, top, l, "For the Funder", f.LegalName, f.Signatory, pdfupdate.FieldFunder),
	}
	return fields
}

// signatureBlock draws one party's signature line, printed name, title and date line.
func (a *agreement) signatureBlock(x, y float64, l sigLayout, role, party string, who cwo.Person, field string) pdfupdate.Field {
	pdf := a.pdf
	w := l.colW
	pdf.SetXY(x, y)
	pdf.SetFont(familyBody, "B", 8)
	setColor(pdf, a.brand)
	pdf.CellFormat(w, sigRoleH, strings.ToUpper(role), "", 2, "L", false, 0, "")
	pdf.SetFont(familyBody, "B", l.partySize)
	setColor(pdf, textColor)
	pdf.MultiCell(w, sigPartyLineH, party, "", "L", false)
	lineY := y + l.lineOffset
	setDrawColor(pdf, textColor)
	pdf.SetLineWidth(0.7)
	pdf.Line(x, lineY, x+w, lineY)
	a.signatureRows(x, lineY, l, sigRows(who))
	return pdfupdate.Field{Name: field, Page: pdf.PageNo(), Rect: [4]float64{x, a.pageH - lineY, x + w, a.pageH - lineY + sigFieldH}}
}

// signatureRows writes the labels under the signature line and what is printed after them,
// wrapped, with a line to write the date on.
func (a *agreement) signatureRows(x, lineY float64, l sigLayout, rows [4][2]string) {
	pdf := a.pdf
	w := l.colW
	y := lineY + 3
	for i, r := range rows {
		pdf.SetXY(x, y)
		pdf.SetFont(familyBody, "", 7.5)
		setColor(pdf, mutedColor)
		pdf.CellFormat(sigLabelW, 14, r[0], "", 0, "L", false, 0, "")
		pdf.SetFont(familyBody, "", bodySize)
		setColor(pdf, textColor)
		pdf.SetXY(x+sigLabelW, y)
		pdf.MultiCell(w-sigLabelW, sigValueLineH, r[1], "", "L", false)
		if r[0] == "Date" {
			setDrawColor(pdf, ruleColor)
			pdf.SetLineWidth(0.5)
			pdf.Line(x+sigLabelW, y+13, x+w, y+13)
		}
		y += l.rows[i]
	}
}

// signingHeading is the title of the section that closes the agreement.
func signingHeading(status string) string {
	switch status {
	case cwo.StatusDraft:
		return "Not for signature"
	case cwo.StatusCancelled:
		return "Cancelled: not for signature"
	}
	return "Signatures"
}

// signingText introduces the signature blocks: what the parties sign, or, for an order that
// cannot be signed, why not and what would make it signable; issued is the order's date in the
// document's date style.
func signingText(o *cwo.WorkOrder, issued string) string {
	fp := "Each page of this version carries the first twelve digits of its fingerprint in the footer; the whole fingerprint is:"
	switch o.Status {
	case cwo.StatusDraft:
		return fmt.Sprintf("This is a draft of Community Work Order %s, version %d, for discussion only. It is not an offer, "+
			"is not for signature, and has no signature blocks or fields. It becomes signable only when the Contractor issues "+
			"it for signature, as a version with its own fingerprint; a signature on this draft has no effect. "+
			"This draft’s fingerprint, which identifies it in discussion, is:", o.ID, o.Version)
	case cwo.StatusCancelled:
		return fmt.Sprintf("Community Work Order %s, version %d, issued %s, has been cancelled: it is not for signature, "+
			"has no signature blocks or fields, and a signature on it has no effect. Work on its subject can be agreed "+
			"only in a new order, or a new version of this one, issued for signature. %s", o.ID, o.Version, issued, fp)
	}
	return fmt.Sprintf("The parties sign Community Work Order %s, version %d, issued %s. %s",
		o.ID, o.Version, issued, fp)
}
