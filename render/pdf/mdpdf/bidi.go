package mdpdf

import (
	"strings"
	"unicode"

	"github.com/cwo-tool/cwo/typeset"
)

// visualOrder returns the order in which a line's fragments stand from left to right, or nil
// when that is their reading order (no right-to-left text). It applies the bidi algorithm at
// the level of fragments in a left-to-right paragraph: a fragment with right-to-left letters
// is right to left, one with other letters left to right, and a neutral one (spaces,
// punctuation, digits) takes the direction of its neighbours when both are right to left; each
// run of right-to-left fragments is reversed. Each fragment is shaped on its own, in its own
// direction.
func visualOrder(ln line) []int {
	dirs := bidiDirs(ln)
	if dirs == nil {
		return nil
	}
	order := make([]int, len(dirs))
	for i := range order {
		order[i] = i
	}
	for i := 0; i < len(order); {
		if dirs[i] != typeset.RightToLeft {
			i++
			continue
		}
		j := i
		for j < len(order) && dirs[j] == typeset.RightToLeft {
			j++
		}
		for a, b := i, j-1; a < b; a, b = a+1, b-1 {
			order[a], order[b] = order[b], order[a]
		}
		i = j
	}
	return order
}

// bidiDirs returns the resolved direction of each fragment of a line, or nil for a line
// without right-to-left text.
func bidiDirs(ln line) []typeset.Direction {
	rtl := false
	for _, f := range ln.frags {
		rtl = rtl || !f.space && typeset.HasRTL(f.text)
	}
	if !rtl {
		return nil
	}
	dirs := make([]typeset.Direction, len(ln.frags))
	for i, f := range ln.frags {
		if !f.space {
			dirs[i] = typeset.Strong(f.text)
		}
	}
	resolveNeutrals(dirs)
	return dirs
}

// resolveNeutrals gives each neutral fragment the direction of the strong fragments around it
// when they agree on right to left, and left to right (the paragraph's) otherwise.
func resolveNeutrals(dirs []typeset.Direction) {
	for i := 0; i < len(dirs); {
		if dirs[i] != typeset.Neutral {
			i++
			continue
		}
		j := i
		for j < len(dirs) && dirs[j] == typeset.Neutral {
			j++
		}
		d := typeset.LeftToRight
		if i > 0 && j < len(dirs) && dirs[i-1] == typeset.RightToLeft && dirs[j] == typeset.RightToLeft {
			d = typeset.RightToLeft
		}
		for k := i; k < j; k++ {
			dirs[k] = d
		}
		i = j
	}
}

// reorder moves the fragments' left edges xs (widths ws, contiguous from xs[0]) to the visual
// order.
func reorder(order []int, xs, ws []float64) {
	if order == nil || len(xs) == 0 {
		return
	}
	x := xs[0]
	for _, i := range order {
		xs[i] = x
		x += ws[i]
	}
}

// appendFrags appends the fragments of s, a piece of a word: one, or for a piece with
// right-to-left letters, its leading and trailing punctuation apart (as in "(مؤسسة)," or
// "الرياض."), so that visualOrder places the punctuation by the bidi rules instead of carrying
// it along with the word.
func (r *Renderer) appendFrags(word []frag, s string, a *attr) []frag {
	if !typeset.HasRTL(s) {
		return append(word, r.frag(s, a))
	}
	core := strings.TrimFunc(s, isPunct)
	if core == "" || core == s {
		return append(word, r.frag(s, a))
	}
	i := strings.Index(s, core)
	if i > 0 {
		word = append(word, r.frag(s[:i], a))
	}
	word = append(word, r.frag(core, a))
	if rest := s[i+len(core):]; rest != "" {
		word = append(word, r.frag(rest, a))
	}
	return word
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
