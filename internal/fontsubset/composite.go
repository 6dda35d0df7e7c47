package fontsubset

import "fmt"

// Flags of a component of a composite glyph (OpenType glyf table).
const (
	argsAreWords   = 0x0001
	weHaveAScale   = 0x0008
	moreComponents = 0x0020
	xAndYScale     = 0x0040
	twoByTwo       = 0x0080
)

// components returns the glyph IDs of the components of a composite glyph's data, or none for
// a simple or empty glyph.
func components(data []byte) ([]uint16, error) {
	if len(data) == 0 {
		return nil, nil
	}
	contours, err := u16(data, 0)
	if err != nil {
		return nil, err
	}
	if int16(contours) >= 0 {
		return nil, nil
	}
	var gids []uint16
	for off := 10; ; {
		flags, err := u16(data, off)
		if err != nil {
			return nil, fmt.Errorf("component flags: %w", err)
		}
		gid, err := u16(data, off+2)
		if err != nil {
			return nil, fmt.Errorf("component glyph: %w", err)
		}
		gids = append(gids, uint16(gid))
		off += 4 + componentArgsSize(flags)
		if off > len(data) {
			return nil, fmt.Errorf("component of glyph %d: %w", gid, errShort)
		}
		if flags&moreComponents == 0 {
			return gids, nil
		}
	}
}

// componentArgsSize returns the byte size of a component's arguments and transform.
func componentArgsSize(flags int) int {
	n := 2
	if flags&argsAreWords != 0 {
		n = 4
	}
	switch {
	case flags&weHaveAScale != 0:
		n += 2
	case flags&xAndYScale != 0:
		n += 4
	case flags&twoByTwo != 0:
		n += 8
	}
	return n
}
