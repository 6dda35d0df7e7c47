package signing

import (
	"errors"
	"fmt"
)

// maxBERDepth bounds the nesting of constructed BER elements: a CMS signature nests about ten
// levels, and a hostile /Contents must not exhaust the stack of the PKCS#7 parser, which
// recurses once per level.
const maxBERDepth = 64

// firstElement returns the first BER (or DER) element of b, dropping the zero padding that fills
// the rest of a /Contents placeholder. Indefinite lengths are followed to their end-of-contents
// octets, which belong to the element: NSS (pdfsig, Okular) and `openssl cms -stream` write them.
// Every constructed element is walked, so that nesting deeper than maxBERDepth is an error here
// rather than a stack overflow in the PKCS#7 parser.
func firstElement(b []byte) ([]byte, error) {
	n, err := berLength(b, 0)
	if err != nil {
		return nil, fmt.Errorf("BER: %w", err)
	}
	return b[:n], nil
}

// berLength returns the length of the BER element at the start of b, header included.
func berLength(b []byte, depth int) (int, error) {
	if depth > maxBERDepth {
		return 0, fmt.Errorf("elements nested deeper than %d levels", maxBERDepth)
	}
	hdr, constructed, err := berTag(b)
	if err != nil {
		return 0, err
	}
	if hdr >= len(b) {
		return 0, errors.New("truncated element")
	}
	if b[hdr] == 0x80 { // indefinite length: content elements up to 00 00
		if !constructed {
			return 0, errors.New("indefinite length on a primitive element")
		}
		return berIndefinite(b, hdr+1, depth)
	}
	size, lenBytes, err := berDefinite(b[hdr:])
	if err != nil {
		return 0, err
	}
	start, end := hdr+lenBytes, hdr+lenBytes+size
	if size > len(b) || end > len(b) {
		return 0, errors.New("element longer than the data")
	}
	if constructed {
		return end, berContents(b[start:end], depth)
	}
	return end, nil
}

// berContents checks that the contents of a constructed element of definite length are whole
// elements, nested no deeper than maxBERDepth.
func berContents(b []byte, depth int) error {
	for off := 0; off < len(b); {
		n, err := berLength(b[off:], depth+1)
		if err != nil {
			return err
		}
		off += n
	}
	return nil
}

// berTag returns the length of the identifier octets at the start of b and whether the element
// is constructed.
func berTag(b []byte) (int, bool, error) {
	if len(b) == 0 {
		return 0, false, errors.New("truncated element")
	}
	constructed := b[0]&0x20 != 0
	if b[0]&0x1f != 0x1f {
		return 1, constructed, nil
	}
	for i := 1; i < len(b) && i <= 5; i++ {
		if b[i]&0x80 == 0 {
			return i + 1, constructed, nil
		}
	}
	return 0, false, errors.New("invalid tag")
}

// berDefinite reads a definite length at the start of b: the length and the number of octets
// that encode it.
func berDefinite(b []byte) (size, octets int, err error) {
	if b[0] < 0x80 {
		return int(b[0]), 1, nil
	}
	n := int(b[0] & 0x7f)
	if n > 4 || 1+n > len(b) {
		return 0, 0, errors.New("invalid length")
	}
	for _, c := range b[1 : 1+n] {
		size = size<<8 | int(c)
	}
	return size, 1 + n, nil
}

// berIndefinite returns the end of an indefinite-length element whose contents start at off:
// just after the end-of-contents octets 00 00.
func berIndefinite(b []byte, off, depth int) (int, error) {
	for {
		if off+2 > len(b) {
			return 0, errors.New("indefinite-length element without end-of-contents")
		}
		if b[off] == 0 && b[off+1] == 0 {
			return off + 2, nil
		}
		n, err := berLength(b[off:], depth+1)
		if err != nil {
			return 0, err
		}
		off += n
	}
}
