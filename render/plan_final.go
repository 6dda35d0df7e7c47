package render

import (
	"fmt"
	"io"
	"path"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/render/pdf"
)

// FinalPath returns where an order's final report is written, relative to the output folder.
func FinalPath(o *cwo.WorkOrder) string {
	return path.Join("reports", o.ID+"-final.pdf")
}

// reportDate is the date the run judges whether an order's term has ended: the --as-of date,
// else the newest issued date of any order (the last run's, when only changed orders were
// loaded), never the clock.
func (b *batch) reportDate() cwo.Date {
	if !b.asOf.IsZero() {
		return b.asOf
	}
	return b.ws.AsOf()
}

// issuedDate is the date a report for period p is issued on, on its cover: the run's report
// date once the period has ended; for a period still under way on it, the later of that date
// and through, the last day with hours logged in the period (the report says its figures run to
// that day: Report.NoteUnderWay), never a day the data has not reached.
func (b *batch) issuedDate(p cwo.Period, through cwo.Date) cwo.Date {
	d := b.reportDate()
	if !d.Before(p.End()) {
		return d
	}
	return cwo.MaxDate(d, through)
}

// finalJob makes the job of an order's final report, or nil when it has none yet (cwo.FinalDue).
func (b *batch) finalJob(o *cwo.WorkOrder) (*Job, error) {
	if b.opt.Period != "" || !cwo.FinalDue(o, b.reportDate()) {
		return nil, nil
	}
	f := b.ws.NewFinalReport(o)
	fp, data, err := finalFingerprint(f)
	if err != nil {
		return nil, fmt.Errorf("order %s final report: %w", o.ID, err)
	}
	opt := b.pdfOptions()
	opt.Paper = b.ws.OrderPaper(o)
	issued := b.issuedDate(f.Period, f.Period.End()) // its money stands at the period's end
	h := outdir.NewHasher().Text("kind", KindReports).Text("format", "final").Text("cwo", codeID()).Text("fingerprint", fp).
		Text("fonts", b.fontHash).Text("paper", opt.Paper).Text("brand", opt.Brand).Text("issued", issued.String())
	doc := &pdf.FinalDoc{Final: f, Contractor: b.ws.Contractor, Fingerprint: fp, Issued: issued}
	return &Job{
		Path: FinalPath(o), Kind: KindReports, IDs: []string{o.ID, o.Funder, o.Project, "final"}, Hash: h.Sum(), Runes: nonASCII(data),
		Render: func(w io.Writer) error { return pdf.Final(w, doc, opt) },
	}, nil
}

// finalFingerprint is reportFingerprint over the final report: its term's report, every pull
// request and the closing notes.
func finalFingerprint(f *cwo.FinalReport) (string, []byte, error) {
	return fingerprint(f, f.EntriesDigest())
}
