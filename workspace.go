package cwo

import (
	"slices"
	"strings"
)

// Settings are the tool settings of a workspace (cwo.yaml, environment, flags). The config
// package fills them and checks them (config/check.go); the domain only reads them.
type Settings struct {
	Output    string            // output folder, relative to the workspace unless absolute
	Paper     string            // "letter" or "a4"; "" for the contractor's country's (locale.go)
	Locale    string            // BCP 47 tag for money and dates, e.g. "en-GB"; "" for the country's
	Currency  Currency          // default currency of orders and estimates
	Jobs      int               // parallel renders; 0 means one per CPU
	Fonts     Fonts             // font files, relative to the workspace
	Brand     Brand             // colours
	Timesheet TimesheetSettings // how timesheet files are read
}

// Fonts names the font files documents draw text from, relative to the workspace unless
// absolute. Each style lists files in order of preference, and every character is drawn from
// the first that has it: a style's own files (or the embedded face), then Fallback, then the
// embedded face. A face of a collection (.ttc, .otc) follows "#", by index from 0 or by name:
// "NotoSansCJK-Regular.ttc#Noto Sans CJK JP". Bold, italic and bold italic default to Regular
// when Regular is set.
type Fonts struct {
	Regular, Bold, Italic, BoldItalic, Mono, Fallback []string
}

// FontFile splits a font reference into its file and its face selector ("" for the first face).
func FontFile(ref string) (path, face string) {
	if i := strings.LastIndex(ref, "#"); i >= 0 {
		return ref[:i], ref[i+1:]
	}
	return ref, ""
}

// Files lists every font file the settings name, each once, in order.
func (f Fonts) Files() []string {
	var out []string
	for _, list := range [][]string{f.Regular, f.Bold, f.Italic, f.BoldItalic, f.Mono, f.Fallback} {
		for _, ref := range list {
			if p, _ := FontFile(ref); !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// Brand holds the house style.
type Brand struct {
	Color string // "#RRGGBB"
}

// TimesheetColumns are cwo's timesheet column names; cwo.yaml timesheet.columns may map them to
// other header names.
var TimesheetColumns = []string{"date", "order", "person", "item", "hours", "note"}

// TimesheetSettings say how the timesheet files are read. A file that a pattern of Imports
// matches is read as the first such import says; any other timesheets/*.csv is cwo's own CSV,
// whose column names Columns may map (cwo's name → the file's).
type TimesheetSettings struct {
	Columns map[string]string
	Imports []TimesheetImport // cwo.yaml's timesheets:, in order
}

// DefaultSettings returns the settings used when cwo.yaml says nothing.
func DefaultSettings() Settings {
	return Settings{Output: "out", Currency: "USD", Brand: Brand{Color: "#1F4E79"}}
}

// Workspace is everything cwo knows about one consultancy's funded work, loaded from one folder.
// Slices are sorted by ID (progress by order then period).
type Workspace struct {
	Dir        string
	Settings   Settings
	Contractor *Contractor
	Projects   []*Project
	Funders    []*Funder
	Orders     []*WorkOrder
	Brochures  []*Brochure
	Progress   []*Progress
	// Finals holds the orders' closing notes (progress/<order>/final.yaml), by order ID.
	Finals []*FinalNotes
	// PRs holds contributions read from progress/<order>/contributions*.json, by order ID, in file
	// name order and then file order.
	PRs map[string][]Contribution

	// Time holds the timesheet rows (see PeriodEntries, LoggedHours); nil when none were read.
	Time Timesheets
	// Images holds what was found at each image path the records name (logos), by path.
	Images map[string]Image
}

// Image is what the loader found at an image path of the workspace.
type Image struct {
	Format        string // "png", "jpeg" or another decoder's name
	Width, Height int    // in pixels
	Err           error  // why the file could not be read or decoded; the rest is then unset
}

// Project returns the project with the given ID, or nil.
func (w *Workspace) Project(id string) *Project {
	return find(w.Projects, id, func(p *Project) string { return p.ID })
}

// Funder returns the funder with the given ID, or nil.
func (w *Workspace) Funder(id string) *Funder {
	return find(w.Funders, id, func(f *Funder) string { return f.ID })
}

// Order returns the work order with the given ID, or nil.
func (w *Workspace) Order(id string) *WorkOrder {
	return find(w.Orders, id, func(o *WorkOrder) string { return o.ID })
}

// OrderProgress returns the progress notes of one order, in period order.
func (w *Workspace) OrderProgress(orderID string) []*Progress {
	var ps []*Progress
	for _, p := range w.Progress {
		if p.Order == orderID {
			ps = append(ps, p)
		}
	}
	return ps
}

// OrderCurrency returns the order's currency, else the workspace default.
func (w *Workspace) OrderCurrency(o *WorkOrder) Currency {
	if o.Currency != "" {
		return o.Currency
	}
	return w.Settings.Currency
}

// BudgetText describes an order's budget in one line: "fixed $150,000.00" or
// "hourly $175.00 × 800 h", in the order's currency and locale.
func (w *Workspace) BudgetText(o *WorkOrder) string {
	cur, loc := w.OrderCurrency(o), w.OrderLocale(o)
	if o.Budget.Type == BudgetHourly {
		return "hourly " + FormatMoney(o.Budget.Rate, cur, loc) + " × " + o.Budget.CapHours.String() + " h"
	}
	return "fixed " + FormatMoney(o.Budget.Amount, cur, loc)
}

// AsOf returns the newest issued date of any order: the workspace's notion of "today", so that
// output never depends on the clock.
func (w *Workspace) AsOf() Date {
	var d Date
	for _, o := range w.Orders {
		d = MaxDate(d, o.Issued)
	}
	return d
}

func find[T any](xs []T, id string, key func(T) string) T {
	for _, x := range xs {
		if key(x) == id {
			return x
		}
	}
	var zero T
	return zero
}
