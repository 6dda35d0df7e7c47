package render

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cwo-tool/cwo/outdir"
)

// outcome is what rendering one job came to.
type outcome struct {
	job   *Job
	state string // outdir.New, outdir.Changed or outdir.Unchanged
	sum   string
	err   error
	took  time.Duration
}

// lock takes the output folder's lock, or the shard's (a dry run writes nothing and takes none),
// and removes the temporary files that killed runs left, keeping those other shards are writing.
func (b *batch) lock() error {
	if b.opt.DryRun {
		return nil
	}
	out, err := outdir.Open(b.opt.OutDir, b.opt.Shard)
	if err != nil {
		return err
	}
	b.out = out
	out.RemoveStaleTemps(Kinds...)
	return nil
}

// decide compares each planned job with the manifest and keeps those that need rendering; a dry
// run prints each decision and ends there.
func (b *batch) decide() error {
	b.manifest = outdir.ReadManifest(b.opt.OutDir, b.opt.Shard.ManifestName())
	if b.scope != nil {
		b.countUntouched()
	}
	for _, j := range b.res.Planned {
		state := b.state(j)
		if b.opt.DryRun {
			fmt.Fprintf(b.opt.Log, "%-9s %s\n", dryRunWord(state, b.opt.Force), j.Path)
			continue
		}
		if state == outdir.Unchanged && !b.opt.Force {
			b.res.Counts[j.Kind].Unchanged++
			continue
		}
		b.todo = append(b.todo, outcome{job: j, state: state})
	}
	b.done = b.opt.DryRun
	slices.SortStableFunc(b.todo, func(x, y outcome) int { return strings.Compare(x.job.Runes, y.job.Runes) })
	return nil
}

// state is the job's output state against the manifest. A forced run renders every output
// anyway, so it only tells new files from existing ones instead of reading each to compare.
func (b *batch) state(j *Job) string {
	if !b.opt.Force || b.opt.DryRun {
		return b.vouch(j.Path, b.manifest.State(b.opt.OutDir, j.Path, j.Hash, b.knownSum))
	}
	if _, err := os.Stat(filepath.Join(b.opt.OutDir, filepath.FromSlash(j.Path))); err != nil {
		return outdir.New
	}
	return outdir.Changed
}

func dryRunWord(state string, force bool) string {
	if state == outdir.Unchanged && force {
		return "forced"
	}
	return state
}

// render renders the decided jobs with a bounded worker pool, reporting progress.
func (b *batch) render() error {
	prog := newProgress(b.opt.Log, b.opt.Terminal, len(b.todo))
	for o := range b.renderAll(b.todo) {
		b.tally(o)
		prog.done(o)
	}
	prog.finish()
	b.todo = nil
	return nil
}

// renderAll renders jobs on b.opt.Jobs workers and sends each outcome as it finishes.
func (b *batch) renderAll(todo []outcome) <-chan outcome {
	in := make(chan outcome)
	out := make(chan outcome)
	workers := max(b.opt.Jobs, 1)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for o := range in {
				start := time.Now()
				o.sum, o.err = renderJob(b.out, o.job)
				o.took = time.Since(start)
				out <- o
			}
		}()
	}
	go func() {
		defer close(in)
		for _, o := range todo {
			if b.ctx.Err() != nil {
				return
			}
			in <- o
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// renderJob writes one job's file atomically, its manifest entry journaled, and returns its
// checksum. Panics in a renderer are turned into errors so one bad document cannot stop the batch.
func renderJob(out *outdir.Writer, j *Job) (sum string, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error: %v", v)
		}
	}()
	e, err := out.WriteOutput(outdir.Entry{Path: j.Path, Kind: j.Kind, IDs: j.IDs, InputHash: j.Hash}, j.Render)
	return e.SHA256, err
}

// tally updates counts, failures and the manifest with one outcome.
func (b *batch) tally(o outcome) {
	c := b.res.Counts[o.job.Kind]
	c.Elapsed += o.took
	if o.err != nil {
		c.Failed++
		b.res.Failures = append(b.res.Failures, Failure{Path: o.job.Path, Err: o.err})
		return
	}
	c.Rendered++
	for _, n := range o.job.Notes {
		b.res.Notes = append(b.res.Notes, o.job.Path+": "+n)
	}
	b.manifest.Set(outdir.Entry{Path: o.job.Path, Kind: o.job.Kind, IDs: o.job.IDs, InputHash: o.job.Hash, SHA256: o.sum})
}
