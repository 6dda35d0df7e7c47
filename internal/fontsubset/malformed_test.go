package fontsubset

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestTrueTypeMalformed checks that broken fonts give errors.
func TestTrueTypeMalformed(t *testing.T) {
	edits := map[string]func(map[string][]byte){
		"no head":      func(m map[string][]byte) { delete(m, "head") },
		"short head":   func(m map[string][]byte) { m["head"] = m["head"][:50] },
		"no glyf":      func(m map[string][]byte) { delete(m, "glyf") },
		"no maxp":      func(m map[string][]byte) { delete(m, "maxp") },
		"no loca":      func(m map[string][]byte) { delete(m, "loca") },
		"short loca":   func(m map[string][]byte) { m["loca"] = m["loca"][:12] },
		"loca format":  func(m map[string][]byte) { m["head"][51] = 2 },
		"long glyph":   func(m map[string][]byte) { m["loca"][11] = 0xFF },
		"loca reverse": func(m map[string][]byte) { m["loca"][10], m["loca"][11] = 0, 0 },
		"cut glyf":     func(m map[string][]byte) { m["glyf"] = m["glyf"][:len(m["glyf"])-40] },
		"missing component": func(m map[string][]byte) {
			g := m["glyf"]
			g[int(m["loca"][7])*2+13] = 99 // glyph 3's first component: glyph 99
		},
	}
	for name, edit := range edits {
		tables := synthTrueType()
		edit(tables)
		if _, err := TrueType(func(tag string) []byte { return tables[tag] }, []uint16{3}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	tables := synthTrueType()
	if _, err := TrueType(func(tag string) []byte { return tables[tag] }, []uint16{6}); err == nil {
		t.Error("glyph 6 of 6: no error")
	}
}

// TestTrueTypeTruncated cuts each table of the synthetic font at every length: no panic.
func TestTrueTypeTruncated(t *testing.T) {
	for _, tag := range slices.Sorted(maps.Keys(synthTrueType())) {
		for n := range len(synthTrueType()[tag]) {
			tables := synthTrueType()
			tables[tag] = tables[tag][:n]
			_, _ = TrueType(func(tag string) []byte { return tables[tag] }, []uint16{3, 5})
		}
	}
}

// TestCFFMalformed checks that broken or unsupported CFF data gives errors.
func TestCFFMalformed(t *testing.T) {
	cases := map[string][]byte{
		"empty":  nil,
		"CFF2":   append([]byte{2, 0, 5, 0, 0}, synthCFF(false)[4:]...),
		"no top": {1, 0, 4, 4, 0, 1, 1, 1, 2, 'x', 0, 0},
	}
	for name, b := range cases {
		if _, err := CFF(b, []uint16{1}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := CFF(synthCFF(true), []uint16{4}); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Errorf("glyph 4 of 4: %v", err)
	}
}

// TestCFFTruncated cuts the synthetic CFF fonts at every length and flips each byte: errors,
// never a panic, and a cut CID-keyed font (whose last bytes are a subr glyph 2 calls) never
// passes for whole.
func TestCFFTruncated(t *testing.T) {
	for _, cid := range []bool{false, true} {
		src := synthCFF(cid)
		for n := range len(src) {
			if _, err := CFF(src[:n], []uint16{1, 2, 3}); err == nil && cid {
				t.Errorf("cid=%v: cut at %d of %d: no error", cid, n, len(src))
			}
		}
		for i := range src {
			b := slices.Clone(src)
			b[i] ^= 0xFF
			_, _ = CFF(b, []uint16{1, 2, 3})
		}
	}
}

// TestCFFBadCharstrings checks charstring errors: a call of a missing subr, endless recursion,
// a cut hintmask and seac.
func TestCFFBadCharstrings(t *testing.T) {
	cases := map[string][]byte{
		"missing subr": {139, 10, 14},
		"no operand":   {10},
		"recursion":    {32, 29, 14}, // global subr 0, made to call itself below
		"cut hintmask": {139, 149, 1, 139, 159, 19},
		"cut number":   {28, 1},
		"seac":         {139, 139, 139, 139, 14},
	}
	for name, cs := range cases {
		saved := synthGlyphs[1]
		savedSubr := synthGsubrs[0]
		synthGlyphs[1] = cs
		if name == "recursion" {
			synthGsubrs[0] = []byte{32, 29, 11}
		}
		_, err := CFF(synthCFF(false), []uint16{1})
		synthGlyphs[1], synthGsubrs[0] = saved, savedSubr
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestCFFUnsupportedOperatorKeepsSubrs checks that an arithmetic operator, which the walk does
// not follow, keeps every subr rather than failing.
func TestCFFUnsupportedOperatorKeepsSubrs(t *testing.T) {
	saved := synthGlyphs[2]
	synthGlyphs[2] = []byte{139, 139, 12, 10, 139, 139, 21, 14} // 0 0 add 0 0 rmoveto endchar
	defer func() { synthGlyphs[2] = saved }()
	sub, err := CFF(synthCFF(false), []uint16{2})
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseCFF(sub)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.gsubrs) != 2 || len(f.fds[0].subrs) != 2 || f.gsubrs[1][0] == 11 {
		t.Errorf("subrs not all kept: %v, %v", f.gsubrs, f.fds[0].subrs)
	}
}
