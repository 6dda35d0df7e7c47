package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/cwo-tool/cwo"
)

// FinalDoc is everything an order's final report shows.
type FinalDoc struct {
	Final       *cwo.FinalReport
	Contractor  *cwo.Contractor
	Fingerprint string   // SHA-256 hex of everything the report shows
	Issued      cwo.Date // the run's report date (never the clock), on the cover and as of which payment is stated
}

// bestEffort is the principle the final report states before the outcomes of the pull requests.
const bestEffort = "The work was done on a best-effort basis: the contractor opens pull requests and follows them " +
	"through review, and the project's maintainers decide what lands. A pull request closed without being merged " +
	"is an outcome of that review, and the work in it stays public for the project to use."

// Final writes an order's final report to w: the facts, the closing summary, what was planned
// against what happened for each scope item, the money of the whole term, every pull request
// with its outcome, and the lessons and next steps. On error nothing is written to w.
func Final(w io.Writer, d *FinalDoc, opt Options) error {
	f := d.Final
	o := f.Order
	doc := newReportDoc(opt, o.End, d.Contractor, f.Locale, d.Fingerprint)
	doc.head = o.Title
	doc.ref = o.ID + " · final report"
	doc.metadata("final report", fmt.Sprintf("Final report: %s (%s)", o.Title, o.ID),
		fmt.Sprintf("Final report for %s on work order %s, %s to %s", reportFunder(f.Funder), o.ID, o.Start, o.End), f.Report)
	doc.begin()
	doc.titleBlock("Final report", o.Title, fmt.Sprintf("%s · the whole term, %s to %s", o.ID, doc.date(o.Start), doc.date(o.End))+doc.issued(d.Issued))
	doc.facts(reportFacts(f.Report, doc.date))
	doc.flags(finalFlags(f))
	return doc.finalSections(f, finalMoneyAsOf(f, d.Issued), w)
}

// finalSections draws the final report's sections, top to bottom, and writes the document.
func (d *reportDoc) finalSections(f *cwo.FinalReport, money finalMoneyAt, w io.Writer) error {
	steps := []func() error{
		func() error { return d.markdown(d.finalGlance(f, money)) },
		func() error { return d.markdown(finalSummary(f.Notes)) },
		func() error { return d.markdown(d.finalItems(f)) },
		func() error {
			d.hoursChart("Hours by work item over the term", []string{"Planned", "Worked"}, finalBars(f))
			return nil
		},
		func() error { return d.markdown(d.finalMoney(f, money)) },
		func() error { d.moneyChart(f.Budget, f.Currency, f.ByPeriod); return nil },
		func() error {
			d.room(contributionsKeep) // the heading and its introduction stay with the table's first rows
			return d.markdown(d.finalContributions(f))
		},
		func() error { return d.markdown(finalNext(f.Notes)) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return d.write(w)
}

// contributionsKeep is the height, in points, that the contributions' heading, the best-effort
// principle, the count of outcomes and the first rows of the first table take: when less is left
// on the page, the section starts on the next.
const contributionsKeep = 230.0

// finalFlags lists what the reader must know: closing notes not written.
func finalFlags(f *cwo.FinalReport) []string {
	flags := f.Flags
	if f.Notes == nil {
		flags = append(flags, fmt.Sprintf("No closing notes were written (progress/%s/final.yaml): the outcomes of the work items, "+
			"the lessons and the next steps are missing.", f.Order.ID))
	}
	return flags
}

// finalSummary writes the closing summary, if there is one.
func finalSummary(n *cwo.FinalNotes) string {
	if n == nil || n.Summary == "" {
		return ""
	}
	var m mdText
	m.heading(2, "Summary")
	m.line("\n%s\n", n.Summary)
	return m.String()
}

// finalItems writes each scope item planned against what happened: hours, status, whether it
// was delivered, then each item's outcome and what was not delivered and why.
func (d *reportDoc) finalItems(f *cwo.FinalReport) string {
	var m mdText
	m.heading(2, "Work items: planned and done")
	var rows [][]string
	for _, it := range f.Items {
		if it.NoItem {
			rows = append(rows, []string{esc(it.Title), "", d.hours(it.HoursToDate), "", "", ""})
			continue
		}
		rows = append(rows, []string{esc(it.Title), d.hours(it.PlannedHours), d.hours(it.HoursToDate), d.pct(it.PlanPct),
			itemStatusWords(it.Status), deliveredWords(f.Delivered(it))})
	}
	rows = append(rows, []string{"**Total**", "**" + d.hours(f.Order.ScopeHours()) + "**", "**" + d.hours(f.HoursToDate) + "**",
		"**" + d.pct(f.HoursToDate.Percent(f.Order.ScopeHours(), 1)) + "**", "", ""})
	m.table([]string{"Work item", "Planned hours", "Hours worked", "Of plan", "Status", "Outcome"}, []int{1, 2, 3}, rows)
	if f.Notes == nil {
		return m.String()
	}
	for _, it := range f.Items {
		out := f.Notes.Items[it.Key]
		if out.Outcome == "" && out.NotDelivered == "" {
			continue
		}
		m.heading(3, it.Title+": "+strings.ToLower(deliveredWords(f.Delivered(it))))
		if out.Outcome != "" {
			m.line("\n%s\n", out.Outcome)
		}
		if out.NotDelivered != "" {
			m.line("\n**Not delivered.** %s\n", out.NotDelivered)
		}
	}
	return m.String()
}

// finalBars are the work items as bars: planned and worked over the term.
func finalBars(f *cwo.FinalReport) []bar {
	var bs []bar
	for _, b := range itemBars(f.Report) {
		bs = append(bs, bar{label: b.label, values: b.values[:2]})
	}
	return bs
}

// finalMoney writes the money of the whole term: earned, invoiced, paid, what is owed and
// what the budget did not earn, and the payment schedule, as they stand on the report's date.
func (d *reportDoc) finalMoney(f *cwo.FinalReport, at finalMoneyAt) string {
	var m mdText
	m.heading(2, "Money over the term")
	m.para(d.budgetLine(f.Report) + " " + d.earnedLine(f.Report))
	m.table([]string{"", "As of " + d.date(at.asOf)}, []int{1}, [][]string{
		{"Earned over the term", d.money(f.Earned.ToDate, f.Currency)},
		{"Invoiced", d.money(at.invoiced, f.Currency)},
		{"Paid", d.money(at.paid, f.Currency)},
		{"Outstanding (invoiced, not yet paid)", d.money(at.outstanding, f.Currency)},
		{"Budget not earned", d.money(f.Remaining, f.Currency)},
	})
	m.para(fmt.Sprintf("%s of the budget earned over the term, to the end of its last reporting period (%s, %s). "+
		"Invoices and payments stand as of %s, the report's date. %s", d.pct(f.EarnedPct), f.Period, d.date(f.Period.End()),
		d.date(at.asOf), paymentStatus(d, f, at)))
	d.scheduleRows(&m, f.Report, at.schedule)
	return m.String()
}

// finalContributions writes the best-effort principle, the count of each outcome and every
// pull request of the order.
func (d *reportDoc) finalContributions(f *cwo.FinalReport) string {
	var m mdText
	m.heading(2, "Contributions and their outcomes")
	m.para(bestEffort)
	if len(f.All) == 0 {
		m.para("No pull requests were recorded for this order.")
		return m.String()
	}
	counts := map[string]int{}
	for _, c := range f.All {
		counts[c.State]++
	}
	m.para(outcomeCounts(len(f.All), counts))
	keys := []string{}
	for _, it := range f.Items {
		if it.Key != "" {
			keys = append(keys, it.Key)
		}
	}
	for _, key := range append(keys, "") {
		d.outcomeTable(&m, f, key)
	}
	return m.String()
}

// outcomeTable writes the pull requests of one work item (key "": of none) under its title.
func (d *reportDoc) outcomeTable(m *mdText, f *cwo.FinalReport, key string) {
	var rows [][]string
	for _, c := range f.All {
		if c.Item == key || (key == "" && finalItemTitle(f, c.Item) == "") {
			rows = append(rows, []string{prRef(c), prTitle(f.Order, c), outcomeWords(c.State), d.date(c.Opened), d.resolved(c)})
		}
	}
	if len(rows) == 0 {
		return
	}
	title := finalItemTitle(f, key)
	if title == "" {
		title = "Not tied to a work item"
	}
	m.heading(3, title)
	m.table([]string{"Pull request", "Title", "Outcome", "Opened", "Merged or closed"}, nil, rows)
}

// outcomeCounts says how many pull requests there were and how each kind of outcome counts,
// leaving out the outcomes none had.
func outcomeCounts(n int, counts map[string]int) string {
	var parts []string
	for _, o := range []struct {
		state, words string
	}{{cwo.StateMerged, "merged"}, {cwo.StateOpen, "still in review"}, {cwo.StateClosed, "declined by the maintainers (closed without merging)"}} {
		if counts[o.state] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[o.state], o.words))
		}
	}
	noun := "pull requests"
	if n == 1 {
		noun = "pull request"
	}
	return fmt.Sprintf("%d %s: %s.", n, noun, strings.Join(parts, ", "))
}

// finalItemTitle is the title of the scope item with key, or "".
func finalItemTitle(f *cwo.FinalReport, key string) string {
	for _, it := range f.Items {
		if it.Key == key && key != "" {
			return it.Title
		}
	}
	return ""
}

// outcomeWords writes what became of a pull request.
func outcomeWords(state string) string {
	if state == cwo.StateClosed {
		return "Declined by the maintainers"
	}
	return stateWords(state)
}

// finalNext writes the lessons learned and the next steps.
func finalNext(n *cwo.FinalNotes) string {
	if n == nil || len(n.Lessons)+len(n.Next) == 0 {
		return ""
	}
	var m mdText
	if len(n.Lessons) > 0 {
		m.heading(2, "Lessons learned")
		m.list(n.Lessons)
	}
	if len(n.Next) > 0 {
		m.heading(2, "Next steps")
		m.list(n.Next)
	}
	return m.String()
}
