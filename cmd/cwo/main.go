// Command cwo turns a workspace of Community Work Order data into signature-ready agreements,
// funder progress reports and roadmap brochures. See docs/reference.md for the workspace format.
package main

import (
	"context"
	"os"
)

func main() {
	ctx, stop := withStopSignals(context.Background())
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
