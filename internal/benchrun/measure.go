package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// result is one row of the table.
type result struct {
	step   string
	r      *runResult
	rate   string
	target string
	met    string // "yes", "no" or "" when the step has no target
	note   string
}

// Targets of issue 7 (2 cores).
const (
	maxValidate    = 3 * time.Second
	minDocsPerSec  = 300.0
	maxAgreeRSSKB  = 200 << 10
	maxGrowth      = 1.10
	maxReports     = 30 * time.Second
	maxReportRSSKB = 400 << 10
	maxRerun       = time.Second
)

var timeEntries = regexp.MustCompile(`(\d+) time entries`)

// measure runs the steps in order on the workspace copy ws; the outputs go next to it.
func measure(o options, ws string) ([]result, error) {
	out := filepath.Join(o.tmp, "out")
	render := func(dir string, extra ...string) []string {
		args := append([]string{"render", ws, "--out", dir}, extra...)
		if o.jobs > 0 {
			args = append(args, "--jobs", strconv.Itoa(o.jobs))
		}
		return args
	}
	var results []result
	add := func(res result, err error) error {
		if err != nil {
			res.met, res.note = "failed", firstLine(err.Error())
		}
		results = append(results, res)
		fmt.Fprintf(os.Stderr, "benchrun: %s: %s\n", res.step, summary(res))
		return err
	}

	r, err := o.cwo("validate", ws)
	if add(validateRow(r), err) != nil {
		return results, err
	}
	if o.wants("agreements") {
		orders, err := orderIDs(ws)
		if err != nil {
			return results, err
		}
		small := orders[:min(o.small, len(orders))]
		r, err = o.cwo(render(filepath.Join(o.tmp, "small"), "--only", "agreements", "--force", "--order", strings.Join(small, ","))...)
		smallRow := agreementRow(fmt.Sprintf("agreements, %d (memory baseline)", len(small)), r, nil)
		add(smallRow, err)
		r, err = o.cwo(render(out, "--only", "agreements", "--force")...)
		add(agreementRow(fmt.Sprintf("agreements, %d", len(orders)), r, smallRow.r), err)
	}
	if o.wants("reports") {
		r, err = o.cwo(render(out, "--only", "reports", "--force")...)
		add(reportRow(r, rowsOf(results)), err)
	}
	if !o.wants("rerun") {
		return results, nil
	}
	r, err = o.cwo(render(out, "--only", "brochures", "--force")...)
	add(result{step: "brochures", r: r, rate: docsRate(r)}, err)
	r, err = o.cwo(render(out)...) // the first run with these options: loads and checks everything
	add(checkRow(r), err)
	r, err = o.cwo(render(out)...)
	add(rerunRow(r), err)
	changed, err := changeOrder(ws)
	if err != nil {
		return results, err
	}
	r, err = o.cwo(render(out)...)
	add(changedRow(r, changed, out), err)
	return results, nil
}

func validateRow(r *runResult) result {
	res := result{step: "load + validate", r: r, target: "≤ 3 s"}
	if r == nil {
		return res
	}
	if m := timeEntries.FindStringSubmatch(r.stdout); m != nil {
		res.rate = perSecond(float64(atoi(m[1])), r.wall, "rows")
	}
	res.met = yes(r.wall <= maxValidate)
	return res
}

// agreementRow judges an agreements run: documents per second while rendering, peak RSS,
// and, against the small run, the growth of peak RSS with the number of documents.
func agreementRow(step string, r, small *runResult) result {
	res := result{step: step, r: r}
	if r == nil {
		return res
	}
	res.rate = fmt.Sprintf("%s (%.0f docs/s rendering)", docsRate(r), r.renderRate())
	if small == nil {
		return res
	}
	res.target = "≥ 300 docs/s, peak RSS ≤ 200 MB and ≤ 1.1 × the small run's"
	growth := float64(r.rssKB) / float64(max(small.rssKB, 1))
	res.note = fmt.Sprintf("peak RSS %.2f × the small run's", growth)
	res.met = yes(r.renderRate() >= minDocsPerSec && r.rssKB <= maxAgreeRSSKB && growth <= maxGrowth)
	return res
}

func reportRow(r *runResult, rows int) result {
	res := result{step: "reports, 1 per order and quarter", r: r, target: "≤ 30 s, peak RSS ≤ 400 MB"}
	if r == nil {
		return res
	}
	res.rate = docsRate(r)
	if rows > 0 {
		res.rate += ", " + perSecond(float64(rows), r.wall, "rows")
	}
	res.met = yes(r.wall <= maxReports && r.rssKB <= maxReportRSSKB)
	return res
}

// checkRow describes a run with new options whose outputs are all up to date: without the
// state of a run with the same options it loads, checks and plans the whole workspace.
func checkRow(r *runResult) result {
	res := result{step: "full check, all outputs up to date", r: r}
	if r != nil {
		res.note = fmt.Sprintf("%d rendered; no state from a run with the same options", r.rendered())
	}
	return res
}

func rerunRow(r *runResult) result {
	res := result{step: "re-run, nothing changed", r: r, target: "≤ 1 s"}
	if r == nil {
		return res
	}
	res.note = fmt.Sprintf("%d rendered", r.rendered())
	res.met = yes(r.wall <= maxRerun && r.rendered() == 0)
	return res
}

// changedRow checks that a run after changing one order rendered exactly that order's
// agreement and reports.
func changedRow(r *runResult, order, out string) result {
	res := result{step: "re-run, one order changed", r: r, target: "≤ 1 s, only that order's files"}
	if r == nil {
		return res
	}
	reports, _ := filepath.Glob(filepath.Join(out, "reports", order+"-*.xlsx"))
	want := map[string]int{"agreements": 1, "reports": len(reports)}
	only := r.counts["agreements"].rendered == want["agreements"] && r.counts["reports"].rendered == want["reports"] &&
		r.counts["brochures"].rendered == 0
	res.note = fmt.Sprintf("%s: %d agreement and %d reports rendered (want %d and %d)", order,
		r.counts["agreements"].rendered, r.counts["reports"].rendered, want["agreements"], want["reports"])
	res.met = yes(r.wall <= maxRerun && only)
	return res
}

// orderIDs lists the workspace's orders by file name.
func orderIDs(ws string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(ws, "orders", "*.yaml"))
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, n := range names {
		ids = append(ids, strings.TrimSuffix(filepath.Base(n), ".yaml"))
	}
	sort.Strings(ids)
	if len(ids) == 0 {
		return nil, fmt.Errorf("%s has no orders", ws)
	}
	return ids, nil
}

// changeOrder revises the title of the first order with progress notes (an active one, so it
// has reports) and returns its ID.
func changeOrder(ws string) (string, error) {
	dirs, err := os.ReadDir(filepath.Join(ws, "progress"))
	if err != nil || len(dirs) == 0 {
		return "", fmt.Errorf("no order with progress notes to change: %v", err)
	}
	id := dirs[0].Name()
	path := filepath.Join(ws, "orders", id+".yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	i := bytes.Index(data, []byte("\ntitle: \""))
	if i < 0 {
		return "", fmt.Errorf("%s: no title line to change", path)
	}
	i += len("\ntitle: \"")
	changed := append(append(append([]byte{}, data[:i]...), "Revised: "...), data[i:]...)
	return id, replaceFile(path, changed)
}

// rowsOf returns the time entries the validate step counted.
func rowsOf(results []result) int {
	for _, res := range results {
		if res.r != nil {
			if m := timeEntries.FindStringSubmatch(res.r.stdout); m != nil {
				return atoi(m[1])
			}
		}
	}
	return 0
}

func docsRate(r *runResult) string {
	if r == nil {
		return ""
	}
	return perSecond(float64(r.rendered()), r.wall, "docs")
}

func perSecond(n float64, d time.Duration, unit string) string {
	v := n / d.Seconds()
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.2fM %s/s", v/1e6, unit)
	case v >= 1e4:
		return fmt.Sprintf("%.0fk %s/s", v/1e3, unit)
	}
	return fmt.Sprintf("%.0f %s/s", v, unit)
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "no"
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
