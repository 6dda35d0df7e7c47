package mdpdf

// frag is a piece of a laid-out line.
type frag struct {
	text  string
	a     *attr   // shared with the span it comes from: a fragment is half the size with a pointer
	x, w  float64 // offset from the line start and advance width
	space bool    // inter-word space: not drawn, stretched when justifying
}

// line is one laid-out line of text.
type line struct {
	frags []frag
	w     float64 // natural width
	last  bool    // ends a paragraph or a hard break: never justified
}

// breaker fills lines greedily, breaking at spaces and, for words wider
// than a whole line, between characters.
type breaker struct {
	r     *Renderer
	maxW  float64
	lines []line
	cur   []frag
	x     float64
	space *frag // pending space before the next word: nil, or &spaceFrag
	// spaceFrag holds the pending space, so that a space per word allocates nothing.
	spaceFrag frag
	made      int // fragments allocated so far, for the size of the next chunk
}

// minFragChunk is the fewest fragments the breaker allocates at a time. Lines take their
// fragments from shared chunks, each as large as all before it, instead of each line growing
// its own slice from one fragment.
const minFragChunk = 16

// layout breaks spans into lines at most maxW wide.
func (r *Renderer) layout(spans []span, maxW float64) []line {
	b := &breaker{r: r, maxW: maxW}
	forWords(spans, func(word []frag, a *attr, brk bool) {
		b.word(word)
		switch {
		case brk:
			b.flush(true)
		case a.size > 0 && b.space == nil && len(b.cur) > 0:
			b.spaceFrag = frag{text: " ", a: a, w: r.width(" ", a.face, a.size), space: true}
			b.space = &b.spaceFrag
		}
	}, r)
	if len(b.cur) > 0 {
		b.flush(true)
	}
	return b.lines
}

// forWords calls fn for every word of spans (its fragments, measured),
// followed by the attribute of the space or the hard break ending it. A
// final call with a zero attribute ends the text.
func forWords(spans []span, fn func(word []frag, a *attr, brk bool), r *Renderer) {
	var word []frag
	for k := range spans {
		s := &spans[k]
		if s.brk {
			fn(word, &s.a, true)
			word = nil
			continue
		}
		start := 0
		for i := 0; i < len(s.text); i++ {
			if s.text[i] != ' ' {
				continue
			}
			if i > start {
				word = r.appendFrags(word, s.text[start:i], &s.a)
			}
			fn(word, &s.a, false)
			word, start = nil, i+1
		}
		if start < len(s.text) {
			word = r.appendFrags(word, s.text[start:], &s.a)
		}
	}
	fn(word, &noAttr, false)
}

// noAttr is the zero attribute that ends forWords' text; it is never changed.
var noAttr attr

func (r *Renderer) frag(s string, a *attr) frag {
	return frag{text: s, a: a, w: r.width(s, a.face, a.size)}
}

// word places one word, moving to a new line or splitting it as needed.
func (b *breaker) word(parts []frag) {
	if len(parts) == 0 {
		return
	}
	ww := 0.0
	for _, p := range parts {
		ww += p.w
	}
	sw := 0.0
	if b.space != nil && len(b.cur) > 0 {
		sw = b.space.w
	}
	switch {
	case len(b.cur) > 0 && b.x+sw+ww <= b.maxW+eps:
		b.putSpace()
	case ww <= b.maxW+eps:
		if len(b.cur) > 0 {
			b.flush(false)
		}
	case len(b.cur) > 0 && b.maxW-b.x-sw >= b.maxW/4:
		b.putSpace() // long word: start it on this line
	default:
		if len(b.cur) > 0 {
			b.flush(false)
		}
	}
	b.space = nil
	if ww <= b.maxW+eps {
		for _, p := range parts {
			b.put(p)
		}
		return
	}
	b.split(parts)
}

func (b *breaker) putSpace() {
	if b.space != nil && len(b.cur) > 0 {
		b.put(*b.space)
	}
	b.space = nil
}

// split places parts character by character, breaking lines where needed.
func (b *breaker) split(parts []frag) {
	for _, p := range parts {
		start, w := 0, 0.0
		for i, c := range p.text {
			cw := b.r.width(string(c), p.a.face, p.a.size)
			if b.x+w+cw > b.maxW+eps && (len(b.cur) > 0 || i > start) {
				b.put(frag{text: p.text[start:i], a: p.a, w: w})
				b.flush(false)
				start, w = i, 0
			}
			w += cw
		}
		b.put(frag{text: p.text[start:], a: p.a, w: w})
	}
}

func (b *breaker) put(f frag) {
	if f.text == "" {
		return
	}
	f.x = b.x
	if len(b.cur) == cap(b.cur) {
		size := max(minFragChunk, b.made, 2*len(b.cur))
		grown := make([]frag, len(b.cur), size)
		copy(grown, b.cur)
		b.cur, b.made = grown, b.made+size
	}
	b.cur = append(b.cur, f)
	b.x += f.w
}

// flush ends the current line; hard marks a paragraph end or hard break,
// which also produces an empty line when nothing is pending.
func (b *breaker) flush(hard bool) {
	for len(b.cur) > 0 && b.cur[len(b.cur)-1].space {
		b.x -= b.cur[len(b.cur)-1].w
		b.cur = b.cur[:len(b.cur)-1]
	}
	if len(b.cur) == 0 && !hard {
		return
	}
	n := len(b.cur)
	b.lines = append(b.lines, line{frags: b.cur[:n:n], w: b.x, last: hard})
	b.cur, b.x, b.space = b.cur[n:], 0, nil // the next line fills the rest of the chunk
}

// measure returns the width of spans on one line (the widest line when
// they contain hard breaks) and the width of their widest word.
func (r *Renderer) measure(spans []span) (natural, word float64) {
	x, sp := 0.0, 0.0
	forWords(spans, func(parts []frag, a *attr, brk bool) {
		ww := 0.0
		for _, p := range parts {
			ww += p.w
		}
		if ww > 0 {
			x += sp + ww
			sp = 0
		}
		word = max(word, ww)
		natural = max(natural, x)
		switch {
		case brk:
			x, sp = 0, 0
		case a.size > 0 && x > 0:
			sp = r.width(" ", a.face, a.size)
		}
	}, r)
	return natural, word
}
