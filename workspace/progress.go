package workspace

import (
	"strings"

	"github.com/cwo-tool/cwo"
)

// loadProgress reads progress/<order>/<period>.yaml, progress/<order>/contributions*.json (in
// name order) and progress/<order>/final.yaml.
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
		if f.final != nil {
			l.ws.Finals = append(l.ws.Finals, f.final)
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
	prs              []cwo.Contribution // contributions*.json
	final            *cwo.FinalNotes    // final.yaml
}

func (l *loader) loadProgressFile(f *progressFile) {
	switch rel := f.rel; {
	case strings.HasPrefix(f.name, "."):
	case isContributionsFile(f.name):
		f.prs = l.loadContributionsJSON(rel)
	case f.name == "final.yaml":
		fin := &cwo.FinalNotes{Order: f.order}
		fin.Src = l.decode(rel, l.mustRead(rel), fin)
		f.final = fin
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
		l.diags.Warnf(rel, cwo.Pos{}, "ignored: progress folders hold <period>.yaml files, final.yaml and contributions*.json files (pull requests, as gh or the GitHub API print them)")
	}
}

func quote(s string) string { return `"` + s + `"` }
