package render

import (
	"context"
	"fmt"
	"io"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/agreement"
)

// Agreement writes to w the agreement for one order of the workspace in dir, byte for byte as
// Run would write it with the same settings: the same steps load, check and plan it, and the
// planned job renders it. No output folder is read or written. A workspace with errors gives an
// error wrapping ErrInvalid that lists them; an order the workspace does not have gives an
// error wrapping agreement.ErrNoOrder. `cwo verify --workspace` compares a signed file with it.
func Agreement(ctx context.Context, dir string, s cwo.Settings, orderID string, w io.Writer) error {
	b := &batch{ctx: ctx, dir: dir, settings: s, res: &Result{Counts: map[string]*Count{}},
		opt: Options{Only: []string{KindAgreements}, Orders: []string{orderID}}}
	err := b.run(step{"load", (*batch).load}, step{"check", (*batch).checkWorkspace}, step{"plan", (*batch).plan})
	if err == ErrInvalid {
		return fmt.Errorf("%w:\n%w", ErrInvalid, errorsOnly(b.res.Diagnostics).Sort())
	}
	if err != nil {
		return err
	}
	if len(b.res.Planned) != 1 {
		return fmt.Errorf("order %s: %w", orderID, agreement.ErrNoOrder)
	}
	return b.res.Planned[0].Render(w)
}

// errorsOnly drops the warnings from diags.
func errorsOnly(diags cwo.Diagnostics) cwo.Diagnostics {
	var out cwo.Diagnostics
	for _, d := range diags {
		if d.Severity == cwo.Error {
			out = append(out, d)
		}
	}
	return out
}
