package serve

import (
	"context"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher watches a folder tree for changes, adding folders as they appear.
type watcher struct {
	root string
	skip func(rel string) bool
	fs   *fsnotify.Watcher
}

// newWatcher watches root and every folder below it that skip does not exclude. skip gets paths
// relative to root.
func newWatcher(root string, skip func(rel string) bool) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, skip: skip, fs: fw}
	if err := w.addTree(root); err != nil {
		fw.Close()
		return nil, err
	}
	return w, nil
}

// Close stops watching.
func (w *watcher) Close() error { return w.fs.Close() }

// addTree watches dir and the folders below it.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // a folder removed while walking
		}
		if !d.IsDir() {
			return nil
		}
		if p != w.root && w.skip(w.rel(p)) {
			return filepath.SkipDir
		}
		return w.fs.Add(p)
	})
}

func (w *watcher) rel(p string) string {
	r, err := filepath.Rel(w.root, p)
	if err != nil {
		return p
	}
	return r
}

// Changes returns a channel that receives a value after each burst of changes, once the tree has
// been quiet for debounce. A burst during a slow receiver is folded into one pending value. The
// channel is never closed; watching stops when ctx is cancelled or the watcher is closed.
func (w *watcher) Changes(ctx context.Context, debounce time.Duration) <-chan struct{} {
	out := make(chan struct{}, 1)
	go w.loop(ctx, debounce, out)
	return out
}

func (w *watcher) loop(ctx context.Context, debounce time.Duration, out chan<- struct{}) {
	quiet := time.NewTimer(debounce)
	quiet.Stop()
	defer quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if w.relevant(ev) {
				quiet.Reset(debounce)
			}
		case _, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			quiet.Reset(debounce) // events may have been lost: rebuild to be safe
		case <-quiet.C:
			select {
			case out <- struct{}{}:
			default:
			}
		}
	}
}

// relevant reports whether an event can change the preview, and watches new folders.
func (w *watcher) relevant(ev fsnotify.Event) bool {
	if ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write) {
		return false
	}
	if w.skip(w.rel(ev.Name)) {
		return false
	}
	if ev.Has(fsnotify.Create) {
		w.addTree(ev.Name) // a new folder: watch it and what it holds; a file: nothing to add
	}
	return true
}
