package cwo

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A pull request is known everywhere by its reference, owner/repo#N (Contribution.Ref): the same
// number in two repositories is two pull requests. The repository comes from the pull request's
// URL (https://github.com/owner/repo/pull/N, or the REST API's
// https://api.github.com/repos/owner/repo/pulls/N), or from what the export says of it.

// PRRef is one entry of a progress item's prs: a pull request number of the project's
// repository (24790) or a reference to any repository (cupy/cupy#9418).
type PRRef string

// UnmarshalYAML accepts a whole number or a text scalar; ResolvePRRef checks it.
func (r *PRRef) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || (n.ShortTag() != "!!int" && n.ShortTag() != "!!str") {
		return fmt.Errorf("expected a pull request number or owner/repo#N, got %s", DescribeYAML(n))
	}
	*r = PRRef(n.Value)
	return nil
}

var (
	prRefPattern = regexp.MustCompile(`^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+)#([0-9]+)$`)
	repoPattern  = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+$`)
)

// ResolvePRRef returns the owner/repo#N reference that r names: a bare number ("24790" or
// "#24790") is in repo, the project's repository.
func ResolvePRRef(r PRRef, repo string) (string, error) {
	s := strings.TrimSpace(string(r))
	if m := prRefPattern.FindStringSubmatch(s); m != nil {
		if n, err := strconv.Atoi(m[2]); err == nil && n > 0 {
			return m[1] + "#" + strconv.Itoa(n), nil
		}
		return "", fmt.Errorf("%q: the pull request number must be 1 or more", s)
	}
	n, err := strconv.Atoi(strings.TrimPrefix(s, "#"))
	switch {
	case err != nil:
		return "", fmt.Errorf("%q is not a pull request number (24790) or reference (owner/repo#24790)", s)
	case n <= 0:
		return "", fmt.Errorf("pull request number must be positive, got %s", s)
	case repo == "":
		return "", fmt.Errorf("pull request %s: the project has no GitHub repository: write owner/repo#%d", s, n)
	}
	return repo + "#" + strconv.Itoa(n), nil
}

// Ref returns the pull request's reference, owner/repo#N; without a repository, #N; without a
// number, its URL.
func (c Contribution) Ref() string {
	switch {
	case c.Repo != "" && c.Number > 0:
		return c.Repo + "#" + strconv.Itoa(c.Number)
	case c.Number > 0:
		return "#" + strconv.Itoa(c.Number)
	}
	return c.URL
}

// PRFromURL returns the repository (owner/repo) and number of a pull request's web or REST API
// URL, on github.com or a GitHub Enterprise host; "", 0 for any other URL.
func PRFromURL(u string) (repo string, number int) {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") {
		return "", 0
	}
	parts := strings.Split(strings.Trim(p.Path, "/"), "/")
	if len(parts) >= 5 && (parts[0] == "repos" || (len(parts) >= 7 && parts[2] == "repos")) {
		if parts[0] != "repos" { // GitHub Enterprise: /api/v3/repos/...
			parts = parts[2:]
		}
		if parts[3] == "pulls" || parts[3] == "issues" {
			return prParts(parts[1], parts[2], parts[4])
		}
	}
	if len(parts) >= 4 && parts[2] == "pull" {
		return prParts(parts[0], parts[1], parts[3])
	}
	return "", 0
}

func prParts(owner, name, num string) (string, int) {
	n, err := strconv.Atoi(num)
	repo := owner + "/" + name
	if err != nil || n <= 0 || !repoPattern.MatchString(repo) {
		return "", 0
	}
	return repo, n
}

// RepoFromURL returns owner/repo from a repository's web URL (https://github.com/numpy/numpy,
// with or without .git) or REST API URL (https://api.github.com/repos/numpy/numpy); "" for
// anything else.
func RepoFromURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") {
		return ""
	}
	parts := strings.Split(strings.Trim(p.Path, "/"), "/")
	if i := len(parts) - 3; i >= 0 && parts[i] == "repos" {
		parts = parts[i+1:]
	}
	if len(parts) != 2 {
		return ""
	}
	repo := parts[0] + "/" + strings.TrimSuffix(parts[1], ".git")
	if !repoPattern.MatchString(repo) {
		return ""
	}
	return repo
}

// GitHubRepo returns the project's repository as owner/repo, from its repository: URL when that
// is on GitHub; "" otherwise.
func (p *Project) GitHubRepo() string {
	if p == nil {
		return ""
	}
	u, err := url.Parse(p.Repository)
	if err != nil || !strings.EqualFold(u.Host, "github.com") && !strings.EqualFold(u.Host, "www.github.com") {
		return ""
	}
	return RepoFromURL(p.Repository)
}
