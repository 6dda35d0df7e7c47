package main

import (
	"fmt"
	"time"
)

// order is a generated work order: what the progress and timesheet steps need to know.
type order struct {
	id        string
	project   *project
	active    bool
	start     time.Time
	end       time.Time
	keys      []string // scope keys
	team      []person
	prNumbers int // first pull request number of the order
}

// statuses of the orders that are not active, with their share (out of 20).
var inactive = []struct {
	status string
	share  int
}{{"completed", 7}, {"signed", 4}, {"sent", 4}, {"draft", 3}, {"cancelled", 2}}

// isActive spreads the active orders evenly over all orders.
func (g *generator) isActive(i int) bool {
	return (i+1)*g.c.Active/g.c.Orders != i*g.c.Active/g.c.Orders
}

// writeOrders writes orders/<id>.yaml.
func (g *generator) writeOrders() error {
	for i := range g.c.Orders {
		o, y := g.order(i)
		if err := g.write("orders/"+o.id+".yaml", y.Bytes()); err != nil {
			return err
		}
		g.orders = append(g.orders, o)
	}
	return nil
}

// order makes order i: active orders run through 2026 and report quarterly; the others are
// completed (2025) or not yet started (2027).
func (g *generator) order(i int) (*order, *yamlDoc) {
	r := g.rng("order", i)
	o := &order{project: pick(r, g.projects), active: g.isActive(i), prNumbers: 10000 + 100*i}
	status, issued := "active", day(date(2025, time.November, 1), r.IntN(50))
	o.start, o.end = day(date(2026, time.January, 1), -r.IntN(31)), day(date(2026, time.December, 31), r.IntN(60))
	if !o.active {
		status = g.inactiveStatus(r)
		base := date(2027, time.January, 4)
		if status == "completed" {
			base = date(2025, time.January, 6)
		}
		o.start = day(base, r.IntN(90))
		o.end = day(o.start, r.between(150, 360))
		issued = day(earliest(o.start, date(2026, time.December, 31)), -r.between(14, 60)) // the newest is "today"
	}
	o.id = fmt.Sprintf("CWO-%d-%05d", issued.Year(), i+1)
	hourly := r.chance(0.4)
	var y yamlDoc
	y.line(0, "# Synthetic work order written by internal/benchws.")
	y.line(0, "title: "+q(capital(pick(r, verbs))+" "+pick(r, subjects)[4:]+" in "+o.project.name))
	y.line(0, "funder: "+pick(r, g.funders).id)
	y.line(0, "project: "+o.project.id)
	y.line(0, "status: "+status)
	version := r.between(1, 3)
	y.line(0, fmt.Sprintf("version: %d", version))
	y.line(0, "issued: "+ymd(issued))
	if version > 1 { // the version it replaces was issued a month before
		y.line(0, "previous: {issued: "+ymd(day(issued, -30))+"}")
	}
	y.line(0, "start: "+ymd(o.start))
	y.line(0, "end: "+ymd(o.end))
	if r.chance(0.15) {
		y.line(0, "currency: EUR")
	}
	scope := g.scope(r, o)
	g.budget(r, &y, o, hourly, scope)
	y.line(0, "scope:")
	y.Write(scope.Bytes())
	g.team(r, &y, o)
	cadence := "quarterly"
	if !o.active && r.chance(0.2) {
		cadence = "monthly"
	}
	y.line(0, "reporting: {cadence: "+cadence+"}")
	y.line(0, "clauses:")
	for _, c := range sample(r, clauseTopics, r.between(2, 4)) {
		y.line(1, "- "+q(c+" "+paragraph(r, 2)))
	}
	return o, &y
}

func (g *generator) inactiveStatus(r *rng) string {
	n := r.IntN(20)
	for _, s := range inactive {
		if n < s.share {
			return s.status
		}
		n -= s.share
	}
	return "completed"
}

// scopeYAML is an order's scope entries and the hours they add up to.
type scopeYAML struct {
	yamlDoc
	hours int
}

// scope picks 3 or 4 roadmap items of the order's project and adds 1 or 2 items of its own;
// active orders plan enough hours for a year of timesheets.
func (g *generator) scope(r *rng, o *order) *scopeYAML {
	s := &scopeYAML{}
	lo, hi := 8, 60 // tens of hours
	if o.active {
		lo, hi = 80, 140
	}
	for _, item := range sample(r, o.project.items, r.between(3, 4)) {
		h := 10 * r.between(lo, hi)
		s.hours += h
		o.keys = append(o.keys, item)
		s.line(1, "- item: "+item)
		if r.chance(0.3) {
			s.block(2, "description", markdown(r, 1))
		}
		s.line(2, fmt.Sprintf("hours: %d", h))
	}
	for k := range r.between(1, 2) {
		h := 10 * r.between(lo, hi)
		s.hours += h
		key := fmt.Sprintf("task-%d", k+1)
		o.keys = append(o.keys, key)
		s.line(1, "- id: "+key)
		s.line(2, "title: "+q(task(r)))
		s.block(2, "description", markdown(r, r.between(1, 2)))
		s.line(2, fmt.Sprintf("hours: %d", h))
	}
	return s
}

// budget writes the budget and a payment schedule that validates: a fixed order's payments add
// up to its amount exactly, the first on signature and the last on completion; an hourly order's
// are an advance on signature, credited against the last invoice, and estimates that add up to
// the planned hours at the rate, the last on the term's last day.
func (g *generator) budget(r *rng, y *yamlDoc, o *order, hourly bool, scope *scopeYAML) {
	n := r.between(3, 6)
	var amounts []int
	y.line(0, "budget:")
	if hourly {
		rate, capHours := 5*r.between(24, 48), scope.hours+10*r.between(0, 20)
		y.line(1, "type: hourly")
		y.line(1, fmt.Sprintf("rate: %d", rate))
		y.line(1, fmt.Sprintf("cap_hours: %d", capHours))
		planned := rate * scope.hours
		for range n - 1 {
			amounts = append(amounts, planned/n/100*100)
		}
		amounts = append(amounts, planned-(n-1)*(planned/n/100*100))
	} else {
		total := 1000 * r.between(40, 600)
		if o.active {
			total = scope.hours * 150 / 1000 * 1000
		}
		y.line(1, "type: fixed")
		y.line(1, fmt.Sprintf("amount: %d", total))
		left := total
		for range n - 1 {
			a := total / n / 500 * 500
			amounts = append(amounts, a)
			left -= a
		}
		amounts = append(amounts, left)
	}
	y.line(0, "payments:")
	span := int(o.end.Sub(o.start).Hours() / 24)
	for k, a := range amounts {
		label, what := fmt.Sprintf("Instalment %d", k+1), ""
		switch {
		case k == 0 && hourly:
			label, what = "Advance", "kind: advance, credit: final-invoice, on: signature, "
		case hourly:
			label, what = fmt.Sprintf("Invoice %d", k), "kind: estimate, "
		case k == 0:
			label, what = "On signature", "on: signature, "
		case k == n-1:
			label, what = "On completion", "on: completion, "
		}
		due := day(o.start, span*k/n)
		if k == n-1 {
			due = o.end
		}
		y.line(1, fmt.Sprintf("- {due: %s, amount: %d, %slabel: %s}", ymd(due), a, what, q(label)))
	}
}

// team writes a lead and one to three more developers.
func (g *generator) team(r *rng, y *yamlDoc, o *order) {
	o.team = sample(r, g.people, r.between(2, 4))
	y.line(0, "team:")
	for k, p := range o.team {
		role := "Lead developer"
		if k > 0 {
			role = pick(r, roles)
		}
		y.line(1, fmt.Sprintf("- {name: %s, role: %s, github: %s}", q(p.name), q(role), p.github))
	}
}
