package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes, the same for every command.
const (
	exitOK     = 0
	exitFailed = 1 // bad data, failed renders
	exitUsage  = 2 // bad flags or arguments
	// A command stopped by a signal exits 128 plus its number: 130 for SIGINT (Ctrl-C), 143 for
	// SIGTERM (see interruptedCode).
)

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// failed wraps err so that run exits 1; the message has already been printed when err is silent.
func failed(err error) error { return &exitError{code: exitFailed, err: err} }

// errSilent marks failures whose details were already printed.
var errSilent = errors.New("failed")

// run executes the cwo command line and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if !errors.Is(ee.err, errSilent) {
			fmt.Fprintln(stderr, "cwo:", ee.err)
		}
		return ee.code
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "cwo:", interruptedText(ctx))
		return interruptedCode(ctx)
	}
	fmt.Fprintln(stderr, "cwo:", err)
	fmt.Fprintln(stderr, "Run 'cwo --help' for usage.")
	return exitUsage
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "cwo",
		Short: "Render Community Work Order agreements, funder reports and roadmap brochures",
		Long: `cwo turns one folder of structured data about funded open-source work (contractor, projects
with roadmaps, funders, work orders, timesheets, contributions, progress notes) into
signature-ready PDF agreements, XLSX progress reports for funders and roadmap brochures.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(commands()...)
	return root
}

// commands lists every command of cwo: a new command is added here and nowhere else. (The help
// lists them in alphabetical order.)
func commands() []*cobra.Command {
	return []*cobra.Command{
		newInitCmd(),
		newValidateCmd(),
		newListCmd(),
		newRenderCmd(),
		newVersionCmd(),
		newSignCmd(),
		newVerifyCmd(),
		newManifestCmd(),
		newSchemaCmd(),
		newServeCmd(),
	}
}

// workspaceArg returns the workspace folder argument, "." by default.
func workspaceArg(args []string) string {
	if len(args) == 0 {
		return "."
	}
	return args[0]
}
