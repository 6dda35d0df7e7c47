// Package typeset lays text out for cwo's PDFs: it loads fonts (TrueType, OpenType/CFF and
// collections), picks for each character the first font of a style that has it, applies the
// Unicode bidirectional algorithm, shapes runs with HarfBuzz's rules (kerning, ligatures,
// Arabic joining, Indic reordering) and finds line-break opportunities (UAX #14). It is the only
// package that imports github.com/go-text/typesetting.
package typeset

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/cwo-tool/cwo/internal/fontsubset"
	"github.com/cwo-tool/cwo/internal/shaped"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// Face is one font face: a file, or one face of a collection. It is safe for concurrent use.
type Face struct {
	font     *font.Font
	loader   *ot.Loader
	name     string // PostScript name
	family   string
	key      string // identifies the face among all faces of a run
	cff      bool
	upem     float64
	metrics  Metrics
	advances []uint16 // hmtx advance widths, by glyph ID

	tablesMu sync.Mutex
	tables   map[string][]byte // raw tables read so far, by tag

	outlines sync.Mutex // guards outliner, a go-text face (not safe for concurrent use)
	outliner *font.Face
}

// Metrics are a face's global measures in thousandths of an em.
type Metrics = shaped.Metrics

// Parse reads a font file. selector picks a face of a collection (.ttc, .otc) by index ("1")
// or by name (family, full or PostScript name, case-insensitive); empty means the first face.
func Parse(data []byte, selector string) (face *Face, err error) {
	defer func() {
		if v := recover(); v != nil { // the parser is not ours: a malformed font must not crash a run
			face, err = nil, fmt.Errorf("malformed font: %v", v)
		}
	}()
	loaders, err := ot.NewLoaders(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a font: %w", err)
	}
	i, err := pick(loaders, selector)
	if err != nil {
		return nil, err
	}
	return newFace(loaders[i], data, i)
}

// pick finds the face selector names among a file's faces.
func pick(loaders []*ot.Loader, selector string) (int, error) {
	if selector == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(selector); err == nil {
		if n < 0 || n >= len(loaders) {
			return 0, fmt.Errorf("face %d: the file has %d face(s), numbered from 0", n, len(loaders))
		}
		return n, nil
	}
	var names []string
	for i, ld := range loaders {
		n := readNames(ld)
		for _, s := range []string{n.family, n.full, n.postscript, n.typographic} {
			if s != "" && strings.EqualFold(s, selector) {
				return i, nil
			}
		}
		names = append(names, fmt.Sprintf("%d %q", i, n.full))
	}
	return 0, fmt.Errorf("no face named %q; the file has %s", selector, strings.Join(names, ", "))
}

func newFace(ld *ot.Loader, data []byte, index int) (*Face, error) {
	f, err := font.NewFont(ld)
	if err != nil {
		return nil, fmt.Errorf("not a usable font: %w", err)
	}
	names := readNames(ld)
	face := &Face{font: f, loader: ld, name: postscriptName(names, index), family: names.family,
		cff: ld.HasTable(ot.MustNewTag("CFF ")), upem: float64(f.Upem())}
	if ld.HasTable(ot.MustNewTag("CFF2")) && !face.cff {
		return nil, fmt.Errorf("variable CFF2 fonts are not supported; use a static instance (.otf or .ttf)")
	}
	if !face.cff && !ld.HasTable(ot.MustNewTag("glyf")) {
		return nil, fmt.Errorf("the font has no outlines (glyf or CFF table)")
	}
	for _, tag := range []string{"COLR", "CBDT", "sbix", "SVG "} {
		if ld.HasTable(ot.MustNewTag(tag)) { // its glyphs are pictures a PDF font cannot carry
			return nil, fmt.Errorf("a colour font (%s table) cannot be embedded in a PDF; use a monochrome font, such as Noto Emoji for emoji", strings.TrimSpace(tag))
		}
	}
	face.metrics = readMetrics(ld, face.upem)
	face.advances = readAdvances(ld)
	sum := sha256.Sum256(data)
	face.key = hex.EncodeToString(sum[:8]) + "/" + strconv.Itoa(index)
	return face, nil
}

// postscriptName is the face's PostScript name, made safe for a PDF name.
func postscriptName(n names, index int) string {
	s := n.postscript
	if s == "" {
		s = strings.ReplaceAll(n.full, " ", "")
	}
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7F && !strings.ContainsRune("[](){}<>/%#", r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Font" + strconv.Itoa(index)
	}
	return b.String()
}

// Name is the face's PostScript name.
func (f *Face) Name() string { return f.name }

// Family is the face's family name, as the font names it.
func (f *Face) Family() string { return f.family }

// Key identifies the face among all faces: a hash of its file and its index there.
func (f *Face) Key() string { return f.key }

// CFF reports whether the face has PostScript (CFF) outlines rather than TrueType ones.
func (f *Face) CFF() bool { return f.cff }

// Metrics returns the face's global measures.
func (f *Face) Metrics() Metrics { return f.metrics }

// Has reports whether the face maps r to a glyph.
func (f *Face) Has(r rune) bool {
	gid, ok := f.font.NominalGlyph(r)
	return ok && gid != 0
}

// Advance is glyph gid's advance width in thousandths of an em.
func (f *Face) Advance(gid uint16) float64 {
	if len(f.advances) == 0 {
		return 0
	}
	if int(gid) >= len(f.advances) {
		return float64(f.advances[len(f.advances)-1]) * 1000 / f.upem // the last long metric
	}
	return float64(f.advances[gid]) * 1000 / f.upem
}

// Table returns the raw bytes of the face's table tag ("glyf", "CFF ", ...), or nil.
func (f *Face) Table(tag string) []byte {
	if len(tag) != 4 {
		return nil
	}
	f.tablesMu.Lock()
	defer f.tablesMu.Unlock()
	if b, ok := f.tables[tag]; ok {
		return b // read once: a CJK font's CFF table is 16 MB, and every document subsets it
	}
	b, err := f.loader.RawTable(ot.MustNewTag(tag))
	if err != nil {
		b = nil
	}
	if f.tables == nil {
		f.tables = map[string][]byte{}
	}
	f.tables[tag] = b
	return b
}

// Program returns the face's font program cut down to gids (glyph IDs unchanged): see
// shaped.Font.
func (f *Face) Program(gids []uint16) ([]byte, error) {
	if f.cff {
		return fontsubset.CFF(f.Table("CFF "), gids)
	}
	return fontsubset.TrueType(f.Table, gids)
}

// Outline returns glyph gid's outline in thousandths of an em (y up), or nil.
func (f *Face) Outline(gid uint16) []shaped.Segment {
	f.outlines.Lock()
	defer f.outlines.Unlock()
	if f.outliner == nil {
		f.outliner = font.NewFace(f.font)
	}
	o, ok := f.outliner.GlyphDataOutline(font.GID(gid))
	if !ok {
		return nil
	}
	scale := 1000 / f.upem
	segs := make([]shaped.Segment, len(o.Segments))
	for i, s := range o.Segments {
		segs[i].Op = int(s.Op) // go-text's operations are in shaped's order
		for j, p := range s.ArgsSlice() {
			segs[i].Pts[j] = [2]float64{float64(p.X) * scale, float64(p.Y) * scale}
		}
	}
	return segs
}

var _ shaped.Font = (*Face)(nil)
