package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// maxRecordBytes bounds one timesheet record (a row, with the lines of its quoted fields): a
// file without line breaks, or with an unclosed quote, would else be held whole in memory.
const maxRecordBytes = 1 << 20

// errRecordTooLong is the error of a record longer than the limit.
var errRecordTooLong = fmt.Errorf("a record is longer than %d bytes (1 MiB): is this a CSV timesheet, and are its quotes closed?", maxRecordBytes)

// readAhead is how far encoding/csv reads beyond what it has parsed (its bufio buffer, with room).
const readAhead = 64 << 10

// recordLimiter passes a reader through to encoding/csv and fails once reading goes further
// than the limit past the start of the current record, so that no record grows without bound.
// It counts the lines it passes, to say where reading stopped.
// It also checks that the text is UTF-8 (see checkUTF8).
type recordLimiter struct {
	r     io.Reader
	limit int64
	off   int64  // bytes passed
	end   int64  // the offset where reading stops
	lines int    // line breaks passed
	tail  []byte // a character the last read cut short
}

func newRecordLimiter(r io.Reader, limit int64) *recordLimiter {
	l := &recordLimiter{r: r, limit: limit}
	l.startRecord(0)
	return l
}

// startRecord says that a record begins at offset off.
func (l *recordLimiter) startRecord(off int64) { l.end = off + l.limit + readAhead }

func (l *recordLimiter) Read(p []byte) (int, error) {
	room := l.end - l.off
	if room <= 0 {
		return 0, errRecordTooLong
	}
	if int64(len(p)) > room {
		p = p[:room]
	}
	n, err := l.r.Read(p)
	tail, bad := checkUTF8(l.tail, p[:n], l.lines)
	if bad == nil && len(tail) > 0 && errors.Is(err, io.EOF) {
		bad = notUTF8(tail, 0, l.lines+bytes.Count(p[:n], []byte{'\n'}))
	}
	if bad != nil {
		return 0, bad
	}
	l.tail = tail
	l.off += int64(n)
	l.lines += bytes.Count(p[:n], []byte{'\n'})
	return n, err
}

// errLine returns the line where reading stopped when err is the limiter's (the line of the
// first byte that is not UTF-8, for that error), else fallback.
func (l *recordLimiter) errLine(err error, fallback int) int {
	var bad notUTF8Error
	switch {
	case errors.Is(err, errRecordTooLong):
		return l.lines + 1
	case errors.As(err, &bad):
		return bad.line
	}
	return fallback
}

// tooLongError is errRecordTooLong at the line where a record begins.
type tooLongError struct{ line int }

func (e tooLongError) Error() string { return fmt.Sprintf("line %d: %v", e.line, errRecordTooLong) }

func (e tooLongError) Unwrap() error { return errRecordTooLong }
