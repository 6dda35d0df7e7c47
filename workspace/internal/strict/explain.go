package strict

import (
	"bytes"
	"strings"

	"github.com/cwo-tool/cwo"
)

// explainSyntax says in plain words what a YAML syntax error most likely means, with the
// position of the character at fault, or returns "" when it has nothing better than the
// parser's message.
func explainSyntax(msg string, data []byte) (string, cwo.Pos) {
	switch {
	case strings.Contains(msg, "tab character"), strings.Contains(msg, "cannot start any token"):
		if pos, ok := firstIndentTab(data); ok {
			return "a tab character is not allowed for indentation in YAML; indent with spaces", pos
		}
	case strings.Contains(msg, "mapping values are not allowed"):
		if pos, key, ok := colonInValue(data); ok {
			return `a colon followed by a space inside a value starts a new key; put the value in quotes: ` +
				key + `: "..."`, pos
		}
	}
	return "", cwo.Pos{}
}

// firstIndentTab finds the first tab in the indentation of a line.
func firstIndentTab(data []byte) (cwo.Pos, bool) {
	for i, line := range bytes.Split(data, []byte("\n")) {
		for col, c := range line {
			if c == '\t' {
				return cwo.Pos{Line: i + 1, Col: col + 1}, true
			}
			if c != ' ' {
				break
			}
		}
	}
	return cwo.Pos{}, false
}

// colonInValue finds the first line "key: value" whose unquoted value holds ": ", and returns
// the position of that colon and the key.
func colonInValue(data []byte) (cwo.Pos, string, bool) {
	for i, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimLeft(line, " -")
		key, value, ok := strings.Cut(trimmed, ": ")
		if !ok || strings.ContainsAny(key, `"'`) {
			continue
		}
		value = strings.TrimSpace(value)
		if value == "" || strings.ContainsAny(value[:1], `"'|>[{&*!#`) {
			continue
		}
		if j := strings.Index(value, ": "); j >= 0 {
			col := len(line) - len(trimmed) + len(key) + 2 + strings.Index(trimmed[len(key)+2:], value) + j + 1
			return cwo.Pos{Line: i + 1, Col: col}, strings.TrimSpace(key), true
		}
	}
	return cwo.Pos{}, "", false
}
