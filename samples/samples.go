// Package samples embeds the sample workspace that `cwo init` writes and `make demo` renders: a
// fictional consultancy's funded work on real open-source projects and their public roadmaps.
package samples

import "embed"

// FS holds the sample workspace files, with paths relative to the workspace root.
//
//go:embed cwo.yaml contractor.yaml projects funders orders brochures progress timesheets assets
var FS embed.FS
