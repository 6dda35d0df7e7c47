// Package workspace loads a cwo workspace folder into a cwo.Workspace: contractor.yaml,
// projects/, funders/, orders/, brochures/ and progress/ decoded strictly (unknown keys,
// repeated keys and wrong types are errors with line and column; see internal/strict), the gh
// exports progress/<order>/contributions*.json, the logos the records name, and the timesheets
// (timesheets/*.csv), which it indexes by order and month and reads again only when a report
// lists the rows (it implements cwo.Timesheets).
//
// Every file is read through an os.Root on the folder, so no path or symbolic link leads
// outside it; only regular files are read, and data files are limited in size. Load collects
// every problem instead of stopping at the first and never writes anything.
package workspace
