package render

import (
	"slices"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/workspace"
)

// load reads the workspace: only the changed orders when the run is limited to them (see
// loadScoped), else all of it. Its problems are reported by the check step.
func (b *batch) load() error {
	if b.scope != nil && b.loadScoped() {
		return nil
	}
	b.scope = nil
	b.asOf = b.opt.AsOf
	b.ws, b.loaded = workspace.Load(b.dir, b.settings)
	return nil
}

// checkWorkspace validates the loaded workspace, the templates and the fonts.
func (b *batch) checkWorkspace() error {
	// Every order's agreement template runs here, as in validate: a template that fails for one
	// order stops the run before anything is written (issue 17), at the cost of running the
	// template twice for the orders that render.
	ws, diags, a := check(b.ws, b.loaded, b.dir, b.settings, cwo.ValidateOptions{AsOf: b.asOf}, true)
	b.loaded = nil
	b.res.Diagnostics = diags
	if diags.HasErrors() {
		return ErrInvalid
	}
	if err := checkOrders(ws, b.opt.Orders); err != nil {
		return err
	}
	b.use(ws, a)
	return nil
}

// use keeps a checked workspace and its assets for planning.
func (b *batch) use(ws *cwo.Workspace, a assets) {
	b.ws, b.tmpl, b.fonts = ws, a.templates, a.fonts
	b.shared = pdf.NewShared()
	b.res.Workspace = ws
	b.fontHash = b.fonts.Hash()
}

// plan lists the jobs of every wanted kind that the run's shard owns.
func (b *batch) plan() error {
	for _, kind := range []struct {
		name string
		plan func(*batch) ([]*Job, error)
	}{{KindAgreements, (*batch).planAgreements}, {KindReports, (*batch).planReports}, {KindBrochures, (*batch).planBrochures}} {
		if !b.wants(kind.name) {
			continue
		}
		jobs, err := kind.plan(b)
		if err != nil {
			return err
		}
		b.res.Planned = append(b.res.Planned, jobs...)
	}
	b.res.Planned = slices.DeleteFunc(b.res.Planned, func(j *Job) bool { return !b.opt.Shard.Owns(j.Path) })
	for _, j := range b.res.Planned {
		if b.res.Counts[j.Kind] == nil {
			b.res.Counts[j.Kind] = &Count{}
		}
	}
	return nil
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

// release drops from the workspace what the planned jobs do not read, so that rendering holds
// less memory: the positions of fields (diagnostics are made by now) and, when no report is
// planned, progress notes, contributions and the timesheet index.
func (b *batch) release() error {
	workspace.ForgetPositions(b.ws)
	if b.res.Counts[KindReports] == nil {
		workspace.ForgetReportData(b.ws)
	}
	return nil
}
