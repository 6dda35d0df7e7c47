package templates

import (
	"fmt"
	"strconv"
	"text/template"
	"text/template/parse"
)

// checkRanges walks every parsed template and rejects ranges over number literals above
// MaxItems, parenthesised ones included, so that such a template fails when it loads, once,
// rather than for every order. A range over a variable or a function's result is checked when it
// runs (see rangeGuard).
func checkRanges(t *template.Template) error {
	for _, tt := range t.Templates() {
		if tt.Tree == nil {
			continue
		}
		if err := walkRanges(tt.Tree, tt.Tree.Root); err != nil {
			return err
		}
	}
	return nil
}

func walkRanges(tree *parse.Tree, n parse.Node) error {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		for _, c := range n.Nodes {
			if err := walkRanges(tree, c); err != nil {
				return err
			}
		}
	case *parse.RangeNode:
		if err := checkRangeCount(tree, n); err != nil {
			return err
		}
		return walkBranch(tree, &n.BranchNode)
	case *parse.IfNode:
		return walkBranch(tree, &n.BranchNode)
	case *parse.WithNode:
		return walkBranch(tree, &n.BranchNode)
	}
	return nil
}

func walkBranch(tree *parse.Tree, b *parse.BranchNode) error {
	if err := walkRanges(tree, b.List); err != nil {
		return err
	}
	return walkRanges(tree, b.ElseList)
}

// checkRangeCount rejects `range N` and `range (N)` where N is a number literal above MaxItems.
func checkRangeCount(tree *parse.Tree, r *parse.RangeNode) error {
	num, ok := literal(r.Pipe)
	if !ok || (num.IsInt && num.Int64 <= MaxItems) || (num.IsUint && num.Uint64 <= MaxItems) {
		return nil
	}
	if !num.IsInt && !num.IsUint {
		return nil
	}
	loc, _ := tree.ErrorContext(num)
	return fmt.Errorf("template: %s: range over %s is too large (at most %s)", loc, num.Text, strconv.Itoa(MaxItems))
}

// literal returns the number a pipeline is, through any parentheses: N, (N), ((N)).
func literal(p *parse.PipeNode) (*parse.NumberNode, bool) {
	for p != nil && len(p.Cmds) == 1 && len(p.Cmds[0].Args) == 1 {
		switch a := p.Cmds[0].Args[0].(type) {
		case *parse.NumberNode:
			return a, true
		case *parse.PipeNode:
			p = a
		default:
			return nil, false
		}
	}
	return nil, false
}
