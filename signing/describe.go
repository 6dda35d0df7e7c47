package signing

import (
	"fmt"

	"github.com/cwo-tool/cwo/pdfupdate"
)

// securityStore returns the objects of the catalog's document security store (/DSS, PAdES):
// the store, its /VRI dictionary and entries, and its arrays of certificates and revocation
// data. Updates may add to them after a signature.
func securityStore(root pdfupdate.Value) map[int]bool {
	objs := map[int]bool{}
	rootNum := rootID(root)
	add := func(v pdfupdate.Value) {
		if id, _ := v.ID(); id != rootNum && !v.IsNull() {
			objs[id] = true
		}
	}
	dss := root.Key("DSS")
	add(dss)
	vri := dss.Key("VRI")
	add(vri)
	for _, k := range vri.Keys() {
		add(vri.Key(k))
	}
	for _, k := range []string{"Certs", "OCSPs", "CRLs"} {
		add(dss.Key(k))
	}
	delete(objs, 0)
	return objs
}

// objectNames names, for messages, the objects a reader sees: pages, their content streams and
// annotations, the signature fields' appearances and signatures, and the document information.
func objectNames(doc *pdfupdate.Document, fields map[int]pdfupdate.Value) map[int]string {
	names := map[int]string{}
	name := func(v pdfupdate.Value, what string) {
		if id, _ := v.ID(); id != 0 && !v.IsNull() {
			if _, ok := names[id]; !ok {
				names[id] = what
			}
		}
	}
	name(doc.Trailer().Key("Info"), "the document information (/Info)")
	name(doc.Trailer().Key("Root").Key("Pages"), "the page tree")
	for _, f := range fields {
		state := "field"
		if f.Key("V").IsDict() {
			state = "signed field"
		}
		t := f.Key("T").Text()
		name(f.Key("AP").Key("N"), fmt.Sprintf("the appearance of the %s %s", state, t))
		name(f.Key("V"), "the signature of "+t)
	}
	pages, _ := doc.Pages()
	for i, p := range pages {
		n := i + 1
		name(p, fmt.Sprintf("page %d", n))
		contents := p.Key("Contents")
		name(contents, fmt.Sprintf("the content of page %d", n))
		for j := range contents.Len() {
			name(contents.Index(j), fmt.Sprintf("the content of page %d", n))
		}
		annots := p.Key("Annots")
		name(annots, fmt.Sprintf("the annotations of page %d", n))
		for j := range annots.Len() {
			name(annots.Index(j), fmt.Sprintf("an annotation on page %d", n))
		}
	}
	return names
}

// describe names object num (old is its value before the update) for messages.
func (u *updateDiff) describe(num int, old pdfupdate.Value) string {
	if n, ok := u.names[num]; ok {
		return n
	}
	if t := old.Key("Type").Name(); t != "" {
		return fmt.Sprintf("object %d (/Type /%s)", num, t)
	}
	return fmt.Sprintf("object %d", num)
}
