package render

import (
	"errors"
	"fmt"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/templates"
)

// ErrNoOrder is returned by OrderFingerprint when the workspace has no order with the given ID.
var ErrNoOrder = errors.New("no such order")

// OrderFingerprint loads and checks the workspace in dir and returns the fingerprint and version
// the agreement for orderID would have if it were rendered now: the value `cwo render` prints on
// the signature page and in the PDF's keywords. It writes nothing. A workspace with errors gives
// an error listing them; an unknown order gives an error wrapping ErrNoOrder.
func OrderFingerprint(dir string, s cwo.Settings, orderID string) (fp string, version int, err error) {
	ws, diags, a := validate(dir, s, cwo.ValidateOptions{}, false)
	if diags.HasErrors() {
		return "", 0, fmt.Errorf("%s: the workspace has errors (run cwo validate):\n%w", dir, onlyErrors(diags))
	}
	for _, o := range ws.Orders {
		if o.ID != orderID {
			continue
		}
		fp, err := Fingerprint(NewAgreementData(ws, o), a.templates.Text(templates.Agreement))
		if err != nil {
			return "", 0, fmt.Errorf("order %s: %w", orderID, err)
		}
		return fp, o.Version, nil
	}
	return "", 0, fmt.Errorf("%s: order %s: %w", dir, orderID, ErrNoOrder)
}

// onlyErrors drops the warnings from diags.
func onlyErrors(diags cwo.Diagnostics) cwo.Diagnostics {
	var out cwo.Diagnostics
	for _, d := range diags {
		if d.Severity == cwo.Error {
			out = append(out, d)
		}
	}
	return out
}
