package fontsubset

// charset encodes the charset of the subset: the CID of each glyph but glyph 0, which is its
// source glyph ID, in format 2 (ranges) or, when smaller, format 0 (a list).
func charset(glyphs []int) []byte {
	list := []byte{0}
	ranges := []byte{2}
	for i := 1; i < len(glyphs); i++ {
		list = putU16(list, glyphs[i])
		first := i
		for i+1 < len(glyphs) && glyphs[i+1] == glyphs[i]+1 {
			i++
			list = putU16(list, glyphs[i])
		}
		ranges = putU16(ranges, glyphs[first])
		ranges = putU16(ranges, i-first)
	}
	if len(ranges) < len(list) {
		return ranges
	}
	return list
}

// fdSelect3 encodes the FDSelect of the subset in format 3: runs of new glyph IDs with their
// new Font DICT index, then the sentinel.
func (s *cffSubset) fdSelect3() []byte {
	var ranges []byte
	n := 0
	for i, g := range s.glyphs {
		fd := s.fdNew[s.f.fdOf(g)]
		if i > 0 && int(ranges[len(ranges)-1]) == fd {
			continue
		}
		ranges = append(putU16(ranges, i), byte(fd))
		n++
	}
	out := putU16([]byte{3}, n)
	out = append(out, ranges...)
	return putU16(out, len(s.glyphs))
}
