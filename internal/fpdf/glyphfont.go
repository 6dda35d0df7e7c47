package fpdf

// cwo patch 20 (continued): writing the fonts glyph runs use.

import (
	"crypto/sha256"
	"fmt"
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo/internal/shaped"
)

// putGlyphFonts writes, for each font glyph runs used, a Type0 font with its CIDFont, font
// descriptor, subset program and ToUnicode map.
func (f *Fpdf) putGlyphFonts() {
	for _, u := range f.glyphFonts {
		if f.err != nil {
			return
		}
		gids := u.gids()
		prog, err := f.cache.glyphProgram(u.font, gids)
		if err != nil {
			f.err = fmt.Errorf("font %s: %w", u.font.Name(), err)
			return
		}
		name := subsetTag(u.font.Key(), gids) + "+" + u.font.Name()
		u.n = f.n + 1
		f.newobj() // n: Type0
		f.outf("<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>", name, f.n+1, f.n+2)
		f.out("endobj")
		f.newobj() // n+1: CIDFont
		sub, cidToGID := "CIDFontType2", " /CIDToGIDMap /Identity"
		if u.font.CFF() {
			sub, cidToGID = "CIDFontType0", ""
		}
		f.outf("<</Type /Font /Subtype /%s /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW 0 /W %s%s>>",
			sub, name, f.n+2, u.widthArray(gids), cidToGID)
		f.out("endobj")
		f.newobj() // n+2: ToUnicode
		cmap := u.toUnicode(gids)
		f.outf("<</Length %d>>", len(cmap))
		f.putstream(cmap)
		f.out("endobj")
		f.putGlyphFontDescriptor(u.font, name, prog)
	}
}

// putGlyphFontDescriptor writes the font descriptor (object n+3, following putGlyphFonts's
// numbering) and the compressed font program.
func (f *Fpdf) putGlyphFontDescriptor(font shaped.Font, name string, prog glyphProgram) {
	m := font.Metrics()
	flags := 4 // symbolic: the glyphs are addressed by ID, not by a standard encoding
	if m.FixedPitch {
		flags |= 1
	}
	if m.Serif {
		flags |= 2
	}
	if m.Italic {
		flags |= 64
	}
	f.newobj()
	f.outf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%s %s %s %s] /ItalicAngle %s /Ascent %s /Descent %s /CapHeight %s /StemV 80 /%s %d 0 R>>",
		name, flags, num(m.BBox[0]), num(m.BBox[1]), num(m.BBox[2]), num(m.BBox[3]), num(m.ItalicAngle),
		num(m.Ascent), num(m.Descent), num(m.CapHeight), prog.key, f.n+1)
	f.out("endobj")
	f.newobj()
	f.outf("<</Length %d /Filter /FlateDecode%s>>", len(prog.data), prog.extra)
	f.putstream(prog.data)
	f.out("endobj")
}

func num(v float64) string { return string(appendNum(nil, v)) }

// gids returns the glyphs drawn with u, in increasing order.
func (u *glyphFontUse) gids() []uint16 {
	var gids []uint16
	for g, w := range u.widths {
		if w >= 0 {
			gids = append(gids, uint16(g))
		}
	}
	return gids
}

// widthArray is the /W array of the glyphs, grouping runs of consecutive IDs.
func (u *glyphFontUse) widthArray(gids []uint16) string {
	var b []byte
	b = append(b, '[')
	for i := 0; i < len(gids); {
		j := i + 1
		for j < len(gids) && gids[j] == gids[j-1]+1 {
			j++
		}
		b = strconv.AppendInt(b, int64(gids[i]), 10)
		b = append(b, " ["...)
		for k := i; k < j; k++ {
			if k > i {
				b = append(b, ' ')
			}
			b = appendNum(b, u.widths[gids[k]])
		}
		b = append(b, "] "...)
		i = j
	}
	return strings.TrimSpace(string(b)) + "]"
}

// toUnicode is the ToUnicode CMap of the glyphs that stand for text.
func (u *glyphFontUse) toUnicode(gids []uint16) []byte {
	var mapped []uint16
	for _, g := range gids {
		if u.text[g] != "" {
			mapped = append(mapped, g)
		}
	}
	b := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(mapped); i += 100 {
		chunk := mapped[i:min(i+100, len(mapped))]
		b = strconv.AppendInt(b, int64(len(chunk)), 10)
		b = append(b, " beginbfchar\n"...)
		for _, g := range chunk {
			b = append(b, '<')
			b = appendHex4(b, g)
			b = append(b, "> <"...)
			b = appendUTF16Hex(b, u.text[g])
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}

// subsetTag is the six capital letters that name a subset: derived from the font and the
// glyphs, so the same subset gets the same tag in every run.
func subsetTag(key string, gids []uint16) string {
	h := sha256.New()
	h.Write([]byte(key))
	for _, g := range gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}
