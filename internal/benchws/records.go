package main

import (
	"fmt"
	"io/fs"
	"time"

	"github.com/cwo-tool/cwo/samples"
)

// project is a generated project and the IDs of its roadmap items.
type project struct {
	id, name, repo string
	items          []string
}

// funder is a generated funder.
type funder struct{ id string }

var (
	projectStems    = []string{"Astra", "Geode", "Biota", "Quanta", "Stata", "Graphon", "Signa", "Tensora", "Meshwork", "Chroma"}
	projectSuffixes = []string{"Py", "Kit", "Lab", "Flow", "Base"}
	funderStems     = []string{"Northwind", "Bluepeak", "Silverline", "Harborview", "Redwood", "Ironbridge", "Clearwater",
		"Brightfield", "Stonegate", "Lakeshore", "Summit", "Evergreen", "Oakridge", "Riverbend", "Highland",
		"Westbrook", "Goldcrest", "Pinehurst", "Fairhaven", "Ashford"}
	funderKinds = []struct{ suffix, kind string }{{"Analytics, Inc.", "company"}, {"Systems GmbH", "company"},
		{"Research Ltd", "company"}, {"Capital Partners", "company"}, {"Energy AG", "company"}, {"Health, Inc.", "company"},
		{"Insurance Group", "company"}, {"Robotics B.V.", "company"}, {"Foundation", "foundation"}, {"Trust", "foundation"},
		{"Stiftung", "foundation"}, {"Institute", "foundation"}, {"Statistics Office", "government"},
		{"Space Agency", "government"}, {"Family Office", "individual"}}
	logos = []string{"assets/numpy.png", "assets/pandas.png", "assets/scipy.png"}
)

// writeSettings writes cwo.yaml.
func (g *generator) writeSettings() error {
	return g.write("cwo.yaml", []byte(`# Synthetic benchmark workspace written by internal/benchws. Do not edit: regenerate it.
output: out
paper: letter
locale: en-US
currency: USD
jobs: 0
brand:
  color: "#1F4E79"
`))
}

// writeAssets copies the sample workspace's logos.
func (g *generator) writeAssets() error {
	for _, name := range append([]string{"assets/contractor.png"}, logos...) {
		data, err := fs.ReadFile(samples.FS, name)
		if err != nil {
			return err
		}
		if err := g.write(name, data); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) writeContractor() error {
	return g.write("contractor.yaml", []byte(`# The consultancy of the benchmark workspace (fictional).
name: Lattice Open Labs
legal_name: Lattice Open Labs, LLC
address: ["2200 Example Parkway, Suite 410", "Portland, OR 97209", "USA"]
email: labs@example.org
website: https://lattice.example.org
logo: assets/contractor.png
signatory: {name: "Margaret Okafor", title: "Managing Director", email: margaret.okafor@example.org}
fiscal_sponsor: {name: NumFOCUS, url: https://numfocus.org}
tax_id: EIN 93-4127705
governing_law: the State of Oregon, United States
venue: the state and federal courts located in Portland, Oregon
`))
}

// writeProjects writes projects/<id>.yaml, each with a roadmap of 8 to 12 items.
func (g *generator) writeProjects() error {
	for i := range g.c.Projects {
		r := g.rng("project", i)
		stem, suffix := projectStems[i%len(projectStems)], projectSuffixes[i/len(projectStems)%len(projectSuffixes)]
		name := stem + suffix
		if n := i / (len(projectStems) * len(projectSuffixes)); n > 0 {
			name = fmt.Sprintf("%s%d", name, n+1)
		}
		p := &project{id: slug(name), name: name, repo: "https://github.com/" + slug(name) + "/" + slug(name)}
		var y yamlDoc
		y.line(0, "name: "+q(name))
		y.line(0, "tagline: "+q(fmt.Sprintf("Open-source %s for science and industry", pick(r, subjects)[4:])))
		y.line(0, "homepage: https://"+p.id+".example.org")
		y.line(0, "repository: "+p.repo)
		y.line(0, "license: "+pick(r, []string{"BSD-3-Clause", "MIT", "Apache-2.0", "MPL-2.0"}))
		if i%4 == 0 {
			y.line(0, "logo: "+logos[i/4%len(logos)])
		}
		y.line(0, "maintainers:")
		for _, m := range sample(r, g.people, 2) {
			y.line(1, fmt.Sprintf("- {name: %s, github: %s}", q(m.name), "m-"+m.github))
		}
		y.line(0, "roadmap:")
		y.line(1, "url: https://"+p.id+".example.org/roadmap")
		y.line(1, "reviewed: "+ymd(day(date(2026, time.February, 1), r.IntN(280))))
		y.line(1, "items:")
		for k := range r.between(8, 12) {
			id := fmt.Sprintf("item-%02d", k+1)
			p.items = append(p.items, id)
			y.line(2, "- id: "+id)
			y.line(2, "  title: "+q(capital(pick(r, verbs))+" "+pick(r, subjects)[4:]))
			y.block(3, "summary", markdown(r, 1))
			y.line(3, fmt.Sprintf("priority: %d", k+1))
			y.line(3, fmt.Sprintf("estimate: {amount: %d, months: %d}", r.between(4, 40)*5000, r.between(3, 18)))
			if k < 2 {
				y.line(3, "brochure: true")
			}
		}
		if err := g.write("projects/"+p.id+".yaml", y.Bytes()); err != nil {
			return err
		}
		g.projects = append(g.projects, p)
	}
	return nil
}

// writeFunders writes funders/<id>.yaml.
func (g *generator) writeFunders() error {
	for i := range g.c.Funders {
		r := g.rng("funder", i)
		k := funderKinds[i/len(funderStems)%len(funderKinds)]
		name := funderStems[i%len(funderStems)] + " " + k.suffix
		if n := i / (len(funderStems) * len(funderKinds)); n > 0 {
			name = fmt.Sprintf("%s %d", name, n+1)
		}
		f := &funder{id: slug(name)}
		sig, contact := pick(r, firstNames)+" "+pick(r, lastNames), pick(r, firstNames)+" "+pick(r, lastNames)
		var y yamlDoc
		y.line(0, "legal_name: "+q(name))
		y.line(0, "short_name: "+q(funderStems[i%len(funderStems)]))
		y.line(0, "kind: "+k.kind)
		y.line(0, fmt.Sprintf("address: [%s, %s, %s]", q(fmt.Sprintf("%d Harbor View Drive, Floor %d", r.between(1, 999), r.between(1, 30))),
			q(pick(r, []string{"Seattle, WA 98101", "80331 München", "London EC1A 1BB", "1011 AB Amsterdam", "Toronto, ON M5H 2N2"})), q(pick(r, []string{"USA", "Germany", "United Kingdom", "Netherlands", "Canada"}))))
		y.line(0, fmt.Sprintf("signatory: {name: %s, title: %s, email: %s}", q(sig), q(pick(r, []string{"VP Engineering", "Director", "Chief Technology Officer", "Program Officer"})), f.id+"@example.com"))
		if r.chance(0.5) {
			y.line(0, fmt.Sprintf("reporting_contact: {name: %s, email: %s}", q(contact), "oss-"+f.id+"@example.com"))
		}
		if err := g.write("funders/"+f.id+".yaml", y.Bytes()); err != nil {
			return err
		}
		g.funders = append(g.funders, f)
	}
	return nil
}

// writeBrochures writes brochures/<id>.yaml, each for ten projects.
func (g *generator) writeBrochures() error {
	events := []string{"SciPy 2026, Tacoma", "PyData Berlin 2026", "EuroSciPy 2026, Kraków", "JupyterCon 2026", "PyCon US 2026, Long Beach"}
	for i := range g.c.Brochures {
		r := g.rng("brochure", i)
		var y yamlDoc
		y.line(0, "title: "+q("Invest in the tools your science runs on"))
		y.line(0, "event: "+q(events[i%len(events)]))
		y.line(0, "date: "+ymd(date(2026, time.Month(6+i%6), 10)))
		y.line(0, "paper: "+[]string{"letter", "a4"}[i%2])
		y.line(0, "projects:")
		for _, p := range sample(r, g.projects, 10) {
			y.line(1, "- "+p.id)
		}
		y.line(0, fmt.Sprintf("items_per_project: %d", 2+i%2))
		y.line(0, `contact: {name: "Partnerships Team", email: partnerships@example.org, phone: "+1 503 555 0142"}`)
		y.line(0, fmt.Sprintf("print: %t", i == 0))
		if err := g.write(fmt.Sprintf("brochures/brochure-%02d.yaml", i+1), y.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
