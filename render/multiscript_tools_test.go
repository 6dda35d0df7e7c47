package render_test

// Tools of the multi-script tests (multiscript_test.go): a face of a font collection written as
// a standalone OpenType file, HarfBuzz's hb-shape, the glyphs a page's content stream draws,
// poppler's word boxes, and an image comparison with a tolerance.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/pdfupdate"
)

// otfFromTTC returns face n of the font collection ttc (a .ttc or .otc file) as a standalone
// OpenType file. The faces of a collection share tables, and a table directory's offsets count
// from the start of the collection, so each table of the face is copied after a new directory
// (in the directory's order, 4-byte aligned) and head.checkSumAdjustment is computed again.
func otfFromTTC(ttc []byte, n int) ([]byte, error) {
	if len(ttc) < 12 || string(ttc[:4]) != "ttcf" {
		return nil, fmt.Errorf("not a font collection")
	}
	faces := int(binary.BigEndian.Uint32(ttc[8:]))
	if n < 0 || n >= faces || 12+4*n+4 > len(ttc) {
		return nil, fmt.Errorf("face %d: the collection has %d", n, faces)
	}
	dir := int(binary.BigEndian.Uint32(ttc[12+4*n:]))
	if dir+12 > len(ttc) {
		return nil, fmt.Errorf("face %d: table directory out of range", n)
	}
	tables := int(binary.BigEndian.Uint16(ttc[dir+4:]))
	if dir+12+16*tables > len(ttc) {
		return nil, fmt.Errorf("face %d: table records out of range", n)
	}
	out := bytes.Clone(ttc[dir : dir+12+16*tables]) // sfnt version, counts and table records
	headAt := -1
	for i := range tables {
		rec := out[12+16*i:]
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || length < 0 || off+length > len(ttc) {
			return nil, fmt.Errorf("table %q out of range", rec[:4])
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		if string(rec[:4]) == "head" {
			headAt = len(out)
		}
		out = append(out, ttc[off:off+length]...)
	}
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	if headAt < 0 || headAt+12 > len(out) {
		return nil, fmt.Errorf("face %d has no head table", n)
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0)
	var sum uint32
	for i := 0; i < len(out); i += 4 {
		sum += binary.BigEndian.Uint32(out[i:])
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-sum)
	return out, nil
}

// hbGlyph is a glyph as hb-shape gives it: its ID, the index of the first character of its
// cluster, and its offsets and advance in thousandths of an em.
type hbGlyph struct {
	ID            uint16
	Cluster       int
	X, Y, Advance float64
}

var hbItem = regexp.MustCompile(`^(\d+)=(\d+)(?:@(-?\d+),(-?\d+))?\+(-?\d+)$`)

// hbShape shapes text with HarfBuzz's hb-shape (its own OpenType functions, the language lang)
// in face index of the font file, whose em has upem units. The glyphs come in visual order,
// left to right, as hb-shape prints them.
func hbShape(t *testing.T, file string, index int, upem float64, lang, text string) []hbGlyph {
	t.Helper()
	out, err := pdftest.Tool(t, "hb-shape", "--font-funcs=ot", "--no-glyph-names", "--output-format=text",
		"--face-index="+strconv.Itoa(index), "--language="+lang, file, text)
	if err != nil {
		t.Fatalf("hb-shape %s %q: %v\n%s", file, text, err, out)
	}
	s := strings.TrimSpace(string(out))
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		t.Fatalf("hb-shape %s %q: unexpected output %q", file, text, s)
	}
	var glyphs []hbGlyph
	for _, item := range strings.Split(s[1:len(s)-1], "|") {
		m := hbItem.FindStringSubmatch(item)
		if m == nil {
			t.Fatalf("hb-shape %s %q: cannot read %q", file, text, item)
		}
		num := func(s string) float64 {
			v, _ := strconv.Atoi(s)
			return float64(v) * 1000 / upem
		}
		id, _ := strconv.Atoi(m[1])
		cluster, _ := strconv.Atoi(m[2])
		glyphs = append(glyphs, hbGlyph{ID: uint16(id), Cluster: cluster, X: num(m[3]), Y: num(m[4]), Advance: num(m[5])})
	}
	return glyphs
}

// drawnGlyph is a glyph a content stream draws: the PostScript name of its font (without the
// subset tag), its glyph ID (the CID of an Identity-H font), and where it is drawn, in
// thousandths of an em from the origin of its text object.
type drawnGlyph struct {
	Font    string
	ID      uint16
	X, Y, W float64 // W: its width in the font's /W array
}

// pageGlyphs returns the glyphs each text object (BT … ET) of every page of the PDF at path
// draws, in the order of the content stream. Positions are read the way cwo writes text, one
// font size per text object: in a TJ array each number moves the pen back by a thousandth of an
// em and each glyph forward by its width in the font's /W array; Ts sets the rise.
func pageGlyphs(t *testing.T, path string) [][]drawnGlyph {
	t.Helper()
	doc, pages := pdftest.Pages(t, path)
	var objects [][]drawnGlyph
	for i, page := range pages {
		content, err := doc.PageContent(page)
		if err != nil {
			t.Fatalf("%s page %d: %v", path, i+1, err)
		}
		fonts := map[string]*pdfFont{}
		res := page.Key("Resources").Key("Font")
		for _, name := range res.Keys() {
			fonts[name] = readPDFFont(res.Key(name))
		}
		objs, err := textObjects(content, fonts)
		if err != nil {
			t.Fatalf("%s page %d: %v", path, i+1, err)
		}
		objects = append(objects, objs...)
	}
	return objects
}

// pdfFont is what pageGlyphs needs of a Type0 font: its name and glyph widths.
type pdfFont struct {
	name   string
	widths map[uint16]float64
	dw     float64
}

func readPDFFont(f pdfupdate.Value) *pdfFont {
	name := f.Key("BaseFont").Name()
	if i := strings.IndexByte(name, '+'); i == 6 {
		name = name[i+1:]
	}
	pf := &pdfFont{name: name, widths: map[uint16]float64{}, dw: 1000}
	cid := f.Key("DescendantFonts").Index(0)
	if dw := cid.Key("DW"); !dw.IsNull() {
		pf.dw = dw.Float64()
	}
	w := cid.Key("W")
	for i := 0; i < w.Len(); {
		first := w.Index(i).Int64()
		if next := w.Index(i + 1); next.Len() > 0 { // c [w1 w2 ...]
			for j := range next.Len() {
				pf.widths[uint16(first)+uint16(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last, width := w.Index(i+1).Int64(), w.Index(i+2).Float64() // c1 c2 w
		for c := first; c <= last && c-first < 1<<16; c++ {
			pf.widths[uint16(c)] = width
		}
		i += 3
	}
	return pf
}

func (f *pdfFont) width(gid uint16) float64 {
	if w, ok := f.widths[gid]; ok {
		return w
	}
	return f.dw
}

// textObjects reads the text objects of a content stream.
func textObjects(content []byte, fonts map[string]*pdfFont) ([][]drawnGlyph, error) {
	var (
		objs       [][]drawnGlyph
		cur        []drawnGlyph
		inText     bool
		font       *pdfFont
		size, rise float64
		x          float64
		operands   []pdfToken
	)
	toks := pdfTokens(content)
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		if tok.kind == '[' { // an array operand: its items up to the matching ]
			j := i + 1
			for j < len(toks) && toks[j].kind != ']' {
				j++
			}
			operands = append(operands, pdfToken{kind: '[', items: toks[i+1 : j]})
			i = j
			continue
		}
		if tok.kind != 'o' {
			operands = append(operands, tok)
			continue
		}
		show := func(items []pdfToken) error {
			if !inText || font == nil {
				return fmt.Errorf("text shown outside a text object or without a font")
			}
			for _, it := range items {
				switch it.kind {
				case 'n':
					x -= it.num
				case '<':
					b := it.hex
					for k := 0; k+1 < len(b); k += 2 {
						gid := binary.BigEndian.Uint16(b[k:])
						y := 0.0
						if size != 0 {
							y = rise * 1000 / size
						}
						w := font.width(gid)
						cur = append(cur, drawnGlyph{Font: font.name, ID: gid, X: x, Y: y, W: w})
						x += w
					}
				}
			}
			return nil
		}
		var err error
		switch tok.text {
		case "BT":
			inText, cur, x, rise = true, nil, 0, 0
		case "ET":
			if len(cur) > 0 {
				objs = append(objs, cur)
			}
			inText, cur = false, nil
		case "Tf":
			if len(operands) == 2 {
				font, size = fonts[strings.TrimPrefix(operands[0].text, "/")], operands[1].num
				if font == nil {
					err = fmt.Errorf("font %s is not in the page's resources", operands[0].text)
				}
			}
		case "Ts":
			if len(operands) == 1 {
				rise = operands[0].num
			}
		case "TJ":
			if len(operands) == 1 {
				err = show(operands[0].items)
			}
		case "Tj":
			if len(operands) == 1 {
				err = show(operands)
			}
		case "Tc", "Tw", "Tz", "TL", "T*", "'", "\"":
			if inText {
				err = fmt.Errorf("operator %s: the test reads only the operators cwo writes", tok.text)
			}
		}
		if err != nil {
			return nil, err
		}
		operands = operands[:0]
	}
	return objs, nil
}

// pdfToken is a token of a content stream: kind 'n' a number, '<' a hex string, '/' a name,
// '(' a literal string, '[' ']' array brackets (an array operand holds its items), 'd' a
// dictionary bracket, 'o' an operator.
type pdfToken struct {
	kind  byte
	text  string
	num   float64
	hex   []byte
	items []pdfToken
}

// pdfTokens splits a content stream into tokens (no inline images: cwo draws none).
func pdfTokens(b []byte) []pdfToken {
	var toks []pdfToken
	isDelim := func(c byte) bool { return strings.IndexByte("()<>[]{}/%", c) >= 0 }
	isSpace := func(c byte) bool { return strings.IndexByte(" \t\r\n\f\x00", c) >= 0 }
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case isSpace(c):
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '[' || c == ']':
			toks = append(toks, pdfToken{kind: c})
			i++
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			toks = append(toks, pdfToken{kind: 'd', text: string(b[i : i+2])})
			i += 2
		case c == '<':
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				j = len(b) - i
			}
			digits := strings.Map(func(r rune) rune {
				if strings.ContainsRune("0123456789abcdefABCDEF", r) {
					return r
				}
				return -1
			}, string(b[i+1:i+j]))
			if len(digits)%2 == 1 {
				digits += "0"
			}
			h := make([]byte, len(digits)/2)
			for k := range h {
				v, _ := strconv.ParseUint(digits[2*k:2*k+2], 16, 8)
				h[k] = byte(v)
			}
			toks = append(toks, pdfToken{kind: '<', hex: h})
			i += j + 1
		case c == '(':
			depth, j := 0, i
			for ; j < len(b); j++ {
				if b[j] == '\\' {
					j++
					continue
				}
				if b[j] == '(' {
					depth++
				} else if b[j] == ')' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			toks = append(toks, pdfToken{kind: '('})
			i = j + 1
		default:
			j := i + 1
			for j < len(b) && !isSpace(b[j]) && !isDelim(b[j]) {
				j++
			}
			word := string(b[i:j])
			if c == '/' {
				toks = append(toks, pdfToken{kind: '/', text: word})
			} else if v, err := strconv.ParseFloat(word, 64); err == nil {
				toks = append(toks, pdfToken{kind: 'n', num: v, text: word})
			} else {
				toks = append(toks, pdfToken{kind: 'o', text: word})
			}
			i = j
		}
	}
	return toks
}

// word is a word poppler finds on a page, with its box in points from the top left.
type word struct {
	Page                   int
	Text                   string
	XMin, YMin, XMax, YMax float64
}

var (
	bboxPage = regexp.MustCompile(`<page `)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>`)
)

// words returns the words `pdftotext -bbox` finds in the PDF at path.
func words(t *testing.T, path string) []word {
	t.Helper()
	out, err := pdftest.Tool(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v\n%s", path, err, out)
	}
	var ws []word
	page := 0
	for _, line := range strings.Split(string(out), "\n") {
		if bboxPage.MatchString(line) {
			page++
			continue
		}
		m := bboxWord.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		ws = append(ws, word{Page: page, Text: html.UnescapeString(m[5]), XMin: f(m[1]), YMin: f(m[2]), XMax: f(m[3]), YMax: f(m[4])})
	}
	return ws
}

// crop renders the rectangle (x, y, w, h, in points from the top left) of page of the PDF at
// path as a PNG at dpi and returns its path.
func crop(t *testing.T, path string, page int, dpi, x, y, w, h float64) string {
	t.Helper()
	px := func(v float64) string { return strconv.Itoa(int(v * dpi / 72)) }
	root := filepath.Join(t.TempDir(), "crop")
	p := strconv.Itoa(page)
	out, err := pdftest.Tool(t, "pdftoppm", "-png", "-r", strconv.Itoa(int(dpi)), "-f", p, "-l", p, "-singlefile",
		"-x", px(x), "-y", px(y), "-W", px(w), "-H", px(h), path, root)
	if err != nil {
		t.Fatalf("pdftoppm %s: %v\n%s", path, err, out)
	}
	return root + ".png"
}

// imageDiff counts the pixels of two images of the same size whose colour differs by more
// than tolerance (0–255) in some channel.
func imageDiff(a, b image.Image, tolerance uint32) (int, error) {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 0, fmt.Errorf("sizes differ: %v and %v", a.Bounds().Size(), b.Bounds().Size())
	}
	n := 0
	ao, bo := a.Bounds().Min, b.Bounds().Min
	for y := 0; y < a.Bounds().Dy(); y++ {
		for x := 0; x < a.Bounds().Dx(); x++ {
			r1, g1, b1, _ := a.At(ao.X+x, ao.Y+y).RGBA()
			r2, g2, b2, _ := b.At(bo.X+x, bo.Y+y).RGBA()
			if absDiff(r1, r2)>>8 > tolerance || absDiff(g1, g2)>>8 > tolerance || absDiff(b1, b2)>>8 > tolerance {
				n++
			}
		}
	}
	return n, nil
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}
