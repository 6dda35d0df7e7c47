package cwo

import (
	"fmt"
	"slices"
	"strings"
	"unique"
)

// Source says where a record was read from: its file and the position of each of its fields, so
// validation can point at the exact line and column of a problem.
type Source struct {
	File string // path relative to the workspace, with forward slashes
	pos  []fieldPos
}

// fieldPos is the position of the value at a dotted path ("scope.0.item"). A record keeps its
// positions sorted by path, with the paths interned: thousands of orders share the same few
// hundred paths, so this takes a third of the memory a map per record did.
type fieldPos struct {
	path      string
	line, col int32
}

// NewSource returns the source of a record read from file, with the position of each of its
// values by dotted path ("" for the document, "scope.0.item" for a field).
func NewSource(file string, positions map[string]Pos) Source {
	return Source{File: file, pos: compactPositions(positions)}
}

// compactPositions turns the decoder's map into a Source's sorted list.
func compactPositions(m map[string]Pos) []fieldPos {
	out := make([]fieldPos, 0, len(m))
	for path, p := range m {
		out = append(out, fieldPos{path: unique.Make(path).Value(), line: int32(p.Line), col: int32(p.Col)})
	}
	slices.SortFunc(out, func(a, b fieldPos) int { return strings.Compare(a.path, b.path) })
	return out
}

// lookup returns the position recorded for path.
func (s Source) lookup(path string) (Pos, bool) {
	i, ok := slices.BinarySearchFunc(s.pos, path, func(f fieldPos, p string) int { return strings.Compare(f.path, p) })
	if !ok {
		return Pos{}, false
	}
	return Pos{Line: int(s.pos[i].line), Col: int(s.pos[i].col)}, true
}

// At returns the position of the value at path (keys and indexes, e.g. "scope", 0, "item"). When
// that exact value has no position, it falls back to the nearest enclosing one, then to 1:1.
func (s Source) At(path ...any) Pos {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = fmt.Sprint(p)
	}
	for n := len(parts); n >= 0; n-- {
		if p, ok := s.lookup(strings.Join(parts[:n], ".")); ok {
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
	_, ok := s.lookup(strings.Join(parts, "."))
	return ok
}
