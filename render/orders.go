package render

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
)

// UnknownOrdersError is Run's error when Options.Orders names orders the workspace does not
// have: a mistyped --order renders nothing rather than only the kinds that ignore it.
type UnknownOrdersError struct {
	IDs   []string // the unknown IDs, in the order given
	Known []string // the workspace's order IDs
}

func (e *UnknownOrdersError) Error() string {
	var parts []string
	for _, id := range e.IDs {
		parts = append(parts, fmt.Sprintf("%q%s", id, cwo.DidYouMean(id, e.Known)))
	}
	return fmt.Sprintf("no such order: %s; the workspace has %s", strings.Join(parts, ", "), listIDs(e.Known))
}

// listIDs names up to five order IDs.
func listIDs(ids []string) string {
	if len(ids) == 0 {
		return "no orders"
	}
	if len(ids) > 5 {
		return strings.Join(ids[:5], ", ") + fmt.Sprintf(" and %d more", len(ids)-5)
	}
	return strings.Join(ids, ", ")
}

// checkOrders returns an UnknownOrdersError when opt.Orders names an order ws lacks.
func checkOrders(ws *cwo.Workspace, wanted []string) error {
	known := make([]string, 0, len(ws.Orders))
	have := map[string]bool{}
	for _, o := range ws.Orders {
		known = append(known, o.ID)
		have[o.ID] = true
	}
	var unknown []string
	for _, id := range wanted {
		if !have[id] {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	return &UnknownOrdersError{IDs: unknown, Known: known}
}
