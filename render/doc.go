// Package render is cwo's batch pipeline. Run reads as its list of named steps: compare the
// workspace's files with the last run's state (finish at once when nothing changed), load,
// check, plan the output files, release what rendering does not read, lock the output folder,
// decide what is new or changed against the manifest, render in parallel, and record the
// manifest and the state.
//
// The output folder itself (lock, atomic writes, manifest, shards, stamps, state file) is kept
// by package outdir; the agreement's data and fingerprint live in package agreement, which
// `cwo verify` reaches without this pipeline. Options.Phase lets the caller act as loading and
// rendering begin: cmd/cwo tunes the garbage collector there, render itself sets no process-wide
// state.
//
// The renderers live in subpackages, one per output library (render/pdf for fpdf, render/xlsx
// for excelize). They write to an io.Writer and never open output files: the pipeline owns
// files, temporary names and renames.
package render
