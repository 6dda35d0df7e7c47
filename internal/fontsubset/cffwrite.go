package fontsubset

import "slices"

// cffParts are the pieces of a subset CFF that do not depend on where they end up.
type cffParts struct {
	header, name, strings, gsubrs []byte
	charset, fdSelect, charStrs   []byte
	top                           []byte   // the Top DICT's entries but offsets and CIDCount
	fonts                         [][]byte // each new Font DICT's entries but Private
	privates                      [][]byte // each new Font DICT's Private DICT
	subrs                         [][]byte // each new Font DICT's local Subr INDEX
}

// cffOffsets are the offsets the Top DICT and the Font DICTs hold.
type cffOffsets struct {
	charset, fdSelect, charStrs, fdArray int
	privates                             []int
}

// write lays out and encodes the subset font: header, Name, Top DICT, String and Global Subr
// INDEXes, charset, FDSelect, CharStrings, FDArray, then each Private DICT and its Subrs.
func (s *cffSubset) write(plan cffPlan) []byte {
	p := s.parts(plan)
	var o cffOffsets
	top := appendIndex(nil, [][]byte{s.topDict(p, o)})
	o.charset = len(p.header) + len(p.name) + len(top) + len(p.strings) + len(p.gsubrs)
	o.fdSelect = o.charset + len(p.charset)
	o.charStrs = o.fdSelect + len(p.fdSelect)
	o.fdArray = o.charStrs + len(p.charStrs)
	o.privates = make([]int, len(p.privates))
	at := o.fdArray + len(s.fdArray(p, o))
	for i := range p.privates {
		o.privates[i] = at
		at += len(p.privates[i]) + len(p.subrs[i])
	}
	out := slices.Concat(p.header, p.name, appendIndex(nil, [][]byte{s.topDict(p, o)}),
		p.strings, p.gsubrs, p.charset, p.fdSelect, p.charStrs, s.fdArray(p, o))
	for i := range p.privates {
		out = append(append(out, p.privates[i]...), p.subrs[i]...)
	}
	return out
}

// parts encodes the pieces of the subset that hold no offset, with the charstrings and subrs of
// plan.
func (s *cffSubset) parts(plan cffPlan) cffParts {
	f := s.f
	p := cffParts{header: []byte{1, 0, 4, 4}, name: appendIndex(nil, [][]byte{f.name})}
	strs := newStringTable(f.strings)
	p.top = appendEntry(nil, opROS, strs.add([]byte("Adobe")), strs.add([]byte("Identity")), 0)
	p.top = strs.copyEntries(p.top, f.top, droppedTopOps)
	for _, old := range s.fdOld {
		p.fonts = append(p.fonts, strs.copyEntries(nil, f.fds[old].font, []int{opPrivate}))
	}
	p.strings = appendIndex(nil, strs.out)
	p.gsubrs = appendIndex(nil, plan.global)
	p.charset = charset(s.glyphs)
	p.fdSelect = s.fdSelect3()
	p.charStrs = appendIndex(nil, plan.glyphs)
	for _, old := range s.fdOld {
		subrs := plan.locals[old]
		p.privates = append(p.privates, privateDict(f.fds[old].private, len(subrs) > 0))
		p.subrs = append(p.subrs, appendIndex(nil, subrs))
		if len(subrs) == 0 {
			p.subrs[len(p.subrs)-1] = nil
		}
	}
	return p
}

// droppedTopOps are the Top DICT operators of the source that the subset leaves out or writes
// anew.
var droppedTopOps = []int{opROS, opCIDCount, opCharset, opEncoding, opCharStrings, opPrivate,
	opFDArray, opFDSelect, opUniqueID, opXUID, opUIDBase, opSyntheticBase}

// topDict encodes the subset's Top DICT: ROS first, the source's entries but offsets and unique
// IDs, then CIDCount and the offsets o.
func (s *cffSubset) topDict(p cffParts, o cffOffsets) []byte {
	d := appendEntry(slices.Clone(p.top), opCIDCount, len(s.f.charstrings))
	d = appendEntry(d, opCharset, o.charset)
	d = appendEntry(d, opFDSelect, o.fdSelect)
	d = appendEntry(d, opCharStrings, o.charStrs)
	return appendEntry(d, opFDArray, o.fdArray)
}

// fdArray encodes the FDArray INDEX: each kept Font DICT (empty for a name-keyed source) with
// the size and offset of its Private DICT.
func (s *cffSubset) fdArray(p cffParts, o cffOffsets) []byte {
	dicts := make([][]byte, len(s.fdOld))
	for i := range s.fdOld {
		d := slices.Clone(p.fonts[i])
		off := 0
		if o.privates != nil {
			off = o.privates[i]
		}
		dicts[i] = appendEntry(d, opPrivate, len(p.privates[i]), off)
	}
	return appendIndex(nil, dicts)
}

// privateDict encodes a Private DICT: the source's entries, and a Subrs offset pointing just
// past the DICT when it has local subrs.
func privateDict(src dict, subrs bool) []byte {
	var d []byte
	for _, e := range src {
		if e.op != opSubrs {
			d = append(d, e.raw...)
		}
	}
	if subrs {
		d = appendEntry(d, opSubrs, len(d)+6) // 6: the size of this entry
	}
	return d
}
