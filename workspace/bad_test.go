package workspace_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/badcase"
	"github.com/cwo-tool/cwo/workspace"
)

// TestBadInputCorpusAtTheLoader loads every case of testdata/bad with Load and checks it with
// cwo.Validate, as `cwo validate` does before it looks at templates and fonts: each case must
// give the messages the command gives, with file and position. Cases about templates are the
// command's to check.
func TestBadInputCorpusAtTheLoader(t *testing.T) {
	cases, err := badcase.All("../testdata/bad")
	if err != nil || len(cases) < 40 {
		t.Fatalf("found %d bad-input cases, want at least 40 (%v)", len(cases), err)
	}
	for _, c := range cases {
		if strings.HasPrefix(c.Name, "template-") {
			continue // templates are render's to check (cmd/cwo's bad-input test runs these)
		}
		t.Run(c.Name, func(t *testing.T) {
			dir := copyBase(t)
			if err := c.SetUp(dir); err != nil {
				t.Fatal(err)
			}
			ws, diags := workspace.Load(dir, cwo.DefaultSettings())
			if !diags.HasErrors() {
				diags = append(diags, cwo.Validate(ws, cwo.ValidateOptions{})...)
			}
			var out strings.Builder
			for _, d := range diags {
				out.WriteString(strings.ReplaceAll(d.String(), dir+"/", "") + "\n")
			}
			if diags.HasErrors() != (c.Exit != 0) {
				t.Errorf("errors = %v, want %v\n%s", diags.HasErrors(), c.Exit != 0, out.String())
			}
			for _, want := range c.Expect {
				if want == "no problems" {
					if len(diags) > 0 {
						t.Errorf("want no problems, got:\n%s", out.String())
					}
					continue
				}
				if !strings.Contains(out.String(), want) {
					t.Errorf("diagnostics lack %q:\n%s", want, out.String())
				}
			}
		})
	}
}
