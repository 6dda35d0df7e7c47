package serve

import (
	"fmt"
	"reflect"
	"sync"
	"time"
)

// problem is one validation error or warning, or a document that failed to render.
type problem struct {
	File      string // workspace-relative path, or the output path of a failed document
	Line, Col int    // 0 when unknown
	Error     bool   // an error (red); else a warning (amber)
	Message   string
}

// Where returns "file:line:col", leaving out what is unknown.
func (p problem) Where() string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// link is one rendered file.
type link struct {
	Label string // what the link says: "v1", "2026-Q4"
	Path  string // relative to the preview folder, with forward slashes
	Hash  string // input hash; changes whenever the document may have changed
}

// orderRow is one line of the orders table.
type orderRow struct {
	ID, Title, Status string
	Funder, Project   string // display names
	Budget            string // "fixed $150,000.00"
	Hours             string // hours logged, "432.0"
	Agreement         []link
	Reports           []link
}

// brochureRow is one line of the brochures table.
type brochureRow struct {
	ID, Title, Event string
	Docs             []link
}

// documents are the tables of one good build and the files they link to.
type documents struct {
	Orders    []orderRow
	Brochures []brochureRow
	Other     []link // rendered files that belong to no order or brochure
	files     map[string]bool
	Built     time.Time
}

// snapshot is what the page shows: the problems of the latest build and the documents of the last
// good one.
type snapshot struct {
	Version  int // increases whenever the page would change
	Problems []problem
	Docs     *documents // nil until a build succeeds
	Stale    bool       // the latest build failed; Docs are older than Problems
	Checked  time.Time  // when the latest build finished
	Took     time.Duration
}

// Counts returns the number of errors and warnings.
func (s *snapshot) Counts() (errs, warns int) {
	for _, p := range s.Problems {
		if p.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// serves reports whether rel is a file of the documents shown.
func (s *snapshot) serves(rel string) bool { return s.Docs != nil && s.Docs.files[rel] }

// store holds the current snapshot and wakes those waiting for the next one.
type store struct {
	mu      sync.Mutex
	cur     *snapshot
	changed chan struct{} // closed when cur is replaced
}

func newStore() *store { return &store{cur: &snapshot{}, changed: make(chan struct{})} }

// get returns the current snapshot and a channel that is closed when it is replaced.
func (st *store) get() (*snapshot, <-chan struct{}) {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.cur, st.changed
}

// update records a build: its problems, and its documents when docs is not nil (else the last
// good documents stay). Watchers are woken only when what the page shows has changed.
func (st *store) update(problems []problem, docs *documents, took time.Duration) *snapshot {
	st.mu.Lock()
	defer st.mu.Unlock()
	next := &snapshot{Version: st.cur.Version, Problems: problems, Docs: st.cur.Docs, Stale: docs == nil,
		Checked: time.Now(), Took: took}
	if docs != nil {
		next.Docs = docs
	}
	if next.Version == 0 || !samePage(st.cur, next) {
		next.Version++
		close(st.changed)
		st.changed = make(chan struct{})
	}
	st.cur = next
	return next
}

// samePage reports whether two snapshots show the same page, apart from times.
func samePage(a, b *snapshot) bool {
	if a.Stale != b.Stale || !reflect.DeepEqual(a.Problems, b.Problems) || (a.Docs == nil) != (b.Docs == nil) {
		return false
	}
	if a.Docs == nil {
		return true
	}
	return reflect.DeepEqual(a.Docs.Orders, b.Docs.Orders) && reflect.DeepEqual(a.Docs.Brochures, b.Docs.Brochures) &&
		reflect.DeepEqual(a.Docs.Other, b.Docs.Other)
}
