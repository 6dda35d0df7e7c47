package outdir

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Writer is a run's hold on an output folder, or on its shard of a shared folder: it holds the
// shard's lock, so that no other run writes the shard's outputs, manifest or state meanwhile,
// and it writes them. Its temporary files carry the run's ID, and each output it writes is
// recorded in the manifest's journal before it lands, so that the manifest and its journal
// describe the files on disk at every moment, even when the run is killed.
type Writer struct {
	dir     string
	shard   Shard
	runID   string
	journal *journal
}

// Open creates the output folder dir if needed and takes the lock of shard sh in it (the folder's
// lock when sh is the zero Shard). A lock left by a process that no longer exists (a killed run)
// is taken over; a live one makes Open fail with ErrLocked.
func Open(dir string, sh Shard) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	runID, err := newRunID()
	if err != nil {
		return nil, err
	}
	w := &Writer{dir: dir, shard: sh, runID: runID, journal: &journal{path: filepath.Join(dir, sh.JournalName())}}
	if err := takeLock(dir, filepath.Join(dir, sh.LockName()), runID); err != nil {
		return nil, err
	}
	return w, nil
}

// Close releases the lock. A journal the run wrote stays until a manifest is written
// (WriteManifest), by this run or the next.
func (w *Writer) Close() {
	w.journal.close()
	os.Remove(filepath.Join(w.dir, w.shard.LockName()))
}

// stem is the name of the writer's lock without its dot and extension: "cwo" or "cwo-2-of-8".
func (w *Writer) stem() string {
	return strings.TrimSuffix(strings.TrimPrefix(w.shard.LockName(), "."), ".lock")
}

// owner names the writer in its temporary files (see tempPattern).
func (w *Writer) owner() string { return w.stem() + "@" + w.runID }

// WriteOutput writes the output e.Path (relative to the folder, with forward slashes)
// atomically with write, and returns e with the SHA-256 of what was written. Once the file is
// complete and synced, and before it is renamed into place, e is appended to the manifest's
// journal and synced: a file is never on disk without an entry, in the manifest or its journal,
// that describes it. On error, the previous file is untouched.
func (w *Writer) WriteOutput(e Entry, write func(io.Writer) error) (Entry, error) {
	path := filepath.Join(w.dir, filepath.FromSlash(e.Path))
	sum, err := writeAtomic(path, w.owner(), write, func(sum string) error {
		e.SHA256 = sum
		return w.journal.append(w.dir, e)
	})
	if err != nil {
		return Entry{}, err
	}
	e.SHA256 = sum
	return e, nil
}

// WriteManifest writes m as the shard's manifest, atomically, and then removes the journal,
// whose entries m must hold: m comes from ReadManifest, which merges the journal, and records
// what the run wrote since.
func (w *Writer) WriteManifest(m *Manifest) error {
	data, err := m.bytes()
	if err != nil {
		return err
	}
	if _, err := writeAtomic(filepath.Join(w.dir, w.shard.ManifestName()), w.owner(), writeBytes(data), nil); err != nil {
		return err
	}
	syncDir(w.dir) // the new manifest is on disk before the journal goes
	w.journal.close()
	if err := os.Remove(w.journal.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// WriteState saves st as the shard's state file, like WriteState, through a temporary file that
// names the run.
func (w *Writer) WriteState(st any) error {
	data, err := stateBytes(st)
	if err != nil {
		return err
	}
	_, err = writeAtomic(filepath.Join(w.dir, w.shard.StateName()), w.owner(), writeBytes(data), nil)
	return err
}

// syncDir flushes the folder's entries (new and renamed files) to disk, as far as the file system
// allows: some refuse to sync a folder, and then the order of renames is what it guarantees.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
