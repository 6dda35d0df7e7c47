package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newListCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "list [DIR]",
		Short:   "Print a table of the workspace's work orders",
		Long:    "list prints one line per work order: ID, funder, project, status, budget, term and hours logged.",
		Example: "  cwo list samples",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return listRun(cmd, workspaceArg(args))
		},
	}
}

func listRun(cmd *cobra.Command, dir string) error {
	ws, diags, err := loadAndValidate(cmd, dir, "")
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		printDiagnostics(cmd.ErrOrStderr(), dir, diags)
		return failed(fmt.Errorf("%s has errors; run cwo validate", dir))
	}
	tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tFUNDER\tPROJECT\tSTATUS\tBUDGET\tTERM\tHOURS LOGGED")
	for _, o := range ws.Orders {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s – %s\t%s\n", o.ID, o.Funder, o.Project, o.Status,
			ws.BudgetText(o), o.Start, o.End, ws.LoggedHours(o.ID).StringFixed(1))
	}
	return tw.Flush()
}
