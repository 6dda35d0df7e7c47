package fontsubset

import (
	"encoding/binary"
	"testing"
)

// readCIDs decodes the charset of a CID-keyed CFF (formats 0, 1 and 2): the CID of each glyph,
// 0 for glyph 0. It also checks that the Top DICT starts with ROS.
func readCIDs(t *testing.T, b []byte) []int {
	t.Helper()
	f, err := parseCFF(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.top) == 0 || f.top[0].op != opROS {
		t.Fatal("Top DICT does not start with ROS")
	}
	off, err := f.top.ints(opCharset, 1)
	if err != nil {
		t.Fatal(err)
	}
	n := len(f.charstrings)
	cids := []int{0}
	format, p := b[off[0]], b[off[0]+1:]
	for len(cids) < n {
		first := int(binary.BigEndian.Uint16(p))
		switch format {
		case 0:
			cids = append(cids, first)
			p = p[2:]
			continue
		case 1:
			for i := range int(p[2]) + 1 {
				cids = append(cids, first+i)
			}
			p = p[3:]
		case 2:
			for i := range int(binary.BigEndian.Uint16(p[2:])) + 1 {
				cids = append(cids, first+i)
			}
			p = p[4:]
		default:
			t.Fatalf("charset format %d", format)
		}
	}
	return cids
}
