package main

import (
	"fmt"
	"strings"
)

// The vocabulary the generated text is built from. It stays clear of the words `cwo validate`
// warns about (plugins, forks, promises of an outcome), so the workspace validates cleanly.
var (
	verbs = []string{"port", "profile", "rewrite", "document", "benchmark", "refactor", "extend",
		"stabilize", "test", "simplify", "vectorize", "parallelize", "audit", "modernize", "type-annotate"}
	subjects = []string{"the sparse linear solvers", "the plotting backends", "the CSV and Parquet readers",
		"the public type stubs", "the test suite", "the build configuration", "the user guide", "the GPU kernels",
		"the random number generators", "the FFT routines", "the interpolation routines", "the task scheduler",
		"the string data type", "the date and time handling", "the memory allocator", "the C API",
		"the Python bindings", "the packaging metadata", "the continuous integration jobs", "the benchmark suite",
		"the error messages", "the tutorial notebooks", "the I/O layer", "the caching layer",
		"the optimization routines", "the geometry kernels", "the statistics functions", "the image filters",
		"the unit registry", "the coordinate transforms"}
	goals = []string{"so that it runs on Arm and x86 alike", "to cut peak memory use on large inputs",
		"without changing the public API", "following the project's deprecation policy",
		"with tests for every supported Python version", "so that results are reproducible across platforms",
		"to remove the last uses of deprecated interfaces", "so that new contributors can find their way",
		"with benchmarks that run on every pull request", "in line with the maintainers' published design notes",
		"so that free-threaded Python builds are supported", "to bring error messages in line with the style guide",
		"so that downstream libraries can rely on it", "with a migration guide for existing users"}
	problems = []string{"is slow on large arrays", "allocates more memory than it needs", "has few tests",
		"is hard to read and to change", "lacks reference documentation", "fails on some platforms",
		"still relies on legacy interfaces", "produces different results on different machines",
		"blocks the next minor release", "is a frequent source of bug reports"}
	terms = []string{"`float32`", "`asarray`", "`__array_namespace__`", "**thread safety**", "`pyproject.toml`",
		"**accessibility**", "`meson`", "`from_dlpack`", "**reproducibility**", "`nan` handling"}
	clauseTopics = []string{
		"Invoices are issued at the end of each calendar quarter and are payable within thirty days.",
		"The Funder may be acknowledged in the project's release notes, at the discretion of the maintainers.",
		"Travel to community meetings that the work requires is paid by the Contractor out of the budget.",
		"Each party keeps the other's non-public business information confidential during and after the term.",
		"The parties will meet by video call once a month to review progress against the scope.",
		"Either party may propose a change of scope in writing; a change takes effect when both parties sign it.",
		"The Funder's obligations are subject to the availability of funds approved for the fiscal year.",
		"All results are public contributions to the project under its license, available to everyone.",
		"Amounts are exclusive of value added tax, which is added where the law requires it.",
		"Time is recorded in quarter hours and reported to the Funder with each progress report.",
	}
	roles      = []string{"Developer", "Developer", "Research software engineer", "Technical writer", "Release engineer"}
	firstNames = []string{"Priya", "Łukasz", "Zoë", "Ελένη", "Mateo", "Aiko", "Noah", "Fatima", "Jonas", "Olga",
		"Ngozi", "Tomás", "Ingrid", "Ravi", "Chloé", "Dmitri", "Amara", "Sven", "Lucía", "Kwame", "Mei", "Henrik",
		"Anaïs", "Bartosz", "Yara", "Émile", "Svetlana", "Omar", "Greta", "Nikolai"}
	lastNames = []string{"Raman", "Nowak", "Martin", "Παπαδοπούλου", "García", "Tanaka", "Okafor", "Schmidt",
		"Ivanova", "Ferreira", "Lindqvist", "Haddad", "Müller", "Kowalski", "Dubois", "Mensah", "Novák", "Søndergaard",
		"Rossi", "Kuznetsov", "Nakamura", "Brennan", "Achebe", "Lefèvre"}
)

// person is a developer of the contractor.
type person struct{ name, github string }

// people draws n distinct developers.
func people(r *rng, n int) []person {
	seen := map[string]bool{}
	var out []person
	for len(out) < n {
		name := pick(r, firstNames) + " " + pick(r, lastNames)
		if seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, person{name: name, github: fmt.Sprintf("dev%02d-lattice", len(out)+1)})
	}
	return out
}

// capital upper-cases the first letter of s.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sentence is one technical sentence.
func sentence(r *rng) string {
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("Today %s %s; the work is to %s it %s.", pick(r, subjects), pick(r, problems), pick(r, verbs), pick(r, goals))
	case 1:
		return fmt.Sprintf("Where %s meets %s, the current code %s.", pick(r, subjects), pick(r, terms), pick(r, problems))
	case 2:
		return fmt.Sprintf("The maintainers asked for %s to be reviewed %s, starting with %s.", pick(r, subjects), pick(r, goals), pick(r, terms))
	}
	return fmt.Sprintf("%s %s %s.", capital(pick(r, verbs)), pick(r, subjects), pick(r, goals))
}

// paragraph is n sentences.
func paragraph(r *rng, n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = sentence(r)
	}
	return strings.Join(s, " ")
}

// bullets is a Markdown list of n short tasks.
func bullets(r *rng, n int) string {
	var b strings.Builder
	for range n {
		fmt.Fprintf(&b, "- %s %s %s;\n", pick(r, verbs), pick(r, subjects), pick(r, goals))
	}
	return strings.TrimSuffix(b.String(), ";\n") + ".\n"
}

// markdown is a description: paragraphs, and sometimes a list.
func markdown(r *rng, paras int) string {
	parts := make([]string, 0, paras+1)
	for range paras {
		parts = append(parts, paragraph(r, r.between(3, 5)))
	}
	if r.chance(0.6) {
		parts = append(parts, "The remaining work:\n\n"+bullets(r, r.between(3, 4)))
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// task is a short phrase, as in a timesheet note or a pull request title.
func task(r *rng) string {
	return capital(pick(r, verbs)) + " " + strings.TrimPrefix(pick(r, subjects), "the ")
}
