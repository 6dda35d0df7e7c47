package cwo_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

const q4yaml = "progress/O-1/2026-Q4.yaml"

// otherRepo is a second file of pull requests, as gh search prs prints them: the same number
// as numpy/numpy#27001, in another repository.
const otherRepo = `[
  {"author": {"id": "U_1", "is_bot": false, "login": "praman", "type": "User"}, "closedAt": "0001-01-01T00:00:00Z",
   "createdAt": "2026-10-10T09:00:00Z", "number": 27001, "repository": {"name": "cupy", "nameWithOwner": "cupy/cupy"},
   "state": "open", "title": "CuPy: SIMD-friendly strides", "url": "https://github.com/cupy/cupy/pull/27001"}
]`

// TestContributionRefs: pull requests are known by owner/repo#N, so the same number in two
// repositories is two pull requests, and prs: ties a bare number to the project's repository
// only, or any repository's by owner/repo#N.
func TestContributionRefs(t *testing.T) {
	ws := loadBase(t,
		edit{"progress/O-1/contributions-cupy.json", "", otherRepo},
		edit{q4yaml, "next:", "items:\n  simd: {status: in-progress, percent: 40, prs: [27001]}\n  release: {prs: [\"cupy/cupy#27001\"]}\nnext:"},
		edit{q4yaml, "items:\n  simd: {status: in-progress, percent: 40, note: \"Going well\", prs: [27001]}\n", ""})
	// The other repository's pull request is flagged in the report, not warned about.
	if diags := cwo.Validate(ws, cwo.ValidateOptions{}); len(diags) > 0 {
		t.Fatalf("diagnostics:\n%v", diags)
	}
	r := ws.NewReport(ws.Order("O-1"), cwo.Period{Year: 2026, Quarter: 4})
	var got []string
	for _, c := range r.Contributions {
		got = append(got, c.Ref()+" "+c.Item)
	}
	want := "numpy/numpy#27001 simd, numpy/numpy#27002 , cupy/cupy#27001 release"
	if strings.Join(got, ", ") != want {
		t.Errorf("contributions = %q, want %q", strings.Join(got, ", "), want)
	}
	for _, c := range r.Contributions {
		if c.Ref() == "cupy/cupy#27001" && strings.Join(c.Flags, ",") != cwo.FlagOtherRepo {
			t.Errorf("cupy/cupy#27001 flags %v, want %s", c.Flags, cwo.FlagOtherRepo)
		}
	}
	for i, want := range []string{"numpy/numpy#27001", "cupy/cupy#27001"} {
		if prs := r.Items[i].PRs; len(prs) != 1 || prs[0].Ref() != want {
			t.Errorf("item %s PRs = %+v, want %s only", r.Items[i].Key, prs, want)
		}
	}
}

// TestPRRefRules: a prs: entry that is not a reference, or names no pull request of the order,
// is an error at the entry that says which.
func TestPRRefRules(t *testing.T) {
	for _, tt := range []struct{ name, prs, want string }{
		{"unknown number", "[27099]", q4yaml + `:6:70: error: pull request numpy/numpy#27099 is not among order O-1's pull requests (progress/O-1/contributions*.json and the progress files' contributions:) (did you mean "numpy/numpy#27001"?)`},
		{"other repository", `[27001, "cupy/cupy#27001"]`, q4yaml + `:6:77: error: pull request cupy/cupy#27001 is not among order O-1's pull requests`},
		{"not a reference", `["numpy#27001"]`, q4yaml + `:6:70: error: "numpy#27001" is not a pull request number (24790) or reference (owner/repo#24790)`},
		{"zero", "[0]", q4yaml + `:6:70: error: pull request number must be positive, got 0`},
		{"a list", "[[1]]", q4yaml + `:6:70: error: items.simd.prs.0: expected a pull request number or owner/repo#N, got a list`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			diags := check(t, copyBase(t, edit{q4yaml, "prs: [27001]", "prs: " + tt.prs}), cwo.ValidateOptions{})
			if !hasPrefix(diags, tt.want) {
				t.Errorf("diagnostics lack %q:\n%v", tt.want, diags)
			}
		})
	}
}

// flagged holds pull requests that may not be the team's work under order O-1 (2026-10-01 to
// 2027-09-30, team praman), as the REST API prints them.
const flagged = `[
  {"html_url": "https://github.com/numpy/numpy/pull/27010", "number": 27010, "state": "open", "title": "MAINT: Bump actions/checkout from 5 to 6",
   "user": {"login": "dependabot[bot]", "type": "Bot"}, "created_at": "2026-10-05T06:00:00Z", "merged_at": null, "closed_at": null},
  {"html_url": "https://github.com/numpy/numpy/pull/26950", "number": 26950, "state": "open", "title": "ENH: SIMD groundwork",
   "user": {"login": "praman", "type": "User"}, "created_at": "2026-09-20T10:00:00Z", "merged_at": null, "closed_at": null},
  {"html_url": "https://github.com/numpy/numpy/pull/27020", "number": 27020, "state": "open", "title": "DOC: typo",
   "user": {"login": "someone-else", "type": "User"}, "created_at": "2026-10-07T10:00:00Z", "merged_at": null, "closed_at": null},
  {"html_url": "https://github.com/numpy/numpy/pull/27030", "number": 27030, "state": "open", "title": "ENH: more SIMD",
   "user": {"login": "PRaman", "type": "User"}, "created_at": "2026-10-08T10:00:00Z", "merged_at": null, "closed_at": null}
]`

// TestContributionFlags: pull requests by bots, opened outside the order's term or by someone
// not on its team are warnings at their place in the file, and reports carry the flags.
func TestContributionFlags(t *testing.T) {
	const file = "progress/O-1/contributions-rest.json"
	dir := copyBase(t, edit{file, "", flagged})
	diags := check(t, dir, cwo.ValidateOptions{})
	want := []string{
		file + ":2:3: warning: pull request numpy/numpy#27010: opened by a bot (dependabot[bot]); reports show it with this note",
		file + ":4:3: warning: pull request numpy/numpy#26950: opened 2026-09-20, before the order's start 2026-10-01; reports show it with this note",
		file + ":6:3: warning: pull request numpy/numpy#27020: author someone-else is not on the order's team; reports show it with this note (the team's github: logins are praman)",
	}
	var lines []string
	for _, d := range diags {
		lines = append(lines, d.String())
	}
	if got := strings.Join(lines, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	ws := loadBase(t, edit{file, "", flagged})
	r := ws.NewReport(ws.Order("O-1"), cwo.Period{Year: 2026, Quarter: 4})
	flags := map[string]string{}
	for _, c := range r.Contributions {
		flags[c.Ref()] = strings.Join(c.Flags, ",")
	}
	for ref, want := range map[string]string{"numpy/numpy#27010": "bot", "numpy/numpy#26950": "before start",
		"numpy/numpy#27020": "not on team", "numpy/numpy#27030": "", "numpy/numpy#27001": ""} {
		if got, ok := flags[ref]; !ok || got != want {
			t.Errorf("%s flags = %q (listed: %t), want %q", ref, got, ok, want)
		}
	}
}

// TestIsBotLogin lists the bots' logins as gh and the REST API write them.
func TestIsBotLogin(t *testing.T) {
	for login, want := range map[string]bool{"dependabot[bot]": true, "app/dependabot": true, "renovate[bot]": true, "app/renovate": true,
		"renovate": true, "pre-commit-ci[bot]": true, "pre-commit-ci": true, "Dependabot": true, "praman": false, "botanist": false, "": false} {
		if got := cwo.IsBotLogin(login); got != want {
			t.Errorf("IsBotLogin(%q) = %t, want %t", login, got, want)
		}
	}
}

// TestPRFromURL reads the repository and number of pull request URLs.
func TestPRFromURL(t *testing.T) {
	for u, want := range map[string]string{
		"https://github.com/scipy/scipy/pull/24901":             "scipy/scipy#24901",
		"https://github.com/scipy/scipy/pull/24901/files":       "scipy/scipy#24901",
		"https://api.github.com/repos/scipy/scipy/pulls/24901":  "scipy/scipy#24901",
		"https://api.github.com/repos/scipy/scipy/issues/24901": "scipy/scipy#24901",
		"https://ghe.example.com/api/v3/repos/team/app/pulls/7": "team/app#7",
		"https://gitlab.com/group/proj/-/merge_requests/3":      "#0",
		"https://github.com/scipy/scipy/issues/24901":           "#0",
	} {
		repo, n := cwo.PRFromURL(u)
		if got := repo + "#" + strconv.Itoa(n); got != want {
			t.Errorf("PRFromURL(%q) = %q, want %q", u, got, want)
		}
	}
}

// TestPRRefIgnoresCase: GitHub's owner and repository names ignore case, and so do references.
func TestPRRefIgnoresCase(t *testing.T) {
	ws := loadBase(t, edit{q4yaml, "prs: [27001]", `prs: ["NumPy/NumPy#27001"]`},
		edit{q4yaml, "item: simd, opened", "opened"})
	if diags := cwo.Validate(ws, cwo.ValidateOptions{}); len(diags) > 0 {
		t.Fatalf("diagnostics:\n%v", diags)
	}
	r := ws.NewReport(ws.Order("O-1"), cwo.Period{Year: 2026, Quarter: 4})
	if prs := r.Items[0].PRs; len(prs) != 1 || prs[0].Ref() != "numpy/numpy#27001" {
		t.Errorf("simd PRs = %+v, want numpy/numpy#27001", prs)
	}
}

// TestOwnsRepo: a project's repositories are its owner's and those its roadmap links to.
func TestOwnsRepo(t *testing.T) {
	p := &cwo.Project{Repository: "https://github.com/jupyterlab/jupyterlab",
		Roadmap: cwo.Roadmap{Items: []cwo.RoadmapItem{{Summary: "With [jupyter/accessibility](https://github.com/jupyter/accessibility)."}}}}
	for repo, want := range map[string]bool{"jupyterlab/jupyterlab": true, "JupyterLab/lumino-x": true, "jupyter/accessibility": true,
		"jupyter/notebook": false, "cupy/cupy": false} {
		if got := p.OwnsRepo(repo); got != want {
			t.Errorf("OwnsRepo(%s) = %t, want %t", repo, got, want)
		}
	}
	if !(&cwo.Project{Repository: "https://gitlab.com/a/b"}).OwnsRepo("cupy/cupy") {
		t.Errorf("a project off GitHub flags another repository")
	}
	o := &cwo.WorkOrder{}
	c := cwo.Contribution{URL: "https://github.com/cupy/cupy/pull/9418"}
	if c.Flags = cwo.ContributionFlags(o, p, c); strings.Join(c.Flags, ",") != cwo.FlagOtherRepo {
		t.Fatalf("flags %v, want %s", c.Flags, cwo.FlagOtherRepo)
	}
	if got, want := cwo.FlagNote(o, c), "in cupy/cupy, outside the project's repositories"; got != want {
		t.Errorf("note %q, want %q", got, want)
	}
}
