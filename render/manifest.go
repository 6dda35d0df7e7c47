package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/cwo-tool/cwo"
)

// ManifestName is the manifest's file name in the output folder.
const ManifestName = "manifest.json"

// Manifest records every output of the folder: what it was built from and its checksum.
type Manifest struct {
	Version string  `json:"cwo"`
	Outputs []Entry `json:"outputs"`

	index map[string]int // position of each path in Outputs, built on first look-up
}

// Entry is one output file in the manifest.
type Entry struct {
	Path      string   `json:"path"`
	Kind      string   `json:"kind"`
	IDs       []string `json:"ids"`
	InputHash string   `json:"input_hash"`
	SHA256    string   `json:"sha256"`
}

// ReadManifest reads dir/manifest.json; a missing or unreadable one is empty (everything renders).
func ReadManifest(dir string) *Manifest { return readManifest(dir, ManifestName) }

func readManifest(dir, name string) *Manifest {
	m := &Manifest{}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil || json.Unmarshal(data, m) != nil {
		return &Manifest{}
	}
	return m
}

// entry returns the entry for path, or nil.
func (m *Manifest) entry(path string) *Entry {
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

// set adds or replaces an entry.
func (m *Manifest) set(e Entry) {
	if old := m.entry(e.Path); old != nil {
		*old = e
		return
	}
	m.index[e.Path] = len(m.Outputs)
	m.Outputs = append(m.Outputs, e)
}

// bytes returns the manifest as indented JSON, entries sorted by path.
func (m *Manifest) bytes() ([]byte, error) {
	m.Version = cwo.Version
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Path < m.Outputs[j].Path })
	m.index = nil
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(m)
	return buf.Bytes(), err
}

// state says whether a job's output is new, changed or unchanged against the manifest. known
// gives the checksum of an output file the last run's state vouches for, saving reading it.
func (m *Manifest) state(outDir string, j *Job, known func(string) (string, bool)) string {
	e := m.entry(j.Path)
	if e == nil {
		return "new"
	}
	sum, ok := known(j.Path)
	var err error
	if !ok {
		sum, err = fileSHA256(filepath.Join(outDir, filepath.FromSlash(j.Path)))
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "new"
	case err != nil || sum != e.SHA256 || e.InputHash != j.Hash:
		return "changed"
	}
	return "unchanged"
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("checksum %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// rescoped reports whether e is an output of an order the run re-rendered as a whole, so that
// an output the order no longer has (a report period without data) leaves the manifest.
func (b *batch) rescoped(e Entry) bool {
	return b.scope != nil && (e.Kind == KindAgreements || e.Kind == KindReports) && len(e.IDs) > 0 && slices.Contains(b.scope, e.IDs[0])
}

// writeManifest records the run's outputs, keeping entries of outputs this run did not plan
// when it was limited by --only or --order, and dropping them after a full run.
func (b *batch) writeManifest() error {
	if b.opt.DryRun || b.manifest == nil {
		return nil
	}
	full := len(b.opt.Only) == 0 && len(b.opt.Orders) == 0 && b.opt.Period == ""
	m := &Manifest{}
	planned := map[string]bool{}
	for _, j := range b.res.Planned {
		planned[j.Path] = true
	}
	for _, e := range b.manifest.Outputs {
		if !planned[e.Path] && !full && !b.rescoped(e) {
			m.Outputs = append(m.Outputs, e)
		}
	}
	for _, e := range b.manifest.Outputs {
		if planned[e.Path] {
			m.Outputs = append(m.Outputs, e)
		}
	}
	data, err := m.bytes()
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(b.opt.OutDir, b.opt.Shard.manifestName()), func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
