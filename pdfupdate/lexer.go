package pdfupdate

import (
	"fmt"
	"strconv"
)

// lexer reads PDF tokens and objects from buf starting at pos.
type lexer struct {
	buf []byte
	pos int
}

// isSpace reports whether c is PDF white space.
func isSpace(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

// isDelim reports whether c is a PDF delimiter character.
func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// isRegular reports whether c can be part of a keyword, number or name.
func isRegular(c byte) bool {
	return !isSpace(c) && !isDelim(c)
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.buf) {
		c := l.buf[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.buf) && l.buf[l.pos] != '\n' && l.buf[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// regular reads a run of regular characters (a keyword or number) after
// skipping white space.
func (l *lexer) regular() []byte {
	l.skipSpace()
	start := l.pos
	for l.pos < len(l.buf) && isRegular(l.buf[l.pos]) {
		l.pos++
	}
	return l.buf[start:l.pos]
}

// keyword consumes the keyword kw or reports an error naming what was found.
func (l *lexer) keyword(kw string) error {
	at := l.pos
	got := l.regular()
	if string(got) != kw {
		return fmt.Errorf("expected %q at offset %d, found %q", kw, at, clip(got))
	}
	return nil
}

// uint reads a non-negative decimal integer no larger than limit.
func (l *lexer) uint(limit int64) (int64, error) {
	at := l.pos
	tok := l.regular()
	n, ok := parseUint(tok, limit)
	if !ok {
		return 0, fmt.Errorf("expected an integer at offset %d, found %q", at, clip(tok))
	}
	return n, nil
}

// parseUint parses tok as a decimal integer in [0, limit].
func parseUint(tok []byte, limit int64) (int64, bool) {
	if len(tok) == 0 || len(tok) > 19 {
		return 0, false
	}
	for _, c := range tok {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(string(tok), 10, 64)
	if err != nil || n > limit {
		return 0, false
	}
	return n, true
}

// objHeader reads "num gen obj" and returns the reference it introduces.
func (l *lexer) objHeader() (ref, error) {
	num, err := l.uint(maxObjNum)
	if err != nil {
		return ref{}, err
	}
	gen, err := l.uint(65535)
	if err != nil {
		return ref{}, err
	}
	if err := l.keyword("obj"); err != nil {
		return ref{}, err
	}
	return ref{num: int(num), gen: int(gen)}, nil
}

// peek returns the byte i positions ahead, or 0 past the end.
func (l *lexer) peek(i int) byte {
	if l.pos+i < len(l.buf) {
		return l.buf[l.pos+i]
	}
	return 0
}

// clip shortens b for use in error messages.
func clip(b []byte) string {
	const max = 20
	if len(b) > max {
		return string(b[:max]) + "..."
	}
	return string(b)
}
