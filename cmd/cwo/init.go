package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cwo-tool/cwo/samples"
	"github.com/spf13/cobra"
)

func newInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Create a new workspace from the sample data",
		Long: `init writes the sample workspace (a contractor, five projects, four funders, seven orders, a
brochure, timesheets and progress notes) into DIR, which must not exist or be empty. It also writes
JSON Schemas into DIR/.cwo/schema, starts each YAML file with a yaml-language-server line naming
its schema, and maps them in DIR/.vscode/settings.json, so an editor validates and completes as you
type. A .gitignore keeps the outputs (out/) out of version control.`,
		Example: "  cwo init my-workspace\n  cwo validate my-workspace",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := initRun(args[0]); err != nil {
				return failed(err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote the sample workspace to %s; next: cwo validate %s\n", args[0], args[0])
			return nil
		},
	}
}

// initRun copies the embedded samples into dir, refusing a folder that has anything in it, and
// adds the editor support (schemas, schema lines, VS Code settings).
func initRun(dir string) error {
	if err := copySamples(dir); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(gitignore), 0o644); err != nil {
		return err
	}
	return writeEditorSupport(dir)
}

// gitignore keeps outputs out of the workspace's repository: they are rendered again from the
// data, and an output committed with its manifest could stand in for what the data says.
const gitignore = `# cwo's outputs are rendered again from the data: never commit them (see SECURITY.md).
/out/
.cwo-state*.json
`

// copySamples writes the embedded sample workspace into dir, which must be new or empty.
func copySamples(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s is not empty; cwo init writes only into a new or empty folder", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("init %s: %w", dir, err)
	}
	return fs.WalkDir(samples.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(path))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(samples.FS, path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
