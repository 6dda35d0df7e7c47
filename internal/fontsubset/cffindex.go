package fontsubset

import (
	"errors"
	"fmt"
)

// readIndex reads the CFF INDEX at off of b. It returns its entries, slices of b, and the
// offset just past the INDEX.
func readIndex(b []byte, off int) ([][]byte, int, error) {
	count, err := u16(b, off)
	if err != nil {
		return nil, 0, fmt.Errorf("index count: %w", err)
	}
	if count == 0 {
		return nil, off + 2, nil
	}
	offSize, err := u8(b, off+2)
	if err != nil {
		return nil, 0, fmt.Errorf("index offSize: %w", err)
	}
	if offSize < 1 || offSize > 4 {
		return nil, 0, fmt.Errorf("index offSize %d", offSize)
	}
	at := off + 3
	base := at + (count+1)*offSize - 1 // offsets count from 1
	entries := make([][]byte, count)
	prev, err := uN(b, at, offSize)
	if err != nil {
		return nil, 0, fmt.Errorf("index offsets: %w", err)
	}
	if prev != 1 {
		return nil, 0, fmt.Errorf("index first offset %d, not 1", prev)
	}
	for i := range entries {
		next, err := uN(b, at+(i+1)*offSize, offSize)
		if err != nil {
			return nil, 0, fmt.Errorf("index offsets: %w", err)
		}
		if next < prev {
			return nil, 0, errors.New("index offsets decrease")
		}
		e, err := span(b, base+prev, next-prev)
		if err != nil {
			return nil, 0, fmt.Errorf("index entry %d: %w", i, err)
		}
		entries[i] = e[:len(e):len(e)]
		prev = next
	}
	return entries, base + prev, nil
}

// appendIndex appends a CFF INDEX of entries to dst, with the smallest offset size that fits.
func appendIndex(dst []byte, entries [][]byte) []byte {
	dst = putU16(dst, len(entries))
	if len(entries) == 0 {
		return dst
	}
	total := 1
	for _, e := range entries {
		total += len(e)
	}
	offSize := 1
	for total >= 1<<(8*offSize) {
		offSize++
	}
	dst = append(dst, byte(offSize))
	o := 1
	dst = appendOffset(dst, o, offSize)
	for _, e := range entries {
		o += len(e)
		dst = appendOffset(dst, o, offSize)
	}
	for _, e := range entries {
		dst = append(dst, e...)
	}
	return dst
}

// appendOffset appends v as a big-endian unsigned integer of size bytes.
func appendOffset(dst []byte, v, size int) []byte {
	for i := size - 1; i >= 0; i-- {
		dst = append(dst, byte(v>>(8*i)))
	}
	return dst
}
