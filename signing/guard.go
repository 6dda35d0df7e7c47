package signing

import (
	"bytes"
	"errors"
	"fmt"
)

// The PDF reader (github.com/digitorus/pdf) panics on most malformed input, which safely turns
// into errors, but a few defects make it loop forever while its memory grows: an array or
// dictionary still open at "endobj" or at the end of an object stream, and a file without
// %%EOF near its end (a quadratic search). guard rejects those before the reader sees the file;
// open refuses cross-reference streams, whose objects may sit in object streams.

// eofWindow is how close to the end of the file the last %%EOF marker must be.
const eofWindow = 1024

// guard checks data for the inputs that would hang the PDF reader.
func guard(data []byte) error {
	tail := data[max(0, len(data)-eofWindow):]
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return fmt.Errorf("no %%%%EOF marker in the last %d bytes", eofWindow)
	}
	return checkNesting(data)
}

// checkNesting scans data as a PDF lexer does (comments, strings, names, streams) and requires
// every array and dictionary to be closed before the next "obj", "endobj" or "stream" keyword.
func checkNesting(data []byte) error {
	depth := 0
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '%':
			i = skipUntil(data, i, "\r\n")
		case c == '(':
			i = skipLiteral(data, i)
		case bytes.HasPrefix(data[i:], []byte("<<")), c == '[':
			depth++
			i += opener(c)
		case bytes.HasPrefix(data[i:], []byte(">>")), c == ']':
			depth--
			i += opener(c)
		case c == '<':
			i = skipUntil(data, i, ">") + 1
		case c == '/':
			i = skipRegular(data, i+1)
		case isRegular(c):
			j := skipRegular(data, i)
			next, err := afterKeyword(data, string(data[i:j]), j, depth)
			if err != nil {
				return fmt.Errorf("malformed PDF near byte %d: %w", i, err)
			}
			i = next
		default:
			i++
		}
	}
	return nil
}

// afterKeyword checks the nesting depth at an object boundary keyword and skips stream data;
// it returns where scanning goes on.
func afterKeyword(data []byte, kw string, end, depth int) (int, error) {
	switch kw {
	case "obj", "endobj", "stream":
		if depth > 0 {
			return 0, errors.New("an array or dictionary is not closed")
		}
	}
	if kw != "stream" {
		return end, nil
	}
	k := bytes.Index(data[end:], []byte("endstream"))
	if k < 0 {
		return 0, errors.New("a stream has no endstream")
	}
	return end + k + len("endstream"), nil
}

// opener returns the length of the bracket token starting with c: 1 for [ and ], 2 for << and >>.
func opener(c byte) int {
	if c == '<' || c == '>' {
		return 2
	}
	return 1
}

// skipRegular returns the index of the first byte of data[i:] that is not a regular character.
func skipRegular(data []byte, i int) int {
	for i < len(data) && isRegular(data[i]) {
		i++
	}
	return i
}

// skipUntil returns the index of the first byte of data[i:] that is in stop, or len(data).
func skipUntil(data []byte, i int, stop string) int {
	if k := bytes.IndexAny(data[i:], stop); k >= 0 {
		return i + k
	}
	return len(data)
}

// skipLiteral returns the index after the literal string starting at data[i] == '(': nested
// parentheses balance, a backslash escapes the next byte.
func skipLiteral(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(data)
}

// isRegular reports whether c is a regular character: neither white space nor a delimiter.
func isRegular(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ', '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return false
	}
	return true
}
