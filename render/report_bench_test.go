package render

import (
	"context"
	"io"
	"testing"

	"github.com/cwo-tool/cwo/config"
)

// BenchmarkPlanReports plans every report of the workspace: periods per order, the figures of
// each report and the hash of its inputs (the workspace is loaded once, outside the timing).
func BenchmarkPlanReports(b *testing.B) {
	dir := benchDir()
	s, err := config.Load(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	bt := &batch{ctx: context.Background(), dir: dir, settings: s, opt: Options{Only: []string{KindReports}},
		res: &Result{Counts: map[string]*Count{}}}
	if err := bt.run(step{"load", (*batch).load}, step{"check", (*batch).checkWorkspace}); err != nil {
		b.Fatalf("%s: %v\n%v", dir, err, bt.res.Diagnostics)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bt.planReports(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportJob writes funder reports as a job does, without writing a file.
func BenchmarkReportJob(b *testing.B) {
	jobs := benchJobs(b, KindReports)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := jobs[i%len(jobs)].Render(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
