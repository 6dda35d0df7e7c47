package workspace

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/par"
	"github.com/cwo-tool/cwo/workspace/internal/strict"
)

// loader reads one workspace folder, collecting every problem instead of stopping at the first.
type loader struct {
	fsys  *files
	ws    *cwo.Workspace
	diags cwo.Diagnostics
	only  map[string]bool // when set, the only orders read (with their progress and time)
}

// Load reads the workspace in dir with the given settings. It returns the workspace (as complete
// as the files allow) and every problem found while reading; call cwo.Validate for the rules
// that relate records to each other. Load never writes anything.
func Load(dir string, s cwo.Settings) (*cwo.Workspace, cwo.Diagnostics) {
	return load(dir, s, nil)
}

// LoadOrders is Load limited to the given orders: it reads every other kind of record but only
// these orders, their progress files and their timesheet rows. The workspace it returns is
// partial: rules that involve other orders (and AsOf, which looks at every order) cannot be
// checked on it. cwo render uses it to re-render the orders whose files alone changed since a
// run that found the whole workspace valid.
func LoadOrders(dir string, s cwo.Settings, orders []string) (*cwo.Workspace, cwo.Diagnostics) {
	only := map[string]bool{}
	for _, id := range orders {
		only[id] = true
	}
	return load(dir, s, only)
}

func load(dir string, s cwo.Settings, only map[string]bool) (*cwo.Workspace, cwo.Diagnostics) {
	l := &loader{ws: &cwo.Workspace{Dir: dir, Settings: s, PRs: map[string][]cwo.Contribution{}}, only: only}
	fi, err := os.Stat(dir)
	if err == nil && !fi.IsDir() {
		err = fmt.Errorf("not a directory")
	}
	if err == nil {
		l.fsys, err = openFiles(dir)
	}
	if err != nil {
		l.diags.Errorf(dir, cwo.Pos{}, "not a workspace folder: %v", err)
		return l.ws, l.diags
	}
	if !isWorkspace(dir) {
		l.diags.Errorf(dir, cwo.Pos{}, "not a cwo workspace: it has no contractor.yaml and no orders/ folder "+
			"(run cwo in the folder that has them, or make one with: cwo init %s)", dir)
		return l.ws, l.diags
	}
	l.loadContractor()
	var wg sync.WaitGroup
	ts := &loader{fsys: l.fsys, ws: l.ws, only: l.only} // reads timesheets alongside the data files
	wg.Go(ts.loadTimesheets)
	l.loadRecords()
	l.loadProgress()
	l.loadImages()
	wg.Wait()
	l.diags = append(l.diags, ts.diags...)
	return l.ws, l.diags.Sort()
}

func (l *loader) loadContractor() {
	const name = "contractor.yaml"
	data, ok := l.read(name)
	if !ok {
		return
	}
	c := &cwo.Contractor{}
	c.Src = l.decode(name, data, c)
	l.checkID(name, c.Src, c.ID, "")
	l.ws.Contractor = c
}

// loadRecords reads projects/, funders/, orders/ and brochures/.
func (l *loader) loadRecords() {
	all := func(string) bool { return true }
	l.ws.Projects = loadAll(l, "projects", all, func(p *cwo.Project) (*string, *cwo.Source) { return &p.ID, &p.Src })
	l.ws.Funders = loadAll(l, "funders", all, func(f *cwo.Funder) (*string, *cwo.Source) { return &f.ID, &f.Src })
	l.ws.Orders = loadAll(l, "orders", l.wantsOrder, func(o *cwo.WorkOrder) (*string, *cwo.Source) { return &o.ID, &o.Src })
	l.ws.Brochures = loadAll(l, "brochures", all, func(b *cwo.Brochure) (*string, *cwo.Source) { return &b.ID, &b.Src })
}

// wantsOrder reports whether the loader reads the order with the given ID.
func (l *loader) wantsOrder(id string) bool { return l.only == nil || l.only[id] }

// loadAll decodes every dir/*.yaml whose ID is wanted into a record of type T, in file-name
// order. origin returns where a record keeps its ID (which comes from the file name) and source.
func loadAll[T any](l *loader, dir string, want func(id string) bool, origin func(*T) (id *string, src *cwo.Source)) []*T {
	rels := slices.DeleteFunc(l.yamlFiles(dir), func(rel string) bool { return !want(idOf(rel)) })
	out := make([]*T, len(rels))
	subs := l.split(len(rels), func(sub *loader, i int) {
		r := new(T)
		id, src := origin(r)
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
func (l *loader) decode(rel string, data []byte, v any) cwo.Source {
	if data == nil {
		return cwo.Source{File: rel}
	}
	src, diags := strict.Decode(rel, data, v)
	l.diags = append(l.diags, diags...)
	return src
}

// checkID checks the ID written in the file against the file name and returns the record's ID.
func (l *loader) checkID(rel string, src cwo.Source, written, fromName string) string {
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
			l.diags.Errorf(rel, cwo.Pos{}, "data files end in .yaml; rename to %s", strings.TrimSuffix(name, ".yml")+".yaml")
		case !strings.HasSuffix(name, ".yaml"):
			l.diags.Warnf(rel, cwo.Pos{}, "ignored: only .yaml files are read in %s/", dir)
		case !cwo.ValidID(strings.TrimSuffix(name, ".yaml")):
			l.diags.Errorf(rel, cwo.Pos{}, "file name %q is not a valid ID (letters, digits, '.', '_', '-'; starting with a letter or digit)", name)
		default:
			out = append(out, rel)
		}
	}
	return out
}

func idOf(rel string) string { return strings.TrimSuffix(path.Base(rel), ".yaml") }

// read reads a workspace file, reporting a missing or unreadable one.
func (l *loader) read(rel string) ([]byte, bool) {
	data, err := l.fsys.read(rel)
	if err != nil {
		l.diags.Errorf(rel, cwo.Pos{}, "%v", err)
		return nil, false
	}
	return data, true
}

func (l *loader) mustRead(rel string) []byte {
	data, _ := l.read(rel)
	return data
}

// isWorkspace reports whether dir looks like a workspace: it has contractor.yaml or orders/. A
// folder with neither gets one message instead of one per missing file.
func isWorkspace(dir string) bool {
	for _, name := range []string{"contractor.yaml", "orders"} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}
