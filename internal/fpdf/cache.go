// cwo patch: what the documents of a run share, held in a value instead of package variables.
// See PATCHES.md.

package fpdf

import (
	"bytes"
	"sync"
	"sync/atomic"
)

// Cache is what the documents of one run share to be made faster: the images they parsed, the
// buffers of pages, of compression and of font subsets, and the length of the last document
// written. Any number of documents may use one Cache at the same time, in any goroutines, and
// a document's bytes never depend on what its Cache holds. A run makes one Cache with NewCache
// and gives it to each of its documents through InitType.Cache; a document made without one
// gets its own and shares nothing. The zero value is ready for use; a Cache must not be
// copied.
type Cache struct {
	images   imageCache    // parsed PNG and JPEG images (patch 9)
	pages    sync.Pool     // page buffers of closed documents, *bytes.Buffer (patch 16)
	lastSize atomic.Int64  // the length of the last document written (patch 15)
	xmem     xmempool      // compression buffers and zlib writers (patch 5)
	cidMaps  sync.Pool     // zeroed CIDToGIDMap buffers, *[256 * 256 * 2]byte (patch 12)
	programs glyphPrograms // subset font programs of glyph runs (patch 20)
}

// NewCache returns an empty Cache for the documents of one run.
func NewCache() *Cache { return new(Cache) }

// maxPooledPage keeps unusually large pages (a big image or table) out of the pool.
const maxPooledPage = 1 << 20

// pageBuffer returns an empty page buffer with room for size bytes (patches 13 and 16): a
// page's content is garbage once its document is written, and growing a fresh buffer for every
// page of every document was a fifth of what a document allocated.
func (c *Cache) pageBuffer(size int) *bytes.Buffer {
	b, _ := c.pages.Get().(*bytes.Buffer)
	if b == nil {
		b = new(bytes.Buffer)
	}
	b.Reset()
	b.Grow(size)
	return b
}

// releasePages hands the page buffers of a finished document back for reuse; nothing reads
// them once the document is closed (patch 16).
func (f *Fpdf) releasePages() {
	for i := 1; i < len(f.pages); i++ {
		if f.pages[i] != nil && f.pages[i].Cap() <= maxPooledPage {
			f.cache.pages.Put(f.pages[i])
		}
		f.pages[i] = nil
	}
}

// cidMap returns a zeroed CIDToGIDMap buffer; putCIDMap takes it back, zeroed again.
func (c *Cache) cidMap() *[256 * 256 * 2]byte {
	if m, _ := c.cidMaps.Get().(*[256 * 256 * 2]byte); m != nil {
		return m
	}
	return new([256 * 256 * 2]byte)
}

func (c *Cache) putCIDMap(m *[256 * 256 * 2]byte) { c.cidMaps.Put(m) }
