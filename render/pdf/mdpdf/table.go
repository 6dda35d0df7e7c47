package mdpdf

import "github.com/cwo-tool/cwo/markdown"

// cell is a laid-out table cell.
type cell struct {
	spans []span
	lines []line
	al    align
	src   markdown.Align // the alignment of its column as written
	pad   float64        // space kept free at the right, to line up decimal marks (figures.go)
}

// row is a laid-out table row; n is its number of lines.
type row struct {
	cells []cell
	n     int
	h     float64
	head  bool
	total bool // a summary row (table_page.go)
}

// table is a laid-out table.
type table struct {
	widths     []float64
	head       row
	rows       []row
	lh, px, py float64 // line height, horizontal and vertical cell padding
	repeat     bool    // repeat the header row on every page
	room       float64 // page height available to body rows
	page       float64 // page height available to the table
}

// buildTable measures and lays out n, or returns nil when its columns
// cannot fit the frame.
func (r *Renderer) buildTable(n *markdown.Table) *table {
	t := &table{lh: r.lineH(), px: r.em() * 0.5, py: r.em() * 0.3}
	rows := r.tableRows(n)
	cols := 0
	for _, rw := range rows {
		cols = max(cols, len(rw.cells))
	}
	minW := 2*t.px + 2*r.em()
	if cols == 0 || float64(cols)*minW > r.p.width+eps {
		return nil
	}
	markTotal(rows)
	r.alignFigures(rows, cols)
	t.widths = r.columnWidths(rows, cols, minW, 2*t.px)
	for i := range rows {
		t.layoutRow(r, &rows[i])
	}
	if rows[0].head {
		t.head, rows = rows[0], rows[1:]
	}
	t.rows = rows
	t.repeat = t.head.n > 0 && t.head.h <= (r.p.limit-r.p.top)/3
	t.room = r.p.limit - r.p.top
	t.page = t.room
	if t.repeat {
		t.room -= t.head.h
	}
	return t
}

// tableRows collects the header row and the body rows of n.
func (r *Renderer) tableRows(n *markdown.Table) []row {
	rows := []row{r.tableCells(n.Header, true)}
	for _, cells := range n.Rows {
		rows = append(rows, r.tableCells(cells, false))
	}
	return rows
}

// tableCells collects the cells of a header or body row.
func (r *Renderer) tableCells(cells []markdown.Cell, head bool) row {
	a := r.body()
	if head {
		a.face = bold
	}
	rw := row{head: head}
	for _, c := range cells {
		cl := cell{spans: r.inlines(c.Inlines, a), src: c.Align}
		switch c.Align {
		case markdown.AlignCenter:
			cl.al = alignCenter
		case markdown.AlignRight:
			cl.al = alignRight
		}
		rw.cells = append(rw.cells, cl)
	}
	return rw
}

// layoutRow breaks the cells of rw into lines and sets its height.
func (t *table) layoutRow(r *Renderer, rw *row) {
	rw.n = 1
	for c := range rw.cells {
		if c >= len(t.widths) {
			break
		}
		cl := &rw.cells[c]
		cl.lines = r.layout(cl.spans, t.widths[c]-2*t.px-cl.pad)
		if len(cl.lines) > 1 { // a wrapped figure is set flush right
			cl.pad = 0
			cl.lines = r.layout(cl.spans, t.widths[c]-2*t.px)
		}
		rw.n = max(rw.n, len(cl.lines))
	}
	rw.h = float64(rw.n)*t.lh + 2*t.py
}

// tableRow draws rw, moving it whole to a new page when it does not fit
// here but would fit there, and splitting it only when taller than a page.
func (r *Renderer) tableRow(t *table, rw *row, body bool) {
	head := 0.0
	if body && t.repeat {
		head = t.head.h
	}
	if rw.h > r.avail()+eps && rw.h <= r.p.limit-r.p.top-head && !r.p.atTop() {
		r.tableBreak(t, body)
	}
	if rw.h <= r.avail()+eps {
		r.rowPart(t, rw, 0, rw.n)
		return
	}
	for from := 0; from < rw.n && !r.pdf.Err(); {
		k := int((r.avail() - 2*t.py + eps) / t.lh)
		if k < 1 && !r.p.atTop() {
			r.tableBreak(t, body)
			k = int((r.avail() - 2*t.py + eps) / t.lh)
		}
		to := min(rw.n, from+max(k, 1))
		r.rowPart(t, rw, from, to)
		if from = to; from < rw.n {
			r.tableBreak(t, body)
		}
	}
}

// avail is the height left on the page below the pending gap.
func (r *Renderer) avail() float64 {
	if r.p.atTop() {
		return r.p.limit - r.p.y
	}
	return r.p.limit - r.p.y - r.p.gap
}

// tableBreak starts a new page, repeating the header row for body rows.
func (r *Renderer) tableBreak(t *table, body bool) {
	r.newPage()
	if body && t.repeat {
		r.rowPart(t, &t.head, 0, t.head.n)
	}
}

// rowPart draws lines [from, to) of every cell of rw as one band.
func (r *Renderer) rowPart(t *table, rw *row, from, to int) {
	h := float64(to-from)*t.lh + 2*t.py
	top := r.room(h)
	x := r.p.left
	rc, sc := r.st.Rule, r.shade()
	for c, w := range t.widths {
		r.pdf.SetDrawColor(rc[0], rc[1], rc[2])
		r.pdf.SetFillColor(sc[0], sc[1], sc[2])
		r.pdf.SetLineWidth(r.pt(0.5))
		style := "D"
		if rw.head {
			style = "FD"
		}
		r.pdf.Rect(x, top, w, h, style)
		if c < len(rw.cells) {
			cl := rw.cells[c]
			for j := from; j < min(to, len(cl.lines)); j++ {
				y := top + t.py + float64(j-from)*t.lh
				r.drawLine(cl.lines[j], box{x: x + t.px, top: y, h: t.lh, w: w - 2*t.px - cl.pad, align: cl.al})
			}
		}
		x += w
	}
	if rw.total && from == 0 { // a total is set off by a heavier rule
		r.pdf.SetLineWidth(r.pt(1))
		r.pdf.Line(r.p.left, top, x, top)
	}
	r.drawMarker(r.baseline(top+t.py, t.lh, r.st.Size))
	r.p.y += h
}

// tableFallback draws a table with too many columns as one paragraph per
// row, cells separated by vertical bars.
func (r *Renderer) tableFallback(n *markdown.Table) {
	r.gap(r.paraGap())
	rows := r.tableRows(n)
	for i, rw := range rows {
		if r.pdf.Err() {
			break
		}
		var spans []span
		for i, cl := range rw.cells {
			if i > 0 {
				spans = append(spans, span{text: " | ", a: r.body()})
			}
			spans = append(spans, cl.spans...)
		}
		tail := 0.0
		if i == len(rows)-1 {
			tail = r.tail
		}
		r.flow(r.layout(spans, r.p.width), r.lineH(), alignLeft, false, tail)
		r.gap(r.tightGap())
	}
	r.gap(r.paraGap())
}
