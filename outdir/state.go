package outdir

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
)

// Record is what a complete run leaves for the next one to decide, before reading its inputs,
// whether it has work to do: the stamps of every input and output file and a digest of
// everything else the outputs depend on. A caller embeds it in its own state (see ReadState);
// the state lives in a hidden file of the output folder, next to the manifest, and deleting it
// only makes the next run do everything.
type Record struct {
	Options string            `json:"options"` // see Digest
	Inputs  map[string]Stamp  `json:"inputs"`  // input files, by relative path
	Outputs map[string]Output `json:"outputs"` // every output the run planned, by relative path
}

// Output is an output file's stamp and the group it belongs to, so that a run that redoes one
// group can keep the others' ("" for none).
type Output struct {
	Stamp
	Group string `json:"group,omitempty"`
}

// Complete reports whether the record has the stamps a state needs.
func (r *Record) Complete() bool { return r.Inputs != nil && r.Outputs != nil }

// ReadState decodes the shard's state file in dir into st, a struct that embeds Record, and
// reports whether it could.
func ReadState(dir string, sh Shard, st any) bool {
	data, err := os.ReadFile(filepath.Join(dir, sh.StateName()))
	return err == nil && json.Unmarshal(data, st) == nil
}

// stateBytes encodes a state file.
func stateBytes(st any) ([]byte, error) { return json.Marshal(st) }

// RemoveState deletes the shard's state file in dir, so that the next run does everything.
func RemoveState(dir string, sh Shard) {
	os.Remove(filepath.Join(dir, sh.StateName()))
}

// OutputsIntact reports whether every output the record lists is still in dir as it was written.
func (r *Record) OutputsIntact(dir string) bool {
	for p, o := range r.Outputs {
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || !o.Matches(fi) {
			return false
		}
	}
	return true
}

// KnownSum returns the checksum of the output rel in dir from the record, when the file is
// untouched since. It may be called on a nil record.
func (r *Record) KnownSum(dir, rel string) (string, bool) {
	if r == nil {
		return "", false
	}
	o, ok := r.Outputs[path.Clean(rel)]
	if !ok {
		return "", false
	}
	fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil || !o.Matches(fi) {
		return "", false
	}
	return o.SHA256, true
}

// OutputStamp stamps the output rel in dir with the checksum sum it was written with.
func OutputStamp(dir, rel, sum string) (Stamp, error) {
	fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return Stamp{}, err
	}
	return Stamp{Size: fi.Size(), MTime: fi.ModTime().UnixNano(), SHA256: sum}, nil
}

// Digest returns a SHA-256 over the JSON of values and the size and modification time of each
// of files (only its path when it is missing): what a Record's Options holds, so that a run with
// other options, or after one of those files changed, does everything.
func Digest(files []string, values ...any) string {
	stamps := make([]string, len(files))
	for i, f := range files {
		stamps[i] = fileTime(f)
	}
	data, _ := json.Marshal(append([]any{stamps}, values...))
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
