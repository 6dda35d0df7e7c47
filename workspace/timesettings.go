package workspace

import (
	"path"
	"strings"

	"github.com/cwo-tool/cwo"
)

// timeSettings is how the loader reads the timesheet files: cwo.yaml's timesheet.columns for
// cwo's own CSV, and the rule of each import of timesheets:.
type timeSettings struct {
	columns map[string]string
	imports cwo.TimesheetSettings
	rules   []*importRule // by import index
}

// timeSettings compiles the timesheet settings, reporting the imports' orders: that name no
// order file at their line of cwo.yaml, and the imports whose patterns match no file.
func (l *loader) timeSettings(files []string) *timeSettings {
	ts := l.ws.Settings.Timesheet
	set := &timeSettings{columns: ts.Columns, imports: ts}
	if len(ts.Imports) == 0 {
		return set
	}
	var ignored cwo.Diagnostics // the folder's problems are loadRecords's to report
	var orders []string
	for _, name := range l.fsys.list("orders", &ignored) {
		if id, ok := strings.CutSuffix(name, ".yaml"); ok && cwo.ValidID(id) {
			orders = append(orders, id)
		}
	}
	for _, imp := range ts.Imports {
		set.rules = append(set.rules, compileImport(imp, orders, &l.diags))
		if !matchesAny(imp.Files, files) {
			l.diags.Warnf(configFile, imp.At, "%s.files (%s) matches no file in timesheets/", imp.Name(), strings.Join(imp.Files, ", "))
		}
	}
	return set
}

// ruleFor returns the import rule that reads the file rel, or nil for cwo's own CSV.
func (t *timeSettings) ruleFor(rel string) *importRule {
	if imp := t.imports.ImportFor(rel); imp != nil && imp.Index < len(t.rules) {
		return t.rules[imp.Index]
	}
	return nil
}

// encoding returns the encoding cwo.yaml declares for the file rel ("" when none).
func (t *timeSettings) encoding(rel string) string {
	if r := t.ruleFor(rel); r != nil {
		return r.encoding
	}
	return ""
}

func matchesAny(patterns, files []string) bool {
	for _, p := range patterns {
		for _, f := range files {
			if ok, _ := path.Match(p, f); ok {
				return true
			}
		}
	}
	return false
}
