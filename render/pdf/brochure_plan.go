package pdf

// pagePlan describes the pages a booklet's blocks are set on, in points: every block keeps its
// order and never splits, the blocks of a page are set top down with gap between them. The
// cover has room for first (under its band), an inner page for full, the back page for last
// (above its band).
type pagePlan struct {
	heights     []float64
	gap         float64
	first, full float64
	last        float64
	// minFill is the share of a page's full height that the cover (band included) and each
	// inner page must fill; the back page may hold less.
	minFill float64
}

// content is the height of blocks i to j-1 set on one page.
func (p pagePlan) content(i, j int) float64 {
	if i >= j {
		return 0
	}
	h := p.gap * float64(j-i-1)
	for _, v := range p.heights[i:j] {
		h += v
	}
	return h
}

// fill is the share of the page that blocks i to j-1 fill on page k (0 is the cover), or -1 when
// they do not fit or leave the page too empty.
func (p pagePlan) fill(k, i, j int) float64 {
	c := p.content(i, j)
	room, used := p.full, c
	if k == 0 {
		room, used = p.first, c+p.full-p.first
	}
	if c > room+0.01 || (i == j && (k > 0 || len(p.heights) > 0)) { // no page without a block
		return -1
	}
	f := used / p.full
	if f < p.minFill {
		return -1
	}
	return f
}

// breaks splits the blocks over exactly pages pages, choosing among the splits that fit and
// fill every page but the back one to minFill the one whose emptiest page is fullest. It
// returns the index of each page's first block, or false when no split qualifies.
func (p pagePlan) breaks(pages int) ([]int, bool) {
	n := len(p.heights)
	if pages < 2 {
		return nil, false
	}
	const none = -2.0
	// best[k][i]: the fullest emptiest page setting blocks 0..i-1 on pages 0..k-1; from[k][i]
	// the first block of page k-1 in that setting.
	best := make([][]float64, pages)
	from := make([][]int, pages)
	for k := range best {
		best[k] = make([]float64, n+1)
		from[k] = make([]int, n+1)
		for i := range best[k] {
			best[k][i] = none
		}
	}
	best[0][0] = 2
	for k := 0; k < pages-1; k++ {
		for i := 0; i <= n; i++ {
			if best[k][i] == none {
				continue
			}
			for j := i; j <= n; j++ {
				f := p.fill(k, i, j)
				if f < 0 {
					if p.content(i, j) > p.full {
						break
					}
					continue
				}
				if v := min(best[k][i], f); v > best[k+1][j] {
					best[k+1][j], from[k+1][j] = v, i
				}
			}
		}
	}
	last, score := -1, none
	for i := 0; i <= n; i++ {
		if best[pages-1][i] > score && p.content(i, n) <= p.last+0.01 {
			last, score = i, best[pages-1][i]
		}
	}
	if last < 0 {
		return nil, false
	}
	starts := make([]int, pages)
	starts[pages-1] = last
	for k := pages - 1; k > 0; k-- {
		starts[k-1] = from[k][starts[k]]
	}
	return starts, true
}

// choose picks the page count and breaks: in print, the fewest pages that a press can fold
// (2, a single sheet, or a multiple of step, 4 for a booklet) and fill every page to minFill,
// else the fewest such pages that merely fit; on screen, the fewest pages that fill, else the
// fewest that fit. ok is false when a printed booklet could not land on such a count.
func (p pagePlan) choose(print bool, step int) (starts []int, ok bool) {
	n := len(p.heights)
	maxPages := n + 2
	counts := func(step int) []int {
		cs := []int{2}
		for c := max(step, 3); c <= maxPages+step; c += step {
			cs = append(cs, c)
		}
		return cs
	}
	try := func(minFill float64, cs []int) []int {
		q := p
		q.minFill = minFill
		for _, c := range cs {
			if s, ok := q.breaks(c); ok {
				return s
			}
		}
		return nil
	}
	if print {
		for _, f := range []float64{p.minFill, 0} {
			if s := try(f, counts(step)); s != nil {
				return s, true
			}
		}
	}
	for _, f := range []float64{p.minFill, 0} {
		if s := try(f, counts(1)); s != nil {
			return s, !print
		}
	}
	return nil, false
}

// filled reports whether a split fills the cover and every inner page to minFill.
func (p pagePlan) filled(starts []int) bool {
	for k, i := range starts[:len(starts)-1] {
		if p.fill(k, i, starts[k+1]) < 0 {
			return false
		}
	}
	return true
}
