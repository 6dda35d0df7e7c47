package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/render"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

type renderOptions struct {
	dir    string
	out    string
	only   []string
	orders []string
	period string
	shard  string
	jobs   int
	force  bool
	dryRun bool
	asOf   string
}

func newRenderCmd() *cobra.Command {
	opts := &renderOptions{}
	cmd := &cobra.Command{
		Use:   "render [DIR]",
		Short: "Render agreements, reports and brochures into the output folder",
		Long: `render validates the workspace (any error stops it before anything is written), then renders
every output in parallel. Each file is written to a temporary name and renamed into place, so a
failed document keeps its previous good file. out/manifest.json records what each output was built
from; a re-run renders only what changed.`,
		Example: `  cwo render samples
  cwo render samples --only agreements --order CWO-2026-001
  cwo render samples --only reports --period 2026-Q4
  cwo render samples --shard 1/4 --out /shared/out   # one of four machines; then: cwo manifest merge /shared/out
  cwo render samples --dry-run
  cwo render samples --out /tmp/out --jobs 2 --force`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = workspaceArg(args)
			return renderRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.out, "out", "o", "", "output folder (default: cwo.yaml output, else out, inside the workspace)")
	f.StringSliceVar(&opts.only, "only", nil, "render only these kinds: agreements, reports, brochures (repeatable)")
	f.StringSliceVar(&opts.orders, "order", nil, "render only these orders (repeatable)")
	f.StringVar(&opts.period, "period", "", "render reports only for this period (2026-Q4 or 2026-10)")
	f.StringVar(&opts.shard, "shard", "", "render only shard K of N (e.g. 2/8): a fixed 1/N of the outputs; writes manifest-K-of-N.json")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "documents rendered in parallel (default: cwo.yaml jobs, else the number of CPUs)")
	f.BoolVar(&opts.force, "force", false, "render every output, even unchanged ones")
	f.BoolVar(&opts.dryRun, "dry-run", false, "print each file that would be written and why (new, changed, unchanged); write nothing")
	f.StringVar(&opts.asOf, "as-of", "", "judge roadmap staleness at this date (YYYY-MM-DD)")
	return cmd
}

func renderRun(cmd *cobra.Command, opts *renderOptions) error {
	if err := checkKinds(opts.only); err != nil {
		return err
	}
	settings, err := config.Load(opts.dir, cmd.Flags())
	if err != nil {
		return failed(err)
	}
	ropt, err := renderSettings(cmd, opts, settings)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := render.Run(cmd.Context(), opts.dir, settings, ropt)
	printDiagnostics(cmd.OutOrStdout(), opts.dir, res.Diagnostics)
	if err == render.ErrInvalid {
		errs, warns := res.Diagnostics.Count()
		return failed(fmt.Errorf("%s: %s; nothing was rendered", opts.dir, countText(errs, warns)))
	}
	var unknown *render.UnknownOrdersError
	if errors.As(err, &unknown) {
		return &exitError{code: exitUsage, err: fmt.Errorf("--order: %w", unknown)}
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(cmd.ErrOrStderr(), "cwo: %s; finished files and the manifest are saved, nothing half-written is left\n", interruptedText(cmd.Context()))
		return &exitError{code: interruptedCode(cmd.Context()), err: errSilent}
	}
	if err != nil {
		return failed(err)
	}
	sort.Strings(res.Notes)
	for _, n := range res.Notes {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning:", n)
	}
	if !opts.dryRun {
		printSummary(cmd.ErrOrStderr(), res, time.Since(start))
	}
	if len(res.Failures) > 0 {
		for _, f := range res.Failures {
			fmt.Fprintf(cmd.ErrOrStderr(), "failed: %s: %v\n", f.Path, f.Err)
		}
		return failed(fmt.Errorf("%d %s failed; their previous files are unchanged", len(res.Failures), plural(len(res.Failures), "output")))
	}
	return nil
}

// renderSettings resolves the output folder and job count from flags and settings.
func renderSettings(cmd *cobra.Command, opts *renderOptions, s cwo.Settings) (render.Options, error) {
	out := opts.out
	if out == "" {
		out = s.Output
		if !filepath.IsAbs(out) {
			out = filepath.Join(opts.dir, out)
		}
	}
	if err := render.CheckOutDir(opts.dir, out); err != nil {
		if opts.out != "" {
			return render.Options{}, fmt.Errorf("--out: %w", err)
		}
		return render.Options{}, fmt.Errorf("output %q (cwo.yaml or CWO_OUTPUT): %w", s.Output, err)
	}
	jobs := opts.jobs
	if jobs <= 0 {
		jobs = s.Jobs
	}
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	r := render.Options{OutDir: out, Only: opts.only, Orders: opts.orders, Period: opts.period, Jobs: jobs, Force: opts.force, Incremental: true,
		DryRun: opts.dryRun, Log: cmd.ErrOrStderr(), Terminal: isTerminal(cmd.ErrOrStderr()), Phase: gcPolicy}
	if opts.shard != "" {
		sh, err := outdir.ParseShard(opts.shard)
		if err != nil {
			return r, fmt.Errorf("--shard: %w", err)
		}
		r.Shard = sh
	}
	if opts.period != "" {
		if _, err := cwo.ParsePeriod(opts.period); err != nil {
			return r, fmt.Errorf("--period: %w", err)
		}
	}
	if opts.asOf != "" {
		d, err := cwo.ParseDate(opts.asOf)
		if err != nil {
			return r, fmt.Errorf("--as-of: %w", err)
		}
		r.AsOf = d
	}
	return r, nil
}

func checkKinds(kinds []string) error {
	for _, k := range kinds {
		ok := false
		for _, known := range render.Kinds {
			ok = ok || k == known
		}
		if !ok {
			return fmt.Errorf("--only %q: use one of %s", k, strings.Join(render.Kinds, ", "))
		}
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// printSummary prints one line per kind, e.g. "agreements: 6 rendered, 0 unchanged, 0 failed in 0.41s".
func printSummary(w io.Writer, res *render.Result, took time.Duration) {
	kinds := make([]string, 0, len(res.Counts))
	for k := range res.Counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		c := res.Counts[k]
		fmt.Fprintf(w, "%s: %d rendered, %d unchanged, %d failed in %.2fs\n", k, c.Rendered, c.Unchanged, c.Failed, took.Seconds())
	}
	if len(kinds) == 0 {
		fmt.Fprintln(w, "nothing to render")
	}
}
