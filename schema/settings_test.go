package schema

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/config"
	"go.yaml.in/yaml/v3"
	"golang.org/x/image/font/gofont/goregular"
)

// everySetting is a cwo.yaml that sets every key of the cwo.yaml schema.
const everySetting = `output: build
paper: a4
locale: de-DE
currency: EUR
jobs: 3
fonts:
  regular: [r.ttf, "r.ttf#0"]
  bold: b.ttf
  italic: [i.ttf]
  bold_italic: bi.ttf
  mono: r.ttf
  fallback: [b.ttf, i.ttf]
brand: {color: "#123456"}
timesheet: {columns: {date: Datum}}
timesheets:
  - files: [timesheets/toggl-*.csv]
    preset: toggl
    encoding: utf-8
    delimiter: ","
    decimal: "."
    dates: [YYYY-MM-DD]
    columns: {person: [User], item: Tags}
    orders: {"SciPy – Array API support": CWO-2026-003, Internal: ""}
    items: {array-api: array-api}
`

// TestSettingsSchemaMatchesConfig checks the cwo.yaml schema against the config package: every
// key of the schema is accepted, and together they reach every field of cwo.Settings.
func TestSettingsSchemaMatchesConfig(t *testing.T) {
	k := kindNamed(t, "cwo")
	if err := compile(t, k).Validate(decodeYAML(t, []byte(everySetting))); err != nil {
		t.Fatalf("schema rejects the full cwo.yaml: %v", err)
	}
	var doc map[string]any
	yaml.Unmarshal([]byte(everySetting), &doc)
	for _, p := range fieldPaths(k.Type, "") {
		if !strings.Contains(p, "*") && lookupValue(doc, p) == nil {
			t.Errorf("everySetting does not set %s; add it", p)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, config.FileName), []byte(everySetting), 0o644)
	for _, font := range []string{"r.ttf", "b.ttf", "i.ttf", "bi.ttf"} {
		os.WriteFile(filepath.Join(dir, font), goregular.TTF, 0o644) // config.Load checks that fonts parse
	}
	settings, err := config.Load(dir, nil)
	if err != nil {
		t.Fatalf("config.Load rejects a key of the schema: %v", err)
	}
	for _, f := range zeroFields(reflect.ValueOf(settings), "Settings") {
		t.Errorf("%s is not set by any key of the cwo.yaml schema; add the key to settingsFile", f)
	}
}

// TestFontsSchema: each fonts key takes a file or a list of files, and nothing else.
func TestFontsSchema(t *testing.T) {
	c := compile(t, kindNamed(t, "cwo"))
	for _, doc := range []string{
		"fonts: {regular: a.ttf}\n",
		"fonts: {fallback: [a.ttf, \"b.ttc#Noto Sans CJK JP\", /usr/share/fonts/c.otf]}\n",
		"fonts: {mono: [m.ttf], bold: b.ttc#1}\n",
	} {
		if err := c.Validate(decodeYAML(t, []byte(doc))); err != nil {
			t.Errorf("schema rejects %q: %v", doc, err)
		}
	}
	for _, tt := range []struct{ doc, want string }{
		{"fonts: {regular: 12}\n", "/fonts/regular"},
		{"fonts: {fallback: [a.ttf, 2]}\n", "/fonts/fallback/1"},
		{"fonts: {fallback: [\"\"]}\n", "/fonts/fallback/0"},
		{"fonts: {mono: \"\"}\n", "/fonts/mono"},
		{"fonts: {bold: {file: b.ttf}}\n", "/fonts/bold"},
		{"fonts: {emoji: e.ttf}\n", "emoji"},
	} {
		err := c.Validate(decodeYAML(t, []byte(tt.doc)))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("schema on %q: %v, want an error at %s", tt.doc, err, tt.want)
		}
	}
}

func lookupValue(doc map[string]any, p string) any {
	var v any = doc
	for _, key := range strings.Split(p, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[key]
	}
	return v
}

// zeroFields lists the fields of a settings value that hold their zero value.
func zeroFields(v reflect.Value, prefix string) []string {
	if v.Kind() != reflect.Struct {
		if v.IsZero() {
			return []string{prefix}
		}
		return nil
	}
	var out []string
	for i := range v.NumField() {
		out = append(out, zeroFields(v.Field(i), prefix+"."+v.Type().Field(i).Name)...)
	}
	return out
}

// TestTimesheetsSchema: an import takes the keys config reads, and the schema refuses what
// config refuses: an unknown key, a preset or field cwo does not have, an order that is not an ID.
func TestTimesheetsSchema(t *testing.T) {
	c := compile(t, kindNamed(t, "cwo"))
	for _, doc := range []string{
		"timesheets: [{files: timesheets/toggl-*.csv, preset: toggl, orders: {\"SciPy – Array API\": CWO-2026-003, Internal: ~}}]\n",
		"timesheets: [{files: [timesheets/a.csv, timesheets/b.txt], delimiter: tab, decimal: \",\", dates: DD.MM.YYYY}]\n",
		"timesheets: [{files: timesheets/h.csv, preset: harvest, columns: {person: [First Name, Last Name], item: \"\"}, items: {PM: \"\"}}]\n",
	} {
		if err := c.Validate(decodeYAML(t, []byte(doc))); err != nil {
			t.Errorf("schema rejects %q: %v", doc, err)
		}
	}
	for _, tt := range []struct{ doc, want string }{
		{"timesheets: [{preset: toggl}]\n", "files"},
		{"timesheets: [{files: timesheets/a.csv, preest: toggl}]\n", "preest"},
		{"timesheets: [{files: timesheets/a.csv, preset: togl}]\n", "/timesheets/0/preset"},
		{"timesheets: [{files: timesheets/a.csv, columns: {persn: User}}]\n", "persn"},
		{"timesheets: [{files: timesheets/a.csv, orders: {X: \"not an id\"}}]\n", "/timesheets/0/orders/X"},
		{"timesheets: [{files: timesheets/a.csv, encoding: latin1}]\n", "/timesheets/0/encoding"},
	} {
		err := c.Validate(decodeYAML(t, []byte(tt.doc)))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("schema on %q: %v, want an error at %s", tt.doc, err, tt.want)
		}
	}
}
