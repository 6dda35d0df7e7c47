package render

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/outdir"
)

// benchDir is the workspace the pipeline benchmarks use: $CWO_BENCHWS (`make bench` points it
// at the generated workspace of internal/benchws), else the samples.
func benchDir() string {
	if dir := os.Getenv("CWO_BENCHWS"); dir != "" {
		return dir
	}
	return "../samples"
}

// benchJobs loads and plans a workspace once, returning the planned jobs of one kind.
func benchJobs(b *testing.B, kind string) []*Job {
	b.Helper()
	dir := benchDir()
	s, err := config.Load(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	bt := &batch{ctx: context.Background(), dir: dir, settings: s, opt: Options{Only: []string{kind}},
		res: &Result{Counts: map[string]*Count{}}}
	if err := bt.run(step{"load", (*batch).load}, step{"check", (*batch).checkWorkspace}); err != nil {
		b.Fatalf("%s: %v\n%v", dir, err, bt.res.Diagnostics)
	}
	if err := bt.plan(); err != nil {
		b.Fatal(err)
	}
	if len(bt.res.Planned) == 0 {
		b.Skipf("%s has no %s", dir, kind)
	}
	return bt.res.Planned
}

// BenchmarkAgreementJob renders agreements as a job does, without writing a file: template,
// Markdown layout, fonts, compression and signature fields.
func BenchmarkAgreementJob(b *testing.B) {
	jobs := benchJobs(b, KindAgreements)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := jobs[i%len(jobs)].Render(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgreementJobParallel is BenchmarkAgreementJob on every P, as `cwo render` runs it.
func BenchmarkAgreementJobParallel(b *testing.B) {
	jobs := benchJobs(b, KindAgreements)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			if err := jobs[i%len(jobs)].Render(io.Discard); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkAgreementWrite is BenchmarkAgreementJob with the file written as a run writes it:
// a temporary file, checksummed, synced, journaled and renamed.
func BenchmarkAgreementWrite(b *testing.B) {
	jobs := benchJobs(b, KindAgreements)
	out, err := outdir.Open(b.TempDir(), outdir.Shard{})
	if err != nil {
		b.Fatal(err)
	}
	defer out.Close()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := renderJob(out, jobs[i%len(jobs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadValidate loads and validates the workspace as `cwo render` does before it plans.
func BenchmarkLoadValidate(b *testing.B) {
	dir := benchDir()
	s, err := config.Load(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, diags, _ := validate(dir, s, cwo.ValidateOptions{}, false); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}
