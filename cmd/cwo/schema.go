package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/cwo-tool/cwo/schema"
	"github.com/spf13/cobra"
)

// schemaDir is where a workspace keeps its schemas, relative to its root.
const schemaDir = ".cwo/schema"

// modeline starts a YAML file that names its schema for the YAML language server.
const modeline = "# yaml-language-server: $schema="

type schemaOptions struct {
	out string
}

func newSchemaCmd() *cobra.Command {
	opts := &schemaOptions{}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Write JSON Schemas of the workspace files, for editors that validate and complete YAML",
		Long: `schema writes one JSON Schema (draft 2020-12) per kind of workspace file: contractor, project,
funder, order, brochure, progress and cwo.yaml. They are generated from the same Go types that
cwo reads the files into, so they accept the keys cwo accepts and no others. cwo init writes them
into a new workspace's .cwo/schema folder and points each sample file at its schema.`,
		Example: `  cwo schema
  cwo schema --out my-workspace/.cwo/schema`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			paths, err := schema.WriteAll(opts.out)
			if err != nil {
				return failed(err)
			}
			for _, p := range paths {
				fmt.Fprintln(cmd.OutOrStdout(), p)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&opts.out, "out", "o", schemaDir, "folder to write the schemas into")
	return cmd
}

// writeEditorSupport writes the schemas into the workspace in dir, starts each YAML file that
// has a schema with a yaml-language-server line naming it (relative to the file), and maps the
// schemas in .vscode/settings.json. On error, some files may have been changed.
func writeEditorSupport(dir string) error {
	if _, err := schema.WriteAll(filepath.Join(dir, filepath.FromSlash(schemaDir))); err != nil {
		return err
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		return addModeline(p, filepath.ToSlash(rel))
	})
	if err != nil {
		return fmt.Errorf("schema lines: %w", err)
	}
	return writeVSCodeSettings(dir)
}

// addModeline puts the schema line at the top of the file at p (rel inside the workspace).
func addModeline(p, rel string) error {
	k, ok := schema.KindFor(rel)
	if !ok {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil || bytes.HasPrefix(data, []byte(modeline)) {
		return err
	}
	up := strings.Repeat("../", strings.Count(rel, "/"))
	line := modeline + up + path.Join(schemaDir, k.File()) + "\n"
	return os.WriteFile(p, append([]byte(line), data...), 0o644)
}

// writeVSCodeSettings maps each schema to its files for VS Code's YAML extension, and recommends
// that extension.
func writeVSCodeSettings(dir string) error {
	schemas := map[string][]string{}
	for _, k := range schema.Kinds() {
		schemas["./"+path.Join(schemaDir, k.File())] = []string{k.Glob}
	}
	files := map[string]any{
		"settings.json":   map[string]any{"yaml.schemas": schemas},
		"extensions.json": map[string]any{"recommendations": []string{"redhat.vscode-yaml"}},
	}
	vscode := filepath.Join(dir, ".vscode")
	if err := os.MkdirAll(vscode, 0o755); err != nil {
		return err
	}
	for name, v := range files {
		data, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(vscode, name), append(data, '\n'), 0o644); err != nil {
			return fmt.Errorf("vscode settings: %w", err)
		}
	}
	return nil
}
