package signing

import (
	"fmt"
	"slices"

	"github.com/cwo-tool/cwo/pdfupdate"
)

// changesAfter lists the objects that revisions after revs[rev-1] (1-based rev) replaced although
// signing another field never needs to: everything except the signature fields, the catalog and
// the AcroForm. New objects are allowed, since only a replaced object can make them part of the
// document; a catalog that points at another page tree counts as a change of the catalog.
func (p *parsed) changesAfter(revs []pdfupdate.Revision, rev int) ([]int, error) {
	if rev >= len(revs) {
		return nil, nil
	}
	old, err := pdfupdate.Open(p.data[:revs[rev-1].End])
	if err != nil {
		return nil, fmt.Errorf("revision %d: %w", rev, err)
	}
	size := int(old.Trailer().Key("Size").Int64())
	allowed := p.signingObjects()
	root := p.doc.Trailer().Key("Root")
	if pagesID(root) != pagesID(old.Trailer().Key("Root")) {
		delete(allowed, rootID(root))
	}
	var changed []int
	for _, r := range revs[rev:] {
		nums, err := pdfupdate.ListedObjects(p.data[:r.EOF])
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
	root := p.doc.Trailer().Key("Root")
	form, _ := root.Key("AcroForm").ID()
	allowed := map[int]bool{rootID(root): true, form: true}
	for _, f := range p.fields {
		id, _ := f.ID()
		allowed[id] = true
	}
	return allowed
}

// pagesID returns the object number of the page tree root of a catalog.
func pagesID(root pdfupdate.Value) int {
	id, _ := root.Key("Pages").ID()
	return id
}
