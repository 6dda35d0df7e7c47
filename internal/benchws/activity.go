package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// quarters of 2026: the four reporting periods of every active order.
var quarters = []time.Time{date(2026, time.January, 1), date(2026, time.April, 1), date(2026, time.July, 1), date(2026, time.October, 1)}

// ghPR is one entry of `gh pr list --json number,title,url,state,createdAt,mergedAt,closedAt,author`.
type ghPR struct {
	Author    ghAuthor `json:"author"`
	ClosedAt  *string  `json:"closedAt"`
	CreatedAt string   `json:"createdAt"`
	MergedAt  *string  `json:"mergedAt"`
	Number    int      `json:"number"`
	State     string   `json:"state"`
	Title     string   `json:"title"`
	URL       string   `json:"url"`
}

type ghAuthor struct {
	Login string `json:"login"`
}

// writeProgress writes, for each active order, a progress file per quarter and contributions.json.
func (g *generator) writeProgress() error {
	for i, o := range g.orders {
		if !o.active {
			continue
		}
		r := g.rng("progress", i)
		var prs []ghPR
		for q := range quarters {
			quarterPRs := g.pullRequests(r, o, q, len(prs))
			prs = append(prs, quarterPRs...)
			y := g.progressNotes(r, o, q, quarterPRs)
			if err := g.write(fmt.Sprintf("progress/%s/2026-Q%d.yaml", o.id, q+1), y.Bytes()); err != nil {
				return err
			}
		}
		data, err := json.MarshalIndent(prs, "", "  ")
		if err != nil {
			return err
		}
		if err := g.write("progress/"+o.id+"/contributions.json", append(data, '\n')); err != nil {
			return err
		}
	}
	return nil
}

// pullRequests makes the 4 to 7 pull requests an order opened in quarter q; the last quarter's
// are often still open, earlier ones mostly merged.
func (g *generator) pullRequests(r *rng, o *order, q, before int) []ghPR {
	n := r.between(4, 7)
	prs := make([]ghPR, n)
	for k := range prs {
		opened := day(quarters[q], r.IntN(80))
		num := o.prNumbers + before + k
		pr := ghPR{Author: ghAuthor{pick(r, o.team).github}, CreatedAt: stamp(opened, r), Number: num, State: "OPEN",
			Title: strings.ToUpper(pick(r, []string{"ENH", "BUG", "DOC", "MAINT", "TST"})) + ": " + task(r),
			URL:   fmt.Sprintf("%s/pull/%d", o.project.repo, num)}
		switch x := r.IntN(10); {
		case q == 3 && x < 5:
		case x < 8:
			m := stamp(day(opened, r.between(1, 20)), r)
			pr.State, pr.MergedAt, pr.ClosedAt = "MERGED", &m, &m
		default:
			c := stamp(day(opened, r.between(1, 30)), r)
			pr.State, pr.ClosedAt = "CLOSED", &c
		}
		prs[k] = pr
	}
	return prs
}

func stamp(t time.Time, r *rng) string {
	return t.Add(time.Duration(r.IntN(86400)) * time.Second).Format(time.RFC3339)
}

// progressNotes writes one quarter's notes: narrative, lists, each scope item's state with the
// quarter's pull requests, and now and then a contribution to another repository.
func (g *generator) progressNotes(r *rng, o *order, quarter int, prs []ghPR) *yamlDoc {
	var y yamlDoc
	y.block(0, "summary", paragraph(r, 3)+"\n\n"+paragraph(r, 2))
	for _, list := range []string{"highlights", "risks", "next"} {
		y.line(0, list+":")
		for range r.between(1, 3) {
			y.line(1, "- "+q(task(r)+" "+pick(r, goals)+"."))
		}
	}
	y.line(0, "items:")
	for k, key := range o.keys {
		pct := min(100, 25*(quarter+1)-5+r.IntN(11))
		status := "in-progress"
		switch {
		case pct >= 100:
			status = "done"
		case r.chance(0.05):
			status = pick(r, []string{"blocked", "deferred", "in-review"})
		}
		var nums []string
		for j, pr := range prs {
			if j%len(o.keys) == k {
				nums = append(nums, fmt.Sprint(pr.Number))
			}
		}
		y.line(1, key+":")
		y.line(2, "status: "+status)
		y.line(2, fmt.Sprintf("percent: %d", pct))
		if r.chance(0.5) {
			y.line(2, "note: "+q(task(r)+"."))
		}
		if len(nums) > 0 {
			y.line(2, "prs: ["+strings.Join(nums, ", ")+"]")
		}
	}
	if r.chance(0.3) {
		opened := day(quarters[quarter], r.IntN(60))
		y.line(0, "contributions:")
		y.line(1, fmt.Sprintf("- url: https://github.com/numpy/numpy/pull/%d", 30000+r.IntN(5000)))
		y.line(2, "title: "+q(task(r)))
		y.line(2, "state: merged")
		y.line(2, "item: "+pick(r, o.keys))
		y.line(2, "opened: "+ymd(opened))
		y.line(2, "merged: "+ymd(day(opened, r.between(1, 14))))
		y.line(2, "author: "+pick(r, o.team).github)
	}
	return &y
}

// writeTimesheets writes the rows: for each quarter, -parts files, each with the rows of a share of
// the active orders, day by day. Each active order gets the same number of rows per quarter
// (give or take one), spread evenly over the working days.
func (g *generator) writeTimesheets() error {
	if g.c.Rows == 0 {
		return nil
	}
	var active []*order
	for _, o := range g.orders {
		if o.active {
			active = append(active, o)
		}
	}
	for q := range quarters {
		for part := range g.c.Parts {
			var orders []int
			for a := range active {
				if a*g.c.Parts/len(active) == part {
					orders = append(orders, a)
				}
			}
			if len(orders) == 0 {
				continue
			}
			name := fmt.Sprintf("timesheets/2026-q%d-part%02d.csv", q+1, part+1)
			if err := g.timesheet(name, q, active, orders); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	return nil
}

// timesheet writes one CSV file with the rows of orders (indexes into active) in quarter q.
func (g *generator) timesheet(name string, q int, active []*order, orders []int) error {
	full := filepath.Join(g.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	f, err := os.Create(full)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 256<<10)
	w := csv.NewWriter(bw)
	w.Write([]string{"date", "order", "person", "item", "hours", "note"})
	days := workingDays(quarters[q])
	cells := 4 * len(active)
	rngs := make([]*rng, len(orders))
	for j, a := range orders {
		rngs[j] = g.rng("timesheet", a*4+q)
	}
	for d, t := range days {
		for j, a := range orders {
			c := a*4 + q
			n := (c+1)*g.c.Rows/cells - c*g.c.Rows/cells // rows of this order and quarter
			for range (d+1)*n/len(days) - d*n/len(days) {
				w.Write(g.row(rngs[j], active[a], t))
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// row is one time entry of order o on day t.
func (g *generator) row(r *rng, o *order, t time.Time) []string {
	item := ""
	if !r.chance(0.05) {
		item = pick(r, o.keys)
	}
	qh := r.between(1, 16) // quarter hours
	hours := fmt.Sprint(qh / 4)
	if qh%4 != 0 {
		hours += []string{"", ".25", ".5", ".75"}[qh%4]
	}
	note := task(r)
	if r.chance(0.2) {
		note += ", part " + fmt.Sprint(r.between(1, 4))
	}
	return []string{ymd(t), o.id, pick(r, o.team).name, item, hours, note}
}

// workingDays lists Monday to Friday of the quarter starting at start.
func workingDays(start time.Time) []time.Time {
	var out []time.Time
	for t := start; t.Before(start.AddDate(0, 3, 0)); t = day(t, 1) {
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			out = append(out, t)
		}
	}
	return out
}
