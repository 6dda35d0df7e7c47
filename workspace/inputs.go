package workspace

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// dataFolders are the folders whose files Load lists and reads (progress/ holds one folder per
// order), and templates/ the folder of template overrides.
var dataFolders = []string{"projects", "funders", "orders", "brochures", "timesheets", "templates"}

// Inputs lists, in order, the files of the workspace in dir that a load or a render may read,
// found by listing folders without opening any file: contractor.yaml and the entries of the
// data folders, progress/<order>/ and templates/, hidden ones left out (the loader skips them).
// Entries that are not regular files are listed too; whoever reads them refuses them. The
// logos the records name are not listed: they are the keys of a loaded workspace's Images.
// A run compares the stamps of these files to tell whether anything it reads changed, so that
// no other file of the folder (nor anything a link points to outside it) is ever read.
func Inputs(dir string) ([]string, error) {
	f, err := openFiles(dir)
	if err != nil {
		return nil, err
	}
	defer f.root.Close()
	out := []string{"contractor.yaml"}
	for _, folder := range dataFolders {
		names, err := f.entries(folder)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			out = append(out, folder+"/"+name)
		}
	}
	orders, err := f.entries("progress")
	if err != nil {
		return nil, err
	}
	for _, order := range orders {
		names, err := f.entries("progress/" + order)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			out = append(out, "progress/"+order+"/"+name)
		}
	}
	slices.Sort(out)
	return out, nil
}

// entries returns the names in a folder that are not hidden; a missing folder, or a file in
// its place (which the loader reports), has none.
func (f *files) entries(dir string) ([]string, error) {
	fi, err := f.root.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, nil
	}
	names, err := f.readDirNames(dir)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(names, func(n string) bool { return strings.HasPrefix(n, ".") }), nil
}

// Folders lists the workspace's folders that hold what Load reads, progress/ included: an
// output folder must not lie in one of them.
func Folders() []string { return append(slices.Clone(dataFolders), "progress") }
