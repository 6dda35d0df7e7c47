package signing

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/cwo-tool/cwo/pdfupdate"
)

// Change is something an incremental update after a signature changed that filling the next
// signature field does not, as PDF signature validators classify updates: filling an empty
// signature field (its /V, /AP and /M, within its own /Rect), setting the form's /SigFlags and
// adding or updating the document security store (/DSS) are allowed; anything else is a change.
type Change struct {
	Revision int    `json:"revision"` // the revision (1-based) that made it
	What     string `json:"what"`     // e.g. "the signed field contractor: /AP, /Rect changed"
}

// String renders the change for messages.
func (c Change) String() string { return fmt.Sprintf("revision %d: %s", c.Revision, c.What) }

// history is a signed file read revision by revision; each update is classified once.
type history struct {
	data    []byte
	revs    []pdfupdate.Revision
	docs    map[int]*pdfupdate.Document // the file up to the end of revision n
	changes map[int][]Change            // what revision n changed
}

func newHistory(data []byte, revs []pdfupdate.Revision) *history {
	return &history{data: data, revs: revs, docs: map[int]*pdfupdate.Document{}, changes: map[int][]Change{}}
}

// changesAfter lists what the revisions after revision rev (1-based) changed.
func (h *history) changesAfter(rev int) ([]Change, error) {
	var out []Change
	for n := rev + 1; n <= len(h.revs); n++ {
		c, err := h.changesIn(n)
		if err != nil {
			return out, err
		}
		out = append(out, c...)
	}
	return out, nil
}

// doc opens the file as it was at the end of revision n.
func (h *history) doc(n int) (*pdfupdate.Document, error) {
	if d, ok := h.docs[n]; ok {
		return d, nil
	}
	d, err := pdfupdate.Open(h.data[:h.revs[n-1].End])
	if err != nil {
		return nil, fmt.Errorf("revision %d: %w", n, err)
	}
	h.docs[n] = d
	return d, nil
}

// changesIn classifies every object that revision n (an incremental update) replaced or deleted.
func (h *history) changesIn(n int) ([]Change, error) {
	if c, ok := h.changes[n]; ok {
		return c, nil
	}
	old, err := h.doc(n - 1)
	if err != nil {
		return nil, err
	}
	cur, err := h.doc(n)
	if err != nil {
		return nil, err
	}
	nums, err := pdfupdate.ListedObjects(h.data[:h.revs[n-1].EOF])
	if err != nil {
		return nil, fmt.Errorf("revision %d: %w", n, err)
	}
	freed, err := pdfupdate.FreedObjects(h.data[:h.revs[n-1].EOF])
	if err != nil {
		return nil, fmt.Errorf("revision %d: %w", n, err)
	}
	u := newUpdateDiff(old, cur)
	var whats []string
	for _, num := range nums {
		whats = append(whats, u.classify(num)...)
	}
	for _, num := range freed {
		if old.ObjectBytes(num) != nil {
			whats = append(whats, u.describe(num, old.Object(num))+" was deleted")
		}
	}
	whats = append(whats, u.trailerChanges()...)
	changes := make([]Change, len(whats))
	for i, w := range whats {
		changes[i] = Change{Revision: n, What: w}
	}
	h.changes[n] = changes
	return changes, nil
}

// updateDiff compares the file before an update (old) with the file after it (cur).
type updateDiff struct {
	old, cur *pdfupdate.Document
	root     int                     // the catalog's object number before the update
	form     int                     // the AcroForm's object number when it is an object of its own
	fields   map[int]pdfupdate.Value // the signature fields before the update, by object number
	dss      map[int]bool            // objects of the document security store
	names    map[int]string          // what other objects are, for messages
}

func newUpdateDiff(old, cur *pdfupdate.Document) *updateDiff {
	root := old.Trailer().Key("Root")
	u := &updateDiff{old: old, cur: cur, root: rootID(root), fields: map[int]pdfupdate.Value{}}
	form := root.Key("AcroForm")
	if id, _ := form.ID(); id != u.root {
		u.form = id
	}
	fields := form.Key("Fields")
	for i := range fields.Len() {
		if f := fields.Index(i); f.Key("FT").Name() == "Sig" {
			id, _ := f.ID()
			u.fields[id] = f
		}
	}
	u.dss = securityStore(root)
	u.names = objectNames(old, u.fields)
	return u
}

// classify returns what replacing object num changed; nothing for a new object (only a replaced
// one can make it part of the document) or an allowed change.
func (u *updateDiff) classify(num int) []string {
	before := u.old.ObjectBytes(num)
	if before == nil || u.dss[num] {
		return nil
	}
	old, cur := u.old.Object(num), u.cur.Object(num)
	switch {
	case num == u.root:
		return u.catalogChanges(old, cur)
	case num == u.form:
		return formChanges(old, cur)
	case u.fields[num].IsDict():
		return u.fieldChanges(old, cur)
	case u.filledAppearance(num):
		return nil
	case bytes.Equal(before, u.cur.ObjectBytes(num)):
		return nil
	}
	name := u.describe(num, old)
	if keys := pdfupdate.ChangedKeys(old, cur); len(keys) > 0 {
		return []string{fmt.Sprintf("%s: %s changed", name, keyList(keys))}
	}
	return []string{name + " was rewritten"}
}

// catalogChanges lists what changed in the catalog: anything but its form's /SigFlags and the
// document security store.
func (u *updateDiff) catalogChanges(old, cur pdfupdate.Value) []string {
	var out []string
	for _, k := range pdfupdate.ChangedKeys(old, cur) {
		switch {
		case k == "DSS":
		case k == "AcroForm" && u.form == 0:
			out = append(out, formChanges(old.Key(k), cur.Key(k))...)
		default:
			out = append(out, "the catalog: /"+k+" "+changeVerb(old, cur, k)+javaScript(cur.Key(k)))
		}
	}
	return out
}

// formChanges lists what changed in the interactive form: anything but /SigFlags, which the
// first signature sets.
func formChanges(old, cur pdfupdate.Value) []string {
	var out []string
	for _, k := range pdfupdate.ChangedKeys(old, cur) {
		if k != "SigFlags" {
			out = append(out, "the form: /"+k+" "+changeVerb(old, cur, k)+javaScript(cur.Key(k)))
		}
	}
	return out
}

// fieldChanges lists what changed in a signature field. Filling an empty field may set its /V
// (the signature), /AP (its appearance) and /M (the time), as long as the appearance fits the
// field's rectangle; a field already signed may not change at all.
func (u *updateDiff) fieldChanges(old, cur pdfupdate.Value) []string {
	name := old.Key("T").Text()
	keys := pdfupdate.ChangedKeys(old, cur)
	if old.Key("V").IsDict() {
		if len(keys) == 0 {
			return nil
		}
		return []string{fmt.Sprintf("the signed field %s: %s changed", name, keyList(keys))}
	}
	filling := cur.Key("V").IsDict()
	keys = slices.DeleteFunc(keys, func(k string) bool { return filling && (k == "V" || k == "AP" || k == "M") })
	var out []string
	if len(keys) > 0 {
		out = append(out, fmt.Sprintf("the field %s: %s changed", name, keyList(keys)))
	}
	if filling && !fitsRect(cur) {
		out = append(out, fmt.Sprintf("the field %s: its new appearance is larger than its /Rect", name))
	}
	return out
}

// filledAppearance reports whether num is the appearance stream of an empty field that this
// update signs: a signer may write the new appearance into the field's old stream object.
func (u *updateDiff) filledAppearance(num int) bool {
	for id, f := range u.fields {
		if ap, _ := f.Key("AP").Key("N").ID(); ap == num && ap != id && f.Key("V").IsNull() && u.cur.Object(id).Key("V").IsDict() {
			return true
		}
	}
	return false
}

// trailerChanges reports a catalog or document information dictionary that the update
// replaced with another object instead of a new revision of the old one.
func (u *updateDiff) trailerChanges() []string {
	var out []string
	oldRoot, curRoot := u.old.Trailer().Key("Root"), u.cur.Trailer().Key("Root")
	if rootID(curRoot) != u.root {
		out = append(out, fmt.Sprintf("the catalog: replaced by object %d", rootID(curRoot)))
		out = append(out, u.catalogChanges(oldRoot, curRoot)...)
	}
	oldInfo, _ := u.old.Trailer().Key("Info").ID()
	if curInfo, _ := u.cur.Trailer().Key("Info").ID(); curInfo != oldInfo {
		out = append(out, fmt.Sprintf("the document information (/Info): replaced by object %d", curInfo))
	}
	return out
}

// fitsRect reports whether the normal appearance of a field fits its rectangle: its /BBox,
// transformed by its /Matrix, is no larger than the /Rect.
func fitsRect(f pdfupdate.Value) bool {
	ap := f.Key("AP").Key("N")
	if ap.IsNull() {
		return true
	}
	rect, box, m := f.Key("Rect"), ap.Key("BBox"), [6]float64{1, 0, 0, 1, 0, 0}
	if matrix := ap.Key("Matrix"); matrix.Len() == 6 {
		for i := range m {
			m[i] = matrix.Index(i).Float64()
		}
	}
	var xs, ys []float64
	for _, c := range [][2]int{{0, 1}, {0, 3}, {2, 1}, {2, 3}} {
		x, y := box.Index(c[0]).Float64(), box.Index(c[1]).Float64()
		xs = append(xs, m[0]*x+m[2]*y+m[4])
		ys = append(ys, m[1]*x+m[3]*y+m[5])
	}
	const slack = 0.5 // points
	w := rect.Index(2).Float64() - rect.Index(0).Float64()
	h := rect.Index(3).Float64() - rect.Index(1).Float64()
	return slices.Max(xs)-slices.Min(xs) <= w+slack && slices.Max(ys)-slices.Min(ys) <= h+slack
}

// changeVerb says whether key was added to, removed from or changed in a dictionary.
func changeVerb(old, cur pdfupdate.Value, key string) string {
	switch {
	case old.Key(key).IsNull():
		return "added"
	case cur.Key(key).IsNull():
		return "removed"
	}
	return "changed"
}

// javaScript returns " (JavaScript)" when v holds or leads to JavaScript.
func javaScript(v pdfupdate.Value) string {
	if v.Mentions(8, "JavaScript", "JS") {
		return " (JavaScript)"
	}
	return ""
}

// keyList renders keys as "/A, /B".
func keyList(keys []string) string {
	return "/" + strings.Join(keys, ", /")
}
