package workspace

import "strings"

// OrderOfFile returns the order that a workspace file (a workspace-relative path with forward
// slashes) belongs to, and whether it belongs to one: orders/<id>.yaml and every file under
// progress/<id>/ belong to order <id>. LoadOrders reads exactly these files, besides the
// timesheets' rows, for the orders it is given; every other file concerns the whole workspace.
func OrderOfFile(rel string) (id string, ok bool) {
	if id, found := strings.CutPrefix(rel, "orders/"); found && !strings.Contains(id, "/") && strings.HasSuffix(id, ".yaml") {
		return strings.TrimSuffix(id, ".yaml"), true
	}
	if rest, found := strings.CutPrefix(rel, "progress/"); found {
		if id, _, found := strings.Cut(rest, "/"); found {
			return id, true
		}
	}
	return "", false
}
