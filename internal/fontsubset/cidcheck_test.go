package fontsubset

import (
	"encoding/binary"
	"fmt"
	"maps"
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

// dictStrings returns the strings the sidOps entries of d name, by operator.
func dictStrings(t *testing.T, f *cffFont, d dict) map[int]string {
	t.Helper()
	out := map[int]string{}
	for _, op := range sidOps {
		if _, ok := d.get(op); !ok {
			continue
		}
		sid, err := d.ints(op, 1)
		switch {
		case err != nil || sid[0]-nStdStrings >= len(f.strings):
			t.Fatalf("operator %d: SID %v, %v (%d strings)", op, sid, err, len(f.strings))
		case sid[0] < nStdStrings:
			out[op] = fmt.Sprint("standard string ", sid[0])
		default:
			out[op] = string(f.strings[sid[0]-nStdStrings])
		}
	}
	return out
}

// checkCFFStrings checks that the Top DICT and the Font DICTs of subset sub name the strings of
// source src, and that ROS names Adobe/Identity.
func checkCFFStrings(t *testing.T, src, sub []byte) {
	t.Helper()
	a, err := parseCFF(src)
	if err != nil {
		t.Fatal(err)
	}
	b, err := parseCFF(sub)
	if err != nil {
		t.Fatal(err)
	}
	want, got := dictStrings(t, a, a.top), dictStrings(t, b, b.top)
	if len(want) == 0 || !maps.Equal(got, want) {
		t.Errorf("Top DICT strings %v, want %v", got, want)
	}
	wantFDs := map[string]bool{}
	for _, fd := range a.fds {
		wantFDs[dictStrings(t, a, fd.font)[opFontName]] = true
	}
	for i, fd := range b.fds {
		if name := dictStrings(t, b, fd.font)[opFontName]; !wantFDs[name] {
			t.Errorf("Font DICT %d: FontName %q, not one of the source's", i, name)
		}
	}
	ros, _ := b.top.ints(opROS, 3)
	if len(ros) != 3 || string(b.strings[ros[0]-nStdStrings]) != "Adobe" ||
		string(b.strings[ros[1]-nStdStrings]) != "Identity" || ros[2] != 0 {
		t.Errorf("ROS %v, want Adobe Identity 0", ros)
	}
}
