package signing_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/signing"
	"github.com/cwo-tool/cwo/signing/signingtest"
)

// TestVerifyDeepBER puts a signature value nested 100,000 levels deep into the funder field:
// Verify must report the signature invalid, not exhaust the stack of the PKCS#7 parser.
func TestVerifyDeepBER(t *testing.T) {
	const depth = 100_000
	ca := signingtest.NewCA(t, "Deep CA")
	for name, blob := range map[string][]byte{
		"indefinite lengths": append(bytes.Repeat([]byte{0x30, 0x80}, depth), make([]byte, 2*depth)...),
		"definite lengths":   deepDefinite(depth),
	} {
		t.Run(name, func(t *testing.T) {
			cms := func([]byte) ([]byte, error) { return blob, nil }
			signed, err := signing.SignWith(agreement(t), creds(t, ca, "Jane Doe", signingtest.Options{}), signing.Options{Field: pdfupdate.FieldFunder}, cms)
			if err != nil {
				t.Fatal(err)
			}
			r, err := signing.Verify(signed)
			if err != nil {
				t.Fatal(err)
			}
			if f := r.Signatures[1]; f.Valid || !strings.Contains(f.Problem, "nested deeper than 64 levels") {
				t.Errorf("funder: valid %v, problem %q; want invalid, nested too deep", f.Valid, f.Problem)
			}
		})
	}
}

// deepDefinite returns depth SEQUENCEs nested with definite lengths around an empty one.
func deepDefinite(depth int) []byte {
	inner := []byte{0x30, 0x00}
	size := len(inner)
	var headers [][]byte
	for range depth {
		h := []byte{0x30, byte(size)}
		switch {
		case size >= 1<<16:
			h = []byte{0x30, 0x83, byte(size >> 16), byte(size >> 8), byte(size)}
		case size >= 1<<8:
			h = []byte{0x30, 0x82, byte(size >> 8), byte(size)}
		case size >= 0x80:
			h = []byte{0x30, 0x81, byte(size)}
		}
		headers = append(headers, h)
		size += len(h)
	}
	out := make([]byte, 0, size)
	for i := len(headers) - 1; i >= 0; i-- {
		out = append(out, headers[i]...)
	}
	return append(out, inner...)
}
