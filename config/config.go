// Package config reads cwo's tool settings: the workspace's cwo.yaml, overridden by CWO_*
// environment variables and command-line flags. It is the only package that uses viper; data
// files are never read through it (viper folds key case and splits dotted keys).
//
// Every rule a setting must follow is in check.go, and Load applies them all: the rest of cwo
// (root validation, render, serve) takes the settings Load returns as valid. origin.go finds
// where a value came from, so that a problem names cwo.yaml:line:col, the CWO_* variable or the
// flag that set it.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/regfile"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// FileName is the settings file at the root of a workspace.
const FileName = "cwo.yaml"

// file mirrors cwo.yaml; mapstructure tags name its keys.
type file struct {
	Output    string `mapstructure:"output"`
	Paper     string `mapstructure:"paper"`
	Locale    string `mapstructure:"locale"`
	Currency  string `mapstructure:"currency"`
	Jobs      int    `mapstructure:"jobs"`
	Fonts     fonts  `mapstructure:"fonts"`
	Brand     brand  `mapstructure:"brand"`
	Timesheet struct {
		Columns map[string]string `mapstructure:"columns"`
	} `mapstructure:"timesheet"`
	Timesheets any `mapstructure:"timesheets"` // decoded from the YAML by timesheets.go
}

// fonts: each key takes one file or a list (an environment variable separates files with
// commas).
type fonts struct {
	Regular    []string `mapstructure:"regular"`
	Bold       []string `mapstructure:"bold"`
	Italic     []string `mapstructure:"italic"`
	BoldItalic []string `mapstructure:"bold_italic"`
	Mono       []string `mapstructure:"mono"`
	Fallback   []string `mapstructure:"fallback"`
}

type brand struct {
	Color string `mapstructure:"color"`
}

// fontKeys are the keys of fonts, one per style and the fallback list.
var fontKeys = []string{"regular", "bold", "italic", "bold_italic", "mono", "fallback"}

// envPrefix starts the name of every environment variable that overrides a setting.
const envPrefix = "CWO"

// Load reads dir/cwo.yaml (a missing file means defaults), then CWO_* environment variables
// (CWO_OUTPUT, CWO_LOCALE, CWO_FONTS_REGULAR ...), then the flags in fs that were set and whose
// names match a setting ("output", "jobs"; fs may be nil). An unknown key in cwo.yaml is an error
// naming its line and column and the nearest setting (keys.go). cwo.yaml's timesheets: (the
// imports of time trackers' exports) is read from the YAML itself, and from no variable or flag
// (timesheets.go).
//
// Load then checks the settings against every rule of check.go. When any is broken, the error is
// a cwo.Diagnostics listing each problem with where its value came from: cwo.yaml:line:col, the
// environment variable (CWO_PAPER=A5) or the flag (--jobs=-1).
func Load(dir string, fs *pflag.FlagSet) (cwo.Settings, error) {
	v := viper.New()
	setDefaults(v)
	v.SetConfigType("yaml")
	v.SetEnvPrefix(envPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	text, err := regfile.ReadFile(filepath.Join(dir, FileName))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return cwo.Settings{}, fmt.Errorf("%s: %w", FileName, err)
	}
	if text != nil {
		if err := v.ReadConfig(bytes.NewReader(text)); err != nil {
			return cwo.Settings{}, fmt.Errorf("%s: %w", FileName, err)
		}
	}
	if err := bindFlags(v, fs); err != nil {
		return cwo.Settings{}, err
	}
	from := newOrigins(text, fs)
	if diags := unknownKeys(from.file); len(diags) > 0 {
		return cwo.Settings{}, diags
	}
	var f file
	if err := v.UnmarshalExact(&f); err != nil {
		return cwo.Settings{}, fmt.Errorf("%s: %w", FileName, err)
	}
	s := f.settings()
	imports, importDiags := decodeImports(from.file)
	s.Timesheet.Imports = imports
	if diags := append(check(dir, s, from), importDiags...).Sort(); len(diags) > 0 {
		return s, diags
	}
	return s, nil
}

func setDefaults(v *viper.Viper) {
	d := cwo.DefaultSettings()
	v.SetDefault("output", d.Output)
	v.SetDefault("paper", d.Paper)
	v.SetDefault("locale", d.Locale)
	v.SetDefault("currency", string(d.Currency))
	v.SetDefault("jobs", 0)
	for _, k := range fontKeys {
		v.SetDefault("fonts."+k, []string{})
	}
	v.SetDefault("brand.color", d.Brand.Color)
}

// boundFlags are the flags that override the setting of the same name.
var boundFlags = []string{"output", "jobs", "locale", "currency", "paper"}

func isBound(name string) bool { return slices.Contains(boundFlags, name) }

// bindFlags lets set flags override settings of the same name.
func bindFlags(v *viper.Viper, fs *pflag.FlagSet) error {
	if fs == nil {
		return nil
	}
	for _, name := range boundFlags {
		if f := fs.Lookup(name); f != nil && f.Changed {
			if err := v.BindPFlag(name, f); err != nil {
				return fmt.Errorf("flag --%s: %w", name, err)
			}
		}
	}
	return nil
}

func (f file) settings() cwo.Settings {
	return cwo.Settings{
		Output:   f.Output,
		Paper:    strings.ToLower(f.Paper),
		Locale:   f.Locale,
		Currency: cwo.Currency(strings.ToUpper(f.Currency)),
		Jobs:     f.Jobs,
		Fonts: cwo.Fonts{
			Regular: fontList(f.Fonts.Regular), Bold: fontList(f.Fonts.Bold), Italic: fontList(f.Fonts.Italic),
			BoldItalic: fontList(f.Fonts.BoldItalic), Mono: fontList(f.Fonts.Mono), Fallback: fontList(f.Fonts.Fallback),
		},
		Brand:     cwo.Brand{Color: f.Brand.Color},
		Timesheet: cwo.TimesheetSettings{Columns: f.Timesheet.Columns},
	}
}

// fontList is a fonts setting's files without the spaces around them and without empty
// entries, which a list in an environment variable gets from "a.ttf, b.ttf" or a trailing comma;
// nil when there are none.
func fontList(refs []string) []string {
	var out []string
	for _, ref := range refs {
		if ref = strings.TrimSpace(ref); ref != "" {
			out = append(out, ref)
		}
	}
	return out
}
