package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cwo-tool/cwo/internal/par"
)

// stamp identifies the content of a file cheaply: when a file's size and modification time are
// what a stamp recorded, its SHA-256 is taken from the stamp instead of reading the file (as
// make and rsync trust modification times).
type stamp struct {
	Size   int64  `json:"size"`
	MTime  int64  `json:"mtime"` // nanoseconds since 1970
	SHA256 string `json:"sha256"`
}

// matches reports whether fi has the size and time the stamp recorded.
func (s stamp) matches(fi fs.FileInfo) bool {
	return s.MTime != 0 && s.Size == fi.Size() && s.MTime == fi.ModTime().UnixNano()
}

// racyWindow is how recently modified a file may be for its time to be trusted later: file
// times have a coarse clock (a few milliseconds), so a file stamped in the same tick as it was
// written could be written again, with the same size and time, after the stamp. Such a stamp
// gets no time (as git treats "racily clean" files), so the next run reads the file.
const racyWindow = 2 * time.Second

// stampFile stamps one file at time now, reusing prev's checksum when the file looks untouched.
func stampFile(path string, prev stamp, known bool, now time.Time) (stamp, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return stamp{}, err
	}
	if known && prev.matches(fi) {
		return prev, nil
	}
	sum, err := fileSHA256(path)
	s := stamp{Size: fi.Size(), MTime: fi.ModTime().UnixNano(), SHA256: sum}
	if now.Sub(fi.ModTime()) < racyWindow {
		s.MTime = 0
	}
	return s, err
}

// stampInputs stamps every file of the workspace in dir that cwo could read: everything but
// hidden files and folders and the output folder. Keys are slash-separated relative paths.
func stampInputs(dir, outDir string, prev map[string]stamp) (map[string]stamp, error) {
	absOut, _ := filepath.Abs(outDir)
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			return skip(d)
		}
		if d.IsDir() {
			if abs, _ := filepath.Abs(path); abs == absOut {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link to a folder is not followed: cwo reads nothing outside the workspace, and
			// what it links to inside is stamped where it lies. A broken link is no input.
			if fi, err := os.Stat(path); err != nil || fi.IsDir() {
				return nil
			}
		}
		paths = append(paths, path)
		return nil
	})
	if err != nil {
		return nil, err
	}
	stamps := make([]stamp, len(paths))
	errs := make([]error, len(paths))
	rels := make([]string, len(paths))
	now := time.Now()
	par.Each(len(paths), func(i int) {
		rel, _ := filepath.Rel(dir, paths[i])
		rels[i] = filepath.ToSlash(rel)
		old, known := prev[rels[i]]
		stamps[i], errs[i] = stampFile(paths[i], old, known, now)
	})
	out := make(map[string]stamp, len(paths))
	for i, rel := range rels {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[rel] = stamps[i]
	}
	return out, nil
}

func skip(d fs.DirEntry) error {
	if d.IsDir() {
		return filepath.SkipDir
	}
	return nil
}

// restamped reports whether any stamp of cur differs from old's for the same content.
func restamped(old, cur map[string]stamp) bool {
	for p, s := range cur {
		if old[p] != s {
			return true
		}
	}
	return false
}

// changedPaths lists the paths added, removed or changed in content between two stamp sets.
func changedPaths(old, cur map[string]stamp) []string {
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
