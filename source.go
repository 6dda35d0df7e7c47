package cwo

import (
	"fmt"
	"strings"
)

// Source says where a record was read from: its file and the position of each of its fields, so
// validation can point at the exact line and column of a problem.
type Source struct {
	File string // path relative to the workspace, with forward slashes
	pos  map[string]Pos
}

// At returns the position of the value at path (keys and indexes, e.g. "scope", 0, "item"). When
// that exact value has no position, it falls back to the nearest enclosing one, then to 1:1.
func (s Source) At(path ...any) Pos {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = fmt.Sprint(p)
	}
	for n := len(parts); n >= 0; n-- {
		if p, ok := s.pos[strings.Join(parts[:n], ".")]; ok {
			return p
		}
	}
	return Pos{Line: 1, Col: 1}
}

// Has reports whether the file set a value at path.
func (s Source) Has(path ...any) bool {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = fmt.Sprint(p)
	}
	_, ok := s.pos[strings.Join(parts, ".")]
	return ok
}
