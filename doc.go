// Package cwo is the vocabulary of Community Work Orders: the workspace a consultancy keeps about
// funded open-source work (contractor, projects and their roadmaps, funders, work orders,
// timesheets, contributions and progress notes), how it is loaded strictly from disk, and how it is
// validated. It imports no renderer and no tool-settings library: renderers under render/ and the
// command under cmd/cwo build on the types defined here.
package cwo
