package render

import (
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/markdown"
)

// checkMarkdown warns, at each Markdown value of the data, about Markdown that cwo does not
// render and would print as written (markdown.Literal).
func checkMarkdown(ws *cwo.Workspace) cwo.Diagnostics {
	var diags cwo.Diagnostics
	ws.MarkdownText(func(file string, pos cwo.Pos, text string) {
		if found := markdown.Literal(text); len(found) > 0 {
			diags.Warnf(file, pos, "%s will print as written, not formatted: cwo's Markdown is CommonMark with tables "+
				"(**bold**, *italic*, `code`, lists, tables, links); remove the markup or write it out", strings.Join(found, ", "))
		}
	})
	return diags
}
