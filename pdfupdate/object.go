package pdfupdate

import (
	"bytes"
	"fmt"
	"strconv"
)

// kind classifies a parsed PDF object.
type kind int

const (
	kindNull kind = iota
	kindBool
	kindInt
	kindReal
	kindString
	kindName
	kindArray
	kindDict
	kindRef
)

// maxDepth bounds the nesting of arrays and dictionaries so that hostile
// input cannot exhaust the stack.
const maxDepth = 64

// maxObjNum is the largest object number accepted (and produced).
const maxObjNum = 1<<31 - 1

// object is a parsed PDF object. raw always holds the exact source bytes, so
// values that are not edited can be copied into the update verbatim.
type object struct {
	kind  kind
	raw   []byte
	num   int64    // kindInt value, or object number of a kindRef
	gen   int      // generation of a kindRef
	name  string   // decoded name (kindName)
	items []object // kindArray elements
	dict  []entry  // kindDict entries, in source order
}

// entry is one key/value pair of a dictionary.
type entry struct {
	keyRaw []byte // the key exactly as written, e.g. "/Annots"
	key    string // the decoded key without the slash, e.g. "Annots"
	val    object
}

// ref identifies an indirect object.
type ref struct {
	num int
	gen int
}

// String renders r as an indirect reference, e.g. "12 0 R".
func (r ref) String() string {
	return strconv.Itoa(r.num) + " " + strconv.Itoa(r.gen) + " R"
}

// get returns the value of the first entry with the given key.
func (o object) get(key string) (object, bool) {
	for _, e := range o.dict {
		if e.key == key {
			return e.val, true
		}
	}
	return object{}, false
}

// asRef returns the reference held by o, if o is a reference.
func (o object) asRef() (ref, bool) {
	if o.kind != kindRef {
		return ref{}, false
	}
	return ref{num: int(o.num), gen: o.gen}, true
}

// isName reports whether o is the name n.
func (o object) isName(n string) bool {
	return o.kind == kindName && o.name == n
}

// number returns the numeric value of an integer or real object.
func (o object) number() (float64, bool) {
	switch o.kind {
	case kindInt:
		return float64(o.num), true
	case kindReal:
		v, err := strconv.ParseFloat(string(o.raw), 64)
		return v, err == nil
	}
	return 0, false
}

// object parses one direct object (or an indirect reference).
func (l *lexer) object(depth int) (object, error) {
	if depth > maxDepth {
		return object{}, fmt.Errorf("objects nested deeper than %d levels at offset %d", maxDepth, l.pos)
	}
	l.skipSpace()
	if l.pos >= len(l.buf) {
		return object{}, fmt.Errorf("unexpected end of data")
	}
	start := l.pos
	var o object
	var err error
	switch c := l.buf[l.pos]; {
	case c == '/':
		o, err = l.nameObj()
	case c == '(':
		o, err = l.literalString()
	case c == '<' && l.peek(1) == '<':
		o, err = l.dictObj(depth)
	case c == '<':
		o, err = l.hexString()
	case c == '[':
		o, err = l.arrayObj(depth)
	case isRegular(c):
		o, err = l.atom()
	default:
		return object{}, fmt.Errorf("unexpected %q at offset %d", c, start)
	}
	if err != nil {
		return object{}, err
	}
	o.raw = l.buf[start:l.pos]
	return o, nil
}

// nameObj parses a name such as /Type or /A#20B.
func (l *lexer) nameObj() (object, error) {
	l.pos++ // '/'
	start := l.pos
	for l.pos < len(l.buf) && isRegular(l.buf[l.pos]) {
		l.pos++
	}
	return object{kind: kindName, name: decodeName(l.buf[start:l.pos])}, nil
}

// decodeName resolves #xx escapes in a name.
func decodeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// literalString skips a balanced (...) string.
func (l *lexer) literalString() (object, error) {
	start := l.pos
	depth := 0
	for l.pos < len(l.buf) {
		switch l.buf[l.pos] {
		case '\\':
			l.pos++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.pos++
				return object{kind: kindString}, nil
			}
		}
		l.pos++
	}
	return object{}, fmt.Errorf("unterminated string starting at offset %d", start)
}

// hexString skips a <...> string.
func (l *lexer) hexString() (object, error) {
	start := l.pos
	end := bytes.IndexByte(l.buf[l.pos:], '>')
	if end < 0 {
		return object{}, fmt.Errorf("unterminated hex string starting at offset %d", start)
	}
	l.pos += end + 1
	return object{kind: kindString}, nil
}

// arrayObj parses [ ... ].
func (l *lexer) arrayObj(depth int) (object, error) {
	start := l.pos
	l.pos++ // '['
	o := object{kind: kindArray}
	for {
		l.skipSpace()
		if l.pos >= len(l.buf) {
			return object{}, fmt.Errorf("unterminated array starting at offset %d", start)
		}
		if l.buf[l.pos] == ']' {
			l.pos++
			return o, nil
		}
		item, err := l.object(depth + 1)
		if err != nil {
			return object{}, err
		}
		o.items = append(o.items, item)
	}
}

// dictObj parses << ... >>.
func (l *lexer) dictObj(depth int) (object, error) {
	start := l.pos
	l.pos += 2 // "<<"
	o := object{kind: kindDict}
	for {
		l.skipSpace()
		if l.pos >= len(l.buf) {
			return object{}, fmt.Errorf("unterminated dictionary starting at offset %d", start)
		}
		if l.buf[l.pos] == '>' && l.peek(1) == '>' {
			l.pos += 2
			return o, nil
		}
		if l.buf[l.pos] != '/' {
			return object{}, fmt.Errorf("dictionary key expected at offset %d", l.pos)
		}
		keyStart := l.pos
		key, _ := l.nameObj()
		keyRaw := l.buf[keyStart:l.pos]
		val, err := l.object(depth + 1)
		if err != nil {
			return object{}, err
		}
		o.dict = append(o.dict, entry{keyRaw: keyRaw, key: key.name, val: val})
	}
}

// atom parses a number, boolean, null or indirect reference.
func (l *lexer) atom() (object, error) {
	at := l.pos
	tok := l.regular()
	switch string(tok) {
	case "null":
		return object{kind: kindNull}, nil
	case "true", "false":
		return object{kind: kindBool}, nil
	}
	if n, ok := parseUint(tok, maxObjNum); ok {
		if r, ok := l.tryRefTail(); ok {
			return object{kind: kindRef, num: n, gen: r}, nil
		}
	}
	if n, err := strconv.ParseInt(string(tok), 10, 64); err == nil {
		return object{kind: kindInt, num: n}, nil
	}
	if isReal(tok) {
		return object{kind: kindReal}, nil
	}
	return object{}, fmt.Errorf("unexpected token %q at offset %d", clip(tok), at)
}

// tryRefTail consumes "gen R" after an object number if present.
func (l *lexer) tryRefTail() (int, bool) {
	save := l.pos
	gen, ok := parseUint(l.regular(), 65535)
	if ok && string(l.regular()) == "R" {
		return int(gen), true
	}
	l.pos = save
	return 0, false
}

// isReal reports whether tok is a PDF real number such as -3.5 or .25.
func isReal(tok []byte) bool {
	if len(tok) > 0 && (tok[0] == '+' || tok[0] == '-') {
		tok = tok[1:]
	}
	digits, dots := 0, 0
	for _, c := range tok {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}
