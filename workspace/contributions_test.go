package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// TestContributionShapes reads pull requests in each shape GitHub's tools print them: gh pr
// list, gh search prs (no merged date; 0001-01-01 for an unset date), the REST API's pulls
// (state closed with merged_at; pages slurped into an array of arrays), the REST search API
// (an object with items) and two gh pr list files appended.
func TestContributionShapes(t *testing.T) {
	tests := []struct {
		file string
		want []string // ref state opened merged closed author bot @line:col
	}{
		{"gh-pr-list.json", []string{
			"scipy/scipy#24944 merged 2026-11-05 2026-11-12 2026-11-12 epapadopoulou-lattice false @2:3",
			"scipy/scipy#24906 open 2026-10-20   app/dependabot true @17:3",
			"scipy/scipy#24873 closed 2026-10-09  2026-10-14 epapadopoulou-lattice false @32:3",
		}},
		{"gh-search-prs.json", []string{
			"cupy/cupy#9418 open 2026-10-28   epapadopoulou-lattice false @2:3",
			"scipy/scipy#24790 merged 2026-09-22 2026-10-02 2026-10-02 epapadopoulou-lattice false @21:3",
		}},
		{"rest-pulls-slurp.json", []string{
			"scipy/scipy#24935 open 2026-11-03   zmartin-lattice false @3:5",
			"scipy/scipy#24812 merged 2026-09-29 2026-10-16 2026-10-16 zmartin-lattice false @31:5",
			"scipy/scipy#24630 closed 2026-06-15  2026-06-22 dependabot[bot] true @61:5",
		}},
		{"rest-search-issues.json", []string{
			"scipy/scipy#24866 open 2026-10-07   jokafor-lattice false @5:5",
			"data-apis/array-api-compat#341 merged 2026-10-01 2026-10-08 2026-10-08 jokafor-lattice false @31:5",
		}},
		{"appended.json", []string{
			"scipy/scipy#24901 open 2026-10-19   epapadopoulou-lattice false @2:3",
			"cupy/cupy#24901 merged 2026-10-21 2026-11-02 2026-11-02 epapadopoulou-lattice false @5:3",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "github", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			prs, diags := parseContributions(tt.file, data)
			if len(diags) > 0 {
				t.Fatalf("diagnostics:\n%v", diags)
			}
			var got []string
			for _, c := range prs {
				got = append(got, fmt.Sprintf("%s %s %s %s %s %s %t @%d:%d", c.Ref(), c.State, c.Opened, c.Merged, c.Closed, c.Author, c.Bot, c.Pos.Line, c.Pos.Col))
				if !strings.HasPrefix(c.URL, "https://github.com/") {
					t.Errorf("%s: url = %q, want the web page", c.Ref(), c.URL)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestContributionErrors: what cannot be read is said at its line and column.
func TestContributionErrors(t *testing.T) {
	const prefix = "not pull requests as gh pr list, gh search prs or the GitHub API print them: "
	tests := []struct{ name, json, want string }{
		{"empty", "", "c.json:1:1: error: " + prefix + "the file is empty; an export with no pull requests is []"},
		{"numbers", "[\n  24901\n]", "c.json:2:3: error: " + prefix + "expected an array of pull requests (JSON objects), found the number 24901"},
		{"syntax in second page", "[]\n[{\"number\": 1,}]", "c.json:2:15: error: " + prefix + "invalid character '}' looking for beginning of object key string"},
		{"wrong type", "[{\"url\": \"https://github.com/o/r/pull/1\",\n  \"title\": 5}]", "c.json:2:12: error: pull request 1: field title: expected string, got number"},
		{"no created date", `[{"url": "https://github.com/o/r/pull/1", "state": "open"}]`, "c.json:1:2: error: pull request 1: has no createdAt (nor created_at)"},
		{"REST state", `[{"html_url": "https://github.com/o/r/pull/1", "created_at": "2026-10-01T00:00:00Z", "state": "draft"}]`,
			`c.json:1:2: error: pull request 1: state "draft" is not OPEN, MERGED or CLOSED (nor open or closed)`},
		{"repository disagrees", `[{"url": "https://github.com/o/r/pull/1", "createdAt": "2026-10-01T00:00:00Z", "state": "OPEN", "repository": {"nameWithOwner": "o/other"}}]`,
			`c.json:1:2: error: pull request 1: url "https://github.com/o/r/pull/1" is not in repository o/other`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := parseContributions("c.json", []byte(tt.json))
			if len(diags) != 1 || diags[0].String() != tt.want {
				t.Errorf("diagnostics = %v\nwant %s", diags, tt.want)
			}
		})
	}
}

// TestContributionFiles: every contributions*.json file of a progress folder is read, in name
// order, and the same number in two repositories is two pull requests.
func TestContributionFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"gh-search-prs.json", "gh-pr-list.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "github", name))
		if err != nil {
			t.Fatal(err)
		}
		write("progress/O-1/contributions-"+name, string(data))
	}
	write("progress/O-1/contributions.json", "[]")
	l := &loader{ws: &cwo.Workspace{PRs: map[string][]cwo.Contribution{}}}
	fsys, err := openFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	l.fsys = fsys
	l.loadProgress()
	if len(l.diags) > 0 {
		t.Fatalf("diagnostics:\n%v", l.diags)
	}
	var got []string
	for _, c := range l.ws.PRs["O-1"] {
		got = append(got, c.File+" "+c.Ref())
	}
	want := []string{
		"progress/O-1/contributions-gh-pr-list.json scipy/scipy#24944",
		"progress/O-1/contributions-gh-pr-list.json scipy/scipy#24906",
		"progress/O-1/contributions-gh-pr-list.json scipy/scipy#24873",
		"progress/O-1/contributions-gh-search-prs.json cupy/cupy#9418",
		"progress/O-1/contributions-gh-search-prs.json scipy/scipy#24790",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestContributionSearchPages: gh api --paginate --slurp of the search API is an array of result
// pages, each with its items.
func TestContributionSearchPages(t *testing.T) {
	page := func(n int) string {
		return fmt.Sprintf(`{"total_count": 2, "incomplete_results": false, "items": [
  {"html_url": "https://github.com/o/r/pull/%d", "repository_url": "https://api.github.com/repos/o/r", "number": %d,
   "state": "closed", "created_at": "2026-10-0%dT10:00:00Z", "closed_at": "2026-10-09T10:00:00Z",
   "pull_request": {"merged_at": "2026-10-09T10:00:00Z"}, "user": {"login": "u", "type": "User"}}]}`, n, n, n)
	}
	data := "[" + page(1) + ",\n" + page(2) + "]"
	prs, diags := parseContributions("c.json", []byte(data))
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%v", diags)
	}
	var got []string
	for _, c := range prs {
		got = append(got, fmt.Sprintf("%s %s %s @%d:%d", c.Ref(), c.State, c.Merged, c.Pos.Line, c.Pos.Col))
	}
	want := "o/r#1 merged 2026-10-09 @2:3, o/r#2 merged 2026-10-09 @6:3"
	if strings.Join(got, ", ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, ", "), want)
	}
}
