package workspace

import (
	"encoding/json"
	"strings"

	"github.com/cwo-tool/cwo"
)

// loadProgress reads progress/<order>/<period>.yaml and progress/<order>/contributions.json.
func (l *loader) loadProgress() {
	var found []progressFile
	for _, order := range l.fsys.list("progress", &l.diags) {
		dir := "progress/" + order
		if strings.HasPrefix(order, ".") {
			continue
		}
		if !cwo.ValidID(order) {
			l.diags.Errorf(dir, cwo.Pos{}, "folder name %q is not a valid order ID", order)
			continue
		}
		if !l.wantsOrder(order) {
			continue
		}
		for _, name := range l.fsys.list(dir, &l.diags) {
			found = append(found, progressFile{order: order, rel: dir + "/" + name, name: name})
		}
	}
	l.join(l.split(len(found), func(sub *loader, i int) { sub.loadProgressFile(&found[i]) }))
	for _, f := range found {
		if f.progress != nil {
			l.ws.Progress = append(l.ws.Progress, f.progress)
		}
		if f.prs != nil {
			l.ws.PRs[f.order] = append(l.ws.PRs[f.order], f.prs...)
		}
	}
}

// progressFile is one file of a progress folder and what it holds.
type progressFile struct {
	order, rel, name string
	progress         *cwo.Progress      // <period>.yaml
	prs              []cwo.Contribution // contributions.json
}

func (l *loader) loadProgressFile(f *progressFile) {
	switch rel := f.rel; {
	case strings.HasPrefix(f.name, "."):
	case f.name == "contributions.json":
		f.prs = l.loadContributionsJSON(rel)
	case strings.HasSuffix(f.name, ".yaml"):
		period, err := cwo.ParsePeriod(strings.TrimSuffix(f.name, ".yaml"))
		if err != nil {
			l.diags.Errorf(rel, cwo.Pos{}, "file name: %v", err)
			return
		}
		p := &cwo.Progress{Order: f.order, Period: period}
		p.Src = l.decode(rel, l.mustRead(rel), p)
		for i := range p.Contributions {
			p.Contributions[i].File = rel
			p.Contributions[i].Pos = p.Src.At("contributions", i)
		}
		f.progress = p
	default:
		l.diags.Warnf(rel, cwo.Pos{}, "ignored: progress folders hold <period>.yaml files and contributions.json")
	}
}

// ghPR is one entry of `gh pr list --json number,title,url,state,createdAt,mergedAt,closedAt,author`.
type ghPR struct {
	Number    int     `json:"number"`
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	State     string  `json:"state"`
	CreatedAt *string `json:"createdAt"`
	MergedAt  *string `json:"mergedAt"`
	ClosedAt  *string `json:"closedAt"`
	Author    *struct {
		Login string `json:"login"`
	} `json:"author"`
	IsDraft *bool `json:"isDraft"`
}

// loadContributionsJSON reads a gh pr list export.
func (l *loader) loadContributionsJSON(rel string) []cwo.Contribution {
	data, ok := l.read(rel)
	if !ok {
		return nil
	}
	prs, diags := parseContributions(rel, data)
	l.diags = append(l.diags, diags...)
	return prs
}

// parseContributions decodes `gh pr list --json ...` output, reporting each bad entry.
func parseContributions(rel string, data []byte) ([]cwo.Contribution, cwo.Diagnostics) {
	var diags cwo.Diagnostics
	var prs []ghPR
	if err := json.Unmarshal(data, &prs); err != nil {
		diags.Errorf(rel, jsonErrorPos(data, err), "not a gh pr list JSON export: %v", jsonErrorText(err))
		return nil, diags
	}
	var out []cwo.Contribution
	positions := jsonElementPositions(data, len(prs))
	for i, pr := range prs {
		c, bad := pr.contribution()
		pos := positions[i]
		if bad != "" {
			diags.Errorf(rel, pos, "pull request %d: %s", i+1, bad)
			continue
		}
		c.File, c.Pos = rel, pos
		out = append(out, c)
	}
	return out, diags
}

// contribution converts a gh entry, or says what is wrong with it.
func (pr ghPR) contribution() (cwo.Contribution, string) {
	c := cwo.Contribution{Number: pr.Number, Title: pr.Title, URL: pr.URL, State: strings.ToLower(pr.State)}
	if pr.Author != nil {
		c.Author = pr.Author.Login
	}
	if pr.URL == "" {
		return c, "has no url"
	}
	if !cwo.SafeURL(pr.URL) {
		return c, "url " + quote(pr.URL) + " is not an http or https URL"
	}
	if c.State != cwo.StateOpen && c.State != cwo.StateMerged && c.State != cwo.StateClosed {
		return c, "state " + quote(pr.State) + " is not OPEN, MERGED or CLOSED"
	}
	var bad string
	c.Opened, bad = ghDate(pr.CreatedAt, "createdAt", bad)
	c.Merged, bad = ghDate(pr.MergedAt, "mergedAt", bad)
	c.Closed, bad = ghDate(pr.ClosedAt, "closedAt", bad)
	if c.Opened.IsZero() && bad == "" {
		bad = "has no createdAt"
	}
	return c, bad
}

// ghDate takes the date part of an RFC 3339 timestamp such as 2026-10-03T14:21:09Z.
func ghDate(s *string, field, bad string) (cwo.Date, string) {
	if s == nil || *s == "" || bad != "" {
		return cwo.Date{}, bad
	}
	day, _, _ := strings.Cut(*s, "T")
	d, err := cwo.ParseDate(day)
	if err != nil {
		return cwo.Date{}, field + ": " + err.Error()
	}
	return d, ""
}

func quote(s string) string { return `"` + s + `"` }
