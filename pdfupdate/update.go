package pdfupdate

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Update is an incremental update being written after a document: new objects and new
// revisions of existing ones, then a cross-reference section listing only those and a trailer
// whose /Prev points at the document's newest section. The section is a classic table, or a
// cross-reference stream when the document's newest section is one. Objects are written in the
// order they are given. The document's bytes are never copied or changed: Finish returns only
// the bytes that follow them.
type Update struct {
	doc     *document
	buf     bytes.Buffer
	next    int // next unused object number
	written []written
}

// written is an object of the update and its offset in the file.
type written struct {
	ref    ref
	offset int
}

// NewUpdate starts an update after d. New object numbers start at d's /Size (or above the
// largest object number its sections list).
func (d *Document) NewUpdate() *Update { return d.doc.newUpdate(16 << 10) }

// newUpdate starts an update with room for about capacity bytes. When the document does not
// end with a line break, the update starts with one.
func (d *document) newUpdate(capacity int) *Update {
	u := &Update{doc: d, next: d.size}
	u.buf.Grow(capacity)
	if n := len(d.data); n > 0 && d.data[n-1] != '\n' && d.data[n-1] != '\r' {
		u.buf.WriteByte('\n')
	}
	return u
}

// Alloc reserves a new object number (generation 0).
func (u *Update) Alloc() int {
	u.next++
	return u.next - 1
}

// Object writes object num, generation gen, with the given body (its value, without
// "obj"/"endobj") and returns the offset in the whole file at which the body starts.
func (u *Update) Object(num, gen int, body []byte) int {
	u.written = append(u.written, written{ref: ref{num: num, gen: gen}, offset: u.offset()})
	fmt.Fprintf(&u.buf, "%d %d obj\n", num, gen)
	start := u.offset()
	u.buf.Write(body)
	u.buf.WriteString("\nendobj\n")
	return start
}

// offset is the position in the whole file of the next byte written.
func (u *Update) offset() int { return len(u.doc.data) + u.buf.Len() }

// Finish writes the cross-reference section and trailer (copying /Root, /Info and /ID from the
// previous trailer as written) and returns the update: the bytes to write after the document.
// The update must not be used afterwards.
func (u *Update) Finish() []byte {
	if u.doc.isStream {
		u.finishStream()
	} else {
		u.finishTable()
	}
	return u.buf.Bytes()
}

// finishTable writes a classic table: the head of the free list (object 0) and the written
// objects, one subsection per run of consecutive numbers, then the trailer.
func (u *Update) finishTable() {
	entries := u.sortedEntries()
	xref := u.offset()
	u.buf.WriteString("xref\n")
	for _, run := range runs(entries) {
		fmt.Fprintf(&u.buf, "%d %d\n", run[0].ref.num, len(run))
		for _, e := range run {
			if e.ref.num == 0 {
				u.buf.WriteString("0000000000 65535 f \n")
				continue
			}
			fmt.Fprintf(&u.buf, "%010d %05d n \n", e.offset, e.ref.gen)
		}
	}
	u.buf.WriteString("trailer\n<< /Size " + strconv.Itoa(u.size()))
	u.writeTrailerEntries()
	fmt.Fprintf(&u.buf, " /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", u.doc.xrefOff, xref)
}

// finishStream writes an uncompressed cross-reference stream, which is its own object and
// serves as the trailer.
func (u *Update) finishStream() {
	num := u.Alloc()
	xref := u.offset()
	u.written = append(u.written, written{ref: ref{num: num}, offset: xref})
	entries := u.sortedEntries()
	width := 1
	for _, e := range entries {
		for e.offset>>(8*width) != 0 {
			width++
		}
	}
	var data []byte
	var index []string
	for _, run := range runs(entries) {
		index = append(index, strconv.Itoa(run[0].ref.num), strconv.Itoa(len(run)))
		for _, e := range run {
			if e.ref.num == 0 {
				data = append(data, 0)
				data = appendBigEndian(data, 0, width)
				data = appendBigEndian(data, 65535, 2)
				continue
			}
			data = append(data, 1)
			data = appendBigEndian(data, e.offset, width)
			data = appendBigEndian(data, e.ref.gen, 2)
		}
	}
	fmt.Fprintf(&u.buf, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 %d 2] /Index [%s]", num, u.size(), width, strings.Join(index, " "))
	u.writeTrailerEntries()
	fmt.Fprintf(&u.buf, " /Prev %d /Length %d >>\nstream\n", u.doc.xrefOff, len(data))
	u.buf.Write(data)
	fmt.Fprintf(&u.buf, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
}

// sortedEntries returns the head of the free list followed by the written objects by number.
func (u *Update) sortedEntries() []written {
	entries := append([]written{{}}, u.written...)
	slices.SortStableFunc(entries, func(a, b written) int { return a.ref.num - b.ref.num })
	return entries
}

// runs splits entries, sorted by number, into runs of consecutive object numbers.
func runs(entries []written) [][]written {
	var out [][]written
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].ref.num == entries[j-1].ref.num+1 {
			j++
		}
		out = append(out, entries[i:j])
		i = j
	}
	return out
}

// appendBigEndian appends v as a big-endian number of width bytes.
func appendBigEndian(b []byte, v, width int) []byte {
	for i := width - 1; i >= 0; i-- {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}

// size is the update's /Size: one more than the largest object number in use.
func (u *Update) size() int {
	size := max(u.doc.size, u.next)
	for _, w := range u.written {
		size = max(size, w.ref.num+1)
	}
	return size
}

// writeTrailerEntries copies /Root, /Info and /ID from the previous trailer, as written there.
func (u *Update) writeTrailerEntries() {
	for _, key := range []string{"Root", "Info", "ID"} {
		if v, ok := u.doc.trailer.get(key); ok {
			u.buf.WriteString(" /" + key + " ")
			u.buf.Write(v.raw)
		}
	}
}
