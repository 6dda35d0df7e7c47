package render

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/templates"
	"github.com/cwo-tool/cwo/workspace"
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
	OutDir string   // output folder (absolute, or relative to the current folder)
	Only   []string // output kinds to render; empty means all
	Orders []string // order IDs to render; empty means all
	Period string   // reporting period to render reports for ("2026-Q4", "2026-10"); empty means all
	Jobs   int      // parallel renders; 0 or less means one
	Force  bool     // render even unchanged outputs
	DryRun bool     // say what would be written, write nothing
	AsOf   cwo.Date // staleness date for validation (zero: newest order's issued date)
	Shard  Shard    // render only this shard's outputs (zero: all)
	// Incremental keeps a state file in the output folder so that a later run can tell, before
	// loading the workspace, that nothing changed or that only some orders' files did.
	Incremental bool
	Log         io.Writer
	Terminal    bool // Log is a terminal: draw a progress bar
}

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

// batch is the state one run passes from step to step.
type batch struct {
	ctx      context.Context
	dir      string
	settings cwo.Settings
	opt      Options
	ws       *cwo.Workspace
	tmpl     *templates.Set
	fonts    pdf.Fonts
	fontHash string
	manifest *Manifest
	res      *Result
	prev     *runState        // the last complete run's state, or nil
	inputs   map[string]stamp // the workspace's files as this run found them, or nil
	scope    []string         // the orders of a run limited to changed orders, or nil
}

// step is one named stage of the batch.
type step struct {
	name string
	run  func(*batch) error
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
// Run tunes the garbage collector for loading and for rendering (render/gc.go) unless GOGC or
// GOMEMLIMIT is set.
func Run(ctx context.Context, dir string, s cwo.Settings, opt Options) (*Result, error) {
	b := &batch{ctx: ctx, dir: dir, settings: s, opt: opt, res: &Result{Counts: map[string]*Count{}}}
	if done, err := b.incremental(); done {
		return b.res, err
	}
	b.prev.keepForFullRun(opt.Force)
	if err := b.prepare(); err != nil {
		return b.res, err
	}
	if opt.DryRun {
		return b.res, b.step(step{"render", (*batch).render})
	}
	return b.res, b.renderAndRecord()
}

// renderHeadroom is the memory above the live heap rendering may use (see render/gc.go).
func (b *batch) renderHeadroom() uint64 {
	if b.res.Counts[KindReports] != nil {
		return 2 * renderHeadroom
	}
	return renderHeadroom
}

// prepare loads, checks and plans, then drops what the planned jobs do not need.
func (b *batch) prepare() error {
	defer preparing()()
	for _, st := range []step{{"load", (*batch).load}, {"plan", (*batch).plan}} {
		if err := b.step(st); err != nil {
			return err
		}
	}
	b.release()
	return nil
}

// renderAndRecord renders the planned jobs under the output folder's lock and records the
// outputs in the manifest and the run's state.
func (b *batch) renderAndRecord() error {
	unlock, err := lock(b.opt.OutDir, b.opt.Shard.lockName())
	if err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	defer unlock()
	removeStaleTemps(b.opt.OutDir)
	restore := rendering(b.renderHeadroom())
	renderErr := b.step(step{"render", (*batch).render})
	restore()
	if err := b.writeManifest(); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	if renderErr == nil {
		renderErr = b.ctx.Err()
	}
	if err := b.saveState(renderErr == nil && len(b.res.Failures) == 0); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	return renderErr
}

// step runs one named step, wrapping its error with the step's name.
func (b *batch) step(st step) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if err := st.run(b); err != nil {
		if err == ErrInvalid {
			return err
		}
		return fmt.Errorf("%s: %w", st.name, err)
	}
	return nil
}

// load reads and validates the workspace, the templates and the fonts.
func (b *batch) load() error {
	ws, diags, assets := validate(b.dir, b.settings, cwo.ValidateOptions{AsOf: b.opt.AsOf}, false)
	b.res.Diagnostics = diags
	if diags.HasErrors() {
		return ErrInvalid
	}
	b.use(ws, assets)
	return nil
}

// use keeps a checked workspace and its assets for planning.
func (b *batch) use(ws *cwo.Workspace, a assets) {
	b.ws, b.tmpl, b.fonts = ws, a.templates, a.fonts
	b.fontHash = newHasher().bytes("regular", b.fonts.Regular).bytes("bold", b.fonts.Bold).
		bytes("italic", b.fonts.Italic).bytes("bolditalic", b.fonts.BoldItalic).sum()
}

// release drops from the workspace what the planned jobs do not read, so that rendering holds
// less memory: the positions of fields (diagnostics are made by now) and, when no report is
// planned, progress notes, contributions and the timesheet index.
func (b *batch) release() {
	workspace.ForgetPositions(b.ws)
	if b.res.Counts[KindReports] == nil {
		workspace.ForgetReportData(b.ws)
	}
}

// wants reports whether the run includes a kind of output.
func (b *batch) wants(kind string) bool {
	if b.scope != nil && kind == KindBrochures {
		return false // brochures show no order; a run limited to changed orders leaves them
	}
	return len(b.opt.Only) == 0 || slices.Contains(b.opt.Only, kind)
}

// wantsOrder reports whether the run includes an order.
func (b *batch) wantsOrder(id string) bool {
	return len(b.opt.Orders) == 0 || slices.Contains(b.opt.Orders, id)
}

// plan lists the jobs of every wanted kind.
func (b *batch) plan() error {
	if b.wants(KindAgreements) {
		jobs, err := b.planAgreements()
		if err != nil {
			return err
		}
		b.res.Planned = append(b.res.Planned, jobs...)
	}
	if b.wants(KindReports) {
		jobs, err := b.planReports()
		if err != nil {
			return err
		}
		b.res.Planned = append(b.res.Planned, jobs...)
	}
	if b.wants(KindBrochures) {
		jobs, err := b.planBrochures()
		if err != nil {
			return err
		}
		b.res.Planned = append(b.res.Planned, jobs...)
	}
	b.res.Planned = slices.DeleteFunc(b.res.Planned, func(j *Job) bool { return !b.opt.Shard.owns(j.Path) })
	for _, j := range b.res.Planned {
		if b.res.Counts[j.Kind] == nil {
			b.res.Counts[j.Kind] = &Count{}
		}
	}
	return nil
}
