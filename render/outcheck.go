package render

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cwo-tool/cwo/workspace"
)

// CheckOutDir refuses an output folder that overlaps the inputs of the workspace in dir: the
// workspace folder itself, a folder that contains it, or a folder inside one of the folders
// the loader reads (orders/, timesheets/, ...). Outputs there would be read as inputs, and the
// run state, which does not stamp the output folder, would miss edits to the inputs. An output
// folder elsewhere inside the workspace (the default out/) is allowed: the loader never reads it.
// Links are resolved, so a link to the workspace is refused too.
func CheckOutDir(dir, out string) error {
	ws, err := resolve(dir)
	if err != nil {
		return err
	}
	o, err := resolve(out)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(ws, o)
	switch {
	case err != nil:
		return nil // on another volume
	case rel == ".":
		return fmt.Errorf("the output folder %s is the workspace folder; choose a folder for outputs only, such as out", out)
	case rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)):
		if inside(o, ws) {
			return fmt.Errorf("the output folder %s contains the workspace %s; choose a folder for outputs only", out, dir)
		}
		return nil
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	for _, f := range workspace.Folders() {
		if first == f {
			return fmt.Errorf("the output folder %s is inside the workspace's %s/ folder, which cwo reads; choose a folder for outputs only, such as out", out, f)
		}
	}
	return nil
}

// inside reports whether path lies inside (or is) folder; both are clean absolute paths.
func inside(folder, path string) bool {
	rel, err := filepath.Rel(folder, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve returns path made absolute with its links resolved; the part of it that does not
// exist yet is kept as written.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for p := abs; ; p = filepath.Dir(p) {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, os.ErrNotExist) || filepath.Dir(p) == p {
			return "", err
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}
