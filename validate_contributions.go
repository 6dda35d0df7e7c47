package cwo

import (
	"slices"
	"strings"
)

// orderContributions checks an order's pull requests as a whole: each that may not be the team's
// work under the order (a bot's, opened outside the term, by someone not on the team; not one in
// another repository, which reports note) is a warning at the record that describes it, once; each reference in a progress file's prs: must
// name one of the order's pull requests.
func (v *validator) orderContributions(o *WorkOrder) {
	progress := v.ws.OrderProgress(o.ID)
	if len(progress) == 0 && len(v.ws.PRs[o.ID]) == 0 {
		return
	}
	cs := v.ws.OrderContributions(o)
	refs := make([]string, 0, len(cs))
	for _, c := range cs {
		refs = append(refs, c.Ref())
		// A pull request in another repository (a dependency's) is no mistake of the data: the
		// reports note it, validate does not warn.
		c.Flags = slices.DeleteFunc(ContributionFlags(o, v.ws.Project(o.Project), c), func(f string) bool { return f == FlagOtherRepo })
		if len(c.Flags) > 0 && c.File != "" {
			v.diags.Warnf(c.File, c.Pos, "pull request %s: %s; reports show it with this note%s", c.Ref(), FlagNote(o, c), teamHint(o, c))
		}
	}
	repo := v.ws.Project(o.Project).GitHubRepo()
	for _, p := range progress {
		for _, key := range sortedKeys(p.Items) {
			for i, n := range p.Items[key].PRs {
				v.prRef(p.Src, o, n, repo, refs, "items", key, "prs", i)
			}
		}
	}
}

// prRef checks one entry of a progress item's prs:.
func (v *validator) prRef(src Source, o *WorkOrder, n PRRef, repo string, refs []string, path ...any) {
	ref, err := ResolvePRRef(n, repo)
	if err != nil {
		v.diags.Errorf(src.File, src.At(path...), "%v", err)
		return
	}
	for _, r := range refs {
		if refKey(r) == refKey(ref) {
			return
		}
	}
	v.diags.Errorf(src.File, src.At(path...), "pull request %s is not among order %s's pull requests "+
		"(progress/%s/contributions*.json and the progress files' contributions:)%s", ref, o.ID, o.ID, DidYouMean(ref, refs))
}

// teamHint names the team's logins when the author is not among them.
func teamHint(o *WorkOrder, c Contribution) string {
	for _, f := range c.Flags {
		if f == FlagNotTeam {
			return " (the team's github: logins are " + strings.Join(teamLogins(o), ", ") + ")"
		}
	}
	return ""
}
