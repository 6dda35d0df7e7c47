// Package render is cwo's batch pipeline: load and validate a workspace, plan the output files,
// render them in parallel, write each atomically, and record them in a manifest so that a re-run
// only renders what changed. The renderers themselves live in subpackages, one per output library
// (render/pdf for fpdf, render/xlsx for excelize); they write to an io.Writer and never touch the
// file system.
package render
