package pdfupdate

import "unicode/utf16"

// decodeString returns the text of a literal or hex string object, decoding
// escapes and a UTF-16BE byte order mark. It is used only to compare names.
func decodeString(raw []byte) string {
	b := stringBytes(raw)
	if hasBOM(b) {
		return utf16Text(b[2:])
	}
	return string(b)
}

// hasBOM reports whether b starts with the UTF-16BE byte order mark.
func hasBOM(b []byte) bool { return len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF }

// utf16Text decodes UTF-16BE; an odd last byte is dropped.
func utf16Text(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// stringBytes returns the bytes of a literal or hex string object as written (raw), escapes
// resolved.
func stringBytes(raw []byte) []byte {
	switch {
	case len(raw) >= 2 && raw[0] == '<':
		return decodeHex(raw[1 : len(raw)-1])
	case len(raw) >= 2:
		return decodeLiteral(raw[1 : len(raw)-1])
	}
	return nil
}

// textString decodes a PDF text string: UTF-16BE after a byte order mark, else PDFDocEncoding;
// bytes that are not text in either come out unchanged.
func textString(b []byte) string {
	if hasBOM(b) {
		return utf16Text(b[2:])
	}
	return pdfDocDecode(b)
}

// pdfDocDecode decodes PDFDocEncoding, which differs from Latin-1 in 0x18-0x1F and 0x80-0xA0;
// when a byte has no character there, b comes out unchanged.
func pdfDocDecode(b []byte) string {
	out := make([]rune, 0, len(b))
	for _, c := range b {
		r := rune(c)
		switch {
		case c >= 0x18 && c <= 0x1F:
			r = pdfDocLow[c-0x18]
		case c >= 0x80 && c <= 0xA0:
			r = pdfDocHigh[c-0x80]
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7F, c == 0xAD:
			r = 0
		}
		if r == 0 {
			return string(b)
		}
		out = append(out, r)
	}
	return string(out)
}

// pdfDocLow and pdfDocHigh are the PDFDocEncoding characters of 0x18-0x1F and 0x80-0xA0;
// 0 marks a byte without a character.
var (
	pdfDocLow  = [8]rune{0x02d8, 0x02c7, 0x02c6, 0x02d9, 0x02dd, 0x02db, 0x02da, 0x02dc}
	pdfDocHigh = [33]rune{
		0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044,
		0x2039, 0x203a, 0x2212, 0x2030, 0x201e, 0x201c, 0x201d, 0x2018,
		0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x0141, 0x0152, 0x0160,
		0x0178, 0x017d, 0x0131, 0x0142, 0x0153, 0x0161, 0x017e, 0,
		0x20ac,
	}
)

// decodeHex decodes hex digits, ignoring white space and padding an odd
// final digit with zero.
func decodeHex(s []byte) []byte {
	var out []byte
	var hi byte
	half := false
	for _, c := range s {
		v, ok := hexVal(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

// hexVal returns the value of hex digit c.
func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// decodeLiteral resolves the escapes of a literal string body.
func decodeLiteral(s []byte) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			out = append(out, s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\r', '\n':
			if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		default:
			if c >= '0' && c <= '7' {
				v, n := octal(s[i:])
				out = append(out, v)
				i += n - 1
			} else {
				out = append(out, c)
			}
		}
	}
	return out
}

// octal decodes up to three octal digits at the start of s.
func octal(s []byte) (byte, int) {
	var v byte
	n := 0
	for n < 3 && n < len(s) && s[n] >= '0' && s[n] <= '7' {
		v = v<<3 | (s[n] - '0')
		n++
	}
	return v, n
}
