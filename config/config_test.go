package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
	"golang.org/x/image/font/gofont/goregular"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, dir, rel string, data []byte) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDefaultsWithoutFile(t *testing.T) {
	s, err := Load(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Output != "out" || s.Paper != "letter" || s.Locale != "en-US" || s.Currency != "USD" || s.Jobs != 0 {
		t.Errorf("defaults = %+v", s)
	}
}

func TestFileEnvAndFlags(t *testing.T) {
	dir := writeConfig(t, "output: build\nlocale: de-DE\ncurrency: eur\npaper: A4\njobs: 3\nbrand: {color: \"#112233\"}\n"+
		"fonts: {regular: f/r.ttf}\ntimesheet: {columns: {date: Datum, hours: Stunden}}\n")
	writeFile(t, dir, "f/r.ttf", goregular.TTF)
	t.Setenv("CWO_LOCALE", "fr-FR")
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	fs.Int("jobs", 0, "")
	fs.Parse([]string{"--jobs", "5"})
	s, err := Load(dir, fs)
	if err != nil {
		t.Fatal(err)
	}
	checks := [][2]string{
		{s.Output, "build"}, {s.Locale, "fr-FR"}, {string(s.Currency), "EUR"}, {s.Paper, "a4"},
		{s.Brand.Color, "#112233"}, {strings.Join(s.Fonts.Regular, ","), "f/r.ttf"}, {s.Timesheet.Columns["date"], "Datum"},
		{s.Timesheet.Columns["hours"], "Stunden"},
	}
	for _, c := range checks {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
	if s.Jobs != 5 {
		t.Errorf("jobs = %d, want the flag's 5", s.Jobs)
	}
}

func TestUnknownKeyIsAnError(t *testing.T) {
	_, err := Load(writeConfig(t, "paper: a4\nouptut: x\nbrand:\n  colour: '#123456'\n"), nil)
	for _, want := range []string{
		`cwo.yaml:2:1: error: unknown setting "ouptut" (did you mean "output"?)`,
		`cwo.yaml:4:3: error: unknown setting "brand.colour" (did you mean "brand.color"?)`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %s", err, want)
		}
	}
}

func TestSyntaxErrorNamesFile(t *testing.T) {
	_, err := Load(writeConfig(t, "output: [\n"), nil)
	if err == nil || !strings.Contains(err.Error(), FileName) {
		t.Errorf("err = %v, want a cwo.yaml error", err)
	}
}
