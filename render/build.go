package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"

	"github.com/cwo-tool/cwo"
)

// codeID identifies the code that renders: cwo's version and a SHA-256 of the running
// executable. It is part of every output's input hash, so that a rebuilt cwo (a fix, a new
// layout) renders again what an older build wrote, even at the same version; an executable
// that cannot be read counts as its version alone. Hashing a 35 MB binary takes about 0.1 s of
// CPU, once per process.
var codeID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return cwo.Version
	}
	f, err := os.Open(exe)
	if err != nil {
		return cwo.Version
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return cwo.Version
	}
	return cwo.Version + " " + hex.EncodeToString(h.Sum(nil))
})
