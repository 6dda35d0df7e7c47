package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"slices"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/par"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/render/xlsx"
)

// ReportPath returns where an order's report for a period is written, relative to the output folder.
func ReportPath(o *cwo.WorkOrder, p cwo.Period) string {
	return path.Join("reports", fmt.Sprintf("%s-%s.xlsx", o.ID, p))
}

// ReportPDFPath returns where the PDF edition of an order's report for a period is written,
// beside the workbook.
func ReportPDFPath(o *cwo.WorkOrder, p cwo.Period) string {
	return path.Join("reports", fmt.Sprintf("%s-%s.pdf", o.ID, p))
}

// planReports makes one job per wanted order and reporting period with data.
func (b *batch) planReports() ([]*Job, error) {
	orders := slices.DeleteFunc(slices.Clone(b.ws.Orders), func(o *cwo.WorkOrder) bool { return !b.wantsOrder(o.ID) })
	perOrder := make([][]*Job, len(orders))
	errs := make([]error, len(orders))
	par.Each(len(orders), func(i int) { perOrder[i], errs[i] = b.orderReports(orders[i]) })
	var jobs []*Job
	for i, err := range errs {
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, perOrder[i]...)
	}
	return jobs, nil
}

// orderReports makes the report jobs of one order.
func (b *batch) orderReports(o *cwo.WorkOrder) ([]*Job, error) {
	var jobs []*Job
	for _, p := range b.ws.ReportPeriods(o) {
		if b.opt.Period != "" && p.String() != b.opt.Period {
			continue
		}
		r := b.ws.NewReport(o, p)
		through, err := r.LastEntry()
		if err != nil {
			return nil, fmt.Errorf("order %s period %s: %w", o.ID, p, err)
		}
		r.NoteUnderWay(b.reportDate(), through)
		j, err := b.reportJob(r)
		if err != nil {
			return nil, fmt.Errorf("order %s period %s: %w", o.ID, p, err)
		}
		pj, err := b.reportPDFJob(r, through)
		if err != nil {
			return nil, fmt.Errorf("order %s period %s: %w", o.ID, p, err)
		}
		jobs = append(jobs, j, pj)
	}
	fj, err := b.finalJob(o)
	if fj != nil {
		jobs = append(jobs, fj)
	}
	return jobs, err
}

func (b *batch) reportJob(r *cwo.Report) (*Job, error) {
	h := outdir.NewHasher().Text("kind", KindReports).Text("cwo", codeID())
	if err := h.JSON("report", r); err != nil {
		return nil, err
	}
	h.Text("entries", r.EntriesDigest())
	return &Job{
		Path: ReportPath(r.Order, r.Period), Kind: KindReports,
		IDs: []string{r.Order.ID, r.Order.Funder, r.Order.Project, r.Period.String()}, Hash: h.Sum(),
		Render: func(w io.Writer) error { return xlsx.Report(w, r) },
	}, nil
}

// reportPDFJob makes the job of a report's PDF edition, whose pages carry its fingerprint.
func (b *batch) reportPDFJob(r *cwo.Report, through cwo.Date) (*Job, error) {
	fp, data, err := reportFingerprint(r)
	if err != nil {
		return nil, err
	}
	opt := b.pdfOptions()
	opt.Paper = b.ws.OrderPaper(r.Order)
	issued := b.issuedDate(r.Period, through)
	h := outdir.NewHasher().Text("kind", KindReports).Text("format", "pdf").Text("cwo", codeID()).Text("fingerprint", fp).
		Text("fonts", b.fontHash).Text("paper", opt.Paper).Text("brand", opt.Brand).Text("issued", issued.String())
	doc := &pdf.ReportDoc{Report: r, Contractor: b.ws.Contractor, Fingerprint: fp, Issued: issued}
	return &Job{
		Path: ReportPDFPath(r.Order, r.Period), Kind: KindReports,
		IDs: []string{r.Order.ID, r.Order.Funder, r.Order.Project, r.Period.String()}, Hash: h.Sum(), Runes: nonASCII(data),
		Render: func(w io.Writer) error { return pdf.Report(w, doc, opt) },
	}, nil
}

// reportFingerprint returns the SHA-256 of everything a report shows, as agreements have one:
// the hex digest of labelled parts ("report", the JSON of the report; "entries", the digest of
// its time entries), each written as its label, a colon, its length, a colon and its bytes.
// It also returns the report's JSON.
func reportFingerprint(r *cwo.Report) (fp string, data []byte, err error) {
	return fingerprint(r, r.EntriesDigest())
}

// fingerprint is the hex SHA-256 of the labelled JSON of v and the time entries' digest.
func fingerprint(v any, entries string) (fp string, data []byte, err error) {
	data, err = json.Marshal(v)
	if err != nil {
		return "", nil, fmt.Errorf("hash report: %w", err)
	}
	h := sha256.New()
	for _, part := range []struct {
		label string
		b     []byte
	}{{"report", data}, {"entries", []byte(entries)}} {
		fmt.Fprintf(h, "%s:%d:", part.label, len(part.b))
		h.Write(part.b)
	}
	return hex.EncodeToString(h.Sum(nil)), data, nil
}
