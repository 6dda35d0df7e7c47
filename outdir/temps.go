package outdir

import (
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// Temporary files are hidden and named after their target: ".NAME.RANDOM.tmp". A run that holds a
// lock adds itself as the owner, the lock's name and the run's ID: ".NAME.OWNER.RANDOM.tmp" with
// OWNER like "cwo-2-of-8@9f2c01ab77d3e145", so that a run can tell its own shard's leftovers from
// the files other shards are writing into the same folder.

// staleAfter is how long a temporary file may go unmodified before any run may remove it, whoever
// wrote it: no cwo writer leaves a file that long between two writes and its rename.
const staleAfter = time.Hour

// tempPattern is the os.CreateTemp pattern of a temporary file for target, owned by owner ("" for
// none).
func tempPattern(target, owner string) string {
	if owner == "" {
		return "." + target + ".*.tmp"
	}
	return "." + target + "." + owner + ".*.tmp"
}

// ownedTemp matches the name of a temporary file with an owner: the lock's stem and the run ID.
var ownedTemp = regexp.MustCompile(`^\..+\.(cwo(?:-[0-9]+-of-[0-9]+)?)@([0-9a-f]{16})\.[0-9]+\.tmp$`)

// tempOwner returns the lock stem and run ID in a temporary file's name, or false for a file
// written without a lock.
func tempOwner(name string) (stem, runID string, ok bool) {
	m := ownedTemp.FindStringSubmatch(name)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// RemoveStaleTemps deletes, in the folder and in its subfolders subdirs, the temporary files
// whose writer is gone: those of earlier runs of the writer's shard (it holds the shard's
// lock, so no other run of the shard is writing); those of another shard whose lock is free or
// held by another run than the one that named them; and any not modified for staleAfter. The
// files other live shards are writing are kept.
func (w *Writer) RemoveStaleTemps(subdirs ...string) {
	now := time.Now()
	for _, sub := range append([]string{""}, subdirs...) {
		matches, _ := filepath.Glob(filepath.Join(w.dir, sub, ".*.tmp"))
		for _, m := range matches {
			if w.staleTemp(m, now) {
				os.Remove(m)
			}
		}
	}
}

// staleTemp reports whether the temporary file at path is a leftover (see RemoveStaleTemps).
func (w *Writer) staleTemp(path string, now time.Time) bool {
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		return false
	} else if now.Sub(fi.ModTime()) > staleAfter {
		return true
	}
	stem, runID, ok := tempOwner(filepath.Base(path))
	switch {
	case !ok:
		return false
	case stem == w.stem():
		return runID != w.runID
	}
	h := readLock(filepath.Join(w.dir, "."+stem+".lock"))
	return !h.unread && (h.missing || h.runID != runID)
}
