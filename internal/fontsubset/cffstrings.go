package fontsubset

// sidOps are the DICT operators whose one operand is a string ID: version, Notice, FullName,
// FamilyName, Weight, Copyright, PostScript, BaseFontName and FontName.
var sidOps = []int{0, 1, 2, 3, 4, 1200, 1221, 1222, opFontName}

// nStdStrings is the number of standard strings, whose IDs precede those of the String INDEX.
const nStdStrings = 391

// stringTable builds the String INDEX of a subset: only the strings its DICTs name.
type stringTable struct {
	src [][]byte       // the source's String INDEX
	out [][]byte       // the subset's
	ids map[string]int // string: its ID in out
}

// newStringTable returns an empty string table over the source strings src.
func newStringTable(src [][]byte) *stringTable {
	return &stringTable{src: src, ids: map[string]int{}}
}

// add returns the string ID of s in the subset, adding s when new.
func (t *stringTable) add(s []byte) int {
	if id, ok := t.ids[string(s)]; ok {
		return id
	}
	id := nStdStrings + len(t.out)
	t.out = append(t.out, s)
	t.ids[string(s)] = id
	return id
}

// copyEntries appends the entries of d but those of skip, with the string IDs of sidOps
// renumbered; one naming no string is left out.
func (t *stringTable) copyEntries(dst []byte, d dict, skip []int) []byte {
	for _, e := range d {
		switch {
		case contains(skip, e.op):
		case !contains(sidOps, e.op):
			dst = append(dst, e.raw...)
		case len(e.args) == 1 && !e.args[0].real && e.args[0].v >= 0:
			if sid := e.args[0].v; sid < nStdStrings {
				dst = append(dst, e.raw...)
			} else if sid-nStdStrings < len(t.src) {
				dst = appendEntry(dst, e.op, t.add(t.src[sid-nStdStrings]))
			}
		}
	}
	return dst
}

// contains reports whether list holds v.
func contains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
