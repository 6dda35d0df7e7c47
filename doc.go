// Package cwo is the vocabulary of Community Work Orders: the workspace a consultancy keeps about
// funded open-source work (contractor, projects and their roadmaps, funders, work orders,
// timesheets, contributions and progress notes), money, decimals, dates and periods, the
// diagnostics that point at a file and position, the rules that relate records to each other
// (Validate), and the figures of a funder's report (NewReport).
//
// The package does no I/O: it imports no file-system, CSV or image package. The workspace
// package loads a Workspace from disk; the time entries reach the domain only through the
// Timesheets interface, which the loader implements over the CSV files and tests can fake.
// Renderers under render/ and the command under cmd/cwo build on the types defined here.
package cwo
