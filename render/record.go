package render

import (
	"fmt"
	"slices"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/outdir"
)

// record ends a run that took the output folder's lock, whether rendering finished, failed or was
// cancelled (err): it writes the manifest of what is in the folder, and the state for the next
// run when this one is complete (else it removes the state). It returns err, or ctx's error.
func (b *batch) record(err error) error {
	if b.out == nil {
		return err
	}
	if err := b.writeManifest(); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	if err == nil {
		err = b.ctx.Err()
	}
	if err := b.saveState(err == nil && len(b.res.Failures) == 0); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	return err
}

// writeManifest records the run's outputs, keeping entries of outputs this run did not plan
// when it was limited by --only or --order, and dropping them after a full run.
func (b *batch) writeManifest() error {
	if b.manifest == nil {
		return nil
	}
	full := len(b.opt.Only) == 0 && len(b.opt.Orders) == 0 && b.opt.Period == ""
	planned := make(map[string]bool, len(b.res.Planned))
	for _, j := range b.res.Planned {
		planned[j.Path] = true
	}
	m := b.manifest.Filter(cwo.Version, func(e outdir.Entry) bool {
		return planned[e.Path] || (!full && !b.rescoped(e))
	})
	return b.out.WriteManifest(m)
}

// rescoped reports whether e is an output of an order the run re-rendered as a whole, so that
// an output the order no longer has (a report period without data) leaves the manifest.
func (b *batch) rescoped(e outdir.Entry) bool {
	return b.scope != nil && (e.Kind == KindAgreements || e.Kind == KindReports) && len(e.IDs) > 0 && slices.Contains(b.scope, e.IDs[0])
}
