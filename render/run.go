package render

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// outcome is what rendering one job came to.
type outcome struct {
	job   *Job
	state string // "new", "changed", "unchanged"
	sum   string
	err   error
	took  time.Duration
}

// render decides which jobs need work and renders those with a bounded worker pool.
func (b *batch) render() error {
	b.manifest = readManifest(b.opt.OutDir, b.opt.Shard.manifestName())
	var todo []outcome
	for _, j := range b.res.Planned {
		state := b.state(j)
		if b.opt.DryRun {
			fmt.Fprintf(b.opt.Log, "%-9s %s\n", dryRunWord(state, b.opt.Force), j.Path)
			continue
		}
		if state == "unchanged" && !b.opt.Force {
			b.res.Counts[j.Kind].Unchanged++
			continue
		}
		todo = append(todo, outcome{job: j, state: state})
	}
	if b.opt.DryRun {
		return nil
	}
	slices.SortStableFunc(todo, func(x, y outcome) int { return strings.Compare(x.job.Runes, y.job.Runes) })
	prog := newProgress(b.opt.Log, b.opt.Terminal, len(todo))
	for o := range b.renderAll(todo) {
		b.record(o)
		prog.done(o)
	}
	prog.finish()
	return nil
}

// state is the job's output state against the manifest. A forced run renders every output
// anyway, so it only tells new files from existing ones instead of reading each to compare.
func (b *batch) state(j *Job) string {
	if !b.opt.Force || b.opt.DryRun {
		return b.manifest.state(b.opt.OutDir, j, b.knownSum)
	}
	if _, err := os.Stat(filepath.Join(b.opt.OutDir, filepath.FromSlash(j.Path))); err != nil {
		return "new"
	}
	return "changed"
}

func dryRunWord(state string, force bool) string {
	if state == "unchanged" && force {
		return "forced"
	}
	return state
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
				o.sum, o.err = renderJob(b.opt.OutDir, o.job)
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

// record updates counts, failures and the manifest with one outcome.
func (b *batch) record(o outcome) {
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
	b.manifest.set(Entry{Path: o.job.Path, Kind: o.job.Kind, IDs: o.job.IDs, InputHash: o.job.Hash, SHA256: o.sum})
}
