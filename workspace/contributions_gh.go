package workspace

import (
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo"
)

// ghPR is one pull request as gh pr list --json, gh search prs --json or the GitHub REST API
// print it; each field lists the names of the shapes that have it.
type ghPR struct {
	Number  int    `json:"number"`
	Title   string `json:"title"`
	URL     string `json:"url"`      // gh: the web page; REST: the API URL
	HTMLURL string `json:"html_url"` // REST: the web page
	State   string `json:"state"`    // gh pr list: OPEN, MERGED, CLOSED; search and REST: open, closed (merged_at says merged)

	CreatedAt     *string `json:"createdAt"`
	MergedAt      *string `json:"mergedAt"`
	ClosedAt      *string `json:"closedAt"`
	CreatedAtREST *string `json:"created_at"`
	MergedAtREST  *string `json:"merged_at"`
	ClosedAtREST  *string `json:"closed_at"`

	Author *ghUser `json:"author"` // gh
	User   *ghUser `json:"user"`   // REST

	Repository    *ghRepo `json:"repository"`     // gh search prs: {name, nameWithOwner}
	RepositoryURL string  `json:"repository_url"` // REST search: https://api.github.com/repos/OWNER/REPO
	Base          *struct {
		Repo *ghRepo `json:"repo"`
	} `json:"base"` // REST pulls: base.repo.full_name
	PullRequest *struct {
		HTMLURL  string  `json:"html_url"`
		MergedAt *string `json:"merged_at"`
	} `json:"pull_request"` // REST search: an issue that is a pull request
}

// ghUser is an author: gh writes app/dependabot and is_bot, REST dependabot[bot] and type "Bot".
type ghUser struct {
	Login string `json:"login"`
	IsBot bool   `json:"is_bot"`
	Type  string `json:"type"`
}

// ghRepo is a repository: gh's nameWithOwner or REST's full_name.
type ghRepo struct {
	NameWithOwner string `json:"nameWithOwner"`
	FullName      string `json:"full_name"`
}

// contribution converts a pull request, or says what is wrong with it.
func (pr ghPR) contribution() (cwo.Contribution, string) {
	c := cwo.Contribution{Number: pr.Number, Title: pr.Title, URL: pr.webURL(), Repo: pr.repo()}
	if u := pr.author(); u != nil {
		c.Author, c.Bot = u.Login, u.IsBot || strings.EqualFold(u.Type, "Bot")
	}
	urlRepo, urlNumber := cwo.PRFromURL(c.URL)
	if c.Repo == "" {
		c.Repo = urlRepo
	}
	if c.Number == 0 && c.Repo == urlRepo {
		c.Number = urlNumber
	}
	if c.URL == "" {
		return c, "has no url (nor html_url)"
	}
	if !cwo.SafeURL(c.URL) {
		return c, "url " + quote(c.URL) + " is not an http or https URL"
	}
	if urlRepo != "" && c.Repo != "" && !strings.EqualFold(urlRepo, c.Repo) {
		return c, "url " + quote(c.URL) + " is not in repository " + c.Repo
	}
	var bad string
	c.Opened, bad = ghDate(bad, "createdAt", pr.CreatedAt, pr.CreatedAtREST)
	c.Merged, bad = ghDate(bad, "mergedAt", pr.MergedAt, pr.MergedAtREST, pr.searchMergedAt())
	c.Closed, bad = ghDate(bad, "closedAt", pr.ClosedAt, pr.ClosedAtREST)
	if bad != "" {
		return c, bad
	}
	if c.Opened.IsZero() {
		return c, "has no createdAt (nor created_at)"
	}
	return c, ghState(&c, pr.State)
}

// ghState returns the state as cwo writes it from the state as gh writes it (OPEN, MERGED,
// CLOSED) or as the REST API does (open, closed, and a merged date when merged). gh search prs
// has no merged date: a merged pull request was closed when it was merged.
func ghState(c *cwo.Contribution, state string) string {
	switch s := strings.ToLower(state); {
	case s == cwo.StateClosed && !c.Merged.IsZero():
		c.State = cwo.StateMerged
	case s == cwo.StateMerged && c.Merged.IsZero():
		c.State, c.Merged = s, c.Closed
	case s == cwo.StateOpen || s == cwo.StateMerged || s == cwo.StateClosed:
		c.State = s
	default:
		return "state " + quote(state) + " is not OPEN, MERGED or CLOSED (nor open or closed)"
	}
	return ""
}

// webURL returns the pull request's web page: html_url, else url, else the page a REST API URL
// stands for.
func (pr ghPR) webURL() string {
	u := pr.HTMLURL
	if u == "" && pr.PullRequest != nil {
		u = pr.PullRequest.HTMLURL
	}
	if u == "" {
		u = pr.URL
	}
	if repo, n := cwo.PRFromURL(u); repo != "" && strings.Contains(u, "/repos/") {
		return "https://github.com/" + repo + "/pull/" + strconv.Itoa(n)
	}
	return u
}

// repo returns the repository the export names, as owner/repo, or "".
func (pr ghPR) repo() string {
	switch {
	case pr.Repository != nil && pr.Repository.NameWithOwner != "":
		return pr.Repository.NameWithOwner
	case pr.Repository != nil && pr.Repository.FullName != "":
		return pr.Repository.FullName
	case pr.Base != nil && pr.Base.Repo != nil && pr.Base.Repo.FullName != "":
		return pr.Base.Repo.FullName
	}
	return cwo.RepoFromURL(pr.RepositoryURL)
}

func (pr ghPR) author() *ghUser {
	if pr.Author != nil {
		return pr.Author
	}
	return pr.User
}

func (pr ghPR) searchMergedAt() *string {
	if pr.PullRequest == nil {
		return nil
	}
	return pr.PullRequest.MergedAt
}

// ghDate takes the date part of the first set RFC 3339 timestamp such as 2026-10-03T14:21:09Z;
// gh search prs writes 0001-01-01T00:00:00Z for a date that is not set.
func ghDate(bad, field string, values ...*string) (cwo.Date, string) {
	if bad != "" {
		return cwo.Date{}, bad
	}
	for _, s := range values {
		if s == nil || *s == "" || strings.HasPrefix(*s, "0001-01-01") {
			continue
		}
		day, _, _ := strings.Cut(*s, "T")
		d, err := cwo.ParseDate(day)
		if err != nil {
			return cwo.Date{}, field + ": " + err.Error()
		}
		return d, ""
	}
	return cwo.Date{}, ""
}
