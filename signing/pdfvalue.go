package signing

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/digitorus/pdf"
)

// objectID returns the object number and generation of the object v was read from.
func objectID(v pdf.Value) (uint32, uint16) {
	p := v.GetPtr()
	return p.GetID(), p.GetGen()
}

// writeDict renders the dictionary v, as read from the file, with the entries in set replaced or
// added (their values already in PDF syntax). Keys are written in sorted order; values stored in
// other objects stay references.
func writeDict(b *bytes.Buffer, v pdf.Value, set map[string]string) {
	parent, _ := objectID(v)
	b.WriteString("<<")
	for _, k := range v.Keys() {
		if _, ok := set[k]; ok {
			continue
		}
		b.WriteString(" " + pdfName(k) + " ")
		writeValue(b, parent, v.Key(k))
	}
	for _, k := range sortedKeys(set) {
		b.WriteString(" " + pdfName(k) + " " + set[k])
	}
	b.WriteString(" >>")
}

// writeValue renders v, a value found inside object parent. A value that lives in another object
// (it was reached through a reference) is written as that reference, so the rewritten object
// shares everything it pointed to. The PDF reader resolves references as it goes; this is how
// pdfsign serializes the catalog too.
func writeValue(b *bytes.Buffer, parent uint32, v pdf.Value) {
	if v.Kind() == pdf.Null {
		b.WriteString("null")
		return
	}
	if id, gen := objectID(v); id != parent {
		fmt.Fprintf(b, "%d %d R", id, gen)
		return
	}
	switch v.Kind() {
	case pdf.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case pdf.Integer:
		b.WriteString(strconv.FormatInt(v.Int64(), 10))
	case pdf.Real:
		b.WriteString(strconv.FormatFloat(v.Float64(), 'f', -1, 64))
	case pdf.String:
		b.WriteString(pdfBytes(v.RawString()))
	case pdf.Name:
		b.WriteString(pdfName(v.Name()))
	case pdf.Array:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(" ")
			}
			writeValue(b, parent, v.Index(i))
		}
		b.WriteString("]")
	case pdf.Dict:
		writeDict(b, v, nil)
	default: // a stream can only be written as a reference, handled above
		b.WriteString("null")
	}
}

// pdfName renders a name, escaping delimiters, '#' and bytes outside printable ASCII as #xx.
func pdfName(s string) string {
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

// pdfBytes renders a byte string: literal when it is printable ASCII, else hex.
func pdfBytes(s string) string {
	for _, c := range []byte(s) {
		if c < ' ' || c > '~' {
			return "<" + hex.EncodeToString([]byte(s)) + ">"
		}
	}
	return "(" + strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s) + ")"
}

// pdfText renders a text string: a literal string when s is printable ASCII, else UTF-16BE with
// a byte order mark, in hex.
func pdfText(s string) string {
	ascii := true
	for _, r := range s {
		ascii = ascii && r >= ' ' && r <= '~'
	}
	if ascii {
		return pdfBytes(s)
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfDate renders t as a PDF date string, D:YYYYMMDDHHmmSS+HH'mm'.
func pdfDate(t time.Time) string {
	s := t.Format("20060102150405")
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("(D:%s%c%02d'%02d')", s, sign, off/3600, off%3600/60)
}

// parsePDFDate reads a PDF date string such as D:20260514102233+02'00' or D:20260514102233Z.
func parsePDFDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(s, "D:")
	s = strings.ReplaceAll(strings.TrimSuffix(s, "'"), "'", ":")
	for _, layout := range []string{"20060102150405-07:00", "20060102150405Z07:00", "20060102150405Z", "20060102150405"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}
