// Package outdir keeps an output folder: the lock a writer holds, files written atomically, the
// manifest of what each output was built from and the journal that keeps it true when a run is
// killed, shards of a folder shared by several machines, the stamps that tell a file unchanged
// without reading it, and the state a complete run leaves for the next one.
//
// It knows nothing of work orders: it deals in slash-separated paths relative to the folder,
// SHA-256 checksums, input hashes the caller computes, and outputs grouped by a name the caller
// chooses. The render pipeline decides what to write; outdir decides how it lands on disk.
package outdir
