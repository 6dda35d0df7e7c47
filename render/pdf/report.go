package pdf

import (
	"fmt"
	"io"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/fpdf"
	"github.com/cwo-tool/cwo/render/pdf/mdpdf"
)

// ReportDoc is everything the PDF edition of a funder's progress report shows.
type ReportDoc struct {
	Report      *cwo.Report
	Contractor  *cwo.Contractor // who reports: the running head and the document's author
	Fingerprint string          // SHA-256 hex of everything the report shows
	Issued      cwo.Date        // the run's report date (never the clock), on the cover; zero: not shown
}

// Report layout, in points. The side margins are narrower than an agreement's: a report's
// tables of figures want the width more than its prose wants a short measure.
const (
	reportMarginSide = 64.0
	reportBodySize   = 10.0
)

// reportHeadingSizes are the sizes of a report's section (h2) and sub-section (h3) headings;
// the title is drawn by titleBlock, not by Markdown.
var reportHeadingSizes = [4]float64{18, 13.5, 11.5, 10}

// reportDoc draws a progress report or a final report: the running head and footer with the
// fingerprint, the title block, the facts, Markdown sections and charts between them.
type reportDoc struct {
	pdf     *fpdf.Fpdf
	brand   rgb
	pageW   float64
	pageH   float64
	outline *outline
	md      *mdpdf.Renderer
	head    string // the running head's right side
	ref     string // the footer's reference: "CWO-2026-004 · progress report 2026-11"
	fp      string // the fingerprint
	author  string
	locale  string
	dated   cwo.Date // the document's pinned date
}

// Report writes the PDF edition of a progress report to w: the order's facts, its flags, the
// money table and payment schedule, a chart of what was earned, invoiced and paid against the
// budget, the work items with a chart of their hours, the pull requests with links, and the
// narrative, with the fingerprint on every page. On error nothing is written to w.
func Report(w io.Writer, d *ReportDoc, opt Options) error {
	r := d.Report
	doc := newReportDoc(opt, r.Period.End(), d.Contractor, r.Locale, d.Fingerprint)
	doc.head = r.Order.Title
	doc.ref = fmt.Sprintf("%s · progress report %s", r.Order.ID, r.Period)
	doc.metadata("progress report", fmt.Sprintf("Progress report %s: %s (%s)", r.Period, r.Order.Title, r.Order.ID),
		fmt.Sprintf("Progress report for %s, %s, on work order %s", reportFunder(r.Funder), r.Period, r.Order.ID), r)
	doc.begin()
	doc.titleBlock("Progress report", r.Order.Title,
		fmt.Sprintf("%s · %s (%s to %s)", r.Order.ID, r.Period, doc.date(r.Period.Start()), doc.date(r.Period.End()))+doc.issued(d.Issued))
	doc.facts(reportFacts(r, doc.date))
	doc.flags(r.Flags)
	if err := doc.periodSections(r); err != nil {
		return err
	}
	return doc.write(w)
}

// newReportDoc sets up a report document dated date (its pinned creation date), with the
// running head and the footer.
func newReportDoc(opt Options, date cwo.Date, c *cwo.Contractor, locale, fp string) *reportDoc {
	doc := &reportDoc{pdf: newDocument(opt, date), brand: brandColor(opt.Brand), fp: fp, locale: locale, dated: date}
	if c != nil {
		doc.author = c.Name
	}
	doc.pageW, doc.pageH = doc.pdf.GetPageSize()
	doc.pdf.SetMargins(reportMarginSide, marginTop, reportMarginSide)
	doc.pdf.SetCellMargin(0)
	doc.outline = newOutline(doc.pdf)
	doc.md = mdpdf.New(doc.pdf, doc.bodyStyle())
	return doc
}

// metadata sets the document information, XMP metadata and language; kind ("progress report",
// "final report") leads the keywords.
func (d *reportDoc) metadata(kind, title, subject string, r *cwo.Report) {
	docInfo{
		Title: title, Subject: subject, Author: d.author,
		Keywords: fmt.Sprintf("%s, %s, %s, %s, fingerprint %s", kind, r.Order.ID, reportProject(r.Project), reportFunder(r.Funder), d.fp),
		Lang:     cwo.LanguageTag(d.locale),
		Date:     pinnedTime(d.dated),
	}.apply(d.pdf)
}

// begin sets the running head and footer and opens the first page.
func (d *reportDoc) begin() {
	d.pdf.SetHeaderFuncMode(d.header, true)
	d.pdf.SetFooterFunc(d.footer)
	d.pdf.AddPage()
}

// write finishes the document into w.
func (d *reportDoc) write(w io.Writer) error {
	data, err := finish(d.pdf)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// issued writes " · issued <date>" for the cover's line under the title, or "" for no date.
func (d *reportDoc) issued(t cwo.Date) string {
	if t.IsZero() {
		return ""
	}
	return " · issued " + d.date(t)
}

// date writes a date in the document's one date style.
func (d *reportDoc) date(t cwo.Date) string { return cwo.FormatDate(t, d.locale) }

func (d *reportDoc) bodyStyle() mdpdf.Style {
	b := [3]int{d.brand.r, d.brand.g, d.brand.b}
	return mdpdf.Style{
		Family: familyBody, Mono: familyMono, Size: reportBodySize, Leading: bodyLeading,
		HeadingSizes: reportHeadingSizes,
		Text:         [3]int{textColor.r, textColor.g, textColor.b},
		Heading:      b, Link: b,
		Rule:      [3]int{ruleColor.r, ruleColor.g, ruleColor.b},
		OnHeading: d.outline.heading,
	}
}

// header draws the running head: who reports, and the order's title.
func (d *reportDoc) header() {
	pdf := d.pdf
	pdf.SetFont(familyBody, "", 8)
	setColor(pdf, mutedColor)
	y := marginTop - 34
	width := d.pageW - 2*reportMarginSide
	pdf.SetXY(reportMarginSide, y)
	pdf.CellFormat(width/2, 10, fitText(pdf, d.author, width/2), "", 0, "L", false, 0, "")
	pdf.CellFormat(width/2, 10, fitText(pdf, d.head, width/2), "", 0, "R", false, 0, "")
	setDrawColor(pdf, ruleColor)
	pdf.SetLineWidth(0.5)
	pdf.Line(reportMarginSide, y+14, d.pageW-reportMarginSide, y+14)
}

// footer draws the report's reference, the page number and the fingerprint.
func (d *reportDoc) footer() {
	pdf := d.pdf
	footerRule(pdf, d.pageW, d.pageH, reportMarginSide)
	width := d.pageW - 2*reportMarginSide
	pdf.CellFormat(width/2, 10, fitText(pdf, d.ref, width/2), "", 0, "L", false, 0, "")
	pdf.CellFormat(width/2, 10, fmt.Sprintf("page %d of {nb} · fingerprint %s", pdf.PageNo(), short(d.fp)), "", 0, "R", false, 0, "")
}

// titleBlock draws the kind of report in small capitals, the title and a line under it.
func (d *reportDoc) titleBlock(kind, title, sub string) {
	pdf := d.pdf
	width := d.pageW - 2*reportMarginSide
	pdf.SetXY(reportMarginSide, marginTop)
	pdf.SetFont(familyBody, "B", 9)
	setColor(pdf, d.brand)
	pdf.CellFormat(width, 12, upper(kind), "", 2, "L", false, 0, "")
	d.outline.add(kind+": "+title, 0, -1)
	pdf.SetFont(familyBody, "B", 20)
	setColor(pdf, textColor)
	pdf.MultiCell(width, 25, title, "", "L", false)
	pdf.SetFont(familyBody, "", 11)
	setColor(pdf, mutedColor)
	pdf.CellFormat(width, 16, sub, "", 2, "L", false, 0, "")
	pdf.SetY(pdf.GetY() + 10)
}

// markdown draws Markdown at the current position.
func (d *reportDoc) markdown(src string) error {
	if err := d.md.Render([]byte(src)); err != nil {
		return fmt.Errorf("report text: %w", err)
	}
	return nil
}

func reportFunder(f *cwo.Funder) string {
	if f == nil {
		return ""
	}
	return f.DisplayName()
}

func reportProject(p *cwo.Project) string {
	if p == nil {
		return ""
	}
	return p.Name
}
