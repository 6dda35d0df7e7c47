package render

import (
	"fmt"
	"io"
	"path"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/render/xlsx"
)

// ReportPath returns where an order's report for a period is written, relative to the output folder.
func ReportPath(o *cwo.WorkOrder, p cwo.Period) string {
	return path.Join("reports", fmt.Sprintf("%s-%s.xlsx", o.ID, p))
}

// planReports makes one job per wanted order and reporting period with data.
func (b *batch) planReports() ([]*Job, error) {
	var jobs []*Job
	for _, o := range b.ws.Orders {
		if !b.wantsOrder(o.ID) {
			continue
		}
		for _, p := range b.ws.ReportPeriods(o) {
			if b.opt.Period != "" && p.String() != b.opt.Period {
				continue
			}
			j, err := b.reportJob(b.ws.NewReport(o, p))
			if err != nil {
				return nil, fmt.Errorf("order %s period %s: %w", o.ID, p, err)
			}
			jobs = append(jobs, j)
		}
	}
	return jobs, nil
}

func (b *batch) reportJob(r *cwo.Report) (*Job, error) {
	h := newHasher().text("kind", KindReports).text("cwo", cwo.Version)
	if err := h.json("report", r); err != nil {
		return nil, err
	}
	h.text("entries", r.EntriesDigest())
	return &Job{
		Path: ReportPath(r.Order, r.Period), Kind: KindReports,
		IDs: []string{r.Order.ID, r.Order.Funder, r.Order.Project, r.Period.String()}, Hash: h.sum(),
		Render: func(w io.Writer) error { return xlsx.Report(w, r) },
	}, nil
}
