package mdpdf

// columnWidths sizes columns from their content to fill the frame.
func (r *Renderer) columnWidths(rows []row, cols int, minW, pad float64) []float64 {
	nat, word := make([]float64, cols), make([]float64, cols)
	for i := range word {
		word[i] = minW
	}
	for _, rw := range rows {
		for c, cl := range rw.cells {
			n, w := r.measure(cl.spans)
			nat[c] = max(nat[c], n+cl.pad+pad)
			word[c] = max(word[c], min(w+pad, r.p.width/2))
		}
	}
	for c := range nat {
		nat[c] = max(nat[c], word[c])
	}
	return distribute(nat, word, r.p.width, minW)
}

// distribute shares avail between columns with natural widths nat and
// minimum (longest word) widths word, all at least minW. When everything
// fits, columns grow in proportion to nat. Otherwise columns narrower than
// a fair share keep their natural width and the others share the rest in
// proportion to how much they can shrink; when even the longest words do
// not fit, columns get minW plus a share in proportion to word.
func distribute(nat, word []float64, avail, minW float64) []float64 {
	out := make([]float64, len(nat))
	if sumN := sum(nat); sumN <= avail {
		for c := range out {
			out[c] = nat[c] * avail / max(sumN, eps)
		}
		return out
	}
	fixed, rest := fixNarrow(nat, avail)
	var fN, fW float64
	for c := range nat {
		if !fixed[c] {
			fN, fW = fN+nat[c], fW+word[c]
		}
	}
	if fW > rest || fN <= fW {
		return distributeAll(nat, word, avail, minW)
	}
	for c := range out {
		out[c] = nat[c]
		if !fixed[c] {
			out[c] = word[c] + (rest-fW)*(nat[c]-word[c])/(fN-fW)
		}
	}
	return out
}

// distributeAll shares avail between all columns (see distribute).
func distributeAll(nat, word []float64, avail, minW float64) []float64 {
	out := make([]float64, len(nat))
	sumN, sumW := sum(nat), sum(word)
	spare := float64(len(nat)) * minW
	for c := range out {
		if sumW <= avail {
			out[c] = word[c] + (avail-sumW)*(nat[c]-word[c])/max(sumN-sumW, eps)
		} else {
			out[c] = minW + (avail-spare)*(word[c]-minW)/max(sumW-spare, eps)
		}
	}
	return out
}

// fixNarrow marks columns whose natural width is within a fair share of
// the width left by the columns already marked, and returns that width.
func fixNarrow(nat []float64, avail float64) ([]bool, float64) {
	fixed := make([]bool, len(nat))
	rest, free := avail, len(nat)
	for changed := true; changed && free > 0; {
		changed = false
		share := rest / float64(free)
		for c, n := range nat {
			if !fixed[c] && n <= share {
				fixed[c], changed = true, true
				rest -= n
				free--
			}
		}
	}
	return fixed, rest
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}
