package render

import (
	"maps"
	"slices"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/workspace"
)

// keepsState reports whether this run reads and writes the state file: only runs that may
// render every output the options select do.
func (b *batch) keepsState() bool {
	return b.opt.Incremental && !b.opt.DryRun && (len(b.opt.Orders) == 0 || b.scope != nil) && b.opt.Period == ""
}

// compare tries to finish the run from the state the last complete run left, before loading
// the workspace: when no input file changed and every output is as it was written, there is
// nothing to do and the run is done; when only the files of some orders changed
// (orders/<id>.yaml, progress/<id>/), the run is limited to those orders. Else the full run
// goes on.
func (b *batch) compare() error {
	done, orders, err := b.againstState()
	switch {
	case done:
		b.done = true
	case orders != nil:
		b.scope = orders
	default:
		b.prev.keepForFullRun(b.opt.Force)
	}
	return err
}

// againstState compares the workspace's files with the last run's state: it reports whether
// the run is done, or which orders alone changed (nil: run in full).
func (b *batch) againstState() (done bool, orders []string, err error) {
	if !b.keepsState() {
		if b.opt.Incremental {
			b.prev = readState(b.opt.OutDir, b.opt.Shard) // only to vouch for outputs (see vouch)
		}
		return false, nil, nil
	}
	b.prev = readState(b.opt.OutDir, b.opt.Shard)
	var prevInputs map[string]outdir.Stamp
	if b.prev != nil {
		prevInputs = b.prev.Inputs
	}
	inputs, err := b.stampInputs(prevInputs)
	if err != nil {
		return false, nil, nil // the full run reports what cannot be read; no state is kept
	}
	b.inputs = inputs
	if b.prev == nil || b.opt.Force || b.prev.Options != optionsDigest(b.dir, b.settings, b.opt) {
		return false, nil, nil
	}
	if outdir.HasJournal(b.opt.OutDir, b.opt.Shard) {
		return false, nil, nil // a killed run's journal: the full run folds it into the manifest
	}
	if !b.prev.OutputsIntact(b.opt.OutDir) {
		return false, nil, nil // an output was deleted or edited: check everything
	}
	changed := outdir.ChangedPaths(b.prev.Inputs, inputs)
	if len(changed) == 0 {
		b.replay()
		if outdir.Restamped(b.prev.Inputs, inputs) { // files stamped too soon after a change now have trusted times
			b.prev.Inputs = inputs
			b.restamp()
		}
		return true, nil, nil
	}
	orders, _ = b.changedOrders(changed)
	return false, orders, nil
}

// restamp saves the state with the inputs' newer stamps, under the output folder's lock like
// every write there. When another run holds the lock, the old stamps stay: they only make the
// next run hash those files again.
func (b *batch) restamp() {
	out, err := outdir.Open(b.opt.OutDir, b.opt.Shard)
	if err != nil {
		return
	}
	defer out.Close()
	_ = out.WriteState(b.prev) // atomic: on failure the state with the old stamps stays, still true
}

// stampInputs stamps the files a run reads: those the workspace's folders list, and those the
// last run read besides (its logos; and files since removed, which are then missing from the
// stamps and so count as changed). No other file of the workspace is read.
func (b *batch) stampInputs(prev map[string]outdir.Stamp) (map[string]outdir.Stamp, error) {
	rels, err := workspace.Inputs(b.dir)
	if err != nil {
		return nil, err
	}
	listed := len(rels)
	for rel := range prev {
		if _, found := slices.BinarySearch(rels[:listed], rel); !found {
			rels = append(rels, rel)
		}
	}
	return outdir.StampFiles(b.dir, rels, prev)
}

// inputsRead returns the stamps of the files this run read, as they were before it read them:
// the stamps taken before loading of the files the workspace's folders list (a file that
// appeared since has none, so the next run sees it as added), and of its logos, stamped now
// when the last run did not read them. Files only the last run read are dropped.
func (b *batch) inputsRead() (map[string]outdir.Stamp, error) {
	rels, err := workspace.Inputs(b.dir)
	if err != nil {
		return nil, err
	}
	out := make(map[string]outdir.Stamp, len(rels))
	for _, rel := range rels {
		if s, ok := b.inputs[rel]; ok {
			out[rel] = s
		}
	}
	var logos []string
	if b.ws != nil {
		for rel := range b.ws.Images {
			if s, ok := b.inputs[rel]; ok {
				out[rel] = s
			} else {
				logos = append(logos, rel)
			}
		}
	}
	extra, err := outdir.StampFiles(b.dir, logos, nil)
	maps.Copy(out, extra)
	return out, err
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

// loadScoped loads only the orders in the scope. It gives up (false) when a changed order may
// move the workspace's newest issued date, which brochures and validation use; the full run
// then goes on.
func (b *batch) loadScoped() bool {
	ws, diags := workspace.LoadOrders(b.dir, b.settings, b.scope)
	newest, ok := b.newestAfter(ws, b.scope)
	if !ok {
		b.prev.keepForFullRun(b.opt.Force)
		return false
	}
	b.prev.Newest = newest
	b.asOf = b.opt.AsOf
	if b.asOf.IsZero() {
		b.asOf = b.prev.AsOf
	}
	b.ws, b.loaded = ws, diags
	b.opt.Orders = b.scope
	return true
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
		if slices.Contains(b.scope, o.Group) {
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
		outdir.RemoveState(b.opt.OutDir, b.opt.Shard)
		return nil
	}
	inputs, err := b.inputsRead()
	if err != nil {
		outdir.RemoveState(b.opt.OutDir, b.opt.Shard)
		return nil
	}
	st := &runState{Record: outdir.Record{Options: optionsDigest(b.dir, b.settings, b.opt), Inputs: inputs, Outputs: map[string]outdir.Output{}}}
	if b.scope != nil {
		st.AsOf, st.Newest = b.prev.AsOf, b.prev.Newest
		for p, o := range b.prev.Outputs {
			if !slices.Contains(b.scope, o.Group) {
				st.Outputs[p] = o
			}
		}
		st.Warnings = mergeWarnings(b.prev.Warnings, b.res.Diagnostics, b.scope)
	} else {
		st.AsOf, st.Newest = newestOrders(b.ws)
		st.Warnings = warningsOf(b.res.Diagnostics)
	}
	for _, j := range b.res.Planned {
		e := b.manifest.Entry(j.Path)
		if e == nil {
			outdir.RemoveState(b.opt.OutDir, b.opt.Shard)
			return nil
		}
		s, err := outdir.OutputStamp(b.opt.OutDir, j.Path, e.SHA256)
		if err != nil {
			outdir.RemoveState(b.opt.OutDir, b.opt.Shard)
			return nil
		}
		st.Outputs[j.Path] = outdir.Output{Stamp: s, Group: jobOrder(j)}
	}
	return b.out.WriteState(st)
}

// jobOrder returns the order an agreement or report belongs to, "" for other outputs.
func jobOrder(j *Job) string {
	if (j.Kind == KindAgreements || j.Kind == KindReports) && len(j.IDs) > 0 {
		return j.IDs[0]
	}
	return ""
}

// vouch returns state, unless it is Unchanged for an output that no state of this folder
// vouches for, which is then Changed. The manifest alone proves nothing: whoever can write an
// output can write the manifest too (a forged agreement committed with out/, say), while the
// state's stamps hold the size and time of the files this program wrote on this disk. So an
// output rendered by no run recorded here is rendered again (outputs are reproducible, so a
// genuine one comes out the same). cwo render only: other callers (the preview) keep no state.
func (b *batch) vouch(rel, state string) string {
	if state != outdir.Unchanged || !b.opt.Incremental {
		return state
	}
	if _, ok := b.knownSum(rel); !ok {
		return outdir.Changed
	}
	return state
}

// knownSum returns an output's checksum from the last run's state when the file is untouched.
func (b *batch) knownSum(rel string) (string, bool) {
	if b.prev == nil {
		return "", false
	}
	return b.prev.KnownSum(b.opt.OutDir, rel)
}
