package cwo

// finals checks each order's closing notes: the order exists, and each item is in its scope
// with a known status and pull requests that are the order's.
func (v *validator) finals() {
	for _, f := range v.ws.Finals {
		o := v.ws.Order(f.Order)
		if o == nil {
			v.diags.Errorf(f.Src.File, Pos{}, "folder progress/%s names no order%s", f.Order, DidYouMean(f.Order, v.orderIDs()))
			continue
		}
		repo, refs := v.ws.Project(o.Project).GitHubRepo(), orderRefs(v.ws.OrderContributions(o))
		for _, key := range sortedKeys(f.Items) {
			if o.ScopeByKey(key) == nil {
				v.diags.Errorf(f.Src.File, f.Src.At("items", key, "<key>"), "item %q is not in order %s's scope%s", key, o.ID, DidYouMean(key, scopeKeys(o)))
			}
			v.oneOf(f.Src, f.Items[key].Status, ItemStatuses, "items", key, "status")
			v.oneOf(f.Src, f.Items[key].Delivered, DeliveredValues, "items", key, "delivered")
			for i, n := range f.Items[key].PRs {
				v.prRef(f.Src, o, n, repo, refs, "items", key, "prs", i)
			}
		}
		if o.Status != StatusCompleted && !FinalDue(o, v.opt.AsOf) {
			v.diags.Warnf(f.Src.File, Pos{}, "order %s is %s and its term runs to %s: its final report is rendered once it is completed or its term has ended", o.ID, o.Status, o.End)
		}
	}
}

// orderRefs lists the references of an order's pull requests.
func orderRefs(cs []Contribution) []string {
	refs := make([]string, 0, len(cs))
	for _, c := range cs {
		refs = append(refs, c.Ref())
	}
	return refs
}
