package cwo

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Severity says whether a problem stops a run (Error) or is only reported (Warning).
type Severity int

// The severities, in increasing order of weight.
const (
	Warning Severity = iota
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Pos is a 1-based line and column in a file; zero values mean unknown.
type Pos struct{ Line, Col int }

// Diagnostic is one problem found in a workspace, tied to a file and position.
type Diagnostic struct {
	File     string // path relative to the workspace, with forward slashes
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats the diagnostic as "path:line:col: error: message", on one line. A path with a
// space, a control character or anything unprintable is quoted as Go quotes strings, so that a
// file named "x.yaml\nother.yaml:1: error: ..." cannot pass for a diagnostic of its own; control
// characters in the message are escaped the same way.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(quoteName(d.File))
	if d.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Pos.Line)
		if d.Pos.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Pos.Col)
		}
	}
	fmt.Fprintf(&b, ": %s: %s", d.Severity, escapeControls(d.Message))
	return b.String()
}

// quoteName returns name, quoted with strconv.Quote when it has a space, a quote, a control
// character or anything else unprintable (invalid UTF-8 included).
func quoteName(name string) string {
	if strings.ContainsFunc(name, func(r rune) bool { return r == ' ' || r == '"' || !unicode.IsPrint(r) }) {
		return strconv.Quote(name)
	}
	return name
}

// escapeControls replaces each control character of s (line breaks included) with its Go
// escape, so that a message stays on one line.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Diagnostics is a list of problems; it implements error when it holds any error.
type Diagnostics []Diagnostic

// Errorf adds an error at file and pos.
func (ds *Diagnostics) Errorf(file string, pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{File: file, Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at file and pos.
func (ds *Diagnostics) Warnf(file string, pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{File: file, Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Sort orders the diagnostics by file, line, column, then message, and drops exact duplicates.
func (ds Diagnostics) Sort() Diagnostics {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Message < b.Message
	})
	out := ds[:0]
	for i, d := range ds {
		if i == 0 || d != ds[i-1] {
			out = append(out, d)
		}
	}
	return out
}

// Count returns the number of errors and warnings.
func (ds Diagnostics) Count() (errs, warns int) {
	for _, d := range ds {
		if d.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	e, _ := ds.Count()
	return e > 0
}

// Err returns the diagnostics as an error when any is an error, else nil.
func (ds Diagnostics) Err() error {
	if ds.HasErrors() {
		return ds
	}
	return nil
}

// Error lists every diagnostic, one per line.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}
