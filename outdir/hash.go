package outdir

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"

	"github.com/cwo-tool/cwo/internal/regfile"
)

// Hasher builds a canonical SHA-256 over labelled parts: each part is written as its label, its
// length and its bytes, so no two different inputs give the same stream. Input hashes, which
// the manifest records to tell whether an output must be written again, are made with it.
type Hasher struct{ h hash.Hash }

// NewHasher returns an empty Hasher.
func NewHasher() *Hasher { return &Hasher{h: sha256.New()} }

// Bytes adds a labelled byte string.
func (h *Hasher) Bytes(label string, b []byte) *Hasher {
	fmt.Fprintf(h.h, "%s:%d:", label, len(b))
	h.h.Write(b)
	return h
}

// Text adds a labelled string.
func (h *Hasher) Text(label, s string) *Hasher { return h.Bytes(label, []byte(s)) }

// JSON adds the canonical JSON of v (struct fields in declaration order, map keys sorted).
func (h *Hasher) JSON(label string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("hash %s: %w", label, err)
	}
	h.Bytes(label, b)
	return nil
}

// Sum returns the hex digest.
func (h *Hasher) Sum() string { return hex.EncodeToString(h.h.Sum(nil)) }

// FileSHA256 returns the hex SHA-256 of a regular file's content (anything else is refused
// with regfile.ErrNotRegular, without blocking on a FIFO).
func FileSHA256(path string) (string, error) {
	f, _, err := regfile.OpenPath(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("checksum %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashingWriter passes writes through and keeps a SHA-256 of them.
type hashingWriter struct {
	w io.Writer
	h hash.Hash
}

func newHashingWriter(w io.Writer) *hashingWriter { return &hashingWriter{w: w, h: sha256.New()} }

func (hw *hashingWriter) Write(p []byte) (int, error) {
	hw.h.Write(p)
	return hw.w.Write(p)
}

func (hw *hashingWriter) sum() string { return hex.EncodeToString(hw.h.Sum(nil)) }
