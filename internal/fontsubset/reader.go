package fontsubset

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// errShort reports a read past the end of some data.
var errShort = errors.New("truncated data")

// span returns b[off:off+n], or errShort when that range is not inside b.
func span(b []byte, off, n int) ([]byte, error) {
	if off < 0 || n < 0 || off > len(b) || n > len(b)-off {
		return nil, fmt.Errorf("%w: %d bytes at %d of %d", errShort, n, off, len(b))
	}
	return b[off : off+n], nil
}

// u8 reads the byte at off.
func u8(b []byte, off int) (int, error) {
	s, err := span(b, off, 1)
	if err != nil {
		return 0, err
	}
	return int(s[0]), nil
}

// u16 reads the big-endian uint16 at off.
func u16(b []byte, off int) (int, error) {
	s, err := span(b, off, 2)
	if err != nil {
		return 0, err
	}
	return int(binary.BigEndian.Uint16(s)), nil
}

// u32 reads the big-endian uint32 at off.
func u32(b []byte, off int) (uint32, error) {
	s, err := span(b, off, 4)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint32(s), nil
}

// uN reads the big-endian unsigned integer of size bytes (1 to 4) at off.
func uN(b []byte, off, size int) (int, error) {
	s, err := span(b, off, size)
	if err != nil {
		return 0, err
	}
	v := 0
	for _, c := range s {
		v = v<<8 | int(c)
	}
	return v, nil
}

// putU16 appends v as a big-endian uint16.
func putU16(dst []byte, v int) []byte {
	return append(dst, byte(v>>8), byte(v))
}

// putU32 appends v as a big-endian uint32.
func putU32(dst []byte, v uint32) []byte {
	return binary.BigEndian.AppendUint32(dst, v)
}
