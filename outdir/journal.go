package outdir

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A run that is killed (kill -9, a power cut) never writes its manifest. So that the manifest
// still describes the files on disk, a run appends each output's entry to the manifest's
// journal, and syncs it, before it renames the output into place. Readers take the manifest
// and its journal together (ReadManifest): for each path the journal names, the entry kept is
// one that describes the file on disk. The next run that writes the manifest folds the journal
// in and removes it.

// journalName is the journal beside the manifest file manifest: "manifest.journal".
func journalName(manifest string) string { return strings.TrimSuffix(manifest, ".json") + ".journal" }

// journal is the append-only file of one run's manifest entries, one JSON object a line. It is
// created on the first append.
type journal struct {
	path   string
	mu     sync.Mutex
	f      *os.File
	onSync func() // called after each append is synced, in tests
}

// append writes e as a line of the journal and syncs it, creating the journal in dir (and
// syncing dir, so that the journal's name is on disk before any file it describes) if needed.
func (j *journal) append(dir string, e Entry) error {
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		f, err := os.OpenFile(j.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			return fmt.Errorf("journal: %w", err)
		}
		j.f = f
		syncDir(dir)
	}
	if _, err := j.f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if j.onSync != nil {
		j.onSync()
	}
	return nil
}

// close closes the journal file, if open.
func (j *journal) close() {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f != nil {
		j.f.Close()
		j.f = nil
	}
}

// readJournal returns the entries in the journal at path, in the order they were written; a
// missing journal has none. A line a kill cut short is skipped: its file was never renamed.
func readJournal(path string) []Entry {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []Entry
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e Entry
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.Path != "" {
			out = append(out, e)
		}
	}
	return out
}

// HasJournal reports whether the shard's manifest in dir has a journal: the last run that wrote
// into the folder was killed, and the next one must take the manifest and journal together.
func HasJournal(dir string, sh Shard) bool {
	_, err := os.Lstat(filepath.Join(dir, sh.JournalName()))
	return err == nil
}

// reconcile folds journaled, the journal's entries, into m: for each path they name, m keeps the
// last of its own entry and the journal's whose SHA-256 is the file's in dir, and drops the path
// when none is (the file is missing, or a kill came between an entry and its rename).
func (m *Manifest) reconcile(dir string, journaled []Entry) {
	byPath := map[string][]Entry{}
	var order []string
	for _, e := range journaled {
		if _, seen := byPath[e.Path]; !seen {
			order = append(order, e.Path)
		}
		byPath[e.Path] = append(byPath[e.Path], e)
	}
	drop := map[string]bool{}
	for _, p := range order {
		candidates := byPath[p]
		if old := m.Entry(p); old != nil {
			candidates = append([]Entry{*old}, candidates...)
		}
		if e, ok := describing(dir, candidates); ok {
			m.Set(e)
		} else {
			drop[p] = true
		}
	}
	if len(drop) > 0 {
		*m = *m.Filter(m.Version, func(e Entry) bool { return !drop[e.Path] })
	}
}

// describing returns the last of candidates, entries for one path, whose SHA-256 is the file's
// in dir. Only a regular file inside dir is read.
func describing(dir string, candidates []Entry) (Entry, bool) {
	rel := filepath.FromSlash(candidates[0].Path)
	if !filepath.IsLocal(rel) {
		return Entry{}, false
	}
	path := filepath.Join(dir, rel)
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		return Entry{}, false
	}
	sum, err := FileSHA256(path)
	if err != nil {
		return Entry{}, false
	}
	for i := len(candidates) - 1; i >= 0; i-- {
		if candidates[i].SHA256 == sum {
			return candidates[i], true
		}
	}
	return Entry{}, false
}
