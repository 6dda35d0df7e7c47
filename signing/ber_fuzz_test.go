package signing

import (
	"bytes"
	"testing"
)

// FuzzFirstElement checks that the BER walk never panics and returns a prefix of its input.
func FuzzFirstElement(f *testing.F) {
	f.Add([]byte{0x30, 0x80, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00})
	f.Add([]byte{0x30, 0x03, 0x02, 0x01, 0x05})
	f.Add(bytes.Repeat([]byte{0x30, 0x80}, 100))
	f.Fuzz(func(t *testing.T, b []byte) {
		el, err := firstElement(b)
		if err == nil && !bytes.HasPrefix(b, el) {
			t.Fatalf("firstElement(%x) = %x, not a prefix", b, el)
		}
	})
}
