package signing

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/digitorus/pdf"
)

// update is an incremental update being appended to a PDF: new objects and new revisions of
// existing ones, a cross-reference section listing only those, and a trailer whose /Prev points
// at the previous section. The previous bytes are copied unchanged.
type update struct {
	buf     bytes.Buffer
	next    uint32 // next free object number
	entries []xrefEntry
}

type xrefEntry struct {
	num    uint32
	gen    uint16
	offset int
}

// newUpdate starts an update after data, whose trailer says /Size size.
func newUpdate(data []byte, size uint32) *update {
	u := &update{next: size}
	u.buf.Grow(len(data) + 16<<10)
	u.buf.Write(data)
	if n := len(data); n > 0 && data[n-1] != '\n' && data[n-1] != '\r' {
		u.buf.WriteByte('\n')
	}
	return u
}

// alloc reserves a new object number.
func (u *update) alloc() uint32 {
	u.next++
	return u.next - 1
}

// object writes object num (generation gen) with the given body and returns the offset at which
// the body starts.
func (u *update) object(num uint32, gen uint16, body []byte) int {
	u.entries = append(u.entries, xrefEntry{num: num, gen: gen, offset: u.buf.Len()})
	fmt.Fprintf(&u.buf, "%d %d obj\n", num, gen)
	start := u.buf.Len()
	u.buf.Write(body)
	u.buf.WriteString("\nendobj\n")
	return start
}

// finish writes the cross-reference section and the trailer, copying /Root, /Info and /ID from
// the previous trailer, and returns the whole file.
func (u *update) finish(prev pdf.Value, prevXref int64) []byte {
	slices.SortFunc(u.entries, func(a, b xrefEntry) int { return int(a.num) - int(b.num) })
	xref := u.buf.Len()
	u.buf.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for i := 0; i < len(u.entries); {
		j := i + 1
		for j < len(u.entries) && u.entries[j].num == u.entries[j-1].num+1 {
			j++
		}
		fmt.Fprintf(&u.buf, "%d %d\n", u.entries[i].num, j-i)
		for _, e := range u.entries[i:j] {
			fmt.Fprintf(&u.buf, "%010d %05d n \n", e.offset, e.gen)
		}
		i = j
	}
	size := max(u.next, uint32(prev.Key("Size").Int64()))
	fmt.Fprintf(&u.buf, "trailer\n<< /Size %d", size)
	for _, k := range []string{"Root", "Info", "ID"} {
		if v := prev.Key(k); !v.IsNull() {
			u.buf.WriteString(" /" + k + " ")
			writeValue(&u.buf, 0, v)
		}
	}
	fmt.Fprintf(&u.buf, " /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", prevXref, xref)
	return u.buf.Bytes()
}
