package mdpdf

import "github.com/cwo-tool/cwo/markdown"

// Breaking tables across pages. A table breaks only between body rows, with at least minLines
// body rows on each side of the break, and never before its total row: a page never holds its
// header with a single row, nor its total alone. Its header row repeats on every page it
// continues on, and its last minLines body rows stay with its tail. A table too short to be
// broken under these rules moves whole to the next page; only where a page cannot hold what
// the rules ask for (a row taller than a page) does it fill pages row by row, splitting a
// tall row between its lines.

// table draws a GFM table.
func (r *Renderer) table(n *markdown.Table) {
	t := r.tableOf(n)
	if t == nil {
		r.tableFallback(n)
		return
	}
	r.gap(r.paraGap())
	fresh := r.p.atTop()
	if !fresh && r.segment(t, 0, r.avail()-t.head.h) == 0 {
		r.newPage()
		fresh = true
	}
	if t.head.n > 0 {
		r.tableRow(t, &t.head, false)
	}
	for i := 0; i < len(t.rows) && !r.pdf.Err(); {
		j := r.segment(t, i, r.avail())
		switch {
		case j == i && !fresh:
			r.tableBreak(t, true)
			fresh = true
			continue
		case j == i: // the rules cannot be met on a whole page: fill it
			j = t.fit(i, r.avail())
		}
		if j == i { // a row taller than a page
			r.tableRow(t, &t.rows[i], true)
			i, fresh = i+1, false
			continue
		}
		for ; i < j; i++ {
			r.rowPart(t, &t.rows[i], 0, t.rows[i].n)
		}
		if fresh = false; i < len(t.rows) {
			r.tableBreak(t, true)
			fresh = true
		}
	}
	r.gap(r.paraGap())
}

// segment returns the end of the rows from i on that go in height avail: as many as fit, cut
// back to the last allowed break. It returns i when no allowed break leaves rows there.
func (r *Renderer) segment(t *table, i int, avail float64) int {
	j := t.fit(i, avail)
	if j == len(t.rows) && t.height(i, j)+r.tail <= avail+eps {
		return j
	}
	if j == len(t.rows) {
		j-- // the rows fit but their tail does not: leave rows to go with it
	}
	for ; j > i; j-- {
		if t.canBreak(i, j) {
			return j
		}
	}
	return i
}

// fit returns the end of the rows from i on that fit in height avail.
func (t *table) fit(i int, avail float64) int {
	h := 0.0
	for ; i < len(t.rows); i++ {
		if h += t.rows[i].h; h > avail+eps {
			break
		}
	}
	return i
}

// height is the height of rows [i, j).
func (t *table) height(i, j int) float64 {
	h := 0.0
	for _, rw := range t.rows[i:j] {
		h += rw.h
	}
	return h
}

// bodyRows counts the rows in [i, j) that are not a total.
func (t *table) bodyRows(i, j int) int {
	n := 0
	for _, rw := range t.rows[i:j] {
		if !rw.total {
			n++
		}
	}
	return n
}

// canBreak reports whether a page holding rows [i, j) of the table may end before row j.
func (t *table) canBreak(i, j int) bool {
	return j < len(t.rows) && !t.rows[j].total &&
		t.bodyRows(i, j) >= minLines && t.bodyRows(j, len(t.rows)) >= minLines
}

// keep is the height of the table's first part, which goes on one page: the header and the
// rows before the first allowed break, with tail when that is the whole table. When that is
// taller than a page, the table fills pages row by row, and keep is the header and the first
// row, or the first row's first line when the row is taller than a page.
func (t *table) keep(tail float64) float64 {
	j := min(1, len(t.rows))
	for j < len(t.rows) && !t.canBreak(0, j) {
		j++
	}
	h := t.head.h + t.height(0, j)
	if j == len(t.rows) {
		h += tail
	}
	switch {
	case h <= t.page+eps || len(t.rows) == 0:
		return h
	case t.rows[0].h <= t.room:
		return t.head.h + t.rows[0].h
	}
	return t.head.h + t.lh + 2*t.py
}

// tableKeep returns the keep height of a table followed by tail, for the blocks before it.
func (r *Renderer) tableKeep(n *markdown.Table, tail float64) float64 {
	if t := r.tableOf(n); t != nil {
		return t.keep(tail)
	}
	return r.paragraphKeep(len(n.Rows)+1, tail)
}

// markTotal marks the last body row of rows (rows[0] is the header) as a total when every
// cell with text in it is wholly in bold, as "| **Total** | | **950** |" is.
func markTotal(rows []row) {
	if len(rows) < 3 {
		return
	}
	last := &rows[len(rows)-1]
	any := false
	for _, c := range last.cells {
		text := false
		for _, s := range c.spans {
			if s.brk || len(s.text) == 0 {
				continue
			}
			if s.a.face&bold == 0 && !blank(s.text) {
				return
			}
			text = text || !blank(s.text)
		}
		any = any || text
	}
	last.total = any
}

// blank reports whether s is only spaces.
func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}
