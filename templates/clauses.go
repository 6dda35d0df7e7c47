package templates

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode"

	"github.com/cwo-tool/cwo"
)

// Clauses is the file name of a workspace's clause overrides. In it, each
// {{define "clause-NAME"}}...{{end}} replaces the agreement template's block of that name, and an
// empty one removes the clause; other names define helper templates the clauses may call.
const Clauses = "clauses.md.tmpl"

// ClausePrefix starts the name of every block of the agreement template that
// templates/clauses.md.tmpl may replace or remove.
const ClausePrefix = "clause-"

// clausesSeparator joins the agreement template's text and the clause overrides' in the text a
// fingerprint covers, so that a change to either changes the fingerprint.
const clausesSeparator = "\n{{/* templates/" + Clauses + " */}}\n"

// addClauses reads the workspace's templates/clauses.md.tmpl, if there is one, and installs its
// defines in t, the parsed agreement template whose text is text; files gets its file. It returns
// the text the fingerprint covers: text, and the overrides' text after clausesSeparator.
func addClauses(t *template.Template, dir, text string, files map[string]string) (string, error) {
	ctext, cfile, ok, err := override(dir, Clauses)
	if err != nil {
		return "", &Error{File: cfile, Msg: err.Error()}
	}
	if !ok {
		return text, nil
	}
	files[Clauses] = cfile
	if err := installClauses(t, ctext); err != nil {
		return "", err
	}
	return text + clausesSeparator + ctext, nil
}

// installClauses parses the clause overrides in ctext and puts each define in t: in place of
// the template of the same name (text/template itself would not let an empty define replace
// one), or as a new helper. A clause name t does not have is an error, as is any text outside
// the defines, which would never be printed.
func installClauses(t *template.Template, ctext string) error {
	c, err := parseText(Clauses, ctext)
	if err != nil {
		return err
	}
	if err := onlyDefines(c.Lookup(Clauses).Tree); err != nil {
		return err
	}
	known := clauseNames(t)
	for _, d := range inOrder(c) {
		name := d.Name()
		switch {
		case name == Clauses:
		case t.Lookup(name) != nil && t.Lookup(name).Tree != nil:
			t.Lookup(name).Tree = d.Tree
		case strings.HasPrefix(name, ClausePrefix):
			return unknownClause(d, ctext, known)
		default:
			if _, err := t.AddParseTree(name, d.Tree); err != nil {
				return err
			}
		}
	}
	return nil
}

// clauseNames lists the blocks of t that clause overrides may replace, in the order t defines them.
func clauseNames(t *template.Template) []string {
	var names []string
	for _, tt := range inOrder(t) {
		if strings.HasPrefix(tt.Name(), ClausePrefix) {
			names = append(names, tt.Name())
		}
	}
	return names
}

// inOrder returns the templates of t that have a body, in the order of their text (all of them
// come from one file).
func inOrder(t *template.Template) []*template.Template {
	var out []*template.Template
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Root != nil {
			out = append(out, tt)
		}
	}
	slices.SortFunc(out, func(a, b *template.Template) int { return int(a.Root.Pos) - int(b.Root.Pos) })
	return out
}

// DefaultClauses lists the clauses of the embedded agreement template, in order.
func DefaultClauses() []string {
	text, err := embedded.ReadFile(Agreement)
	if err != nil {
		return nil
	}
	t, err := parseText(Agreement, string(text))
	if err != nil {
		return nil
	}
	return clauseNames(t)
}

// unknownClause is the error for a define of a clause the agreement template does not have, at
// the name in the define (ctext is the text of its file), in text/template's form so that
// positioned places it.
func unknownClause(d *template.Template, ctext string, known []string) error {
	var at parse.Node = d.Root
	if i := strings.LastIndex(ctext[:min(int(d.Root.Pos), len(ctext))], strconv.Quote(d.Name())); i >= 0 {
		at = &parse.TextNode{NodeType: parse.NodeText, Pos: parse.Pos(i)}
	}
	loc, _ := d.ErrorContext(at)
	if len(known) == 0 {
		return fmt.Errorf("template: %s: %q is not a clause of the agreement template, which has no blocks named %s\u2026", loc, d.Name(), ClausePrefix)
	}
	hint := cwo.DidYouMean(d.Name(), known)
	if hint == "" {
		hint = "; its clauses are " + strings.Join(known, ", ")
	}
	return fmt.Errorf("template: %s: %q is not a clause of the agreement template%s", loc, d.Name(), hint)
}

// onlyDefines refuses text and actions outside the defines of the clause overrides' file.
func onlyDefines(tree *parse.Tree) error {
	if tree == nil {
		return nil
	}
	for _, n := range tree.Root.Nodes {
		at := n
		switch n := n.(type) {
		case *parse.CommentNode:
			continue
		case *parse.TextNode:
			i := strings.IndexFunc(string(n.Text), func(r rune) bool { return !unicode.IsSpace(r) })
			if i < 0 {
				continue
			}
			at = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos + parse.Pos(i)}
		}
		loc, _ := tree.ErrorContext(at)
		return fmt.Errorf("template: %s: only {{define \"%sNAME\"}}...{{end}} blocks belong in %s; this is outside them and would never be printed",
			loc, ClausePrefix, Clauses)
	}
	return nil
}
