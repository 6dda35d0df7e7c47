package mdpdf

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// bullets are the markers of unordered lists by nesting depth.
var bullets = [...]string{"•", "–", "◦"}

// list draws an ordered or unordered list; items are indented past a
// marker column wide enough for the widest marker.
func (r *Renderer) list(n *ast.List) {
	nested := n.Parent() != nil && n.Parent().Kind() == ast.KindListItem
	if nested && n.IsTight {
		r.gap(r.tightGap())
	} else {
		r.gap(r.paraGap())
	}
	marks := r.markers(n)
	a := r.body()
	indent := r.em() * 1.6
	for _, m := range marks {
		indent = max(indent, r.width(m, a.face, a.size)+r.em()*0.7)
	}
	r.listDepth++
	restore := r.frame(indent)
	i := 0
	for item := n.FirstChild(); item != nil && !r.pdf.Err(); item = item.NextSibling() {
		if i > 0 {
			r.gap(r.itemGap(n))
		}
		m := marks[min(i, len(marks)-1)]
		x := r.p.left - r.width(m, a.face, a.size) - r.em()*0.5
		r.marker = &marker{text: m, a: a, x: max(x, r.p.margin)}
		r.blocks(item)
		r.flushMarker()
		i++
	}
	restore()
	r.listDepth--
	if nested && n.IsTight {
		r.gap(r.tightGap())
	} else {
		r.gap(r.paraGap())
	}
}

// itemGap is the space between the items of n.
func (r *Renderer) itemGap(n *ast.List) float64 {
	if n.IsTight {
		return r.tightGap()
	}
	return r.paraGap()
}

// markers returns the marker text of every item of n.
func (r *Renderer) markers(n *ast.List) []string {
	var marks []string
	num := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		if n.IsOrdered() {
			marks = append(marks, strconv.Itoa(num)+string(rune(n.Marker)))
			num++
		} else {
			marks = append(marks, bullets[r.listDepth%len(bullets)])
		}
	}
	if len(marks) == 0 {
		marks = []string{""}
	}
	return marks
}

// code draws a code block: monospace lines, wrapped by character, on a
// shaded background.
func (r *Renderer) code(n ast.Node) {
	r.gap(r.paraGap())
	a := attr{face: mono, size: r.st.Size * 0.9, color: r.st.Text}
	pad := r.codePad()
	var lines []line
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		s := strings.Repeat(" ", min(seg.Padding, 64)) + trimEOL(string(seg.Value(r.src)))
		b := &breaker{r: r, maxW: r.p.width - 2*pad}
		if s = clean(expandTabs(s)); s != "" {
			b.split([]frag{r.frag(s, a)})
		}
		b.flush(true)
		lines = append(lines, b.lines...)
	}
	lh := r.codeLineH()
	for i, ln := range lines {
		h := lh
		if i == 0 || i == len(lines)-1 {
			h += pad
		}
		if i == 0 && len(lines) == 1 {
			h += pad
		}
		off := 0.0
		if i == 0 {
			off = pad
		}
		r.codeLine(ln, h, off, lh)
	}
	r.gap(r.paraGap())
}

// codeLine draws one code line of height lh in a shaded box of height h,
// off below the box's top.
func (r *Renderer) codeLine(ln line, h, off, lh float64) {
	top := r.room(h)
	if r.pdf.Err() {
		return
	}
	c := r.shade()
	r.pdf.SetFillColor(c[0], c[1], c[2])
	r.pdf.Rect(r.p.left, top, r.p.width, h, "F")
	pad := r.codePad()
	r.drawLine(ln, box{x: r.p.left + pad, top: top + off, h: lh, w: r.p.width - 2*pad})
	r.p.y += h
}

func (r *Renderer) codeLineH() float64 { return r.pt(r.st.Size * 0.9 * 1.3) }
func (r *Renderer) codePad() float64   { return r.pt(r.st.Size * 0.5) }

// expandTabs replaces tabs with spaces up to the next multiple of 4.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, c := range s {
		if c == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(c)
		col++
	}
	return b.String()
}
