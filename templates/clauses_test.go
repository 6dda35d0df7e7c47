package templates_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/agreement"
	"github.com/cwo-tool/cwo/templates"
	"github.com/cwo-tool/cwo/workspace"
)

// withClauses returns a workspace folder whose templates/clauses.md.tmpl is text (none when
// text is "") and, when agreementText is not "", whose templates/agreement.md.tmpl is that.
func withClauses(t *testing.T, text, agreementText string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{templates.Clauses: text, templates.Agreement: agreementText} {
		if body == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, "templates", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// agreementOf runs the agreement template of dir for order O-1 of the base workspace.
func agreementOf(t *testing.T, dir string) (string, error) {
	t.Helper()
	set, err := templates.Load(dir)
	if err != nil {
		return "", err
	}
	ws, diags := workspace.Load("../testdata/base", cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	d := agreement.NewData(ws, ws.Order("O-1"))
	return set.Execute(templates.Agreement, d, templates.Formats{Currency: d.Currency, Locale: d.Locale})
}

// TestClauseOverrides replaces a clause, removes another, and calls a helper template from an
// override; the other clauses stay as they were.
func TestClauseOverrides(t *testing.T) {
	before, err := agreementOf(t, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, heading := range []string{"## Taxes", "## Force majeure", "## Governing law and venue", "### Severability and waiver"} {
		if !strings.Contains(before, heading) {
			t.Fatalf("the default agreement lacks %q", heading)
		}
	}
	dir := withClauses(t, `{{/* Our lawyers' wording. */}}
{{define "clause-taxes"}}
## Taxes

Prices include all taxes. {{template "who" .}}
{{end}}
{{define "who"}}Signed for {{.Funder.ShortName}}.{{end}}
{{- define "clause-force-majeure"}}{{end}}
{{define "clause-severability"}}   {{end}}
`, "")
	after, err := agreementOf(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(after, "## Taxes\n\nPrices include all taxes. Signed for Acme.\n") {
		t.Errorf("the taxes clause was not replaced:\n%s", after)
	}
	for _, gone := range []string{"Amounts in this Order do not include", "## Force majeure", "### Severability and waiver"} {
		if strings.Contains(after, gone) {
			t.Errorf("the agreement still has %q", gone)
		}
	}
	if !strings.Contains(after, "## Governing law and venue") || !strings.Contains(after, "### Counterparts and electronic signatures") {
		t.Errorf("clauses that were not overridden are gone:\n%s", after)
	}
	set, err := templates.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if text := set.Text(templates.Agreement); !strings.Contains(text, "Prices include all taxes.") || !strings.Contains(text, "## Principles of this Order") {
		t.Errorf("the text a fingerprint covers lacks the overrides or the template")
	}
}

func TestClauseOverrideErrors(t *testing.T) {
	tests := []struct {
		name, clauses, agreement, want string
	}{
		{"misspelt clause", "\n{{define \"clause-governing-laws\"}}x{{end}}\n", "",
			`templates/clauses.md.tmpl:2:9: "clause-governing-laws" is not a clause of the agreement template (did you mean "clause-governing-law"?)`},
		{"unknown clause", "{{define \"clause-arbitration-in-geneva\"}}x{{end}}", "",
			`templates/clauses.md.tmpl:1:9: "clause-arbitration-in-geneva" is not a clause of the agreement template; its clauses are clause-version, clause-parties,`},
		{"template without blocks", "{{define \"clause-taxes\"}}x{{end}}", "Just text.\n",
			`templates/clauses.md.tmpl:1:9: "clause-taxes" is not a clause of the agreement template, which has no blocks named clause-…`},
		{"text outside defines", "{{define \"clause-taxes\"}}x{{end}}\n\n  Stray words\n", "",
			`templates/clauses.md.tmpl:3:2: only {{define "clause-NAME"}}...{{end}} blocks belong in clauses.md.tmpl; this is outside them and would never be printed`},
		{"action outside defines", "{{.Order.ID}}", "",
			`templates/clauses.md.tmpl:1:2: only {{define "clause-NAME"}}...{{end}} blocks belong`},
		{"parse error", "{{define \"clause-taxes\"}}\n{{.Order.ID}\n{{end}}", "", "templates/clauses.md.tmpl:2: bad character U+007D '}'"},
		{"forbidden function", "{{define \"clause-taxes\"}}\n{{env \"HOME\"}}{{end}}", "", `templates/clauses.md.tmpl:2: function "env" not defined`},
		{"range too large", "{{define \"clause-taxes\"}}{{range 1000000000}}x{{end}}{{end}}", "", "templates/clauses.md.tmpl:1:33: range over 1000000000 is too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := templates.Load(withClauses(t, tt.clauses, tt.agreement))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestClauseExecutionErrorIsPositioned: a mistake in an override that shows only when it runs
// is reported at its line and column in templates/clauses.md.tmpl.
func TestClauseExecutionErrorIsPositioned(t *testing.T) {
	_, err := agreementOf(t, withClauses(t, "{{define \"clause-taxes\"}}\n## Taxes\n\n  {{.Order.Nope}}\n{{end}}\n", ""))
	var te *templates.Error
	if !errors.As(err, &te) || te.File != "templates/clauses.md.tmpl" || te.Line != 4 || te.Col != 10 {
		t.Fatalf("err = %#v, want one at templates/clauses.md.tmpl:4:10", err)
	}
	if !strings.HasPrefix(te.Msg, "<.Order.Nope>: can't evaluate field Nope") {
		t.Errorf("message = %q", te.Msg)
	}
}

// TestDefaultClauses lists the clauses of the embedded template, each of which
// docs/templates.md names.
func TestDefaultClauses(t *testing.T) {
	want := []string{"clause-version", "clause-parties", "clause-background", "clause-scope", "clause-principles",
		"clause-team", "clause-budget", "clause-reporting", "clause-term", "clause-breach", "clause-rights",
		"clause-confidentiality", "clause-data-protection", "clause-publicity", "clause-payment-terms", "clause-taxes",
		"clause-warranties", "clause-liability", "clause-independent-contractor", "clause-force-majeure", "clause-notices",
		"clause-governing-law", "clause-general", "clause-entire-agreement", "clause-amendments", "clause-assignment",
		"clause-severability", "clause-survival", "clause-counterparts"}
	got := templates.DefaultClauses()
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("DefaultClauses() = %v\nwant %v", got, want)
	}
	doc, err := os.ReadFile("../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range got {
		if !strings.Contains(string(doc), "`"+name+"`") {
			t.Errorf("docs/templates.md does not name %s", name)
		}
	}
}
