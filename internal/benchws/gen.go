package main

import (
	"bytes"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// generator holds the model of the workspace while its files are written.
type generator struct {
	dir      string
	c        config
	projects []*project
	funders  []*funder
	orders   []*order
	people   []person // the contractor's developers
}

func newGenerator(dir string, c config) *generator {
	g := &generator{dir: dir, c: c}
	g.people = people(g.rng("people", 0), 48)
	return g
}

// rng returns the random stream of one record: the same seed, kind and index give the same numbers.
func (g *generator) rng(kind string, i int) *rng {
	h := fnv.New64a()
	h.Write([]byte(kind))
	return &rng{rand.New(rand.NewPCG(g.c.Seed, h.Sum64()^uint64(i)*0x9E3779B97F4A7C15))}
}

// write writes one workspace file, creating its folder.
func (g *generator) write(rel string, data []byte) error {
	full := filepath.Join(g.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, data, 0o644)
}

// rng is a random stream with the helpers the generator needs.
type rng struct{ *rand.Rand }

// between returns an int in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.Float64() < p }

// pick returns a random element of xs.
func pick[T any](r *rng, xs []T) T { return xs[r.IntN(len(xs))] }

// sample returns n distinct elements of xs in a random order.
func sample[T any](r *rng, xs []T, n int) []T {
	idx := r.Perm(len(xs))[:min(n, len(xs))]
	out := make([]T, len(idx))
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

// day returns the date d days after t.
func day(t time.Time, d int) time.Time { return t.AddDate(0, 0, d) }

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func ymd(t time.Time) string { return t.Format("2006-01-02") }

// yamlDoc builds a YAML file line by line. Strings are always double-quoted (q), Markdown goes
// into literal blocks (block), so no text can change the structure.
type yamlDoc struct{ bytes.Buffer }

// line writes one line at an indent of two spaces per level.
func (y *yamlDoc) line(level int, s string) {
	y.WriteString(strings.Repeat("  ", level))
	y.WriteString(s)
	y.WriteByte('\n')
}

// block writes key: | followed by text indented one level deeper.
func (y *yamlDoc) block(level int, key, text string) {
	y.line(level, key+": |")
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if l == "" {
			y.WriteByte('\n')
			continue
		}
		y.line(level+1, l)
	}
}

// q quotes s as a YAML double-quoted scalar.
func q(s string) string { return strconv.Quote(s) }

// slug turns a name into an ID: lower case, letters and digits, words joined by '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// earliest returns the earlier of a and b.
func earliest(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
