package outdir

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// ManifestName is the manifest's file name in the output folder.
const ManifestName = "manifest.json"

// Manifest records every output of the folder: what it was built from and its checksum.
type Manifest struct {
	Version string  `json:"cwo"` // the version of the program that wrote it
	Outputs []Entry `json:"outputs"`

	index map[string]int // position of each path in Outputs, built on first look-up
}

// Entry is one output file in the manifest.
type Entry struct {
	Path      string   `json:"path"` // relative to the folder, with forward slashes
	Kind      string   `json:"kind"`
	IDs       []string `json:"ids"`        // the records it is built from
	InputHash string   `json:"input_hash"` // everything it depends on (see Hasher)
	SHA256    string   `json:"sha256"`     // of the file as written
}

// The states of an output against the manifest (see Manifest.State).
const (
	New       = "new"
	Changed   = "changed"
	Unchanged = "unchanged"
)

// ReadManifest reads the manifest file name in dir together with its journal, which a killed
// run leaves (see Writer.WriteOutput): for each output the journal names, the entry that
// describes the file on disk is kept. A missing or unreadable manifest is empty, so that
// everything is written again.
func ReadManifest(dir, name string) *Manifest {
	m := &Manifest{}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil || json.Unmarshal(data, m) != nil {
		m = &Manifest{}
	}
	m.reconcile(dir, readJournal(filepath.Join(dir, journalName(name))))
	return m
}

// readManifestStrict reads a manifest file with its journal, like ReadManifest, failing when the
// manifest is missing or not a manifest.
func readManifestStrict(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := &Manifest{}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	dir, name := filepath.Split(path)
	m.reconcile(dir, readJournal(filepath.Join(dir, journalName(name))))
	return m, nil
}

// Entry returns the entry for path, or nil.
func (m *Manifest) Entry(path string) *Entry {
	if m.index == nil {
		m.index = make(map[string]int, len(m.Outputs))
		for i, e := range m.Outputs {
			m.index[e.Path] = i
		}
	}
	if i, ok := m.index[path]; ok {
		return &m.Outputs[i]
	}
	return nil
}

// Set adds or replaces an entry.
func (m *Manifest) Set(e Entry) {
	if old := m.Entry(e.Path); old != nil {
		*old = e
		return
	}
	m.index[e.Path] = len(m.Outputs)
	m.Outputs = append(m.Outputs, e)
}

// Filter returns a manifest of version with the entries keep accepts.
func (m *Manifest) Filter(version string, keep func(Entry) bool) *Manifest {
	out := &Manifest{Version: version}
	for _, e := range m.Outputs {
		if keep(e) {
			out.Outputs = append(out.Outputs, e)
		}
	}
	return out
}

// Write saves the manifest atomically as indented JSON, entries sorted by path.
func (m *Manifest) Write(path string) error {
	data, err := m.bytes()
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// bytes returns the manifest as indented JSON, entries sorted by path.
func (m *Manifest) bytes() ([]byte, error) {
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Path < m.Outputs[j].Path })
	m.index = nil
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(m)
	return buf.Bytes(), err
}

// State says whether the output at path in dir, to be built from inputs with inputHash, is New,
// Changed or Unchanged against the manifest. known gives the checksum of an output file that
// the caller can vouch for (see Record.KnownSum), saving reading it.
func (m *Manifest) State(dir, path, inputHash string, known func(string) (string, bool)) string {
	e := m.Entry(path)
	if e == nil {
		return New
	}
	sum, ok := known(path)
	var err error
	if !ok {
		sum, err = FileSHA256(filepath.Join(dir, filepath.FromSlash(path)))
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return New
	case err != nil || sum != e.SHA256 || e.InputHash != inputHash:
		return Changed
	}
	return Unchanged
}
