package outdir

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cwo-tool/cwo/internal/par"
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

// stampFile stamps one file at time now, reusing prev's checksum when the file looks untouched.
func stampFile(path string, prev Stamp, known bool, now time.Time) (Stamp, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Stamp{}, err
	}
	if known && prev.Matches(fi) {
		return prev, nil
	}
	sum, err := FileSHA256(path)
	s := Stamp{Size: fi.Size(), MTime: fi.ModTime().UnixNano(), SHA256: sum}
	if now.Sub(fi.ModTime()) < racyWindow {
		s.MTime = 0
	}
	return s, err
}

// StampTree stamps every file under dir that a reader of the folder could use: everything but
// hidden files and folders and the folder skip (the output folder, when it lies inside).
// Keys are slash-separated relative paths. Files whose size and time match their stamp in prev
// are not read again.
func StampTree(dir, skip string, prev map[string]Stamp) (map[string]Stamp, error) {
	paths, err := treeFiles(dir, skip)
	if err != nil {
		return nil, err
	}
	stamps := make([]Stamp, len(paths))
	errs := make([]error, len(paths))
	rels := make([]string, len(paths))
	now := time.Now()
	par.Each(len(paths), func(i int) {
		rel, _ := filepath.Rel(dir, paths[i])
		rels[i] = filepath.ToSlash(rel)
		old, known := prev[rels[i]]
		stamps[i], errs[i] = stampFile(paths[i], old, known, now)
	})
	out := make(map[string]Stamp, len(paths))
	for i, rel := range rels {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[rel] = stamps[i]
	}
	return out, nil
}

// treeFiles lists the files StampTree stamps.
func treeFiles(dir, skip string) ([]string, error) {
	absSkip, _ := filepath.Abs(skip)
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			return skipEntry(d)
		}
		if d.IsDir() {
			if abs, _ := filepath.Abs(path); abs == absSkip {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link to a folder is not followed: nothing outside the tree is read, and what it
			// links to inside is stamped where it lies. A broken link is no file.
			if fi, err := os.Stat(path); err != nil || fi.IsDir() {
				return nil
			}
		}
		paths = append(paths, path)
		return nil
	})
	return paths, err
}

func skipEntry(d fs.DirEntry) error {
	if d.IsDir() {
		return filepath.SkipDir
	}
	return nil
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
