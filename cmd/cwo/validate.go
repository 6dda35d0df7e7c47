package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/render"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	dir    string
	strict bool
	asOf   string
}

func newValidateCmd() *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a workspace and report every problem with its file, line and column",
		Long: `validate loads every file of the workspace strictly and checks the rules that tie records
together: references, dates, money, IDs and the CWO principles. It prints each problem as
path:line:col: error|warning: message and exits 1 when there is any error (or, with --strict,
any warning).`,
		Example: "  cwo validate samples\n  cwo validate --strict --as-of 2026-12-31 ~/work/cwo-data",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = workspaceArg(args)
			return validateRun(cmd, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "treat warnings as errors")
	cmd.Flags().StringVar(&opts.asOf, "as-of", "", "judge roadmap staleness at this date (YYYY-MM-DD; default: newest order's issued date)")
	return cmd
}

func validateRun(cmd *cobra.Command, opts *validateOptions) error {
	ws, diags, err := loadAndValidate(cmd, opts.dir, opts.asOf)
	if err != nil {
		return err
	}
	printDiagnostics(cmd.OutOrStdout(), opts.dir, diags)
	errs, warns := diags.Count()
	fmt.Fprintf(cmd.OutOrStdout(), "%s: %s, %s, %s, %s, %s; %s\n", opts.dir,
		count(len(ws.Projects), "project"), count(len(ws.Funders), "funder"), count(len(ws.Orders), "order"),
		count(len(ws.Brochures), "brochure"), count(ws.TimeEntryCount(), "time entry"), countText(errs, warns))
	if errs > 0 || (opts.strict && warns > 0) {
		return failed(errSilent)
	}
	return nil
}

// loadAndValidate reads settings and data and runs every check a render depends on. err is a
// usage or settings error.
func loadAndValidate(cmd *cobra.Command, dir, asOf string) (*cwo.Workspace, cwo.Diagnostics, error) {
	var opt cwo.ValidateOptions
	if asOf != "" {
		d, err := cwo.ParseDate(asOf)
		if err != nil {
			return nil, nil, fmt.Errorf("--as-of: %w", err)
		}
		opt.AsOf = d
	}
	settings, err := config.Load(dir, cmd.Flags())
	if err != nil {
		return nil, nil, failed(err)
	}
	ws, diags, _ := render.Validate(dir, settings, opt)
	return ws, diags, nil
}

// printDiagnostics prints each problem with its path as seen from the current folder.
func printDiagnostics(w io.Writer, dir string, diags cwo.Diagnostics) {
	for _, d := range diags {
		if dir != "." && !filepath.IsAbs(d.File) {
			d.File = filepath.ToSlash(filepath.Join(dir, d.File))
		}
		fmt.Fprintln(w, d)
	}
}

func countText(errs, warns int) string {
	if errs == 0 && warns == 0 {
		return "no problems"
	}
	return count(errs, "error") + ", " + count(warns, "warning")
}

// count writes n and the word, in the plural unless n is 1: "1 brochure", "325 time entries".
func count(n int, word string) string {
	if n != 1 && strings.HasSuffix(word, "entry") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %s", n, plural(n, word))
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
