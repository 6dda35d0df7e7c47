package main

import (
	"fmt"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/spf13/cobra"
)

func newManifestCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "manifest",
		Short: "Work with output manifests",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "merge OUTDIR",
		Short: "Join the shard manifests of a sharded render into manifest.json",
		Long: `merge reads OUTDIR/manifest-K-of-N.json for every K from 1 to N, written by
cwo render --shard K/N, and writes OUTDIR/manifest.json listing every output. It fails when a
shard is missing or two shards list the same output.`,
		Example: "  cwo manifest merge out",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := outdir.MergeManifests(args[0], cwo.Version)
			if err != nil {
				return failed(err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: merged %d outputs into %s\n", args[0], n, outdir.ManifestName)
			return nil
		},
	})
	return cmd
}
