package config

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/regfile"
	"github.com/cwo-tool/cwo/typeset"
)

// This file holds every rule a setting must follow, whether it comes from cwo.yaml, a CWO_*
// variable or a flag. Settings that Load returns without error follow all of them, so the rest of
// cwo reads settings without checking them again. (Whether the fonts can draw the workspace's
// text depends on the data; render checks that.)

// checker collects the problems of one set of settings, each named by where the value came from.
type checker struct {
	dir   string // the workspace, which font paths are relative to
	from  origins
	diags cwo.Diagnostics
	read  map[string]fontFile // font files read, by path as the settings name them
}

// fontFile is a font file read for the check, or why it could not be.
type fontFile struct {
	data []byte
	err  error
}

// check returns every problem of s, read from the workspace in dir.
func check(dir string, s cwo.Settings, from origins) cwo.Diagnostics {
	c := &checker{dir: dir, from: from}
	c.paper(s.Paper)
	c.locale(s.Locale)
	c.currency(s.Currency)
	c.jobs(s.Jobs)
	c.brandColor(s.Brand.Color)
	c.fonts(s.Fonts)
	c.timesheetColumns(s.Timesheet.Columns)
	return c.diags.Sort()
}

// errorf reports a problem with the setting at key.
func (c *checker) errorf(at origin, format string, args ...any) {
	c.diags.Errorf(at.where, at.pos, format, args...)
}

// paper accepts "letter", "a4", and "" (unset: each order's from the contractor's country).
func (c *checker) paper(p string) {
	if p != "" && !slices.Contains(cwo.Papers, p) {
		c.errorf(c.from.of("paper"), "paper must be \"letter\" or \"a4\", not %q", p)
	}
}

// locale accepts a BCP 47 tag CLDR has data for (cwo.CheckLocale), and "" (unset: each order's
// from the contractor's country).
func (c *checker) locale(l string) {
	if l == "" {
		return
	}
	if err := cwo.CheckLocale(l); err != nil {
		c.errorf(c.from.of("locale"), "locale %v", err)
	}
}

func (c *checker) currency(cur cwo.Currency) {
	if err := cwo.ValidCurrency(cur); err != nil {
		c.errorf(c.from.of("currency"), "currency: %v", err)
	}
}

func (c *checker) jobs(n int) {
	if n < 0 {
		c.errorf(c.from.of("jobs"), "jobs must be 0 (one per CPU) or more, not %d", n)
	}
}

// ColorPattern is what brand.color must match: six hex digits, optionally after "#". The schema
// of cwo.yaml uses it.
const ColorPattern = `^#?[0-9A-Fa-f]{6}$`

var colorText = regexp.MustCompile(ColorPattern)

func (c *checker) brandColor(col string) {
	if col != "" && !colorText.MatchString(col) {
		c.errorf(c.from.of("brand.color"), "brand.color %q is not a colour like #1F4E79", col)
	}
}

// fonts checks that each named font can be read and parsed as cwo draws it (TrueType,
// OpenType/CFF, or a face of a collection), and that a regular face is named when another
// style is (they default to it).
func (c *checker) fonts(f cwo.Fonts) {
	styles := []struct {
		key  string
		refs []string
	}{
		{"fonts.regular", f.Regular}, {"fonts.bold", f.Bold}, {"fonts.italic", f.Italic},
		{"fonts.bold_italic", f.BoldItalic}, {"fonts.mono", f.Mono}, {"fonts.fallback", f.Fallback},
	}
	for _, style := range styles {
		for _, ref := range style.refs {
			c.font(style.key, ref)
		}
	}
	if len(f.Regular) > 0 {
		return
	}
	for _, style := range styles[1:4] {
		if len(style.refs) > 0 { // name the first other face, where its value came from
			c.errorf(c.from.of(style.key), "fonts.regular is required when %s is set (the other faces default to it)", style.key)
			return
		}
	}
}

// font checks a font of the setting key the way the PDF layer reads it: the file, relative to
// the workspace unless absolute, and the face ref selects.
func (c *checker) font(key, ref string) {
	path, face := cwo.FontFile(ref)
	f, ok := c.read[path]
	if !ok { // a collection is often named once per face, and is large
		f.data, f.err = regfile.ReadFile(FontPath(c.dir, path))
		if c.read == nil {
			c.read = map[string]fontFile{}
		}
		c.read[path] = f
	}
	data, err := f.data, f.err
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is in the message already, as the workspace names it
		}
		c.errorf(c.from.itemOf(key, ref), "%s: cannot read %q: %v", key, path, err)
		return
	}
	if _, err := typeset.Parse(data, face); err != nil {
		if need := sfntEnd(data); need > len(data) { // the parser's own words for this vary, and are obscure
			c.errorf(c.from.itemOf(key, ref), "%s: %q: the file is cut short: its tables need %d bytes and it has %d; copy or download it again",
				key, ref, need, len(data))
			return
		}
		c.errorf(c.from.itemOf(key, ref), "%s: %q: %v", key, ref, err)
	}
}

// sfntEnd is where the last table of a font file (TrueType, OpenType or a collection) ends,
// by its table directories: more than the file's length when the file was cut short. It is 0
// when data does not start like a font file.
func sfntEnd(data []byte) int {
	be := binary.BigEndian
	if len(data) < 12 {
		return 0
	}
	dirs := []int{0}
	if string(data[:4]) == "ttcf" {
		n := int(be.Uint32(data[8:]))
		dirs = dirs[:0]
		for i := range n {
			if 12+4*i+4 > len(data) {
				return 12 + 4*n
			}
			dirs = append(dirs, int(be.Uint32(data[12+4*i:])))
		}
	} else if tag := be.Uint32(data); tag != 0x00010000 && string(data[:4]) != "OTTO" && string(data[:4]) != "true" {
		return 0
	}
	end := 0
	for _, d := range dirs {
		if d+12 > len(data) {
			return max(end, d+12)
		}
		n := int(be.Uint16(data[d+4:]))
		end = max(end, d+12+16*n)
		for i := range n {
			rec := d + 12 + 16*i
			if rec+16 > len(data) {
				break // the records are cut short: end says so already
			}
			end = max(end, int(be.Uint32(data[rec+8:]))+int(be.Uint32(data[rec+12:])))
		}
	}
	return end
}

// FontPath is where a font file named in the settings is: relative to the workspace dir
// unless absolute.
func FontPath(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, filepath.FromSlash(path))
}

// timesheetColumns checks that every key of timesheet.columns is one of cwo's column names.
func (c *checker) timesheetColumns(columns map[string]string) {
	for _, name := range sortedKeys(columns) {
		if !slices.Contains(cwo.TimesheetColumns, name) {
			c.errorf(c.from.keyOf("timesheet.columns", name), "timesheet.columns: %q is not one of cwo's columns (%s)",
				name, strings.Join(cwo.TimesheetColumns, ", "))
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
