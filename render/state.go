package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

// runState is what a complete run leaves for the next one to decide, before loading anything,
// whether it has work to do: the stamps of every input and output file, the options it ran
// with, and what it found. It lives in a hidden file of the output folder, next to the
// manifest; deleting it only makes the next run load everything.
type runState struct {
	Options  string           `json:"options"` // optionsDigest of the run
	Inputs   map[string]stamp `json:"inputs"`  // workspace files, by relative path
	Outputs  map[string]owned `json:"outputs"` // every output the run planned, by path
	AsOf     cwo.Date         `json:"as_of"`   // the newest issued date of any order
	Newest   []string         `json:"newest"`  // the orders issued on AsOf
	Warnings []cwo.Diagnostic `json:"warnings"`
}

// owned is an output's stamp and the order it belongs to ("" for brochures).
type owned struct {
	stamp
	Order string `json:"order,omitempty"`
}

// stateName is the state file's name, one per shard.
func (s Shard) stateName() string {
	if !s.on() {
		return ".cwo-state.json"
	}
	return fmt.Sprintf(".cwo-state-%d-of-%d.json", s.K, s.N)
}

// readState reads the state of the last complete run, or nil.
func readState(outDir string, sh Shard) *runState {
	data, err := os.ReadFile(filepath.Join(outDir, sh.stateName()))
	if err != nil {
		return nil
	}
	st := &runState{}
	if json.Unmarshal(data, st) != nil || st.Inputs == nil || st.Outputs == nil {
		return nil
	}
	return st
}

// write saves the state atomically.
func (st *runState) write(outDir string, sh Shard) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(outDir, sh.stateName()), func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// keepForFullRun drops what a full run does not read of the last run's state: the input
// stamps and warnings, and, when every output renders anyway, the output stamps. It may be
// called on a nil state.
func (st *runState) keepForFullRun(force bool) {
	if st == nil {
		return
	}
	st.Inputs, st.Warnings = nil, nil
	if force {
		st.Outputs = nil
	}
}

// removeState deletes the state file, so that the next run loads everything.
func removeState(outDir string, sh Shard) {
	os.Remove(filepath.Join(outDir, sh.stateName()))
}

// optionsDigest covers everything besides the workspace's files that decides what a run
// writes: cwo's version and executable, the settings, the options that select outputs, and
// the font files (which cwo.yaml may name outside the workspace).
func optionsDigest(dir string, s cwo.Settings, opt Options) string {
	s.Jobs = 0
	exe, _ := os.Executable()
	files := []string{fileTime(exe)}
	for _, f := range []string{s.Fonts.Regular, s.Fonts.Bold, s.Fonts.Italic, s.Fonts.BoldItalic} {
		if f != "" {
			files = append(files, fileTime(filepath.Join(dir, filepath.FromSlash(f))))
		}
	}
	out, _ := filepath.Abs(opt.OutDir)
	only := slices.Sorted(slices.Values(opt.Only))
	data, _ := json.Marshal([]any{cwo.Version, files, s, out, only, opt.Shard, opt.AsOf})
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// fileTime names a file with its size and modification time (only its path when it is missing).
func fileTime(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return path
	}
	return fmt.Sprintf("%s %d %d", path, fi.Size(), fi.ModTime().UnixNano())
}

// newestOrders returns the newest issued date of the workspace's orders and the orders issued
// on it.
func newestOrders(ws *cwo.Workspace) (cwo.Date, []string) {
	asOf := ws.AsOf()
	var ids []string
	for _, o := range ws.Orders {
		if o.Issued.Equal(asOf) {
			ids = append(ids, o.ID)
		}
	}
	return asOf, ids
}

// outputsIntact reports whether every output the state lists is still as it was written.
func outputsIntact(outDir string, outputs map[string]owned) bool {
	for p, o := range outputs {
		fi, err := os.Stat(filepath.Join(outDir, filepath.FromSlash(p)))
		if err != nil || !o.matches(fi) {
			return false
		}
	}
	return true
}

// mergeWarnings keeps the previous run's warnings except those about files of the re-checked
// orders, adds the new ones, and drops repeats.
func mergeWarnings(prev, cur cwo.Diagnostics, orders []string) cwo.Diagnostics {
	var out cwo.Diagnostics
	for _, d := range prev {
		if id, _ := workspace.OrderOfFile(d.File); !slices.Contains(orders, id) {
			out = append(out, d)
		}
	}
	for _, d := range cur {
		if d.Severity == cwo.Warning {
			out = append(out, d)
		}
	}
	out = out.Sort()
	return slices.CompactFunc(out, func(a, b cwo.Diagnostic) bool { return a == b })
}

// warningsOf returns the warnings among diags.
func warningsOf(diags cwo.Diagnostics) []cwo.Diagnostic {
	var out []cwo.Diagnostic
	for _, d := range diags {
		if d.Severity == cwo.Warning {
			out = append(out, d)
		}
	}
	return out
}
