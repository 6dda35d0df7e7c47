package pdfupdate

import (
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// FormatDict renders the dictionary v with the entries of set replaced or added (their values
// already in PDF syntax). Keys come in sorted order, the entries of set after the others; every
// value is encoded anew (numbers, strings and names in their shortest form), and a value stored
// in another object stays a reference to it, or null when that object cannot be read. This is
// how package signing rewrites a field, a form or a catalog.
func FormatDict(v Value, set map[string]string) string {
	var b strings.Builder
	writeNormalDict(&b, v.d, v.o, set)
	return b.String()
}

// writeNormalDict renders the dictionary o as FormatDict does.
func writeNormalDict(b *strings.Builder, d *document, o object, set map[string]string) {
	last := map[string]object{}
	for _, e := range o.dict {
		last[e.key] = e.val
	}
	b.WriteString("<<")
	for _, k := range slices.Sorted(maps.Keys(last)) {
		if _, ok := set[k]; ok {
			continue
		}
		b.WriteString(" " + FormatName(k) + " ")
		writeNormal(b, d, last[k])
	}
	for _, k := range slices.Sorted(maps.Keys(set)) {
		b.WriteString(" " + FormatName(k) + " " + set[k])
	}
	b.WriteString(" >>")
}

// writeNormal renders o, a direct value or a reference, encoded anew.
func writeNormal(b *strings.Builder, d *document, o object) {
	switch o.kind {
	case kindRef:
		r, _ := o.asRef()
		if target, err := d.resolve(r); err != nil || target.kind == kindNull {
			b.WriteString("null")
			return
		}
		b.WriteString(r.String())
	case kindBool:
		b.Write(o.raw)
	case kindInt:
		b.WriteString(strconv.FormatInt(o.num, 10))
	case kindReal:
		f, _ := o.number()
		b.WriteString(strconv.FormatFloat(f, 'f', -1, 64))
	case kindString:
		b.WriteString(FormatBytes(string(stringBytes(o.raw))))
	case kindName:
		b.WriteString(FormatName(o.name))
	case kindArray:
		b.WriteString("[")
		for i, it := range o.items {
			if i > 0 {
				b.WriteString(" ")
			}
			writeNormal(b, d, it)
		}
		b.WriteString("]")
	case kindDict:
		writeNormalDict(b, d, o, nil)
	default:
		b.WriteString("null")
	}
}

// FormatName renders a name, escaping delimiters, '#' and bytes outside printable ASCII as #xx.
func FormatName(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for _, c := range []byte(s) {
		if c <= ' ' || c > '~' || strings.IndexByte("#()<>[]{}/%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// FormatBytes renders a byte string: literal when it is printable ASCII, else hex.
func FormatBytes(s string) string {
	for _, c := range []byte(s) {
		if c < ' ' || c > '~' {
			return "<" + hex.EncodeToString([]byte(s)) + ">"
		}
	}
	return "(" + strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s) + ")"
}

// FormatText renders a text string: a literal string when s is printable ASCII, else UTF-16BE
// with a byte order mark, in hex.
func FormatText(s string) string {
	ascii := true
	for _, r := range s {
		ascii = ascii && r >= ' ' && r <= '~'
	}
	if ascii {
		return FormatBytes(s)
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
