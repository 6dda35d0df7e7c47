package cwo

import (
	"regexp"
	"slices"
	"strings"
)

// Contribution flags: why a pull request may not be the funded team's work under the order.
// Validate warns about each, and reports show them beside the pull request.
const (
	FlagBot        = "bot"          // opened by a bot (Dependabot, Renovate, pre-commit.ci ...)
	FlagBeforeTerm = "before start" // opened before the order's start
	FlagAfterTerm  = "after end"    // opened after the order's end
	FlagNotTeam    = "not on team"  // its author is not one of the team's github: logins
	FlagOtherRepo  = "other repo"   // in a repository outside the project's (Project.OwnsRepo)
)

// botLogins are bots that GitHub does not mark as apps in every export.
var botLogins = []string{"dependabot", "dependabot-preview", "renovate", "renovate-bot", "pre-commit-ci", "github-actions", "greenkeeper", "snyk-bot", "imgbot"}

// IsBotLogin reports whether a GitHub login is a bot's: an app's login as the REST API writes it
// (dependabot[bot]) or as gh writes it (app/dependabot), or a known bot account.
func IsBotLogin(login string) bool {
	l := strings.ToLower(strings.TrimSpace(login))
	return strings.HasSuffix(l, "[bot]") || strings.HasPrefix(l, "app/") || slices.Contains(botLogins, l)
}

// ContributionFlags returns the flags of pull request c under order o on project p, in the order
// of the constants above. The team check is made only when some team member has a github: login;
// the repository check only when the project's repository is on GitHub.
func ContributionFlags(o *WorkOrder, p *Project, c Contribution) []string {
	var flags []string
	if c.Bot || IsBotLogin(c.Author) {
		flags = append(flags, FlagBot)
	}
	switch {
	case c.Opened.IsZero():
	case !o.Start.IsZero() && c.Opened.Before(o.Start):
		flags = append(flags, FlagBeforeTerm)
	case !o.End.IsZero() && c.Opened.After(o.End):
		flags = append(flags, FlagAfterTerm)
	}
	if len(flags) == 0 || flags[0] != FlagBot {
		if logins := teamLogins(o); len(logins) > 0 && c.Author != "" && !slices.Contains(logins, strings.ToLower(c.Author)) {
			flags = append(flags, FlagNotTeam)
		}
	}
	if repo := c.Identified().Repo; repo != "" && !p.OwnsRepo(repo) {
		flags = append(flags, FlagOtherRepo)
	}
	return flags
}

// githubRepoLink finds the GitHub repositories a text links to: github.com/owner/repo.
var githubRepoLink = regexp.MustCompile(`github\.com/([A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+)`)

// OwnsRepo reports whether repository repo (owner/repo) is one of the project's: it belongs to
// the owner (the organization) of the project's repository, or the project's roadmap links to
// it (a sister repository such as jupyter/accessibility, named in Jupyter's roadmap). A project
// without a GitHub repository owns every repository: there is nothing to judge by.
func (p *Project) OwnsRepo(repo string) bool {
	own := p.GitHubRepo()
	if own == "" {
		return true
	}
	owner, _, _ := strings.Cut(own, "/")
	if o, _, _ := strings.Cut(repo, "/"); strings.EqualFold(o, owner) {
		return true
	}
	texts := []string{p.Roadmap.URL}
	for _, it := range p.Roadmap.Items {
		texts = append(texts, it.Summary)
	}
	for _, t := range texts {
		for _, m := range githubRepoLink.FindAllStringSubmatch(t, -1) {
			if strings.EqualFold(strings.TrimSuffix(m[1], ".git"), repo) {
				return true
			}
		}
	}
	return false
}

// FlagNote describes a contribution's flags for a reader: "opened by a bot (dependabot[bot]);
// opened 2026-05-02, before the order's start 2026-06-01".
func FlagNote(o *WorkOrder, c Contribution) string {
	var parts []string
	for _, f := range c.Flags {
		switch f {
		case FlagBot:
			bot := "opened by a bot"
			if c.Author != "" {
				bot += " (" + c.Author + ")"
			}
			parts = append(parts, bot)
		case FlagBeforeTerm:
			parts = append(parts, "opened "+c.Opened.String()+", before the order's start "+o.Start.String())
		case FlagAfterTerm:
			parts = append(parts, "opened "+c.Opened.String()+", after the order's end "+o.End.String())
		case FlagNotTeam:
			parts = append(parts, "author "+c.Author+" is not on the order's team")
		case FlagOtherRepo:
			parts = append(parts, "in "+c.Identified().Repo+", outside the project's repositories")
		}
	}
	return strings.Join(parts, "; ")
}

// teamLogins returns the team's github: logins, in lower case (GitHub logins ignore case).
func teamLogins(o *WorkOrder) []string {
	var logins []string
	for _, m := range o.Team {
		if m.GitHub != "" {
			logins = append(logins, strings.ToLower(strings.TrimPrefix(m.GitHub, "@")))
		}
	}
	return logins
}
