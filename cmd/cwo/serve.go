package main

import (
	"fmt"
	"io"
	"sync"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/serve"
	"github.com/spf13/cobra"
)

type serveOptions struct {
	dir  string
	addr string
	jobs int
}

func newServeCmd() *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [DIR]",
		Short: "Preview the workspace in a browser, re-rendering whenever a file changes",
		Long: `serve shows the workspace's orders, reports and brochures on one web page, with every
validation error and warning as file:line:col: message above them. It watches the workspace; when a
file changes it validates again, renders what changed into a private folder (never the workspace's
out/) and reloads the page. A change that breaks validation shows the errors and keeps the last
good documents. Stop it with Ctrl-C.

It listens on loopback only (127.0.0.1:8080) unless --addr names another address, and answers only
requests addressed to localhost, 127.0.0.1, [::1] or the --addr host.`,
		Example: `  cwo serve samples
  cwo serve --addr 127.0.0.1:9000 ~/work/cwo-data
  cwo serve --addr 0.0.0.0:8080    # reachable from the network: only on a network you trust`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = workspaceArg(args)
			return serveRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.addr, "addr", serve.DefaultAddr, "address to listen on (host:port; port 0 picks a free one)")
	cmd.Flags().IntVarP(&opts.jobs, "jobs", "j", 0, "documents rendered in parallel (default: cwo.yaml jobs, else the number of CPUs)")
	return cmd
}

func serveRun(cmd *cobra.Command, opts *serveOptions) error {
	flags := cmd.Flags()
	log := &lockedWriter{w: cmd.ErrOrStderr()}
	err := serve.Run(cmd.Context(), opts.dir, serve.Options{
		Addr: opts.addr,
		Jobs: opts.jobs,
		Log:  log,
		Settings: func(dir string) (cwo.Settings, error) {
			return config.Load(dir, flags)
		},
		Ready: func(info serve.Info) {
			fmt.Fprintf(cmd.OutOrStdout(), "cwo serve: open %s (Ctrl-C to stop)\n", info.URL)
		},
	})
	if err != nil {
		return failed(err)
	}
	return nil
}

// lockedWriter serialises writes from the server's goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
