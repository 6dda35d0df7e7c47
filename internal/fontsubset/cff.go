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
// Adobe/Identity/0 either way, since its CIDs are glyph IDs.
//
// Only the subroutines the kept glyphs call are kept, renumbered in their order, and the
// numbers that call them rewritten, so a CJK font's subset is small. When that cannot be done
// safely (a subr number that is not a literal just before its call, an arithmetic operator, or
// a rewritten glyph that would not run as the source's), the subrs keep their numbers instead,
// unused ones replaced by a lone return (and dropped from the end of an INDEX while that keeps
// the numbering bias).
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
	calls := newCallLog()
	traces, all, err := s.markSubrs(calls)
	if err != nil {
		return nil, fmt.Errorf("cff: %w", err)
	}
	if !all && !calls.broken {
		if plan, ok := s.renumberPlan(calls, traces); ok {
			return s.write(plan), nil
		}
	}
	return s.write(s.emptyingPlan()), nil
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
	used := make([]bool, len(f.fds))
	for _, g := range s.glyphs {
		used[f.fdOf(g)] = true
	}
	s.fdNew = make([]int, len(f.fds))
	for fd := range used {
		s.fdNew[fd] = -1
		if used[fd] {
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

// markSubrs walks the charstrings of the kept glyphs to mark the subrs they call, logging the
// calls. It returns each glyph's trace, and whether every subr had to be kept because a glyph
// uses an operator the walk does not follow.
func (s *cffSubset) markSubrs(calls *callLog) (traces []uint64, all bool, err error) {
	steps := 0
	for _, g := range s.glyphs {
		w, err := walkGlyph(g, s.f.charstrings[g], s.global, s.locals[s.f.fdOf(g)], calls)
		if steps += w.steps; steps > maxAllSteps {
			return nil, false, errors.New("charstrings run too long")
		}
		switch {
		case errors.Is(err, errUnsupportedOp):
			all = true
		case err != nil:
			return nil, false, fmt.Errorf("glyph %d: %w", g, err)
		case w.seac:
			return nil, false, fmt.Errorf("glyph %d: seac accent composition not supported", g)
		}
		traces = append(traces, w.trace)
	}
	if all {
		for _, set := range append([]*subrSet{s.global}, s.locals...) {
			for i := range set.used {
				set.used[i] = true
			}
		}
	}
	return traces, all, nil
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
