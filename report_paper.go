package cwo

// Paper returns the paper a report prints on: the order's, else the workspace's (see
// Workspace.OrderPaper); for a report made without a workspace, the order's or "".
func (r *Report) Paper() string {
	if r.ws == nil {
		return r.Order.Paper
	}
	return r.ws.OrderPaper(r.Order)
}
