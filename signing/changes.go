package signing

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/digitorus/pdf"
)

// maxXrefEntries bounds how many entries one cross-reference section may list.
const maxXrefEntries = 1 << 22

// changesAfter lists the objects that revisions after revs[rev-1] (1-based rev) replaced although
// signing another field never needs to: everything except the signature fields, the catalog and
// the AcroForm. New objects are allowed, since only a replaced object can make them part of the
// document; a catalog that points at another page tree counts as a change of the catalog.
func (p *parsed) changesAfter(revs []revision, rev int) ([]int, error) {
	if rev >= len(revs) {
		return nil, nil
	}
	old, err := pdf.NewReader(bytes.NewReader(p.data[:revs[rev-1].end]), int64(revs[rev-1].end))
	if err != nil {
		return nil, fmt.Errorf("revision %d: %w", rev, err)
	}
	size := int(old.Trailer().Key("Size").Int64())
	allowed := p.signingObjects()
	root := p.r.Trailer().Key("Root")
	if pagesID(root) != pagesID(old.Trailer().Key("Root")) {
		delete(allowed, int(rootID(root)))
	}
	var changed []int
	for _, r := range revs[rev:] {
		nums, err := xrefObjects(p.data, r.eof)
		if err != nil {
			return nil, err
		}
		for _, n := range nums {
			if n < size && !allowed[n] && !slices.Contains(changed, n) {
				changed = append(changed, n)
			}
		}
	}
	slices.Sort(changed)
	return changed, nil
}

// signingObjects returns the object numbers that signing a field rewrites: the signature
// fields, the catalog and the AcroForm.
func (p *parsed) signingObjects() map[int]bool {
	root := p.r.Trailer().Key("Root")
	form, _ := objectID(root.Key("AcroForm"))
	allowed := map[int]bool{int(rootID(root)): true, int(form): true}
	for _, f := range p.fields {
		id, _ := objectID(f)
		allowed[int(id)] = true
	}
	return allowed
}

// pagesID returns the object number of the page tree root of a catalog.
func pagesID(root pdf.Value) uint32 {
	id, _ := objectID(root.Key("Pages"))
	return id
}

// xrefObjects returns the object numbers listed as in use by the cross-reference table of the
// revision whose %%EOF marker ends at eof.
func xrefObjects(data []byte, eof int) ([]int, error) {
	i := bytes.LastIndex(data[:eof], []byte("startxref"))
	if i < 0 {
		return nil, errors.New("a revision has no startxref")
	}
	toks := bytes.Fields(data[i+len("startxref") : eof-len("%%EOF")])
	if len(toks) != 1 {
		return nil, errors.New("a revision's startxref is not followed by one offset")
	}
	off, err := strconv.Atoi(string(toks[0]))
	if err != nil || off < 0 || off >= i {
		return nil, fmt.Errorf("startxref %q is not an offset in the file", toks[0])
	}
	return parseXrefTable(data[off:i])
}

// parseXrefTable reads a classic cross-reference table ("xref", then subsections of
// "start count" and count entries "offset generation n|f") up to "trailer".
func parseXrefTable(b []byte) ([]int, error) {
	end := bytes.Index(b, []byte("trailer"))
	if !bytes.HasPrefix(b, []byte("xref")) || end < 0 {
		return nil, fmt.Errorf("%w: cross-reference streams (only classic tables are checked)", ErrUnsupported)
	}
	toks := bytes.Fields(b[len("xref"):end])
	var nums []int
	for len(toks) >= 2 {
		start, err1 := strconv.Atoi(string(toks[0]))
		count, err2 := strconv.Atoi(string(toks[1]))
		if err1 != nil || err2 != nil || start < 0 || count < 0 || count > maxXrefEntries || len(toks) < 2+3*count {
			return nil, errors.New("malformed cross-reference table")
		}
		for k := range count {
			if string(toks[2+3*k+2]) == "n" {
				nums = append(nums, start+k)
			}
		}
		toks = toks[2+3*count:]
	}
	if len(toks) != 0 {
		return nil, errors.New("malformed cross-reference table")
	}
	return nums, nil
}
