// Command benchws writes the synthetic workspace that `make bench` measures cwo on: projects with
// roadmaps, funders, work orders (fixed and hourly, sized for agreements of about six pages),
// timesheets spread over the active orders, their progress notes and pull requests, and
// brochures. The same flags always give the same bytes: every record draws from its own PCG
// stream seeded from -seed and the record's index, and nothing reads the clock.
//
//	go run ./internal/benchws -orders 2000 -rows 1000000 DIR
//
// DIR must not exist or be empty. The workspace passes `cwo validate` with no errors.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
)

// config is what the flags choose; sizes of the workspace.
type config struct {
	Orders    int    // work orders
	Active    int    // active orders: the ones with timesheets and progress notes
	Rows      int    // timesheet rows, spread evenly over the active orders and 4 quarters
	Projects  int    // projects, each with a roadmap
	Funders   int    // funders
	Brochures int    // brochures
	Parts     int    // timesheet files per quarter
	Seed      uint64 // seed of every random stream
}

func main() {
	var c config
	flag.IntVar(&c.Orders, "orders", 2000, "work orders")
	flag.IntVar(&c.Active, "active", 500, "active orders (with timesheets, progress and contributions); at most -orders")
	flag.IntVar(&c.Rows, "rows", 1_000_000, "timesheet rows over 4 quarters of the active orders")
	flag.IntVar(&c.Projects, "projects", 50, "projects")
	flag.IntVar(&c.Funders, "funders", 300, "funders")
	flag.IntVar(&c.Brochures, "brochures", 5, "brochures")
	flag.IntVar(&c.Parts, "parts", 5, "timesheet CSV files per quarter")
	flag.Uint64Var(&c.Seed, "seed", 2026, "seed of the generator")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: benchws [flags] DIR\n\nWrites a deterministic synthetic cwo workspace into DIR (new or empty).\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := c.check(); err != nil {
		fmt.Fprintln(os.Stderr, "benchws:", err)
		os.Exit(2)
	}
	if err := generate(flag.Arg(0), c); err != nil {
		fmt.Fprintln(os.Stderr, "benchws:", err)
		os.Exit(1)
	}
}

func (c *config) check() error {
	c.Active = min(c.Active, c.Orders)
	switch {
	case c.Orders < 1 || c.Projects < 1 || c.Funders < 1:
		return errors.New("-orders, -projects and -funders must be at least 1")
	case c.Active < 0 || c.Rows < 0 || c.Brochures < 0 || c.Parts < 1:
		return errors.New("-active, -rows and -brochures must not be negative, -parts at least 1")
	case c.Rows > 0 && c.Active == 0:
		return errors.New("-rows needs at least one active order")
	case c.Orders > 99999:
		return errors.New("-orders is at most 99999")
	}
	return nil
}

// generate writes the whole workspace into dir.
func generate(dir string, c config) error {
	if err := emptyDir(dir); err != nil {
		return err
	}
	g := newGenerator(dir, c)
	steps := []struct {
		name string
		run  func() error
	}{
		{"settings", g.writeSettings}, {"assets", g.writeAssets}, {"contractor", g.writeContractor},
		{"projects", g.writeProjects}, {"funders", g.writeFunders}, {"orders", g.writeOrders},
		{"brochures", g.writeBrochures}, {"progress", g.writeProgress}, {"timesheets", g.writeTimesheets},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return nil
}

// emptyDir creates dir, or accepts it when it exists and is empty.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty", dir)
	}
	return nil
}
