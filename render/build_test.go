package render

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// TestCodeIDNamesTheExecutable: the input hash of every output covers the running binary, so
// a rebuilt cwo renders again what an older build wrote at the same version.
func TestCodeIDNamesTheExecutable(t *testing.T) {
	id := codeID()
	version, sum, ok := strings.Cut(id, " ")
	if !ok || version != cwo.Version || len(sum) != 64 {
		t.Fatalf("codeID() = %q, want %q and a SHA-256 of the test binary", id, cwo.Version)
	}
	if codeID() != id {
		t.Error("codeID changed within one process")
	}
}
