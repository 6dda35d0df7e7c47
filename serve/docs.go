package serve

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/render"
)

// documents builds the tables from the workspace and the files the run planned and rendered. A
// planned file that does not exist (its first render failed) is left out.
func (s *server) documents(ws *cwo.Workspace, res *render.Result) *documents {
	docs := &documents{files: map[string]bool{}, Built: time.Now()}
	var jobs []*render.Job
	for _, j := range res.Planned {
		if _, err := os.Stat(filepath.Join(s.preview, filepath.FromSlash(j.Path))); err == nil {
			docs.files[j.Path] = true
			jobs = append(jobs, j)
		}
	}
	used := map[*render.Job]bool{}
	docs.Orders = orderRows(ws, jobs, used)
	docs.Brochures = brochureRows(ws, jobs, used)
	for _, j := range jobs {
		if !used[j] {
			docs.Other = append(docs.Other, linkTo(j, j.Path))
		}
	}
	return docs
}

// orderRows makes one row per order with its agreement and reports, marking the jobs it uses.
func orderRows(ws *cwo.Workspace, jobs []*render.Job, used map[*render.Job]bool) []orderRow {
	var rows []orderRow
	for _, o := range ws.Orders {
		row := newOrderRow(ws, o, ws.LoggedHours(o.ID))
		for _, j := range jobs {
			if len(j.IDs) == 0 || j.IDs[0] != o.ID {
				continue
			}
			switch j.Kind {
			case render.KindAgreements:
				row.Agreement = append(row.Agreement, linkTo(j, fmt.Sprintf("v%d", o.Version)))
				used[j] = true
			case render.KindReports:
				label := strings.TrimPrefix(stem(j.Path), o.ID+"-")
				if path.Ext(j.Path) == ".pdf" && label != "final" {
					label += " (PDF)" // the PDF edition, beside the workbook of the same period
				}
				row.Reports = append(row.Reports, linkTo(j, label))
				used[j] = true
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// newOrderRow returns the table line of one order, without its documents.
func newOrderRow(ws *cwo.Workspace, o *cwo.WorkOrder, logged cwo.Hours) orderRow {
	row := orderRow{ID: o.ID, Title: o.Title, Funder: o.Funder, Project: o.Project, Status: o.Status,
		Budget: ws.BudgetText(o), Hours: logged.StringFixed(1)}
	if f := ws.Funder(o.Funder); f != nil {
		row.Funder = f.DisplayName()
	}
	if p := ws.Project(o.Project); p != nil && p.Name != "" {
		row.Project = p.Name
	}
	return row
}

// brochureRows makes one row per brochure with its PDF, marking the jobs it uses.
func brochureRows(ws *cwo.Workspace, jobs []*render.Job, used map[*render.Job]bool) []brochureRow {
	var rows []brochureRow
	for _, b := range ws.Brochures {
		row := brochureRow{ID: b.ID, Title: b.Title, Event: b.Event}
		for _, j := range jobs {
			if j.Kind == render.KindBrochures && j.Path == render.BrochurePath(b) {
				row.Docs = append(row.Docs, linkTo(j, "PDF"))
				used[j] = true
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func linkTo(j *render.Job, label string) link { return link{Label: label, Path: j.Path, Hash: j.Hash} }

// stem returns a path's file name without its extension.
func stem(p string) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}
