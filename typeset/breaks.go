package typeset

import (
	"sync"

	"github.com/go-text/typesetting/segmenter"
)

var segmenters = sync.Pool{New: func() any { return new(segmenter.Segmenter) }}

// Breaks returns the byte offsets in text after which a line may break, by the Unicode line
// breaking algorithm (UAX #14), in increasing order and ending with len(text). Between words
// the offset falls after the spaces; in Chinese or Japanese text, between characters; never
// inside a cluster.
func Breaks(text string) []int {
	if text == "" {
		return nil
	}
	seg := segmenters.Get().(*segmenter.Segmenter)
	defer segmenters.Put(seg)
	if err := seg.InitWithString(text); err != nil {
		return []int{len(text)}
	}
	var out []int
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		out = append(out, l.OffsetInBytes+l.LengthInBytes)
	}
	return out
}
