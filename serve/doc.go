// Package serve is cwo's live preview: an HTTP server on loopback that shows a workspace's orders,
// reports and brochures with every validation problem, and a file watcher that re-renders the
// workspace incrementally into a private folder and reloads the page whenever a file changes.
//
// It is the only package that uses fsnotify. Its page is one server-rendered HTML document with
// embedded CSS and a few lines of script that reload it through server-sent events; it works
// without JavaScript apart from the reload. It serves nothing but that page and the files the
// last good build rendered, and refuses requests whose Host header names another host, so a web
// page elsewhere cannot read the preview through DNS rebinding.
package serve
