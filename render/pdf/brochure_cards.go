package pdf

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/markdown"
)

// projectPages lays the project cards out top to bottom, starting a page when a card would not
// fit; a card never splits. A card too tall for a whole page loses items from the end.
func (b *brochure) projectPages() {
	if len(b.d.Projects) == 0 {
		return
	}
	b.contentPage()
	for _, p := range b.d.Projects {
		items := len(p.Items)
		for items > 0 && b.cardHeight(p, items) > b.contentHeight() {
			items--
		}
		if items < len(p.Items) {
			b.notes = append(b.notes, fmt.Sprintf("project %s: showing %d of %d roadmap items so its card fits on one page; shorten the summaries to show more",
				p.Project.ID, items, len(p.Items)))
		}
		h := b.cardHeight(p, items)
		if b.pdf.GetY()+h > b.contentBottom() {
			b.footer(true)
			b.contentPage()
		}
		b.card(p, items, b.pdf.GetY(), h)
		b.pdf.SetY(b.pdf.GetY() + cardGap)
	}
	b.footer(true)
}

// contentPage starts a page for project cards with a small running head.
func (b *brochure) contentPage() {
	pdf := b.pdf
	b.newPage()
	pdf.SetFont(familyBody, "B", 8)
	b.textColor(b.brand)
	pdf.SetXY(b.left(), b.s.oy+safeMargin-14)
	pdf.CellFormat(b.width(), 10, strings.ToUpper(b.d.Brochure.Title), "", 1, "L", false, 0, "")
	pdf.SetY(b.s.oy + safeMargin + 4)
}

func (b *brochure) contentTop() float64    { return b.s.oy + safeMargin + 4 }
func (b *brochure) contentBottom() float64 { return b.s.oy + b.s.h - safeMargin - 6 }
func (b *brochure) contentHeight() float64 { return b.contentBottom() - b.contentTop() }

// Card layout.
const (
	cardHeadH  = 78.0 // logo, name, tagline, facts and the QR code
	itemTitleH = 15.0
	itemGap    = 10.0
)

// cardHeight measures a card showing the first n items.
func (b *brochure) cardHeight(p BrochureProject, n int) float64 {
	h := 2*cardPad + cardHeadH
	for _, it := range p.Items[:n] {
		h += itemGap + b.itemHeight(it.Title, markdown.PlainText(it.Summary), estimateText(it.Estimate, b.d.Currency, b.d.Locale))
	}
	return h
}

// itemHeight measures one roadmap item: title, summary lines and the estimate line.
func (b *brochure) itemHeight(title, summary, estimate string) float64 {
	pdf := b.pdf
	w := b.width() - 2*cardPad
	pdf.SetFont(familyBody, "B", 11)
	h := float64(len(pdf.SplitText(title, w))) * itemTitleH
	pdf.SetFont(familyBody, "", brochureBody)
	for _, para := range strings.Split(summary, "\n") {
		h += float64(len(pdf.SplitText(para, w))) * bodyLine
	}
	if estimate != "" {
		h += bodyLine + 2
	}
	return h
}

// card draws one project card of height h at y.
func (b *brochure) card(p BrochureProject, n int, y, h float64) {
	pdf := b.pdf
	x, w := b.left(), b.width()
	b.drawColor(ruleColor)
	pdf.SetLineWidth(0.6)
	pdf.RoundedRect(x, y, w, h, 6, "1234", "D")
	b.fillColor(b.brand)
	pdf.Rect(x, y+8, 3, cardHeadH-8, "F")
	b.cardHead(p, x+cardPad, y+cardPad, w-2*cardPad)
	pdf.SetY(y + cardPad + cardHeadH)
	for i, it := range p.Items[:n] {
		pdf.SetY(pdf.GetY() + itemGap)
		b.item(fmt.Sprintf("%d. %s", i+1, it.Title), markdown.PlainText(it.Summary), estimateText(it.Estimate, b.d.Currency, b.d.Locale))
	}
}

// cardHead draws the logo, name, tagline, license and repository, and the roadmap QR code.
func (b *brochure) cardHead(p BrochureProject, x, y, w float64) {
	pdf := b.pdf
	textX := x
	if p.Logo != nil {
		if lw := drawImage(pdf, p.Logo, x, y, cardLogoSize, cardLogoSize); lw > 0 {
			textX = x + lw + 12
		}
	}
	textW := x + w - qrSize - 10 - textX
	pr := p.Project
	pdf.SetXY(textX, y)
	pdf.SetFont(familyBody, "B", 17)
	b.textColor(textColor)
	pdf.CellFormat(textW, 21, fitText(pdf, pr.Name, textW), "", 2, "L", false, 0, "")
	pdf.SetFont(familyBody, "I", 10)
	b.textColor(mutedColor)
	pdf.CellFormat(textW, 14, fitText(pdf, pr.Tagline, textW), "", 2, "L", false, 0, "")
	pdf.SetFont(familyBody, "", 8.5)
	pdf.CellFormat(textW, 12, fitText(pdf, pr.License+" · "+pr.Repository, textW), "", 2, "L", false, 0, "")
	if cwo.SafeURL(pr.Repository) {
		pdf.LinkString(textX, y+35, textW, 12, pr.Repository)
	}
	b.roadmapQR(pr.Roadmap.URL, b.date(pr.Roadmap.Reviewed), x+w-qrSize, y-4)
}

// roadmapQR draws the QR code to the live roadmap with a caption under it.
func (b *brochure) roadmapQR(url, reviewed string, x, y float64) {
	pdf := b.pdf
	if !cwo.SafeURL(url) || !drawQR(pdf, url, x, y, qrSize) {
		return
	}
	pdf.LinkString(x, y, qrSize, qrSize, url)
	pdf.SetFont(familyBody, "", 6.5)
	b.textColor(mutedColor)
	pdf.SetXY(x-10, y+qrSize)
	pdf.CellFormat(qrSize+20, 8, "Roadmap · reviewed "+reviewed, "", 0, "C", false, 0, "")
}

// item draws one roadmap item at the current position.
func (b *brochure) item(title, summary, estimate string) {
	pdf := b.pdf
	x, w := b.left()+cardPad, b.width()-2*cardPad
	pdf.SetX(x)
	pdf.SetFont(familyBody, "B", 11)
	b.textColor(textColor)
	pdf.MultiCell(w, itemTitleH, title, "", "L", false)
	pdf.SetFont(familyBody, "", brochureBody)
	for _, para := range strings.Split(summary, "\n") {
		pdf.SetX(x)
		pdf.MultiCell(w, bodyLine, para, "", "L", false)
	}
	if estimate != "" {
		pdf.SetX(x)
		pdf.SetY(pdf.GetY() + 2)
		pdf.SetX(x)
		pdf.SetFont(familyBody, "B", 8.5)
		b.textColor(b.brand)
		pdf.CellFormat(w, bodyLine, estimate, "", 1, "L", false, 0, "")
	}
}
