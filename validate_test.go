package cwo_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/testws"
	"github.com/cwo-tool/cwo/workspace"
)

// copyBase copies testdata/base into a temporary folder and applies edits (file → old → new).
func copyBase(t *testing.T, edits ...edit) string {
	t.Helper()
	es := make([]testws.Edit, len(edits))
	for i, e := range edits {
		es[i] = testws.Edit{File: e.file, Old: e.old, New: e.new}
	}
	return testws.CopyBase(t, "testdata/base", es...)
}

// edit replaces old with new in file; an empty old writes new as the whole file.
type edit struct{ file, old, new string }

// check loads and validates dir the way `cwo validate` does.
func check(t *testing.T, dir string, opt cwo.ValidateOptions) cwo.Diagnostics {
	t.Helper()
	ws, diags := workspace.Load(dir, cwo.DefaultSettings())
	if diags.HasErrors() {
		return diags
	}
	return append(diags, cwo.Validate(ws, opt)...).Sort()
}

func TestBaseIsValid(t *testing.T) {
	if diags := check(t, copyBase(t), cwo.ValidateOptions{}); len(diags) > 0 {
		t.Fatalf("base workspace has problems:\n%v", diags)
	}
}

func TestValidationRules(t *testing.T) {
	const o1 = "orders/O-1.yaml"
	tests := []struct {
		name string
		edit edit
		want string
	}{
		// strict loading
		{"unknown key", edit{o1, "funder: acme", "fundr: acme"}, "orders/O-1.yaml:2:1: error: unknown key \"fundr\" (did you mean \"funder\"?)"},
		{"wrong type", edit{o1, "version: 1", "version: one"}, "orders/O-1.yaml:5:10: error: version: expected a whole number, got text \"one\""},
		{"text expected", edit{o1, "title: Faster NumPy", "title: 123"}, "orders/O-1.yaml:1:8: error: title: expected text, got number \"123\" (put it in quotes: \"123\")"},
		{"repeated key", edit{o1, "status: active", "status: active\nstatus: draft"}, "orders/O-1.yaml:5:1: error: key \"status\" is repeated"},
		{"impossible date", edit{o1, "issued: 2026-09-15", "issued: 2026-02-30"}, "orders/O-1.yaml:6:9: error: issued: \"2026-02-30\": February 2026 has no day 30"},
		{"amount exponent", edit{o1, "amount: 150000", "amount: 1e400"}, "orders/O-1.yaml:11:11: error: budget.amount: \"1e400\" is not a plain decimal number (like 1250 or 1250.50)"},
		{"id mismatch", edit{o1, "title: Faster NumPy", "id: O-9\ntitle: Faster NumPy"}, "orders/O-1.yaml:1:5: error: id \"O-9\" does not match the file name (expected \"O-1\")"},
		{"bad file name", edit{"orders/bad name.yaml", "", "title: x\n"}, "\"orders/bad name.yaml\": error: file name \"bad name.yaml\" is not a valid ID (letters, digits, '.', '_', '-'; starting with a letter or digit)"},
		// references
		{"unknown funder", edit{o1, "funder: acme", "funder: acme-corp"}, "orders/O-1.yaml:2:9: error: funder \"acme-corp\" is not defined (did you mean \"acme\"?): there is no funders/acme-corp.yaml; the funders are acme"},
		{"tab indentation", edit{o1, "project: numpy", "\tproject: numpy"}, "orders/O-1.yaml:3:1: error: a tab character is not allowed for indentation in YAML; indent with spaces"},
		{"colon in a title", edit{o1, "title: Faster NumPy", "title: NumPy: faster arrays"}, "orders/O-1.yaml:1:13: error: a colon followed by a space inside a value starts a new key; put the value in quotes: title: \"...\""},
		{"day beyond the month", edit{o1, "issued: 2026-09-15", "issued: 2026-09-31"}, "orders/O-1.yaml:6:9: error: issued: \"2026-09-31\": September 2026 has no day 31"},
		{"month 13", edit{o1, "issued: 2026-09-15", "issued: 2026-13-01"}, "orders/O-1.yaml:6:9: error: issued: \"2026-13-01\": there is no month 13 (the form is YYYY-MM-DD)"},
		{"unknown project", edit{o1, "project: numpy", "project: nunpy"}, "orders/O-1.yaml:3:10: error: project \"nunpy\" is not defined (did you mean \"numpy\"?): there is no projects/nunpy.yaml; the projects are numpy"},
		{"unknown roadmap item", edit{o1, "item: simd", "item: simdd"}, "orders/O-1.yaml:16:11: error: roadmap item \"simdd\" is not in project \"numpy\" (did you mean \"simd\"?)"},
		{"order is its own project", edit{o1, "project: numpy", "project: O-1"}, "orders/O-1.yaml:3:10: error: project \"O-1\" names this order itself; it must name a project in projects/"},
		{"timesheet unknown order", edit{"timesheets/q4.csv", "2026-10-03,O-1", "2026-10-03,O-3"}, "timesheets/q4.csv:3: error: column order: order \"O-3\" is not defined (did you mean \"O-1\"?)"},
		{"timesheet unknown item", edit{"timesheets/q4.csv", "O-1,Priya Raman,simd", "O-1,Priya Raman,simdx"}, "timesheets/q4.csv:2: error: column item: \"simdx\" is not in order O-1's scope (did you mean \"simd\"?)"},
		{"progress unknown order", edit{"progress/O-7/2026-Q4.yaml", "", "summary: x\n"}, "progress/O-7/2026-Q4.yaml: error: folder progress/O-7 names no order (did you mean \"O-1\"?)"},
		{"progress unknown item", edit{"progress/O-1/2026-Q4.yaml", "  simd: {", "  simdx: {"}, "progress/O-1/2026-Q4.yaml:6:3: error: item \"simdx\" is not in order O-1's scope (did you mean \"simd\"?)"},
		{"brochure unknown project", edit{"brochures/conf.yaml", "projects: [numpy]", "projects: [numpy, scipy]"}, "brochures/conf.yaml:4:19: error: project \"scipy\" is not defined"},
		{"brochure locale", edit{"brochures/conf.yaml", "paper: letter", "paper: letter\nlocale: tlh"}, "brochures/conf.yaml:4:9: error: locale \"tlh\": CLDR has no data for its language"},
		{"brochure currency", edit{"brochures/conf.yaml", "paper: letter", "paper: letter\ncurrency: eur"}, "brochures/conf.yaml:4:11: error: currency \"eur\" is not an ISO 4217 currency code (like USD or EUR)"},
		{"output intent without print", edit{"brochures/conf.yaml", "paper: letter", "paper: letter\noutput_intent: {condition: FOGRA39}"}, "brochures/conf.yaml:4:16: warning: output_intent applies to a print brochure only: set print: true, or leave it out"},
		{"output intent condition", edit{"brochures/conf.yaml", "paper: letter", "paper: letter\nprint: true\noutput_intent: {condition: FOGRA93}"}, "brochures/conf.yaml:5:28: warning: output_intent.condition \"FOGRA93\" is not a registered printing condition cwo knows (CGATS TR 006, CGATS21-2-CRPC6, FOGRA39, FOGRA51, FOGRA52): name its ICC profile with output_intent.profile (did you mean \"FOGRA39\"?)"},
		{"output intent profile", edit{"brochures/conf.yaml", "paper: letter", "paper: letter\nprint: true\noutput_intent: {condition: X, profile: /usr/share/x.icc}"}, "brochures/conf.yaml:5:40: error: output_intent.profile \"/usr/share/x.icc\" must be a path relative to the workspace"},
		{"missing logo", edit{"projects/numpy.yaml", "license: BSD-3-Clause", "license: BSD-3-Clause\nlogo: assets/numpy.png"}, "projects/numpy.yaml:6:7: error: logo \"assets/numpy.png\": cannot open: no such file or directory"},
		// dates
		{"start after end", edit{o1, "end: 2027-09-30", "end: 2026-09-30"}, "orders/O-1.yaml:8:6: error: end 2026-09-30 must be after start 2026-10-01"},
		{"payment outside term", edit{o1, "due: 2027-04-01", "due: 2027-10-01"}, "orders/O-1.yaml:14:11: error: payment due 2027-10-01 is outside the order's term 2026-10-01 to 2027-09-30"},
		{"period outside order", edit{"progress/O-1/2027-Q4.yaml", "", "summary: late\n"}, "progress/O-1/2027-Q4.yaml: error: period 2027-Q4 is outside order O-1's term 2026-10-01 to 2027-09-30"},
		{"period name invalid", edit{"progress/O-1/2026-Q5.yaml", "", "summary: x\n"}, "progress/O-1/2026-Q5.yaml: error: file name: \"2026-Q5\" is not a period (like 2026-Q4 or 2026-10)"},
		{"period wrong cadence", edit{"progress/O-1/2026-10.yaml", "", "summary: x\n"}, "progress/O-1/2026-10.yaml: error: period 2026-10 does not match order O-1's quarterly reporting: name the file after a quarter like 2026-Q4"},
		{"timesheet date outside", edit{"timesheets/q4.csv", "2026-10-02,O-1", "2025-10-02,O-1"}, "timesheets/q4.csv:2: error: column date: 2025-10-02 is outside order O-1's term 2026-10-01 to 2027-09-30"},
		// money
		{"fixed payments mismatch", edit{o1, "amount: 100000", "amount: 99999.99"}, "orders/O-1.yaml:13:3: error: payments add up to $149,999.99 but the fixed budget is $150,000.00; they must match exactly"},
		{"hourly scope over cap", edit{"orders/O-2.yaml", "hours: 150", "hours: 250"}, "orders/O-2.yaml:12:14: error: scope hours add up to 250, more than cap_hours 200"},
		{"hourly payments over cap", edit{"orders/O-2.yaml", "amount: 13125,", "amount: 21875.01,"}, "orders/O-2.yaml:14:3: error: payments add up to $35,000.01, more than rate × cap_hours = $35,000.00"},
		{"hourly without rate", edit{"orders/O-2.yaml", "  rate: 175\n", ""}, "orders/O-2.yaml:10:3: error: budget.rate is required"},
		{"fixed with rate", edit{o1, "amount: 150000", "amount: 150000\n  rate: 100"}, "orders/O-1.yaml:12:9: error: budget.rate is not allowed in a fixed budget"},
		{"zero amount", edit{o1, "amount: 50000", "amount: 0"}, "orders/O-1.yaml:13:31: error: payment amount must be more than zero, got 0"},
		{"negative hours", edit{o1, "hours: 500", "hours: -5"}, "orders/O-1.yaml:17:12: error: hours must be more than zero, got -5"},
		{"too many decimals", edit{o1, "amount: 50000,", "amount: 50000.001,"}, "orders/O-1.yaml:13:31: error: payments.0.amount 50000.001 has more decimals than USD allows (2)"},
		{"timesheet zero hours", edit{"timesheets/q4.csv", "release,2,", "release,0,"}, "timesheets/q4.csv:3: error: column hours: must be more than zero, got 0"},
		{"timesheet bad hours", edit{"timesheets/q4.csv", "release,2,", "release,two,"}, "timesheets/q4.csv:3: error: column hours: \"two\" is not a plain decimal number (like 1250 or 1250.50)"},
		// IDs
		{"duplicate roadmap item", edit{"projects/numpy.yaml", "id: docs", "id: simd"}, "projects/numpy.yaml:16:11: error: roadmap item id \"simd\" is used twice"},
		{"bad roadmap item id", edit{"projects/numpy.yaml", "id: docs", "id: ../docs"}, "projects/numpy.yaml:16:11: error: roadmap item id \"../docs\" is not a valid ID (letters, digits, '.', '_', '-')"},
		{"duplicate scope", edit{o1, "id: release", "item: simd"}, "orders/O-1.yaml:18:5: error: scope item \"simd\" appears twice"},
		{"case duplicate order", edit{"orders/o-1.yaml", "", "title: x\n"}, "orders/o-1.yaml: error: order ID \"o-1\" duplicates \"O-1\" (IDs must differ in more than letter case)"},
		// CWO principles
		{"no scope", edit{"orders/O-2.yaml", "scope:\n  - item: docs\n    hours: 150\n", ""}, "orders/O-2.yaml:1:1: error: order has no scope: a CWO pays for specific work; unrestricted support for a project belongs with its fiscal sponsor (NumFOCUS) as a donation"},
		{"plugin scope", edit{o1, "title: Release management", "title: Release management for the client plugin"}, "orders/O-1.yaml:19:12: warning: scope.1.title mentions \"plugin\": CWO work is done on the project itself, not on a plugin, fork or client customization"},
		{"promised outcome", edit{o1, "description: Help with releases.", "description: The fix will be merged by March."}, "orders/O-1.yaml:20:18: warning: scope.1.description promises an outcome (\"will be merged\"): CWO deliverables are best effort, and the maintainers decide what lands"},
		{"stale roadmap", edit{"projects/numpy.yaml", "reviewed: 2026-05-14", "reviewed: 2025-09-01"}, "projects/numpy.yaml:8:13: warning: roadmap was last reviewed on 2025-09-01, more than 12 months before 2026-09-15: review it with the maintainers before it reaches a brochure"},
		// enumerations
		{"bad status", edit{o1, "status: active", "status: actve"}, "orders/O-1.yaml:4:9: error: status \"actve\" is not one of draft, sent, signed, active, completed, cancelled (did you mean \"active\"?)"},
		{"bad funder kind", edit{"funders/acme.yaml", "kind: company", "kind: corporation"}, "funders/acme.yaml:3:7: error: kind \"corporation\" is not one of company, individual, foundation, government"},
		{"bad percent", edit{"progress/O-1/2026-Q4.yaml", "percent: 40", "percent: 140"}, "progress/O-1/2026-Q4.yaml:6:40: error: percent must be between 0 and 100, got 140"},
		{"bad contribution url", edit{"progress/O-1/2026-Q4.yaml", "url: https://github.com/numpy/numpy/pull/27001", "url: javascript:alert(1)"}, "progress/O-1/2026-Q4.yaml:8:11: error: url \"javascript:alert(1)\" is not an http or https URL"},
		{"bad locale", edit{o1, "status: active", "status: active\nlocale: xx-YY"}, "orders/O-1.yaml:5:9: error: locale \"xx-YY\" is not a BCP 47 language tag like en-US or de-DE"},
		{"unknown locale language", edit{o1, "status: active", "status: active\nlocale: tlh"}, "orders/O-1.yaml:5:9: error: locale \"tlh\": CLDR has no data for its language"},
		{"bad order paper", edit{o1, "status: active", "status: active\npaper: a5"}, "orders/O-1.yaml:5:8: error: paper \"a5\" is not one of letter, a4 (did you mean \"a4\"?)"},
		{"country name", edit{"contractor.yaml", "email:", "country: Germany\nemail:"}, "contractor.yaml:4:10: error: country \"Germany\" is not an ISO 3166-1 country code (two capital letters, like US or DE)"},
		{"country UK", edit{"contractor.yaml", "email:", "country: UK\nemail:"}, "contractor.yaml:4:10: error: country \"UK\" is not an ISO 3166-1 country code: the United Kingdom is \"GB\""},
		{"bad json state", edit{"progress/O-1/contributions.json", `"OPEN"`, `"DRAFT"`}, "progress/O-1/contributions.json:2:3: error: pull request 1: state \"DRAFT\" is not OPEN, MERGED or CLOSED (nor open or closed)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := check(t, copyBase(t, tt.edit), cwo.ValidateOptions{})
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
				if d.String() == tt.want {
					return
				}
			}
			t.Errorf("diagnostics do not include\n  %s\ngot:\n  %s", tt.want, strings.Join(got, "\n  "))
		})
	}
}

func TestFiveMistakesAllReported(t *testing.T) {
	dir := copyBase(t, edit{"orders/O-1.yaml", "", `title: Faster NumPy
fundr: acme
project: nunpy
status: actve
version: 1
issued: 2026-09-15
start: 2026-10-01
end: 2026-02-30
budget: {type: fixed, amount: 150000}
payments: [{due: 2026-10-01, amount: 150000}]
scope: [{item: simd, hours: 500}]
`})
	diags := check(t, dir, cwo.ValidateOptions{})
	want := []string{
		"orders/O-1.yaml:2:1: error: unknown key \"fundr\" (did you mean \"funder\"?)",
		"orders/O-1.yaml:8:6: error: end: \"2026-02-30\": February 2026 has no day 30",
	}
	for _, w := range want {
		if !strings.Contains(diags.Error(), w) {
			t.Errorf("missing %s\ngot:\n%v", w, diags)
		}
	}
	// Decoding errors stop before cross-record rules; fix them and the other three show.
	dir = copyBase(t, edit{"orders/O-1.yaml", "", `title: Faster NumPy
project: nunpy
status: actve
version: 1
issued: 2026-09-15
start: 2026-10-01
end: 2026-09-30
budget: {type: fixed, amount: 150000}
payments: [{due: 2026-10-01, amount: 150000}]
scope: [{item: simd, hours: 500}]
`})
	diags = check(t, dir, cwo.ValidateOptions{})
	want = []string{
		"orders/O-1.yaml:1:1: error: funder is required",
		"orders/O-1.yaml:2:10: error: project \"nunpy\" is not defined (did you mean \"numpy\"?): there is no projects/nunpy.yaml; the projects are numpy",
		"orders/O-1.yaml:3:9: error: status \"actve\" is not one of draft, sent, signed, active, completed, cancelled (did you mean \"active\"?)",
		"orders/O-1.yaml:7:6: error: end 2026-09-30 must be after start 2026-10-01",
	}
	for _, w := range want {
		if !strings.Contains(diags.Error(), w) {
			t.Errorf("missing %s\ngot:\n%v", w, diags)
		}
	}
}
