package outdir

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/cwo-tool/cwo/internal/par"
	"github.com/cwo-tool/cwo/internal/regfile"
)

// Stamp identifies the content of a file cheaply: when a file's size and modification time are
// what a stamp recorded, its SHA-256 is taken from the stamp instead of reading the file (as
// make and rsync trust modification times).
type Stamp struct {
	Size   int64  `json:"size"`
	MTime  int64  `json:"mtime"` // nanoseconds since 1970; 0 when the time is not to be trusted
	SHA256 string `json:"sha256"`
}

// Matches reports whether fi has the size and time the stamp recorded.
func (s Stamp) Matches(fi fs.FileInfo) bool {
	return s.MTime != 0 && s.Size == fi.Size() && s.MTime == fi.ModTime().UnixNano()
}

// racyWindow is how recently modified a file may be for its time to be trusted later: file
// times have a coarse clock (a few milliseconds), so a file stamped in the same tick as it was
// written could be written again, with the same size and time, after the stamp. Such a stamp
// gets no time (as git treats "racily clean" files), so the next run reads the file.
const racyWindow = 2 * time.Second

// StampFiles stamps the files rels (slash-separated paths relative to dir) through an os.Root
// on dir: a path that leads outside dir, or that is not a regular file (a FIFO, a device, a
// folder), is never opened, and neither is a missing file; all of them are left out of the
// result, as if absent, so that a comparison with an earlier stamp set reports them. Files
// whose size and time match their stamp in prev are not read again.
func StampFiles(dir string, rels []string, prev map[string]Stamp) (map[string]Stamp, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	stamps := make([]Stamp, len(rels))
	errs := make([]error, len(rels))
	now := time.Now()
	par.Each(len(rels), func(i int) {
		old, known := prev[rels[i]]
		stamps[i], errs[i] = stampFile(root, rels[i], old, known, now)
	})
	out := make(map[string]Stamp, len(rels))
	for i, rel := range rels {
		switch {
		case errs[i] == nil:
			out[rel] = stamps[i]
		case !unreadable(errs[i]):
			return nil, errs[i]
		}
	}
	return out, nil
}

// unreadable reports whether err says a path is missing, not a regular file or outside the
// root: such a path has no stamp.
func unreadable(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, regfile.ErrNotRegular) || escapes(err)
}

// escapes reports whether err is os.Root's refusal of a path that leads outside the root (Go
// does not export that error, so it is recognized by its text).
func escapes(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err.Error() == "path escapes from parent"
}

// stampFile stamps one regular file of root at time now, reusing prev's checksum when the file
// looks untouched.
func stampFile(root *os.Root, rel string, prev Stamp, known bool, now time.Time) (Stamp, error) {
	f, fi, err := regfile.Open(root, rel)
	if err != nil {
		return Stamp{}, err
	}
	defer f.Close()
	if known && prev.Matches(fi) {
		return prev, nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return Stamp{}, fmt.Errorf("checksum %s: %w", rel, err)
	}
	s := Stamp{Size: fi.Size(), MTime: fi.ModTime().UnixNano(), SHA256: hex.EncodeToString(h.Sum(nil))}
	if now.Sub(fi.ModTime()) < racyWindow {
		s.MTime = 0
	}
	return s, nil
}

// Restamped reports whether any stamp of cur differs from old's for the same path.
func Restamped(old, cur map[string]Stamp) bool {
	for p, s := range cur {
		if old[p] != s {
			return true
		}
	}
	return false
}

// ChangedPaths lists the paths added, removed or changed in content between two stamp sets.
func ChangedPaths(old, cur map[string]Stamp) []string {
	var out []string
	for p, s := range cur {
		if o, ok := old[p]; !ok || o.SHA256 != s.SHA256 {
			out = append(out, p)
		}
	}
	for p := range old {
		if _, ok := cur[p]; !ok {
			out = append(out, p)
		}
	}
	return out
}
