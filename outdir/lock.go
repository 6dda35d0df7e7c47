package outdir

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// LockName is the lock file a writer holds in its output folder.
const LockName = ".cwo.lock"

// ErrLocked is returned when another cwo render is writing to the same output folder.
var ErrLocked = errors.New("output folder is locked")

// takeLock creates the lock file path holding this process's ID and runID, so that two runs never
// interleave their writes. A lock left by a process that no longer exists (a killed run) is taken
// over.
func takeLock(dir, path, runID string) error {
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = fmt.Fprintf(f, "%d %s\n", os.Getpid(), runID)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
		h := readLock(path)
		if h.alive() {
			return fmt.Errorf("%w: another cwo render (pid %d) is writing to %s; if none is running, delete %s", ErrLocked, h.pid, dir, path)
		}
		os.Remove(path)
	}
	return fmt.Errorf("%w: cannot take %s", ErrLocked, path)
}

// lockHolder is what a lock file says of the run that holds it.
type lockHolder struct {
	pid     int    // 0 when unknown
	runID   string // "" when the lock was written by an older cwo
	missing bool   // there is no lock file: nobody holds the lock
	unread  bool   // the lock file could not be read
}

// readLock reads a lock file: "PID RUNID", or only "PID" from an older cwo.
func readLock(path string) lockHolder {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return lockHolder{missing: true}
	}
	if err != nil {
		return lockHolder{unread: true}
	}
	fields := strings.Fields(string(data))
	var h lockHolder
	if len(fields) > 0 {
		h.pid, _ = strconv.Atoi(fields[0])
	}
	if len(fields) > 1 {
		h.runID = fields[1]
	}
	return h
}

// alive reports whether the lock's holder may still run: its process exists on this machine,
// or the lock file cannot be read (assumed held, to be safe).
func (h lockHolder) alive() bool {
	switch {
	case h.unread:
		return true
	case h.missing || h.pid <= 0:
		return false
	case h.pid == os.Getpid():
		return true
	}
	err := syscall.Kill(h.pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// newRunID returns a random name for one run, the same on every machine that sees the folder
// (unlike a process ID). It names the run's temporary files and sits in its lock file.
func newRunID() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("run ID: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}
