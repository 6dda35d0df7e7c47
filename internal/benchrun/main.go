// Command benchrun measures a built cwo binary on a workspace written by internal/benchws and
// prints the table of issue 7's targets: for each step its wall time, the CPU time and peak RSS
// of the cwo process, documents or rows per second, the target and whether it is met.
//
//	go run ./internal/benchrun -bin bin/cwo -ws .cache/benchws/<key>
//
// The workspace is never changed: the runs use a copy made of hard links (the step that changes
// an order replaces that one file in the copy). Outputs go to a temporary folder that is
// removed at the end. `make bench` runs it.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// options are the flags.
type options struct {
	bin   string // the cwo binary
	ws    string // the generated workspace
	tmp   string // where the copy and the outputs go
	small int    // orders of the small agreements run, for the memory-growth comparison
	jobs  int    // --jobs for render (0: cwo's default, one per CPU)
	gogc  string // GOGC for the cwo processes ("": inherited)
	keep  bool   // keep the temporary folder
	only  string // comma-separated steps to run: validate, agreements, reports ("": all, re-runs too)
}

// wants reports whether the step runs; the re-runs need every step before them.
func (o options) wants(step string) bool {
	return o.only == "" || step != "rerun" && strings.Contains(","+o.only+",", ","+step+",")
}

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "bin/cwo", "the cwo binary to measure")
	flag.StringVar(&o.ws, "ws", "", "the workspace written by internal/benchws (required)")
	flag.StringVar(&o.tmp, "tmp", "", "folder for the workspace copy and outputs (default: a new temporary folder)")
	flag.IntVar(&o.small, "small", 200, "orders in the small agreements run (memory growth)")
	flag.IntVar(&o.jobs, "jobs", 0, "cwo render --jobs (0: cwo's default)")
	flag.StringVar(&o.gogc, "gogc", "", "GOGC for the cwo processes (default: inherited)")
	flag.BoolVar(&o.keep, "keep", false, "keep the temporary folder")
	flag.StringVar(&o.only, "only", "", "run only these steps: validate, agreements, reports (comma-separated; default all, with the re-runs)")
	flag.Parse()
	if o.ws == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: benchrun -ws DIR [-bin bin/cwo] [-small 200] [-jobs N] [-gogc N] [-only STEPS]")
		os.Exit(2)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	bin, err := filepath.Abs(o.bin)
	if err != nil {
		return err
	}
	o.bin = bin
	if o.tmp == "" {
		if o.tmp, err = os.MkdirTemp("", "cwo-bench-"); err != nil {
			return err
		}
	}
	if !o.keep {
		defer os.RemoveAll(o.tmp)
	}
	ws := filepath.Join(o.tmp, "ws")
	if err := linkTree(o.ws, ws); err != nil {
		return fmt.Errorf("copy workspace: %w", err)
	}
	printMachine(o)
	results, err := measure(o, ws)
	printTable(results)
	return err
}
