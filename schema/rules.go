package schema

import (
	"slices"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
)

// Keyword helpers for the rule tables.
var (
	idRule    = obj{"type": "string", "pattern": IDPattern, "maxLength": cwo.MaxIDLength, "description": "an ID: letters, digits, '.', '_', '-', starting with a letter or digit"}
	urlRule   = obj{"type": "string", "pattern": `^(https?://|mailto:)\S+$`, "description": "an http, https or mailto URL"}
	imageRule = obj{"type": "string", "pattern": `\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg])$`, "description": "a PNG or JPEG file, relative to the workspace"}
	paperRule = obj{"type": "string", "enum": cwo.Papers, "description": "paper size: letter or a4"}
	// localeRule has the shape of a BCP 47 tag; config and validate check that CLDR knows it.
	localeRule = obj{"type": "string", "pattern": LocalePattern, "description": "a BCP 47 locale (en-US, en-GB, en-001, de-DE): " +
		"how amounts, numbers and dates are written; default: from the contractor's country"}
)

// LocalePattern matches the shape of a BCP 47 tag: a language, then optionally a script, a region
// and more subtags, with "-" or "_" between them. cwo.CheckLocale accepts only tags of this shape
// (and only those whose subtags are registered).
const LocalePattern = `^[A-Za-z]{2,3}([-_][A-Za-z]{4})?([-_]([A-Za-z]{2}|[0-9]{3}))?([-_][A-Za-z0-9]{1,8})*$`

// req returns a rule that requires keys, with a description.
func req(desc string, keys ...string) obj {
	r := obj{"required": keys}
	if desc != "" {
		r["description"] = desc
	}
	return r
}

// with returns a copy of r with more keywords.
func with(r obj, kv ...any) obj {
	out := obj{}
	for k, v := range r {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// Rules of the legal terms, shared by the contractor, the funders and the orders.
var (
	taxIDRule   = obj{"description": "the party's tax ID as the agreement prints it, with its kind: EIN 12-3456789, VAT DE123456789"}
	noticesRule = obj{"description": "where formal notices go; a field left out takes the party's own address, signatory and e-mail"}
	emailRule   = obj{"pattern": `^[^@\s<>,;"]+@[^@\s<>,;"]+$`, "description": "an e-mail address"}
	lawRule     = obj{"description": "the law that governs the agreement, as it completes \"governed by the law of ...\": the State of Oregon, United States"}
	venueRule   = obj{"description": "the courts for disputes, as they complete \"the exclusive jurisdiction of ...\": the state and federal courts located in Portland, Oregon"}
	capRule     = obj{
		"description": "what each party can owe the other at most: multiple (times the most the order can cost) or amount (a fixed sum)",
		"oneOf": []any{
			obj{"required": []string{"multiple"}, "properties": obj{"amount": false, "currency": false}},
			obj{"required": []string{"amount"}, "properties": obj{"multiple": false}},
		},
	}
)

// termsRules are the rules of the legal terms a record of each kind may set.
func termsRules(party bool) rules {
	r := rules{"governing_law": lawRule, "venue": venueRule, "liability_cap": capRule}
	if party {
		r["tax_id"], r["notices"], r["notices.email"] = taxIDRule, noticesRule, emailRule
	}
	return r
}

// merged returns the rules of all of rs in one table.
func merged(rs ...rules) rules {
	out := rules{}
	for _, r := range rs {
		for k, v := range r {
			out[k] = v
		}
	}
	return out
}

var contractorRules = merged(rules{
	"":                   req("The consultancy that does the work, and its signatory.", "name", "legal_name", "signatory", "fiscal_sponsor"),
	"id":                 idRule,
	"signatory":          req("Who signs agreements for the contractor.", "name"),
	"fiscal_sponsor":     req("Takes tax-deductible donations for projects (e.g. NumFOCUS).", "name"),
	"website":            urlRule,
	"fiscal_sponsor.url": urlRule,
	"logo":               imageRule,
	"country": obj{"type": "string", "pattern": `^[A-Z]{2}$`, "description": "ISO 3166-1 alpha-2 country code (US, GB, DE): " +
		"agreements default to its locale and paper (A4 and day-month-year outside the Letter countries of the Americas)"},
}, termsRules(true))

var projectRules = rules{
	"":                                req("One community project and its roadmap.", "name", "license", "repository", "roadmap"),
	"id":                              idRule,
	"homepage":                        urlRule,
	"repository":                      urlRule,
	"logo":                            imageRule,
	"roadmap":                         req("The project's list of wanted work.", "reviewed"),
	"roadmap.url":                     urlRule,
	"roadmap.reviewed":                obj{"description": "the date the roadmap was last confirmed with the maintainers (YYYY-MM-DD)"},
	"roadmap.items.*":                 req("", "id", "title", "priority"),
	"roadmap.items.*.id":              idRule,
	"roadmap.items.*.summary":         obj{"description": "Markdown text"},
	"roadmap.items.*.priority":        obj{"minimum": 1, "description": "1 = most important"},
	"roadmap.items.*.estimate":        req("Rough cost and duration; currency defaults to cwo.yaml's.", "amount"),
	"roadmap.items.*.estimate.months": obj{"minimum": 0},
	"roadmap.items.*.brochure":        obj{"description": "true: offered on brochures first"},
}

var funderRules = merged(rules{
	"":                  req("An organisation or person that pays for work.", "legal_name", "kind", "signatory", "address"),
	"id":                idRule,
	"kind":              obj{"enum": []string{cwo.FunderCompany, cwo.FunderIndividual, cwo.FunderFoundation, cwo.FunderGovernment}},
	"address":           obj{"minItems": 1, "description": "the address, one line per item"},
	"signatory":         req("Who signs agreements for the funder.", "name"),
	"reporting_contact": obj{"description": "who receives progress reports; defaults to the signatory"},
	"country": obj{"type": "string", "pattern": `^[A-Z]{2}$`, "description": "ISO 3166-1 alpha-2 country code (US, GB, DE): " +
		"with the contractor's, whether the agreement speaks of VAT and the GDPR"},
}, termsRules(true))

var orderRules = merged(rules{
	"": with(req("A Community Work Order: best-effort work on one community project, paid by one funder.",
		"title", "funder", "project", "status", "version", "issued", "start", "end", "budget", "scope"), "allOf", []any{
		scheduleCase(cwo.BudgetHourly, obj{"required": []string{"kind"}}),
		scheduleCase(cwo.BudgetFixed, obj{"properties": obj{"kind": false, "credit": false}}),
		obj{ // a version above 1 says what it replaces
			"if":   obj{"properties": obj{"version": obj{"minimum": 2}}, "required": []string{"version"}},
			"then": obj{"required": []string{"previous"}},
		},
	}),
	"previous":             req("The version this one replaces (versions above 1 only).", "issued"),
	"previous.issued":      obj{"description": "the previous version's issued date (YYYY-MM-DD)"},
	"previous.fingerprint": obj{"type": "string", "pattern": `^[0-9a-f]{12,64}$`, "description": "the previous version's fingerprint, or its first 12 digits"},
	"changes":              obj{"description": "what this version changes from the previous one, one item each (versions above 1 only)"},
	"changes.*":            obj{"description": "a change, Markdown text"},
	"id":                   idRule,
	"funder":               with(idRule, "description", "a funder's ID: the name of a file in funders/"),
	"project":              with(idRule, "description", "a project's ID: the name of a file in projects/"),
	"status":               obj{"enum": cwo.Statuses, "description": "draft | sent | signed | active | completed | cancelled"},
	"version":              obj{"minimum": 1},
	"issued":               obj{"description": "the agreement's date (YYYY-MM-DD); its PDF dates come from here"},
	"currency":             obj{"description": "ISO 4217 code; default from cwo.yaml"},
	"budget": with(req("fixed: a total amount; hourly: a rate and a cap on billed hours.", "type"), "allOf", []any{
		budgetCase(cwo.BudgetFixed, []string{"amount"}, "rate", "cap_hours"),
		budgetCase(cwo.BudgetHourly, []string{"rate", "cap_hours"}, "amount"),
	}),
	"budget.type": obj{"enum": []string{cwo.BudgetFixed, cwo.BudgetHourly}},
	"payments.*": with(req("", "due", "amount"), "allOf", []any{
		obj{"if": obj{"properties": obj{"kind": obj{"const": cwo.PaymentAdvance}}, "required": []string{"kind"}}, "then": obj{"required": []string{"credit"}}},
		obj{"if": obj{"required": []string{"credit"}}, "then": obj{"properties": obj{"kind": obj{"const": cwo.PaymentAdvance}}, "required": []string{"kind"}}},
	}),
	"payments.*.due":      obj{"description": "the date the payment is invoiced (YYYY-MM-DD), within the term; for a payment on signature or completion, the planned date"},
	"payments.*.kind":     obj{"enum": cwo.PaymentKinds, "description": "hourly orders (required there): advance (paid ahead, credited against invoices) | estimate (an invoice of the hours worked; the amount is a forecast)"},
	"payments.*.credit":   obj{"enum": cwo.Credits, "description": "an advance (required there): next-invoices (deducted from the invoices after it until used up) | final-invoice (deducted from the last invoice)"},
	"payments.*.on":       obj{"enum": cwo.PaymentEvents, "description": "what makes the payment payable: date (default) | signature | completion (as the order's completion says)"},
	"payments.*.invoiced": obj{"description": "the date the payment was invoiced (YYYY-MM-DD), once it is; a fact for reports, not shown in the agreement"},
	"payments.*.paid":     obj{"description": "the date the funder paid it (YYYY-MM-DD), not before invoiced; a fact for reports, not shown in the agreement"},
	"payments.*.billed":   obj{"description": "an hourly order's estimate, once invoiced: the amount actually invoiced (the amount stays the forecast)"},
	"earned":              obj{"enum": cwo.EarnedBy, "description": "fixed orders: how reports count what is earned: milestones (the schedule's instalments reached; default) | percent (price × percent complete from the progress notes)"},
	"completion":          obj{"enum": cwo.Completions, "description": "what completes the work for payments on completion: term-end | final-report; default: whichever comes first"},
	"scope":               obj{"minItems": 1, "description": "what the funder pays for; an order with no scope is a donation, which belongs with the fiscal sponsor"},
	"scope.*":             with(req("A roadmap item (item) or other work (id and title).", "hours"), "anyOf", []any{obj{"required": []string{"item"}}, obj{"required": []string{"title"}}}),
	"scope.*.item":        with(idRule, "description", "a roadmap item ID of this order's project"),
	"scope.*.id":          idRule,
	"scope.*.description": obj{"description": "Markdown text"},
	"team.*":              req("", "name"),
	"reporting.cadence":   obj{"enum": []string{cwo.CadenceQuarterly, cwo.CadenceMonthly}},
	"clauses.*":           obj{"description": "an extra clause, Markdown text"},
	"locale":              localeRule,
	"paper":               with(paperRule, "description", "paper size of this order's agreement: letter or a4; default: cwo.yaml's, else the contractor's country's"),
}, termsRules(false))

// scheduleCase applies item, a rule for each payment, to the orders with the given budget type.
func scheduleCase(kind string, item obj) obj {
	return obj{
		"if":   obj{"properties": obj{"budget": obj{"properties": obj{"type": obj{"const": kind}}, "required": []string{"type"}}}, "required": []string{"budget"}},
		"then": obj{"properties": obj{"payments": obj{"items": item}}},
	}
}

// budgetCase requires the keys a budget type needs and forbids those it does not allow.
func budgetCase(kind string, need []string, forbid ...string) obj {
	no := obj{}
	for _, k := range forbid {
		no[k] = false
	}
	return obj{
		"if":   obj{"properties": obj{"type": obj{"const": kind}}, "required": []string{"type"}},
		"then": obj{"required": need, "properties": no},
	}
}

var brochureRules = rules{
	"":                  req("One printed roadmap brochure.", "title"),
	"id":                idRule,
	"date":              obj{"description": "default: the newest order's issued date"},
	"paper":             obj{"type": "string", "enum": cwo.BrochurePapers, "description": "paper size: letter, a4 or a5; default: cwo.yaml's, else the contractor's country's"},
	"layout":            obj{"enum": cwo.BrochureLayouts, "description": "booklet (default): every project in one folded booklet; flyer: one page per project"},
	"projects":          obj{"description": "project IDs; default: all projects"},
	"projects.*":        idRule,
	"items_per_project": obj{"minimum": 0, "maximum": 10, "description": "roadmap items per project card (default 2)"},
	"print":             obj{"description": "true: 3 mm bleed and crop marks"},
	"include_stale":     obj{"description": "true: keep roadmaps reviewed more than 12 months ago"},
}

var progressRules = rules{
	"":                obj{"description": "Progress notes for one order and reporting period."},
	"summary":         obj{"description": "Markdown narrative for the funder"},
	"items":           obj{"propertyNames": obj{"pattern": IDPattern, "maxLength": cwo.MaxIDLength}, "description": "progress per scope item, keyed by scope key"},
	"items.*.status":  obj{"enum": cwo.ItemStatuses},
	"items.*.percent": obj{"minimum": 0, "maximum": 100},
	"items.*.prs.*": obj{"type": []string{"integer", "string"}, "minimum": 1, "pattern": `^(([A-Za-z0-9-]+/[A-Za-z0-9._-]+)?#)?[0-9]+$`,
		"description": "a pull request of the project's repository (24790) or of any repository (owner/repo#24790)"},
	"contributions.*":        req("", "url", "title", "state", "opened"),
	"contributions.*.url":    obj{"type": "string", "pattern": `^https?://\S+$`},
	"contributions.*.state":  obj{"enum": []string{cwo.StateOpen, cwo.StateMerged, cwo.StateClosed}},
	"contributions.*.item":   idRule,
	"contributions.*.number": obj{"minimum": 1},
}

var finalRules = rules{
	"":               obj{"description": "Closing notes of one order, for its final report."},
	"summary":        obj{"description": "Markdown: what the order achieved"},
	"items":          obj{"propertyNames": obj{"pattern": IDPattern, "maxLength": cwo.MaxIDLength}, "description": "outcome per scope item, keyed by scope key"},
	"items.*.status": obj{"enum": cwo.ItemStatuses},
	"items.*.delivered": obj{"enum": cwo.DeliveredValues,
		"description": "yes | partly | no; default from the status (done: yes; not-started, deferred: no; else partly)"},
	"items.*.not_delivered": obj{"description": "Markdown: what was not delivered, and why"},
	"items.*.prs.*":         obj{"minimum": 1, "description": "a pull request number"},
	"lessons":               obj{"description": "Markdown, one item per lesson learned"},
	"next":                  obj{"description": "Markdown, one item per next step"},
}

var settingsRules = rules{
	"":            obj{"description": "Tool settings; CWO_* environment variables and flags override them."},
	"output":      obj{"description": "where cwo render writes (relative to the workspace)"},
	"paper":       paperRule,
	"locale":      localeRule,
	"currency":    obj{"pattern": `^[A-Za-z]{3}$`, "description": "default currency of orders and estimates (ISO 4217)"},
	"jobs":        obj{"minimum": 0, "description": "parallel renders; 0 = one per CPU"},
	"brand.color": obj{"pattern": config.ColorPattern, "description": "a colour like #1F4E79"},
	"fonts": obj{"description": "Font files for the PDFs, relative to the workspace unless absolute: TrueType, OpenType/CFF, " +
		"or a face of a collection (file.ttc#1, file.ttc#Noto Sans CJK JP). Each key takes a file or a list; a character is " +
		"drawn from the first of the style's fonts that has it, then fonts.fallback, then the embedded Noto Serif (Noto Sans Mono for mono)."},
	"fonts.regular":     obj{"description": "body text; default: the embedded Noto Serif"},
	"fonts.bold":        obj{"description": "bold text; default: fonts.regular"},
	"fonts.italic":      obj{"description": "italic text; default: fonts.regular"},
	"fonts.bold_italic": obj{"description": "bold italic text; default: fonts.regular"},
	"fonts.mono":        obj{"description": "monospaced text (code, the fingerprint); default: the embedded Noto Sans Mono"},
	"fonts.fallback":    obj{"description": "fonts for characters a style's own fonts lack, for every style: other scripts (Noto Sans CJK, Noto Naskh Arabic), a monochrome emoji font"},
	"timesheet.columns": obj{"propertyNames": obj{"enum": cwo.TimesheetColumns}, "description": "cwo's column names mapped to the CSV's header names"},
	"timesheets": obj{"description": "How to read timesheet files that are not in cwo's own format, such as a time tracker's export: " +
		"a list of imports; a file is read by the first whose files: pattern matches it (see docs/importing.md)"},
	"timesheets.*":       obj{"required": []string{"files"}},
	"timesheets.*.files": obj{"description": "the files it reads: a pattern or a list, each like \"timesheets/toggl-*.csv\""},
	"timesheets.*.preset": obj{"enum": cwo.PresetNames(), "description": "the tracker whose export the files are: " +
		"its columns and formats (default csv: cwo's columns)"},
	"timesheets.*.encoding":  obj{"enum": cwo.Encodings, "description": "default: UTF-8, or UTF-16 after its byte order mark"},
	"timesheets.*.delimiter": obj{"enum": append(slices.Clone(cwo.Delimiters), "tab"), "description": "between fields; default: the preset's, else detected from the header"},
	"timesheets.*.decimal":   obj{"enum": []string{".", ","}, "description": "the decimal mark of hours: \",\" reads 3,5 as three and a half"},
	"timesheets.*.dates":     obj{"description": "date formats, tried in order, like DD.MM.YYYY, MM/DD/YYYY, YYYY-MM-DD or DD.MM.YY"},
	"timesheets.*.columns": obj{"propertyNames": obj{"enum": cwo.ImportColumns},
		"description": "cwo's fields mapped to the file's header names; several names are joined with spaces (person: [First Name, Last Name])"},
	"timesheets.*.orders": obj{"description": "the order column's values (the tracker's projects, clients or codes) mapped to order IDs; rows of other values are skipped and counted"},
	"timesheets.*.orders.*": obj{"type": []string{"string", "null"}, "pattern": "^$|" + IDPattern,
		"description": "an order ID, or \"\" to skip the rows without a warning"},
	"timesheets.*.items": obj{"description": "the item column's values (the tracker's tasks, activities or tags) mapped to scope keys"},
	"timesheets.*.items.*": obj{"type": []string{"string", "null"}, "pattern": "^$|" + IDPattern,
		"description": "a scope key of the order, or \"\" for time without an item"},
}
