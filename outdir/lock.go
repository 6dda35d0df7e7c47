package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// LockName is the lock file a writer holds in its output folder.
const LockName = ".cwo.lock"

// ErrLocked is returned when another cwo render is writing to the same output folder.
var ErrLocked = errors.New("output folder is locked")

// Lock creates the output folder if needed and takes its lock file name, so that two runs never
// interleave their writes. A lock left by a process that no longer exists (a killed run) is
// taken over. The lock is released by calling unlock.
func Lock(dir, name string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, name)
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%d\n", os.Getpid())
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		pid, alive := lockHolder(path)
		if alive {
			return nil, fmt.Errorf("%w: another cwo render (pid %d) is writing to %s; if none is running, delete %s", ErrLocked, pid, dir, path)
		}
		os.Remove(path)
	}
	return nil, fmt.Errorf("%w: cannot take %s", ErrLocked, path)
}

// lockHolder reads the pid in a lock file and reports whether that process still runs.
func lockHolder(path string) (int, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, true // unreadable: assume held, to be safe
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || pid <= 0 {
		return 0, false
	}
	if pid == os.Getpid() {
		return pid, true
	}
	err = syscall.Kill(pid, 0)
	return pid, err == nil || errors.Is(err, syscall.EPERM)
}

// RemoveStaleTemps deletes the temporary files a killed run left in dir and in its subfolders
// subdirs (WriteAtomic's hidden ".*.tmp" files). Call it holding the lock.
func RemoveStaleTemps(dir string, subdirs ...string) {
	for _, sub := range append([]string{""}, subdirs...) {
		matches, _ := filepath.Glob(filepath.Join(dir, sub, ".*.tmp"))
		for _, m := range matches {
			os.Remove(m)
		}
	}
}
