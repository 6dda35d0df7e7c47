package render

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/templates"
)

// Output kinds, as --only names them.
const (
	KindAgreements = "agreements"
	KindReports    = "reports"
	KindBrochures  = "brochures"
)

// Kinds lists the output kinds in the order they are planned.
var Kinds = []string{KindAgreements, KindReports, KindBrochures}

// Options control one run.
type Options struct {
	OutDir string       // output folder (absolute, or relative to the current folder)
	Only   []string     // output kinds to render; empty means all
	Orders []string     // order IDs to render; empty means all
	Period string       // reporting period to render reports for ("2026-Q4", "2026-10"); empty means all
	Jobs   int          // parallel renders; 0 or less means one
	Force  bool         // render even unchanged outputs
	DryRun bool         // say what would be written, write nothing
	AsOf   cwo.Date     // staleness date for validation (zero: newest order's issued date)
	Shard  outdir.Shard // render only this shard's outputs (zero: all)
	// Incremental keeps a state file in the output folder so that a later run can tell, before
	// loading the workspace, that nothing changed or that only some orders' files did.
	Incremental bool
	Log         io.Writer
	Terminal    bool // Log is a terminal: draw a progress bar
	// Phase, when set, is called as the run enters a phase, with the result so far (Counts
	// lists the planned kinds once planning is done); the function it returns, if any, is
	// called as the phase ends. cmd/cwo tunes the garbage collector there.
	Phase func(p Phase, res *Result) (end func())
}

// Phase is a stage of a run with its own use of memory.
type Phase int

const (
	// PhasePrepare loads, checks and plans: much short-lived garbage while the live heap grows
	// to its largest.
	PhasePrepare Phase = iota + 1
	// PhaseRender renders the planned documents: a small live heap, and a few megabytes per
	// document that die with it.
	PhaseRender
)

// Job is one output file to produce.
type Job struct {
	Path   string   // relative to the output folder, with forward slashes
	Kind   string   // one of Kinds
	IDs    []string // the records it is built from
	Hash   string   // input hash: everything the output depends on
	Render func(w io.Writer) error
	Notes  []string // set by Render: what the reader should know (items left out to fit)
	// Runes lists the non-ASCII characters the output's data uses, in order. Jobs with the same
	// runes are rendered one after the other, so that they draw on the same font subsets,
	// which the PDF code keeps for the documents that follow (see fpdf patch 7).
	Runes string
}

// Result says what a run did.
type Result struct {
	// Workspace is the workspace the run loaded and checked, without what rendering does not
	// read (field positions; progress, contributions and time entries when no report was
	// planned). It is nil when the run loaded nothing (an incremental run that found nothing
	// changed) and holds only the changed orders when an incremental run loaded only those.
	Workspace   *cwo.Workspace
	Diagnostics cwo.Diagnostics // validation problems (warnings when the run went on)
	Counts      map[string]*Count
	Failures    []Failure
	Planned     []*Job
	Notes       []string // "path: note" for rendered outputs, in completion order
}

// Count tallies one kind of output.
type Count struct {
	Rendered, Unchanged, Failed int
	Elapsed                     time.Duration
}

// Failure is an output that could not be rendered; its previous file, if any, is untouched.
type Failure struct {
	Path string
	Err  error
}

// ErrInvalid is returned when validation finds errors; Result.Diagnostics lists them.
var ErrInvalid = fmt.Errorf("the workspace has errors")

// Run renders the workspace in dir. It returns ErrInvalid (with the problems in Result) when the
// data has errors, before anything is written. Failed outputs are listed in Result.Failures;
// the others are still written. When ctx is cancelled, documents in progress finish or are
// discarded, the manifest records what was written, and Run returns ctx's error.
//
// With Options.Incremental, Run first compares the workspace's files with the state the last
// complete run left in the output folder, and loads nothing when nothing changed, or only the
// changed orders when only their files did (Result.Planned then lists only what was planned).
func Run(ctx context.Context, dir string, s cwo.Settings, opt Options) (*Result, error) {
	b := &batch{ctx: ctx, dir: dir, settings: s, opt: opt, res: &Result{Counts: map[string]*Count{}}}
	defer b.unlock()
	err := b.run(
		step{"output folder", func(b *batch) error { return CheckOutDir(b.dir, b.opt.OutDir) }},
		step{"compare", (*batch).compare}, // with the last run's state: finish, or keep to changed orders
		b.phase(PhasePrepare,
			step{"load", (*batch).load},
			step{"check", (*batch).checkWorkspace},
			step{"plan", (*batch).plan},
			step{"release", (*batch).release}),
		step{"lock", (*batch).lock},
		step{"decide", (*batch).decide}, // new, changed or unchanged: what to render
		b.phase(PhaseRender,
			step{"render", (*batch).render}),
	)
	return b.res, b.record(err) // the manifest and the state, after rendering even when it stopped
}

// batch is the state one run passes from step to step.
type batch struct {
	ctx      context.Context
	dir      string
	settings cwo.Settings
	opt      Options
	done     bool            // the run finished early: later steps are skipped
	asOf     cwo.Date        // the staleness date validation uses (zero: from the workspace)
	ws       *cwo.Workspace  // loaded, then checked
	loaded   cwo.Diagnostics // the problems loading found
	tmpl     *templates.Set
	fonts    *pdf.Fonts
	shared   *pdf.Shared // what the run's PDFs share: parsed fonts and images, buffers
	fontHash string
	out      *outdir.Writer // holds the output folder's lock once taken, and writes into it
	todo     []outcome      // the jobs to render, as decided
	manifest *outdir.Manifest
	res      *Result
	prev     *runState               // the last complete run's state, or nil
	inputs   map[string]outdir.Stamp // the workspace's files as this run found them, or nil
	scope    []string                // the orders of a run limited to changed orders, or nil
}

// unlock releases the output folder's lock, if the run took it.
func (b *batch) unlock() {
	if b.out != nil {
		b.out.Close()
	}
}

// step is one named stage of the batch.
type step struct {
	name string // "" for a group of steps, whose own names say enough
	run  func(*batch) error
}

// run runs steps in order until one fails or the run is done.
func (b *batch) run(steps ...step) error {
	for _, st := range steps {
		if b.done {
			return nil
		}
		if err := b.step(st); err != nil {
			return err
		}
	}
	return nil
}

// step runs one named step, wrapping its error with the step's name.
func (b *batch) step(st step) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	err := st.run(b)
	if err == nil || err == ErrInvalid || st.name == "" {
		return err
	}
	return fmt.Errorf("%s: %w", st.name, err)
}

// phase groups steps into a phase, calling Options.Phase as it begins and ends.
func (b *batch) phase(p Phase, steps ...step) step {
	return step{"", func(b *batch) error {
		if b.opt.Phase != nil {
			if end := b.opt.Phase(p, b.res); end != nil {
				defer end()
			}
		}
		return b.run(steps...)
	}}
}
