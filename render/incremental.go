package render

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

// keepsState reports whether this run reads and writes the state file: only runs that may
// render every output the options select do.
func (b *batch) keepsState() bool {
	return b.opt.Incremental && !b.opt.DryRun && (len(b.opt.Orders) == 0 || b.scope != nil) && b.opt.Period == ""
}

// incremental tries to finish the run from the state the last complete run left, before
// loading the workspace: when no input file changed and every output is as it was written,
// there is nothing to do; when only the files of some orders changed (orders/<id>.yaml,
// progress/<id>/), only those orders are loaded and rendered. It reports whether it finished
// the run; when not, the full run goes on.
func (b *batch) incremental() (bool, error) {
	if !b.keepsState() {
		return false, nil
	}
	b.prev = readState(b.opt.OutDir, b.opt.Shard)
	var prevInputs map[string]stamp
	if b.prev != nil {
		prevInputs = b.prev.Inputs
	}
	inputs, err := stampInputs(b.dir, b.opt.OutDir, prevInputs)
	if err != nil {
		return false, nil // the full run reports what cannot be read; no state is kept
	}
	b.inputs = inputs
	if b.prev == nil || b.opt.Force || b.prev.Options != optionsDigest(b.dir, b.settings, b.opt) {
		return false, nil
	}
	if !outputsIntact(b.opt.OutDir, b.prev.Outputs) {
		return false, nil // an output was deleted or edited: check everything
	}
	changed := changedPaths(b.prev.Inputs, inputs)
	if len(changed) == 0 {
		b.replay()
		if restamped(b.prev.Inputs, inputs) { // files stamped too soon after a change now have trusted times
			b.prev.Inputs = inputs
			return true, b.prev.write(b.opt.OutDir, b.opt.Shard)
		}
		return true, nil
	}
	orders, ok := b.changedOrders(changed)
	if !ok {
		return false, nil
	}
	return b.runScoped(orders)
}

// replay reports the last run's warnings and counts every output as unchanged.
func (b *batch) replay() {
	b.res.Diagnostics = b.prev.Warnings
	b.countUntouched()
}

// changedOrders returns the orders whose files alone changed, or false when any other file
// changed, or an order file was added or removed.
func (b *batch) changedOrders(changed []string) ([]string, bool) {
	var orders []string
	for _, rel := range changed {
		id, ok := workspace.OrderOfFile(rel)
		if !ok {
			return nil, false
		}
		if strings.HasPrefix(rel, "orders/") {
			_, before := b.prev.Inputs[rel]
			_, now := b.inputs[rel]
			if !before || !now {
				return nil, false
			}
		}
		orders = append(orders, id)
	}
	slices.Sort(orders)
	return slices.Compact(orders), true
}

// runScoped loads and renders only the given orders. It gives up (false) when a changed
// order may move the workspace's newest issued date, which brochures and validation use.
func (b *batch) runScoped(orders []string) (bool, error) {
	asOf := b.opt.AsOf
	if asOf.IsZero() {
		asOf = b.prev.AsOf
	}
	ws, diags := workspace.LoadOrders(b.dir, b.settings, orders)
	newest, ok := b.newestAfter(ws, orders)
	if !ok {
		return false, nil
	}
	b.prev.Newest = newest
	ws, diags, a := check(ws, diags, b.dir, b.settings, cwo.ValidateOptions{AsOf: asOf}, false)
	b.res.Diagnostics = diags
	if diags.HasErrors() {
		return true, ErrInvalid
	}
	b.use(ws, a)
	b.scope = orders
	b.opt.Orders = orders
	if err := b.step(step{"plan", (*batch).plan}); err != nil {
		return true, err
	}
	b.release()
	b.countUntouched()
	return true, b.renderAndRecord()
}

// newestAfter returns the orders issued on the newest issued date the last run found, given
// the re-read orders, or false when that date may have moved: a re-read order is now newer,
// or the orders issued on it were all re-read and none of them still is.
func (b *batch) newestAfter(ws *cwo.Workspace, orders []string) ([]string, bool) {
	newest := slices.DeleteFunc(slices.Clone(b.prev.Newest), func(id string) bool { return slices.Contains(orders, id) })
	for _, o := range ws.Orders {
		if o.Issued.After(b.prev.AsOf) {
			return nil, false
		}
		if o.Issued.Equal(b.prev.AsOf) {
			newest = append(newest, o.ID)
		}
	}
	slices.Sort(newest)
	return newest, len(newest) > 0
}

// countUntouched counts the last run's outputs as unchanged, but for those of the orders in
// the scope (none when the run is not limited to changed orders).
func (b *batch) countUntouched() {
	for p, o := range b.prev.Outputs {
		if slices.Contains(b.scope, o.Order) {
			continue
		}
		kind, _, _ := strings.Cut(p, "/")
		if b.res.Counts[kind] == nil {
			b.res.Counts[kind] = &Count{}
		}
		b.res.Counts[kind].Unchanged++
	}
}

// saveState records the state of a complete run for the next one; an incomplete run removes
// it, so that the next run loads everything.
func (b *batch) saveState(complete bool) error {
	if !b.keepsState() {
		return nil
	}
	if !complete || b.inputs == nil {
		removeState(b.opt.OutDir, b.opt.Shard)
		return nil
	}
	st := &runState{Options: optionsDigest(b.dir, b.settings, b.opt), Inputs: b.inputs, Outputs: map[string]owned{}}
	if b.scope != nil {
		st.AsOf, st.Newest = b.prev.AsOf, b.prev.Newest
		for p, o := range b.prev.Outputs {
			if !slices.Contains(b.scope, o.Order) {
				st.Outputs[p] = o
			}
		}
		st.Warnings = mergeWarnings(b.prev.Warnings, b.res.Diagnostics, b.scope)
	} else {
		st.AsOf, st.Newest = newestOrders(b.ws)
		st.Warnings = warningsOf(b.res.Diagnostics)
	}
	for _, j := range b.res.Planned {
		s, err := b.outputStamp(j.Path)
		if err != nil {
			removeState(b.opt.OutDir, b.opt.Shard)
			return nil
		}
		st.Outputs[j.Path] = owned{stamp: s, Order: jobOrder(j)}
	}
	return st.write(b.opt.OutDir, b.opt.Shard)
}

// outputStamp stamps an output with the checksum the manifest records for it.
func (b *batch) outputStamp(rel string) (stamp, error) {
	fi, err := os.Stat(filepath.Join(b.opt.OutDir, filepath.FromSlash(rel)))
	if err != nil {
		return stamp{}, err
	}
	e := b.manifest.entry(rel)
	if e == nil {
		return stamp{}, os.ErrNotExist
	}
	return stamp{Size: fi.Size(), MTime: fi.ModTime().UnixNano(), SHA256: e.SHA256}, nil
}

// jobOrder returns the order an agreement or report belongs to, "" for other outputs.
func jobOrder(j *Job) string {
	if (j.Kind == KindAgreements || j.Kind == KindReports) && len(j.IDs) > 0 {
		return j.IDs[0]
	}
	return ""
}

// knownSum returns an output's checksum from the last run's state when the file is untouched.
func (b *batch) knownSum(rel string) (string, bool) {
	if b.prev == nil {
		return "", false
	}
	o, ok := b.prev.Outputs[path.Clean(rel)]
	if !ok {
		return "", false
	}
	fi, err := os.Stat(filepath.Join(b.opt.OutDir, filepath.FromSlash(rel)))
	if err != nil || !o.matches(fi) {
		return "", false
	}
	return o.SHA256, true
}
