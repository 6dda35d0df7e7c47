package cwo

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/cwo-tool/cwo/internal/par"
)

// IDPattern is what every record ID must match, so that no ID can escape the output folder.
var IDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// maxIDLength keeps IDs usable as file names.
const maxIDLength = 100

// loader reads one workspace folder, collecting every problem instead of stopping at the first.
type loader struct {
	fsys  *files
	ws    *Workspace
	diags Diagnostics
	only  map[string]bool // when set, the only orders read (with their progress and time)
}

// Load reads the workspace in dir with the given settings. It returns the workspace (as complete
// as the files allow) and every problem found while reading; call Validate for the rules that
// relate records to each other. Load never writes anything.
func Load(dir string, s Settings) (*Workspace, Diagnostics) {
	return load(dir, s, nil)
}

// LoadOrders is Load limited to the given orders: it reads every other kind of record but only
// these orders, their progress files and their timesheet rows. The workspace it returns is
// partial: rules that involve other orders (and AsOf, which looks at every order) cannot be
// checked on it. cwo render uses it to re-render the orders whose files alone changed since a
// run that found the whole workspace valid.
func LoadOrders(dir string, s Settings, orders []string) (*Workspace, Diagnostics) {
	only := map[string]bool{}
	for _, id := range orders {
		only[id] = true
	}
	return load(dir, s, only)
}

func load(dir string, s Settings, only map[string]bool) (*Workspace, Diagnostics) {
	l := &loader{fsys: &files{root: dir}, ws: &Workspace{Dir: dir, Settings: s, PRs: map[string][]Contribution{}}, only: only}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		l.diags.Errorf(dir, Pos{}, "not a workspace folder: %v", errOrNotDir(err))
		return l.ws, l.diags
	}
	l.loadContractor()
	var wg sync.WaitGroup
	ts := &loader{fsys: l.fsys, ws: l.ws, only: l.only} // reads timesheets alongside the data files
	wg.Go(ts.loadTimesheets)
	l.loadRecords()
	l.loadProgress()
	wg.Wait()
	l.diags = append(l.diags, ts.diags...)
	return l.ws, l.diags.Sort()
}

func errOrNotDir(err error) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("not a directory")
}

func (l *loader) loadContractor() {
	const name = "contractor.yaml"
	data, ok := l.read(name)
	if !ok {
		return
	}
	c := &Contractor{}
	c.Src = l.decode(name, data, c)
	l.checkID(name, c.Src, c.ID, "")
	l.ws.Contractor = c
}

// loadRecords reads projects/, funders/, orders/ and brochures/.
func (l *loader) loadRecords() {
	all := func(string) bool { return true }
	l.ws.Projects = loadAll[Project](l, "projects", all)
	l.ws.Funders = loadAll[Funder](l, "funders", all)
	l.ws.Orders = loadAll[WorkOrder](l, "orders", l.wantsOrder)
	l.ws.Brochures = loadAll[Brochure](l, "brochures", all)
}

// record is a data file whose ID comes from its file name.
type record interface {
	origin() (writtenID *string, src *Source)
}

func (p *Project) origin() (*string, *Source)   { return &p.ID, &p.Src }
func (f *Funder) origin() (*string, *Source)    { return &f.ID, &f.Src }
func (o *WorkOrder) origin() (*string, *Source) { return &o.ID, &o.Src }
func (b *Brochure) origin() (*string, *Source)  { return &b.ID, &b.Src }

// wantsOrder reports whether the loader reads the order with the given ID.
func (l *loader) wantsOrder(id string) bool { return l.only == nil || l.only[id] }

// loadAll decodes every dir/*.yaml whose ID is wanted into a record of type T, in file-name order.
func loadAll[T any, P interface {
	*T
	record
}](l *loader, dir string, want func(id string) bool) []P {
	rels := slices.DeleteFunc(l.yamlFiles(dir), func(rel string) bool { return !want(idOf(rel)) })
	out := make([]P, len(rels))
	subs := l.split(len(rels), func(sub *loader, i int) {
		r := P(new(T))
		id, src := r.origin()
		*src = sub.decode(rels[i], sub.mustRead(rels[i]), r)
		*id = sub.checkID(rels[i], *src, *id, idOf(rels[i]))
		out[i] = r
	})
	l.join(subs)
	return out
}

// split runs fn for every i in [0, n) in parallel, each with a loader of its own that collects
// its problems; fn must only write to what belongs to its i. Join the loaders' problems, in
// order, with join.
func (l *loader) split(n int, fn func(sub *loader, i int)) []*loader {
	subs := make([]*loader, n)
	par.Each(n, func(i int) {
		subs[i] = &loader{fsys: l.fsys, ws: l.ws}
		fn(subs[i], i)
	})
	return subs
}

// join adds the problems of split's loaders, in order.
func (l *loader) join(subs []*loader) {
	for _, s := range subs {
		l.diags = append(l.diags, s.diags...)
	}
}

// decode decodes data strictly into v and keeps its problems.
func (l *loader) decode(rel string, data []byte, v any) Source {
	if data == nil {
		return Source{File: rel}
	}
	src, diags := decodeStrict(rel, data, v)
	l.diags = append(l.diags, diags...)
	return src
}

// checkID checks the ID written in the file against the file name and returns the record's ID.
func (l *loader) checkID(rel string, src Source, written, fromName string) string {
	if written != "" && fromName != "" && written != fromName {
		l.diags.Errorf(rel, src.At("id"), "id %q does not match the file name (expected %q)", written, fromName)
	}
	return fromName
}

// yamlFiles lists dir/*.yaml in name order, reporting files with bad names or extensions.
func (l *loader) yamlFiles(dir string) []string {
	var out []string
	for _, name := range l.fsys.list(dir, &l.diags) {
		rel := dir + "/" + name
		switch {
		case strings.HasPrefix(name, "."):
			continue
		case strings.HasSuffix(name, ".yml"):
			l.diags.Errorf(rel, Pos{}, "data files end in .yaml; rename to %s", strings.TrimSuffix(name, ".yml")+".yaml")
		case !strings.HasSuffix(name, ".yaml"):
			l.diags.Warnf(rel, Pos{}, "ignored: only .yaml files are read in %s/", dir)
		case !validID(strings.TrimSuffix(name, ".yaml")):
			l.diags.Errorf(rel, Pos{}, "file name %q is not a valid ID (letters, digits, '.', '_', '-'; starting with a letter or digit)", name)
		default:
			out = append(out, rel)
		}
	}
	return out
}

func validID(id string) bool { return len(id) <= maxIDLength && IDPattern.MatchString(id) }

func idOf(rel string) string { return strings.TrimSuffix(filepath.Base(rel), ".yaml") }

// read reads a workspace file, reporting a missing or unreadable one.
func (l *loader) read(rel string) ([]byte, bool) {
	data, err := l.fsys.read(rel)
	if err != nil {
		l.diags.Errorf(rel, Pos{}, "%v", err)
		return nil, false
	}
	return data, true
}

func (l *loader) mustRead(rel string) []byte {
	data, _ := l.read(rel)
	return data
}

// files reads inside one root folder and refuses anything that resolves outside it.
type files struct {
	root     string
	realOnce sync.Once
	real     string // root with symlinks resolved
	realErr  error
}

// maxFileBytes bounds any single input file (timesheets are streamed separately).
const maxFileBytes = maxYAMLBytes

func (f *files) open(rel string) (*os.File, os.FileInfo, error) {
	full := filepath.Join(f.root, filepath.FromSlash(rel))
	if err := f.inside(full); err != nil {
		return nil, nil, err
	}
	fh, err := os.Open(full)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot open: %w", unwrapPath(err))
	}
	fi, err := fh.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		fh.Close()
		return nil, nil, fmt.Errorf("not a regular file")
	}
	return fh, fi, nil
}

func (f *files) read(rel string) ([]byte, error) {
	fh, fi, err := f.open(rel)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if fi.Size() > maxFileBytes {
		return nil, fmt.Errorf("file is %d bytes; data files are limited to %d bytes", fi.Size(), maxFileBytes)
	}
	return io.ReadAll(io.LimitReader(fh, maxFileBytes+1))
}

// inside reports an error when full resolves (through symlinks) outside the root.
func (f *files) inside(full string) error {
	f.realOnce.Do(func() { f.real, f.realErr = filepath.EvalSymlinks(f.root) })
	root, err := f.real, f.realErr
	if err != nil {
		return err
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return fmt.Errorf("cannot open: %w", unwrapPath(err))
	}
	if r, err := filepath.Rel(root, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return fmt.Errorf("refusing to read outside the workspace (the path resolves to %s)", real)
	}
	return nil
}

// list returns the entry names of a workspace folder in order; a missing folder is empty.
func (f *files) list(dir string, diags *Diagnostics) []string {
	entries, err := os.ReadDir(filepath.Join(f.root, dir))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		diags.Errorf(dir, Pos{}, "cannot read folder: %v", unwrapPath(err))
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// ReadAsset reads a file of the workspace (a logo), refusing paths that resolve outside it.
func ReadAsset(dir, rel string) ([]byte, error) {
	return (&files{root: dir}).read(rel)
}
