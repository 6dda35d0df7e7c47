package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/cwo-tool/cwo"
)

// A progress folder's contributions*.json files hold pull requests in any of the shapes that
// GitHub's tools print:
//
//   - gh pr list --json ... and gh search prs --json ...: an array of objects (createdAt, url,
//     author.login; gh search prs also repository.nameWithOwner);
//   - the REST API (gh api repos/OWNER/REPO/pulls): an array of objects (created_at, html_url,
//     user.login, base.repo.full_name, merged_at beside state "closed");
//   - the REST search API (gh api search/issues): an object whose items are pull requests
//     (repository_url, pull_request.merged_at);
//   - pages: gh api --paginate --slurp's array of pages, or pages one after another, as
//     gh api --paginate or appending files (cat a.json b.json) writes them.

// isContributionsFile reports whether a progress folder's file holds pull requests.
func isContributionsFile(name string) bool {
	return strings.HasPrefix(name, "contributions") && strings.HasSuffix(name, ".json")
}

// loadContributionsJSON reads one contributions*.json file.
func (l *loader) loadContributionsJSON(rel string) []cwo.Contribution {
	data, ok := l.read(rel)
	if !ok {
		return nil
	}
	prs, diags := parseContributions(rel, data)
	l.diags = append(l.diags, diags...)
	return prs
}

// parseContributions decodes one contributions*.json file, reporting each bad entry at its line
// and column.
func parseContributions(rel string, data []byte) ([]cwo.Contribution, cwo.Diagnostics) {
	var diags cwo.Diagnostics
	elems, off, err := prElements(data)
	if err != nil {
		diags.Errorf(rel, offsetPos(data, off), "not pull requests as gh pr list, gh search prs or the GitHub API print them: %v", err)
		return nil, diags
	}
	lc := lineCounter{data: data, line: 1}
	var out []cwo.Contribution
	for i, e := range elems {
		pos := lc.pos(e.off)
		var pr ghPR
		if err := json.Unmarshal(e.raw, &pr); err != nil {
			diags.Errorf(rel, offsetPos(data, e.off+jsonErrorOffset(e.raw, err)), "pull request %d: %s", i+1, jsonErrorText(err))
			continue
		}
		c, bad := pr.contribution()
		if bad != "" {
			diags.Errorf(rel, pos, "pull request %d: %s", i+1, bad)
			continue
		}
		c.File, c.Pos = rel, pos
		out = append(out, c)
	}
	return out, diags
}

// prElement is one pull request's JSON object and its byte offset in the file.
type prElement struct {
	raw json.RawMessage
	off int64
}

// prElements finds every pull request object in data, in file order: in the top-level values
// (one or several), their arrays, the pages of an array of pages, and search results' items.
// On error, it returns the offset of the problem.
func prElements(data []byte) ([]prElement, int64, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []prElement
	values := 0
	for {
		start := skipSpace(data, dec.InputOffset())
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, jsonErrorOffset(data, err), errors.New(jsonErrorText(err))
		}
		values++
		if out, err = collectPRs(out, raw, start, 0); err != nil {
			var oe *offsetError
			if errors.As(err, &oe) {
				return nil, oe.off, oe.err
			}
			return nil, start, err
		}
	}
	if values == 0 {
		return nil, 0, errors.New("the file is empty; an export with no pull requests is []")
	}
	return out, 0, nil
}

// collectPRs appends the pull requests of one JSON value at offset off: an object (a pull
// request, or a search result with items), or an array of them (depth 0) or of pages (depth 1).
func collectPRs(out []prElement, raw json.RawMessage, off int64, depth int) ([]prElement, error) {
	switch {
	case len(raw) > 0 && raw[0] == '{':
		if items, at, ok := searchItems(raw); ok {
			return collectPRs(out, items, off+at, depth)
		}
		return append(out, prElement{raw: raw, off: off}), nil
	case len(raw) > 0 && raw[0] == '[' && depth < 2:
		dec := json.NewDecoder(bytes.NewReader(raw))
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		for dec.More() {
			at := skipSpace(raw, dec.InputOffset())
			var el json.RawMessage
			if err := dec.Decode(&el); err != nil {
				return nil, err
			}
			var err error
			if out, err = collectPRs(out, el, off+at, depth+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return nil, &offsetError{off, errors.New("expected an array of pull requests (JSON objects), found " + jsonValueKind(raw))}
}

// offsetError is an error at a byte offset of the file.
type offsetError struct {
	off int64
	err error
}

func (e *offsetError) Error() string { return e.err.Error() }

// searchItems returns the items array of a REST search result ({"total_count": 2, "items":
// [...]}) and its offset in raw; ok is false for any other object.
func searchItems(raw json.RawMessage) (items json.RawMessage, off int64, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, 0, false
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, 0, false
		}
		at := skipSpace(raw, dec.InputOffset())
		var v json.RawMessage
		if dec.Decode(&v) != nil {
			return nil, 0, false
		}
		if key == "items" && len(v) > 0 && v[0] == '[' {
			return v, at, true
		}
	}
	return nil, 0, false
}

// skipSpace returns the offset of the first byte at or after off that is not white space or a
// separator (',' between values, ':' after a key).
func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
		off++
	}
	return off
}

// jsonValueKind names the kind of a JSON value for a message.
func jsonValueKind(raw json.RawMessage) string {
	switch {
	case len(raw) == 0:
		return "nothing"
	case raw[0] == '[':
		return "arrays nested too deep"
	case raw[0] == '"':
		return "text " + string(raw)
	case raw[0] == 'n':
		return "null"
	case raw[0] == 't' || raw[0] == 'f':
		return "true or false"
	}
	return "the number " + string(raw)
}
