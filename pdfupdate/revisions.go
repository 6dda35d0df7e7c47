package pdfupdate

import (
	"bytes"
	"fmt"
	"slices"
)

// Revision is where one revision of a file ends: just after its %%EOF marker (EOF), and after
// the end-of-line that may follow it (End).
type Revision struct{ EOF, End int }

// Revisions returns the end of every revision of data, in order: each %%EOF marker ends the
// original document or an incremental update.
func Revisions(data []byte) []Revision {
	var revs []Revision
	marker := []byte("%%EOF")
	for off := 0; ; {
		i := bytes.Index(data[off:], marker)
		if i < 0 {
			return revs
		}
		eof := off + i + len(marker)
		end := eof
		if end < len(data) && data[end] == '\r' {
			end++
		}
		if end < len(data) && data[end] == '\n' {
			end++
		}
		revs = append(revs, Revision{EOF: eof, End: end})
		off = end
	}
}

// ListedObjects returns, in order, the numbers of the objects that the newest cross-reference
// section of data (a file that ends with a revision's %%EOF) lists as in use: the objects that
// revision wrote.
func ListedObjects(data []byte) ([]int, error) {
	off, err := findStartXref(data)
	if err != nil {
		return nil, fmt.Errorf("pdfupdate: %w", err)
	}
	d := newDocument(data, off)
	if _, _, err := d.readXrefSection(off); err != nil {
		return nil, fmt.Errorf("pdfupdate: cross-reference section at offset %d: %w", off, err)
	}
	nums := make([]int, 0, len(d.entries))
	for n := range d.entries {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	return nums, nil
}

// FreedObjects returns, in order, the numbers of the objects other than 0 that the newest
// cross-reference section of data marks as free: the objects that revision deleted.
func FreedObjects(data []byte) ([]int, error) {
	off, err := findStartXref(data)
	if err != nil {
		return nil, fmt.Errorf("pdfupdate: %w", err)
	}
	d := newDocument(data, off)
	if _, _, err := d.readXrefSection(off); err != nil {
		return nil, fmt.Errorf("pdfupdate: cross-reference section at offset %d: %w", off, err)
	}
	var nums []int
	for n := range d.freed {
		if n != 0 {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	return nums, nil
}
