package mdpdf

import (
	"strconv"

	"github.com/cwo-tool/cwo/markdown"
)

// bullets are the markers of unordered lists by nesting depth.
var bullets = [...]string{"•", "–", "◦"}

// list draws an ordered or unordered list; items are indented past a
// marker column wide enough for the widest marker.
func (r *Renderer) list(n *markdown.List) {
	if n.Nested && n.Tight {
		r.gap(r.tightGap())
	} else {
		r.gap(r.paraGap())
	}
	marks := r.markers(n)
	a := r.body()
	indent := r.listIndent(n)
	r.listDepth++
	restore := r.frame(indent)
	end := r.tail
	for i, item := range n.Items {
		if r.pdf.Err() {
			break
		}
		if i > 0 {
			r.gap(r.itemGap(n))
		}
		m := marks[min(i, len(marks)-1)]
		x := r.p.left - r.width(m, a.face, a.size) - r.em()*0.5
		r.marker = &marker{text: m, a: a, x: max(x, r.p.margin)}
		r.tail = 0 // items do not keep with each other; the last one has the list's tail
		if i == len(n.Items)-1 {
			r.tail = end
		}
		r.blocks(item.Blocks)
		r.flushMarker()
	}
	r.tail = end
	restore()
	r.listDepth--
	if n.Nested && n.Tight {
		r.gap(r.tightGap())
	} else {
		r.gap(r.paraGap())
	}
}

// listIndent is the width of the marker column of n: wide enough for its widest marker.
func (r *Renderer) listIndent(n *markdown.List) float64 {
	a := r.body()
	indent := r.em() * 1.6
	for _, m := range r.markers(n) {
		indent = max(indent, r.width(m, a.face, a.size)+r.em()*0.7)
	}
	return indent
}

// itemGap is the space between the items of n.
func (r *Renderer) itemGap(n *markdown.List) float64 {
	if n.Tight {
		return r.tightGap()
	}
	return r.paraGap()
}

// markers returns the marker text of every item of n.
func (r *Renderer) markers(n *markdown.List) []string {
	var marks []string
	num := n.Start
	for range n.Items {
		if n.Ordered {
			marks = append(marks, strconv.Itoa(num)+string(rune(n.Delim)))
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
