package render

import (
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/render/pdf"
)

// defaultItemsPerProject is how many roadmap items a brochure shows per project by default.
const defaultItemsPerProject = 2

// BrochurePath returns where a brochure is written, relative to the output folder.
func BrochurePath(b *cwo.Brochure) string { return path.Join("brochures", b.ID+".pdf") }

// planBrochures makes one job per brochure file.
func (b *batch) planBrochures() ([]*Job, error) {
	var jobs []*Job
	logo, err := b.contractorLogo()
	if err != nil {
		return nil, err
	}
	for _, br := range b.ws.Brochures {
		doc, err := b.brochureDoc(br, logo)
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, b.brochureJob(doc))
	}
	return jobs, nil
}

// brochureDoc chooses the projects and items a brochure shows, leaving out stale roadmaps.
func (b *batch) brochureDoc(br *cwo.Brochure, logo *pdf.Image) (*pdf.BrochureDoc, error) {
	doc := &pdf.BrochureDoc{Brochure: br, Contractor: b.ws.Contractor, Date: br.Date, Paper: br.Paper,
		Currency: b.ws.Settings.Currency, Locale: b.ws.BrochureLocale(br), Logo: logo}
	if doc.Date.IsZero() {
		doc.Date = b.ws.AsOf()
	}
	if doc.Paper == "" {
		doc.Paper = b.ws.Paper()
	}
	if br.Print {
		if err := b.pressCondition(doc); err != nil {
			return nil, err
		}
	}
	for i, p := range brochureProjects(b.ws, br) {
		if cwo.Stale(p.Roadmap.Reviewed, doc.Date) && !br.IncludeStale {
			b.res.Diagnostics.Warnf(br.Src.File, br.Src.At("projects", i), "left out %s: its roadmap was last reviewed on %s, more than %d months before the brochure's date %s (set include_stale: true to keep it)",
				p.ID, p.Roadmap.Reviewed, cwo.StaleAfterMonths, doc.Date)
			continue
		}
		bp := pdf.BrochureProject{Project: p, Items: BrochureItems(p, br.ItemsPerProject)}
		if p.Logo != "" {
			img, err := b.readImage(p.Logo)
			if err != nil {
				return nil, err
			}
			bp.Logo = img
		}
		doc.Projects = append(doc.Projects, bp)
	}
	b.foreignEstimates(doc)
	return doc, nil
}

// pressCondition sets a print brochure's output intent and reads its ICC profile, if it names
// one (checkBrochures has checked it).
func (b *batch) pressCondition(doc *pdf.BrochureDoc) error {
	doc.OutputIntent = doc.Brochure.PrintCondition(doc.Paper)
	if rel := doc.OutputIntent.Profile; rel != "" {
		data, err := readProfile(b.ws.Dir, rel)
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		doc.Profile = data
	}
	return nil
}

// foreignEstimates warns, at the brochure's currency, of the estimates it shows in another
// currency: cwo converts none, so they are shown in their own.
func (b *batch) foreignEstimates(doc *pdf.BrochureDoc) {
	br := doc.Brochure
	want := b.ws.BrochureCurrency(br)
	var foreign []string
	for _, p := range doc.Projects {
		for _, it := range p.Items {
			if it.Estimate != nil && b.ws.EstimateCurrency(it.Estimate) != want {
				foreign = append(foreign, fmt.Sprintf("%s/%s (%s)", p.Project.ID, it.ID, b.ws.EstimateCurrency(it.Estimate)))
			}
		}
	}
	if len(foreign) == 0 {
		return
	}
	at := br.Src.At("currency")
	b.res.Diagnostics.Warnf(br.Src.File, at, "brochure %s quotes in %s, but these estimates are in another currency and are shown in it (cwo converts none): %s; give those items an estimate in %s",
		br.ID, want, strings.Join(foreign, ", "), want)
}

// brochureProjects returns the brochure's projects in its order, else all projects by ID.
func brochureProjects(ws *cwo.Workspace, br *cwo.Brochure) []*cwo.Project {
	if len(br.Projects) == 0 {
		return ws.Projects
	}
	var ps []*cwo.Project
	for _, id := range br.Projects {
		if p := ws.Project(id); p != nil {
			ps = append(ps, p)
		}
	}
	return ps
}

// BrochureItems picks a project's items for a brochure: those marked brochure: true first, then by
// priority (then roadmap order), at most n (default 2).
func BrochureItems(p *cwo.Project, n int) []cwo.RoadmapItem {
	if n <= 0 {
		n = defaultItemsPerProject
	}
	items := append([]cwo.RoadmapItem(nil), p.Roadmap.Items...)
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].Brochure != items[j].Brochure {
			return items[i].Brochure
		}
		return items[i].Priority < items[j].Priority
	})
	return items[:min(n, len(items))]
}

func (b *batch) brochureJob(doc *pdf.BrochureDoc) *Job {
	opt := b.pdfOptions()
	h := outdir.NewHasher().Text("kind", KindBrochures).Text("cwo", codeID()).Text("fonts", b.fontHash).
		Text("brand", opt.Brand)
	if err := h.JSON("brochure", doc); err != nil {
		h.Text("unhashable", err.Error())
	}
	if c := doc.Contractor; c != nil { // left out of the contractor's JSON (agreements do not show it)
		h.Text("tax_status", c.FiscalSponsor.TaxStatus)
	}
	ids := []string{doc.Brochure.ID}
	for _, p := range doc.Projects {
		ids = append(ids, p.Project.ID)
	}
	j := &Job{Path: BrochurePath(doc.Brochure), Kind: KindBrochures, IDs: ids, Hash: h.Sum()}
	j.Render = func(w io.Writer) error {
		notes, err := pdf.Brochure(w, doc, opt)
		j.Notes = notes
		return err
	}
	return j
}
