package fontsubset

import (
	"cmp"
	"slices"
)

// callLog records which number token gives each subr call, so that the subrs a subset keeps can
// be renumbered.
type callLog struct {
	targets map[token]csRef // number token: the subr it names
	broken  bool            // a call's number was not a literal just before it, or named two subrs
}

// newCallLog returns an empty call log.
func newCallLog() *callLog { return &callLog{targets: map[token]csRef{}} }

// log records that number token num, followed by the call operator op, called target.
func (l *callLog) log(num, op token, target csRef) {
	switch {
	case l == nil || l.broken:
	case num.cs != op.cs || num.at+num.size != op.at:
		l.broken = true
	default:
		if old, ok := l.targets[num]; ok && old != target {
			l.broken = true
		}
		l.targets[num] = target
	}
}

// cffPlan is what a subset writes: its charstrings and subr INDEXes.
type cffPlan struct {
	glyphs [][]byte   // charstrings of the kept glyphs, in order
	global [][]byte   // Global Subr INDEX
	locals [][][]byte // local Subr INDEX of each source Font DICT (unused ones: nil)
}

// emptyingPlan keeps the source's subr numbers: unused subrs become a lone return.
func (s *cffSubset) emptyingPlan() cffPlan {
	p := cffPlan{global: s.global.subset(), locals: make([][][]byte, len(s.locals))}
	for _, g := range s.glyphs {
		p.glyphs = append(p.glyphs, s.f.charstrings[g])
	}
	for _, old := range s.fdOld {
		p.locals[old] = s.locals[old].subset()
	}
	return p
}

// edit replaces the number token at cs[at:at+size] with v.
type edit struct{ at, size, v int }

// renumberPlan keeps only the used subrs, renumbered in their order, and rewrites the numbers
// that call them. It then runs the new glyphs and reports false, to fall back on emptyingPlan,
// unless each executes as in the source (same trace).
func (s *cffSubset) renumberPlan(calls *callLog, traces []uint64) (cffPlan, bool) {
	sets := append([]*subrSet{s.global}, s.locals...)
	newIndex := map[*subrSet][]int{}
	newBias := map[*subrSet]int{}
	for _, set := range sets {
		idx, n := make([]int, len(set.used)), 0
		for i, used := range set.used {
			idx[i] = n
			if used {
				n++
			}
		}
		newIndex[set], newBias[set] = idx, subrBias(n)
	}
	edits := map[csRef][]edit{}
	for tok, target := range calls.targets {
		v := newIndex[target.set][target.index] - newBias[target.set]
		edits[tok.cs] = append(edits[tok.cs], edit{tok.at, tok.size, v})
	}
	p := cffPlan{locals: make([][][]byte, len(s.locals))}
	for _, g := range s.glyphs {
		p.glyphs = append(p.glyphs, applyEdits(s.f.charstrings[g], edits[csRef{nil, g}]))
	}
	p.global = keptSubrs(s.global, edits)
	for _, old := range s.fdOld {
		p.locals[old] = keptSubrs(s.locals[old], edits)
	}
	return p, s.sameTraces(p, traces)
}

// keptSubrs returns the used subrs of set, with their edits applied.
func keptSubrs(set *subrSet, edits map[csRef][]edit) [][]byte {
	var out [][]byte
	for i, used := range set.used {
		if used {
			out = append(out, applyEdits(set.subrs[i], edits[csRef{set, i}]))
		}
	}
	return out
}

// applyEdits returns cs with edits made.
func applyEdits(cs []byte, edits []edit) []byte {
	if len(edits) == 0 {
		return cs
	}
	slices.SortFunc(edits, func(a, b edit) int { return cmp.Compare(a.at, b.at) })
	var out []byte
	prev := 0
	for _, e := range edits {
		out = append(out, cs[prev:e.at]...)
		out = appendT2Int(out, e.v)
		prev = e.at + e.size
	}
	return append(out, cs[prev:]...)
}

// sameTraces runs the glyphs of plan p and reports whether each executes as traces says the
// source glyph did.
func (s *cffSubset) sameTraces(p cffPlan, traces []uint64) bool {
	global := newSubrSet(p.global)
	locals := make([]*subrSet, len(s.locals))
	for _, old := range s.fdOld {
		locals[old] = newSubrSet(p.locals[old])
	}
	for i, g := range s.glyphs {
		w, err := walkGlyph(g, p.glyphs[i], global, locals[s.f.fdOf(g)], nil)
		if err != nil || w.trace != traces[i] {
			return false
		}
	}
	return true
}

// appendT2Int appends v (|v| < 32768) as a Type 2 charstring integer, in its shortest form.
func appendT2Int(dst []byte, v int) []byte {
	switch {
	case v >= -107 && v <= 107:
		return append(dst, byte(v+139))
	case v >= 108 && v <= 1131:
		return append(dst, byte((v-108)>>8+247), byte(v-108))
	case v >= -1131 && v <= -108:
		return append(dst, byte((-v-108)>>8+251), byte(-v-108))
	}
	return append(dst, 28, byte(v>>8), byte(v))
}
