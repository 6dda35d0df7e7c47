// cwo patch: fonts parsed once and shared by many documents. See PATCHES.md.

package fpdf

import (
	"encoding/binary"
	"sync"
)

// UTF8Font is a TrueType font parsed once, for use by any number of documents in any number of
// goroutines: AddUTF8FontFromParsed registers it without parsing the font again, and the
// document's subset of it is cut from tables parsed once. The font bytes must not change while
// the font is in use. A document that uses it is byte for byte the same as one made with
// AddUTF8FontFromBytes from the same bytes.
type UTF8Font struct {
	data []byte
	file *utf8FontFile // metrics and widths; read only after ParseUTF8Font

	mu          sync.Mutex
	ids         map[string]string      // font ID by font key ("bodyB")
	subsets     map[string]*utf8Subset // by runeSetKey
	subsetOrder []string               // keys of subsets, oldest first

	cutOnce sync.Once
	cut     *cutTables
}

// cutTables are what GenerateCutFont reads from the whole font before it picks the glyphs of
// one document's subset; read only once made.
type cutTables struct {
	ok                   bool // false: the font has no Unicode cmap
	tableDescriptions    map[string]*tableDescription
	charSymbolDictionary map[int]int
	symbolPosition       []int
	metricsCount         int
}

// ParseUTF8Font parses a TrueType font for AddUTF8FontFromParsed.
func ParseUTF8Font(utf8Bytes []byte) (*UTF8Font, error) {
	file := newUTF8Font(&fileReader{array: utf8Bytes})
	if err := file.parseFile(); err != nil {
		return nil, err
	}
	file.fileReader = nil // never read again: each document reads the bytes with its own reader
	return &UTF8Font{data: utf8Bytes, file: file, ids: map[string]string{}}, nil
}

// AddUTF8FontFromParsed imports a font parsed by ParseUTF8Font and makes it available in the
// document, like AddUTF8FontFromBytes.
func (f *Fpdf) AddUTF8FontFromParsed(familyStr, styleStr string, font *UTF8Font) {
	familyStr = fontFamilyEscape(familyStr)
	if f.err != nil {
		return
	}
	fontkey := getFontKey(familyStr, styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	u := font.file
	desc := FontDescType{
		Ascent:       int(u.Ascent),
		Descent:      int(u.Descent),
		CapHeight:    u.CapHeight,
		Flags:        u.Flags,
		FontBBox:     u.Bbox,
		ItalicAngle:  u.ItalicAngle,
		StemV:        u.StemV,
		MissingWidth: round(u.DefaultWidth),
	}
	var sbarr map[int]int
	if f.aliasNbPagesStr == "" {
		sbarr = makeSubsetRange(57)
	} else {
		sbarr = makeSubsetRange(32)
	}
	def := fontDefType{
		Tp:        "UTF8",
		Name:      fontkey,
		Desc:      desc,
		Up:        int(round(u.UnderlinePosition)),
		Ut:        round(u.UnderlineThickness),
		Cw:        u.CharWidths, // shared: nothing writes a UTF-8 font's widths
		utf8File:  &utf8FontFile{fileReader: &fileReader{array: font.data}, shared: font},
		usedRunes: sbarr,
	}
	def.i = font.id(def)
	f.fonts[fontkey] = def
}

// id returns generateFontID(def), computed once per font key: it hashes the JSON of the font's
// definition, 65,536 widths included, which depends only on the font and the key.
func (font *UTF8Font) id(def fontDefType) string {
	font.mu.Lock()
	defer font.mu.Unlock()
	if id, ok := font.ids[def.Name]; ok {
		return id
	}
	id, _ := generateFontID(def)
	font.ids[def.Name] = id
	return id
}

// cutTables parses, once, the tables that GenerateCutFont reads for every subset.
func (font *UTF8Font) cutTables() *cutTables {
	font.cutOnce.Do(func() {
		u := newUTF8Font(&fileReader{array: font.data})
		_, metricsCount, _, ok := u.parseForCut()
		font.cut = &cutTables{ok: ok, tableDescriptions: u.tableDescriptions, charSymbolDictionary: u.charSymbolDictionary,
			symbolPosition: u.symbolPosition, metricsCount: metricsCount}
	})
	return font.cut
}

// utf8Subset is what a document embeds of a UTF-8 font for the runes it used: the /W entry,
// the compressed CIDToGIDMap and the compressed subset font with its uncompressed size.
type utf8Subset struct {
	widths      string
	cidToGidMap []byte
	fontFile    []byte
	fontSize    int
}

// maxSubsets bounds the subsets a shared font keeps; the oldest goes first.
const maxSubsets = 64

// utf8Subset cuts the font to the runes the document used and compresses it. A font shared by
// AddUTF8FontFromParsed keeps the last maxSubsets results by rune set: documents that use the
// same runes of a font (every document for a face it barely uses) share the work, and the
// bytes are the same as cutting again. The deletions of rune 0 are those putfonts always made.
func (f *Fpdf) utf8Subset(font *fontDefType) *utf8Subset {
	delete(font.usedRunes, 0)
	shared := font.utf8File.shared
	if shared == nil {
		return newUTF8Subset(font, f.cache)
	}
	key := runeSetKey(font.usedRunes)
	if sub := shared.subset(key); sub != nil {
		return sub
	}
	sub := newUTF8Subset(font, f.cache)
	shared.keepSubset(key, sub)
	return sub
}

func newUTF8Subset(font *fontDefType, c *Cache) *utf8Subset {
	stream := font.utf8File.GenerateCutFont(font.usedRunes)
	codes := font.utf8File.CodeSymbolDictionary
	delete(codes, 0)
	sub := &utf8Subset{widths: cidWidths(font, font.utf8File.LastRune), fontSize: len(stream)}
	cidToGidMap := c.cidMap()
	for cc, glyph := range codes {
		cidToGidMap[cc*2] = byte(glyph >> 8)
		cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
	}
	mem := c.xmem.compress(cidToGidMap[:])
	sub.cidToGidMap = mem.copy()
	mem.release()
	for cc := range codes { // all zeros again for the next document
		cidToGidMap[cc*2], cidToGidMap[cc*2+1] = 0, 0
	}
	c.putCIDMap(cidToGidMap)
	mem = c.xmem.compress(stream)
	sub.fontFile = mem.copy()
	mem.release()
	return sub
}

// runeSetKey encodes a used-rune map (rune → rune, or 0 for the preset control codes) as a
// string, in rune order.
func runeSetKey(used map[int]int) string {
	keys := keySortInt(used)
	b := make([]byte, 0, 4*len(keys))
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(k))
		b = binary.AppendUvarint(b, uint64(used[k]))
	}
	return string(b)
}

func (font *UTF8Font) subset(key string) *utf8Subset {
	font.mu.Lock()
	defer font.mu.Unlock()
	return font.subsets[key]
}

func (font *UTF8Font) keepSubset(key string, sub *utf8Subset) {
	font.mu.Lock()
	defer font.mu.Unlock()
	if _, ok := font.subsets[key]; ok {
		return
	}
	if font.subsets == nil {
		font.subsets = map[string]*utf8Subset{}
	}
	if len(font.subsetOrder) == maxSubsets {
		delete(font.subsets, font.subsetOrder[0])
		font.subsetOrder = font.subsetOrder[1:]
	}
	font.subsets[key] = sub
	font.subsetOrder = append(font.subsetOrder, key)
}
