package mdpdf

import (
	"strconv"

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
