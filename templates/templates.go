// Package templates owns the text templates cwo renders documents from: the embedded defaults,
// a workspace's overrides in its templates/ folder (a whole template, or single clauses of the
// agreement in templates/clauses.md.tmpl), and the hermetic function map (an allow-list
// of sprig plus cwo's own money, date and hours formatting). It is the only package that uses
// sprig. Templates run with missingkey=error and under limits (limits.go) that every function,
// loop and print checks before it allocates.
package templates

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	"github.com/cwo-tool/cwo/workspace"
)

//go:embed *.tmpl
var embedded embed.FS

// Agreement is the file name of the agreement template.
const Agreement = "agreement.md.tmpl"

// Set is the parsed templates of one workspace.
type Set struct {
	tmpl  map[string]*template.Template
	text  map[string]string
	file  map[string]string            // where each template came from, for messages
	files map[string]map[string]string // each template's files by parse name, for positions
}

// Error is a template problem with its file and position.
type Error struct {
	File      string // workspace-relative path, or "(embedded) name"
	Line, Col int
	Msg       string
	err       error // the limit or address error, for errors.Is
}

// Unwrap returns the limit or address error the problem is, if it is one.
func (e *Error) Unwrap() error { return e.err }

func (e *Error) Error() string {
	pos := e.File
	if e.Line > 0 {
		pos += ":" + strconv.Itoa(e.Line)
		if e.Col > 0 {
			pos += ":" + strconv.Itoa(e.Col)
		}
	}
	return pos + ": " + e.Msg
}

// Names lists the templates cwo uses.
func Names() []string { return []string{Agreement} }

// Load parses the embedded templates, each replaced by the workspace's templates/<name> when
// that file exists, and the agreement's clauses replaced by those templates/clauses.md.tmpl
// defines (clauses.go). It returns every parse error, not only the first.
func Load(workspaceDir string) (*Set, error) {
	s := &Set{tmpl: map[string]*template.Template{}, text: map[string]string{}, file: map[string]string{},
		files: map[string]map[string]string{}}
	var errs []error
	for _, name := range Names() {
		if err := s.load(workspaceDir, name); err != nil {
			errs = append(errs, err)
		}
	}
	return s, errors.Join(errs...)
}

func (s *Set) load(dir, name string) error {
	text, file, err := source(dir, name)
	if err != nil {
		return &Error{File: file, Msg: err.Error()}
	}
	files := map[string]string{name: file}
	t, err := parseText(name, text)
	if err == nil && name == Agreement {
		text, err = addClauses(t, dir, text, files)
	}
	if err == nil {
		err = finish(t)
	}
	if err != nil {
		return positioned(files, file, err)
	}
	s.tmpl[name], s.text[name], s.file[name], s.files[name] = t, text, file, files
	return nil
}

// source returns a template's text from the workspace override or the embedded default.
func source(dir, name string) (text, file string, err error) {
	text, file, ok, err := override(dir, name)
	if ok || err != nil {
		return text, file, err
	}
	data, err := embedded.ReadFile(name)
	return string(data), "(embedded) " + name, err
}

// override returns the text of the workspace's templates/<name>, and whether there is one.
func override(dir, name string) (text, file string, ok bool, err error) {
	file = "templates/" + name
	if _, err := os.Lstat(filepath.Join(dir, "templates", name)); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", file, false, nil
		}
		return "", file, false, err
	}
	data, err := workspace.ReadAsset(dir, file)
	return string(data), file, true, err
}

// Text returns the source text of a template, for hashing: for the agreement, with the text of
// the workspace's clause overrides after it, when there are any.
func (s *Set) Text(name string) string { return s.text[name] }

// File returns where a template came from.
func (s *Set) File(name string) string { return s.file[name] }

// Execute runs a template with data and formats for one document and returns what it wrote.
// The execution stops, with an error that wraps ErrLimit, as soon as it exceeds one of the limits
// in limits.go, and with one that wraps ErrAddress when it would print a memory address; it runs
// on the caller's goroutine and leaves nothing running. It is safe for concurrent use.
func (s *Set) Execute(name string, data any, f Formats) (string, error) {
	t, ok := s.tmpl[name]
	if !ok {
		return "", fmt.Errorf("template %s is not loaded", name)
	}
	out, err := executeGuarded(t, data, f)
	if err != nil {
		return "", positioned(s.files[name], s.file[name], err)
	}
	return out, nil
}

// parseStrict parses a template strictly, refuses ranges over large literals and adds the guards.
func parseStrict(name, text string) (*template.Template, error) {
	t, err := parseText(name, text)
	if err == nil {
		err = finish(t)
	}
	if err != nil {
		return nil, err
	}
	return t, nil
}

// parseText parses a template strictly: missing keys are errors, and only the allowed functions exist.
func parseText(name, text string) (*template.Template, error) {
	return template.New(name).Option("missingkey=error").Funcs(funcMap(Formats{}, &meter{})).Parse(text)
}

// finish refuses ranges over large literals in every template of t and adds the guards; it
// runs once all of t's templates are in place.
func finish(t *template.Template) error {
	if err := checkRanges(t); err != nil {
		return err
	}
	instrument(t)
	return nil
}

// executeGuarded runs a clone of t (so concurrent executions do not share function maps) with a meter
// of its own and a writer that stops at MaxOutput.
func executeGuarded(t *template.Template, data any, f Formats) (string, error) {
	t, err := t.Clone()
	if err != nil {
		return "", err
	}
	t.Funcs(funcMap(f, &meter{}))
	var w limitedWriter
	if err := t.Execute(&w, data); err != nil {
		return "", err
	}
	return w.String(), nil
}

var (
	templatePos = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:(\d+):)? ?`)
	executing   = regexp.MustCompile(`^executing "[^"]*" at `)
)

// positioned turns a text/template error into an *Error with the line and column in the file
// that files gives for the error's parse name; an error without one is placed in file.
func positioned(files map[string]string, file string, err error) error {
	var own *Error
	if errors.As(err, &own) {
		return own
	}
	msg := err.Error()
	e := &Error{File: file, Msg: msg}
	if m := templatePos.FindStringSubmatch(msg); m != nil && files[m[1]] != "" {
		e.File = files[m[1]]
		e.Line, _ = strconv.Atoi(m[2])
		e.Col, _ = strconv.Atoi(m[3])
		e.Msg = strings.TrimSpace(msg[len(m[0]):])
		e.Msg = executing.ReplaceAllString(e.Msg, "")
	}
	if own := ownError(err); own != nil {
		e.Msg, e.err = own.Error(), own
	}
	return e
}

// ownError is the limit or address error inside a text/template error, whose message would
// otherwise name the guard functions.
func ownError(err error) error {
	var le *limitError
	if errors.As(err, &le) {
		return le
	}
	var ae *addressError
	if errors.As(err, &ae) {
		return ae
	}
	return nil
}
