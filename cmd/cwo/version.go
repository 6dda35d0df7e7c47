package main

import (
	"fmt"

	"github.com/cwo-tool/cwo"
	"github.com/spf13/cobra"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print cwo's version",
		Example: "  cwo version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(cmd.OutOrStdout(), "cwo", cwo.Version)
			return nil
		},
	}
}
