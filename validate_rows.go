package cwo

import "fmt"

// keptRows is how many rows with the same problem are reported one by one.
const keptRows = 3

// rowFolder gathers the problems of a file's rows, keeping the first keptRows rows with each
// message and counting the others, so that one cause gives a few messages, not thousands.
type rowFolder struct {
	byMessage map[string]*foldedRows
	order     []*foldedRows // in order of first appearance
}

type foldedRows struct {
	kept []Diagnostic
	more int
	last Diagnostic // the last row counted in more
}

func (f *rowFolder) add(d Diagnostic) {
	key := d.Severity.String() + "\x00" + d.Message
	r := f.byMessage[key]
	if r == nil {
		if f.byMessage == nil {
			f.byMessage = map[string]*foldedRows{}
		}
		r = &foldedRows{}
		f.byMessage[key] = r
		f.order = append(f.order, r)
	}
	if len(r.kept) < keptRows {
		r.kept = append(r.kept, d)
		return
	}
	r.more++
	r.last = d
}

// diagnostics returns the kept rows and, for each message with more, one diagnostic at the
// last such row that counts them.
func (f *rowFolder) diagnostics() Diagnostics {
	var out Diagnostics
	for _, r := range f.order {
		out = append(out, r.kept...)
		if r.more > 0 {
			d := r.last
			d.Message = fmt.Sprintf("%s (and %d more %s of %s with this problem, up to this one)", d.Message, r.more, plural(r.more, "row"), d.File)
			out = append(out, d)
		}
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
