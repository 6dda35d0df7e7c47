package typeset

import "sync"

// maxCachedLines bounds a style's cache of shaped lines: text is looked up before it is
// shaped, and a run of thousands of documents repeats most of its lines and words.
const maxCachedLines = 1 << 15

// lineCache holds shaped lines by their text. When full it starts again, so its memory is
// bounded whatever a run draws; shaping is deterministic, so the cache never changes output.
type lineCache struct {
	mu    sync.RWMutex
	lines map[string]Line
}

func (c *lineCache) get(text string) (Line, bool) {
	c.mu.RLock()
	l, ok := c.lines[text]
	c.mu.RUnlock()
	return l, ok
}

func (c *lineCache) put(text string, l Line) {
	c.mu.Lock()
	if c.lines == nil || len(c.lines) >= maxCachedLines {
		c.lines = make(map[string]Line, 256)
	}
	c.lines[text] = l
	c.mu.Unlock()
}
