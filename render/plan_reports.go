package render

import (
	"fmt"
	"io"
	"path"
	"slices"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/par"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/render/xlsx"
)

// ReportPath returns where an order's report for a period is written, relative to the output folder.
func ReportPath(o *cwo.WorkOrder, p cwo.Period) string {
	return path.Join("reports", fmt.Sprintf("%s-%s.xlsx", o.ID, p))
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
		j, err := b.reportJob(b.ws.NewReport(o, p))
		if err != nil {
			return nil, fmt.Errorf("order %s period %s: %w", o.ID, p, err)
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

func (b *batch) reportJob(r *cwo.Report) (*Job, error) {
	h := outdir.NewHasher().Text("kind", KindReports).Text("cwo", cwo.Version)
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
