package fontsubset

import "fmt"

// readFDSelect reads the FDSelect (format 0 or 3) of a CID-keyed font with n glyphs and nFD
// Font DICTs: the Font DICT index of each glyph.
func readFDSelect(b []byte, top dict, n, nFD int) ([]uint8, error) {
	off, err := top.ints(opFDSelect, 1)
	if err != nil {
		return nil, err
	}
	format, err := u8(b, off[0])
	if err != nil {
		return nil, err
	}
	var fds []uint8
	switch format {
	case 0:
		s, err := span(b, off[0]+1, n)
		if err != nil {
			return nil, err
		}
		fds = s
	case 3:
		if fds, err = readFDSelect3(b, off[0]+1, n); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("format %d not supported", format)
	}
	for g, fd := range fds {
		if int(fd) >= nFD {
			return nil, fmt.Errorf("glyph %d: Font DICT %d of %d", g, fd, nFD)
		}
	}
	return fds, nil
}

// readFDSelect3 reads the ranges of an FDSelect of format 3 at off, for n glyphs.
func readFDSelect3(b []byte, off, n int) ([]uint8, error) {
	nRanges, err := u16(b, off)
	if err != nil {
		return nil, err
	}
	ranges, err := span(b, off+2, nRanges*3+2)
	if err != nil {
		return nil, err
	}
	fds := make([]uint8, n)
	next := 0 // the first glyph no range has covered yet
	for i := range nRanges {
		first, _ := u16(ranges, i*3)
		end, _ := u16(ranges, i*3+3) // the next range's first glyph, or the sentinel
		if first != next || end <= first {
			return nil, fmt.Errorf("format 3: range %d starts at glyph %d, %d..%d", i, next, first, end)
		}
		for g := first; g < min(end, n); g++ {
			fds[g] = ranges[i*3+2]
		}
		next = end
	}
	if next < n {
		return nil, fmt.Errorf("format 3: ranges end at glyph %d of %d", next, n)
	}
	return fds, nil
}
