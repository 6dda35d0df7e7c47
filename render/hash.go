package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"slices"
	"unicode/utf8"
)

// hasher builds a canonical SHA-256 over labelled parts: each part is written as its label, its
// length and its bytes, so no two different inputs give the same stream.
type hasher struct{ h hash.Hash }

func newHasher() *hasher { return &hasher{h: sha256.New()} }

// bytes adds a labelled byte string.
func (h *hasher) bytes(label string, b []byte) *hasher {
	fmt.Fprintf(h.h, "%s:%d:", label, len(b))
	h.h.Write(b)
	return h
}

// text adds a labelled string.
func (h *hasher) text(label, s string) *hasher { return h.bytes(label, []byte(s)) }

// json adds the canonical JSON of v (struct fields in declaration order, map keys sorted).
func (h *hasher) json(label string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("hash %s: %w", label, err)
	}
	h.bytes(label, b)
	return nil
}

// sum returns the hex digest.
func (h *hasher) sum() string { return hex.EncodeToString(h.h.Sum(nil)) }

// nonASCII returns the distinct non-ASCII characters of b, in order (see Job.Runes).
func nonASCII(b []byte) string {
	var rs []rune
	for _, r := range string(b) {
		if r >= utf8.RuneSelf {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	return string(slices.Compact(rs))
}

// Fingerprint returns the SHA-256 of everything an agreement shows: its data and template text.
func Fingerprint(d *AgreementData, templateText string) (string, error) {
	fp, _, err := fingerprintAndRunes(d, templateText)
	return fp, err
}

// fingerprintAndRunes returns the fingerprint and the non-ASCII characters of the data.
func fingerprintAndRunes(d *AgreementData, templateText string) (fp, runes string, err error) {
	b, err := json.Marshal(d)
	if err != nil {
		return "", "", fmt.Errorf("hash agreement: %w", err)
	}
	return newHasher().bytes("agreement", b).text("template", templateText).sum(), nonASCII(b), nil
}
