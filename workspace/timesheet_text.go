package workspace

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// textEncoding is how a timesheet file's bytes become text. A UTF-8 file is read as it is,
// so that rows can be read again at their byte offsets; a file in another encoding is read
// whole and decoded into memory, and its rows' offsets are in the decoded text.
type textEncoding uint8

const (
	textUTF8 textEncoding = iota
	textUTF16LE
	textUTF16BE
	textWindows1252
)

// maxDecodedBytes bounds a timesheet file that is not UTF-8, which is held in memory whole.
const maxDecodedBytes = 256 << 20

// fileEncoding returns the encoding of a file that starts with head (its first bytes), given
// what cwo.yaml declares for it ("" when nothing): a byte order mark decides, as it cannot be
// mistaken; else the declaration; else UTF-8.
func fileEncoding(head []byte, declared string) textEncoding {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return textUTF8
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return textUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return textUTF16BE
	}
	switch declared {
	case "utf-16", "utf-16le":
		return textUTF16LE // Excel's "Unicode text" is little endian
	case "utf-16be":
		return textUTF16BE
	case "windows-1252":
		return textWindows1252
	}
	return textUTF8
}

// decoder returns the decoder of a non-UTF-8 encoding (it drops a byte order mark).
func (e textEncoding) decoder() *encoding.Decoder {
	switch e {
	case textUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	case textUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
	}
	return charmap.Windows1252.NewDecoder()
}

// textFile is the text of one timesheet file: the open file itself (UTF-8), or its decoded
// content.
type textFile struct {
	fh   *os.File
	text *bytes.Reader // nil for UTF-8
}

// openText detects the encoding of the open file fh (of size bytes) and returns its text.
func openText(fh *os.File, size int64, declared string) (textFile, textEncoding, error) {
	head := make([]byte, 3)
	n, err := fh.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return textFile{}, 0, err
	}
	enc := fileEncoding(head[:n], declared)
	t, err := decodeFile(fh, size, enc)
	return t, enc, err
}

// decodeFile returns the text of fh in the encoding enc.
func decodeFile(fh *os.File, size int64, enc textEncoding) (textFile, error) {
	if enc == textUTF8 {
		return textFile{fh: fh}, nil
	}
	if size > maxDecodedBytes {
		return textFile{}, fmt.Errorf("file is %d bytes; a timesheet that is not UTF-8 is limited to %d bytes (save it as UTF-8, or split it)", size, maxDecodedBytes)
	}
	raw, err := io.ReadAll(io.NewSectionReader(fh, 0, size))
	if err != nil {
		return textFile{}, err
	}
	text, err := enc.decoder().Bytes(raw)
	if err != nil {
		return textFile{}, fmt.Errorf("cannot decode the file: %v", err)
	}
	return textFile{fh: fh, text: bytes.NewReader(text)}, nil
}

// reader returns the text from its start; a file is read 64 KiB at a time (encoding/csv asks
// for 4 KiB, a system call each).
func (t textFile) reader() io.Reader {
	if t.text != nil {
		return io.NewSectionReader(t.text, 0, t.text.Size())
	}
	return bufio.NewReaderSize(io.NewSectionReader(t.fh, 0, 1<<62), 64<<10)
}

// ReadAt reads the text at an offset.
func (t textFile) ReadAt(p []byte, off int64) (int, error) {
	if t.text != nil {
		return t.text.ReadAt(p, off)
	}
	return t.fh.ReadAt(p, off)
}

// notUTF8Error is text that is not valid UTF-8, at a line of the file.
type notUTF8Error struct {
	line    int
	b       byte   // the first bad byte
	context string // the bytes around it
}

func (e notUTF8Error) Error() string {
	return fmt.Sprintf("the file is not UTF-8 text: byte 0x%02X in %q is not UTF-8; save it as \"CSV UTF-8\" in Excel, "+
		"or declare its encoding in cwo.yaml's timesheets: (encoding: windows-1252, for Excel's \"CSV (Comma delimited)\" on Windows)", e.b, e.context)
}

// checkUTF8 returns an error when p, the bytes that follow lines line breaks of a file, is not
// UTF-8 text. tail is the end of the previous chunk when it cut a character short (at most 3
// bytes); checkUTF8 returns the new one. At the end of the file, a tail left is an error.
func checkUTF8(tail, p []byte, lines int) ([]byte, error) {
	if len(tail) > 0 { // complete the character the previous chunk cut short
		var c [utf8.UTFMax]byte
		n := copy(c[:], tail)
		n += copy(c[n:], p)
		if !utf8.FullRune(c[:n]) {
			return c[:n:n], nil // p is a byte or two; the character goes on
		}
		r, size := utf8.DecodeRune(c[:n])
		if r == utf8.RuneError && size <= 1 {
			return nil, notUTF8(c[:n], 0, lines)
		}
		p = p[size-len(tail):]
	}
	cut := len(p)
	for i := len(p) - 1; i >= 0 && i >= len(p)-3; i-- {
		if utf8.RuneStart(p[i]) {
			if !utf8.FullRune(p[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(p[:cut]) {
		for i := 0; i < cut; {
			r, size := utf8.DecodeRune(p[i:cut])
			if r == utf8.RuneError && size <= 1 {
				return nil, notUTF8(p[:cut], i, lines+bytes.Count(p[:i], []byte{'\n'}))
			}
			i += size
		}
	}
	if cut == len(p) {
		return nil, nil
	}
	return append([]byte(nil), p[cut:]...), nil
}

// notUTF8 is the error of the bad byte at p[i], after lines line breaks.
func notUTF8(p []byte, i, lines int) error {
	lo, hi := i, i+1
	for lo > 0 && i-lo < 12 && p[lo-1] != '\n' {
		lo--
	}
	for hi < len(p) && hi-i < 12 && p[hi] != '\n' && p[hi] != '\r' {
		hi++
	}
	return notUTF8Error{line: lines + 1, b: p[i], context: string(p[lo:hi])}
}
