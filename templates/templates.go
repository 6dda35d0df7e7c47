// Package templates owns the text templates cwo renders documents from: the embedded defaults,
// a workspace's overrides in its templates/ folder, and the hermetic function map (an allow-list
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
	tmpl map[string]*template.Template
	text map[string]string
	file map[string]string // where each template came from, for messages
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
// that file exists. It returns every parse error, not only the first.
func Load(workspaceDir string) (*Set, error) {
	s := &Set{tmpl: map[string]*template.Template{}, text: map[string]string{}, file: map[string]string{}}
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
	t, err := parseStrict(name, text)
	if err != nil {
		return positioned(file, name, err)
	}
	s.tmpl[name], s.text[name], s.file[name] = t, text, file
	return nil
}

// source returns a template's text from the workspace override or the embedded default.
func source(dir, name string) (text, file string, err error) {
	file = "templates/" + name
	if _, err := os.Lstat(filepath.Join(dir, "templates", name)); err == nil {
		data, err := workspace.ReadAsset(dir, file)
		return string(data), file, err
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", file, err
	}
	data, err := embedded.ReadFile(name)
	return string(data), "(embedded) " + name, err
}

// Text returns the source text of a template, for hashing.
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
		return "", positioned(s.file[name], name, err)
	}
	return out, nil
}

// parseStrict parses a template strictly, refuses ranges over large literals and adds the guards.
func parseStrict(name, text string) (*template.Template, error) {
	t, err := template.New(name).Option("missingkey=error").Funcs(funcMap(Formats{}, &meter{})).Parse(text)
	if err == nil {
		err = checkRanges(t)
	}
	if err != nil {
		return nil, err
	}
	instrument(t)
	return t, nil
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

var templatePos = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:(\d+):)? ?`)

// positioned turns a text/template error into an *Error with the file's line and column.
func positioned(file, name string, err error) error {
	msg := err.Error()
	e := &Error{File: file, Msg: msg}
	if m := templatePos.FindStringSubmatch(msg); m != nil && m[1] == name {
		e.Line, _ = strconv.Atoi(m[2])
		e.Col, _ = strconv.Atoi(m[3])
		e.Msg = strings.TrimSpace(msg[len(m[0]):])
		e.Msg = strings.TrimPrefix(e.Msg, fmt.Sprintf("executing %q at ", name))
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
