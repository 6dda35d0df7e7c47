package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Literal names the Markdown of src that cwo does not render and prints as written: GitHub's
// strikethrough (~~text~~), task lists (- [ ] item), footnotes ([^1]) and raw HTML (<b>), in
// that order, each once. cwo.Validate's callers warn about them before a render.
func Literal(src string) []string {
	if src == "" {
		return nil
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote))
	root := md.Parser().Parse(text.NewReader([]byte(src)))
	found := map[string]bool{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *extast.Strikethrough:
			found[literalStrike] = true
		case *extast.TaskCheckBox:
			found[literalTask] = true
		case *extast.FootnoteLink, *extast.Footnote, *extast.FootnoteList:
			found[literalFootnote] = true
		case *ast.RawHTML, *ast.HTMLBlock:
			found[literalHTML] = true
		}
		return ast.WalkContinue, nil
	})
	var out []string
	for _, k := range []string{literalStrike, literalTask, literalFootnote, literalHTML} {
		if found[k] {
			out = append(out, k)
		}
	}
	return out
}

// What Literal finds.
const (
	literalStrike   = "strikethrough (~~text~~)"
	literalTask     = "a task list (- [ ] or - [x])"
	literalFootnote = "a footnote ([^1])"
	literalHTML     = "raw HTML"
)
