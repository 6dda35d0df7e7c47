package fpdf

// cwo patch 20 (continued): subset font programs, shared by the documents of a run.

import (
	"strconv"
	"sync"

	"github.com/cwo-tool/cwo/internal/shaped"
)

// glyphProgram is a compressed font program ready for a font file stream.
type glyphProgram struct {
	data  []byte // FlateDecode-compressed
	key   string // the font descriptor's key: FontFile2 (TrueType) or FontFile3 (CFF)
	extra string // further stream dictionary entries
}

// maxGlyphPrograms bounds the subset programs a Cache keeps.
const maxGlyphPrograms = 256

// glyphPrograms memoizes subset font programs by font and glyph set: the documents of a run
// mostly draw the same glyphs, and subsetting and compressing a font for each one would cost
// more than the rest of the document.
type glyphPrograms struct {
	mu sync.Mutex
	m  map[string]*glyphProgramEntry
}

type glyphProgramEntry struct {
	once sync.Once
	prog glyphProgram
	err  error
}

// glyphProgram returns font's program subset to gids, compressed.
func (c *Cache) glyphProgram(font shaped.Font, gids []uint16) (glyphProgram, error) {
	key := make([]byte, 0, len(font.Key())+2*len(gids))
	key = append(key, font.Key()...)
	for _, g := range gids {
		key = append(key, byte(g>>8), byte(g))
	}
	c.programs.mu.Lock()
	if c.programs.m == nil || len(c.programs.m) >= maxGlyphPrograms {
		c.programs.m = map[string]*glyphProgramEntry{}
	}
	e := c.programs.m[string(key)]
	if e == nil {
		e = &glyphProgramEntry{}
		c.programs.m[string(key)] = e
	}
	c.programs.mu.Unlock()
	e.once.Do(func() { e.prog, e.err = c.makeGlyphProgram(font, gids) })
	return e.prog, e.err
}

func (c *Cache) makeGlyphProgram(font shaped.Font, gids []uint16) (glyphProgram, error) {
	raw, err := font.Program(gids)
	if err != nil {
		return glyphProgram{}, err
	}
	mem := c.xmem.compress(raw)
	p := glyphProgram{data: append([]byte(nil), mem.bytes()...)}
	mem.release()
	if font.CFF() {
		p.key, p.extra = "FontFile3", " /Subtype /CIDFontType0C"
	} else {
		p.key, p.extra = "FontFile2", " /Length1 "+strconv.Itoa(len(raw))
	}
	return p, nil
}
