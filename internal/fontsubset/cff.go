package fontsubset

import (
	"errors"
	"fmt"
	"slices"
)

// CFF returns a CID-keyed CFF font program (for a PDF FontFile3 /CIDFontType0C, CIDFontType0)
// holding only gids (and glyph 0), where each glyph's CID equals its glyph ID in the source
// font, so a content stream written with source glyph IDs draws the right glyphs. cff is the
// source font's raw "CFF " table, name-keyed (converted: one Font DICT with the source's
// Private DICT) or CID-keyed (the Font DICTs of the kept glyphs are kept). The result's ROS is
// Adobe/Identity/0 either way, since its CIDs are glyph IDs. Subroutines no kept glyph calls are
// emptied (replaced by a lone return, keeping the numbering of the others; unused ones at the
// end of an INDEX are dropped when that leaves the numbering bias unchanged), so a CJK font's
// subset is small.
//
// CFF2 is not supported, nor a name-keyed glyph built with the seac form of endchar (accented
// glyphs made of two others): both are errors. A gid at or past the font's number of glyphs is
// an error too.
func CFF(cff []byte, gids []uint16) ([]byte, error) {
	f, err := parseCFF(cff)
	if err != nil {
		return nil, fmt.Errorf("cff: %w", err)
	}
	s, err := newCFFSubset(f, gids)
	if err != nil {
		return nil, fmt.Errorf("cff: %w", err)
	}
	if err := s.markSubrs(); err != nil {
		return nil, fmt.Errorf("cff: %w", err)
	}
	return s.write(), nil
}

// cffSubset is what a subset keeps of a parsed CFF font.
type cffSubset struct {
	f      *cffFont
	glyphs []int      // the kept glyphs (source glyph IDs), increasing
	fdNew  []int      // new Font DICT index of each source Font DICT, -1 when unused
	fdOld  []int      // source Font DICT index of each new one
	global *subrSet   // global subrs and their use
	locals []*subrSet // each source Font DICT's local subrs and their use
}

// newCFFSubset returns the subset of f to gids and glyph 0, with no subr marked used yet.
func newCFFSubset(f *cffFont, gids []uint16) (*cffSubset, error) {
	n := len(f.charstrings)
	s := &cffSubset{f: f, glyphs: []int{0}, global: newSubrSet(f.gsubrs)}
	for _, g := range gids {
		if int(g) >= n {
			return nil, fmt.Errorf("glyph %d out of range (font has %d)", g, n)
		}
		s.glyphs = append(s.glyphs, int(g))
	}
	slices.Sort(s.glyphs)
	s.glyphs = slices.Compact(s.glyphs)
	s.fdNew = make([]int, len(f.fds))
	for i := range s.fdNew {
		s.fdNew[i] = -1
	}
	for _, g := range s.glyphs {
		if fd := f.fdOf(g); s.fdNew[fd] < 0 {
			s.fdNew[fd] = 0 // numbered below, in source order
		}
	}
	for fd, used := range s.fdNew {
		if used == 0 {
			s.fdNew[fd] = len(s.fdOld)
			s.fdOld = append(s.fdOld, fd)
		}
	}
	for _, fd := range f.fds {
		s.locals = append(s.locals, newSubrSet(fd.subrs))
	}
	return s, nil
}

// fdOf returns the Font DICT index of glyph g.
func (f *cffFont) fdOf(g int) int {
	if f.fdSelect == nil {
		return 0
	}
	return int(f.fdSelect[g])
}

// markSubrs walks the charstrings of the kept glyphs to mark the subrs they call. When one uses
// an operator the walk does not follow, every subr is kept.
func (s *cffSubset) markSubrs() error {
	all, steps := false, 0
	for _, g := range s.glyphs {
		fd := s.f.fdOf(g)
		seac, n, err := walkGlyph(s.f.charstrings[g], s.global, s.locals[fd])
		if steps += n; steps > maxAllSteps {
			return errors.New("charstrings run too long")
		}
		switch {
		case errors.Is(err, errUnsupportedOp):
			all = true
		case err != nil:
			return fmt.Errorf("glyph %d: %w", g, err)
		case seac:
			return fmt.Errorf("glyph %d: seac accent composition not supported", g)
		}
	}
	if all {
		for _, set := range append([]*subrSet{s.global}, s.locals...) {
			for i := range set.used {
				set.used[i] = true
			}
		}
	}
	return nil
}

// subset returns the subrs with each unused one replaced by a lone return (0x0b). Unused subrs
// at the end are dropped while the count keeps the same bias.
func (set *subrSet) subset() [][]byte {
	n := len(set.subrs)
	for n > 0 && !set.used[n-1] && subrBias(n-1) == set.bias {
		n--
	}
	out := make([][]byte, n)
	for i := range out {
		out[i] = set.subrs[i]
		if !set.used[i] {
			out[i] = []byte{11}
		}
	}
	return out
}
