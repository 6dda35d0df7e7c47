package templates

import (
	"fmt"
	"strconv"
	"text/template"
	"text/template/parse"
)

// maxRangeCount bounds `range N` over a number written in the template, so a template cannot
// loop for hours without writing anything.
const maxRangeCount = 100000

// checkRanges walks every parsed template and rejects ranges over large number literals.
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

// checkRangeCount rejects `range N` where N is a number literal above maxRangeCount.
func checkRangeCount(tree *parse.Tree, r *parse.RangeNode) error {
	if r.Pipe == nil || len(r.Pipe.Cmds) != 1 || len(r.Pipe.Cmds[0].Args) != 1 {
		return nil
	}
	num, ok := r.Pipe.Cmds[0].Args[0].(*parse.NumberNode)
	if !ok || (num.IsInt && num.Int64 <= maxRangeCount) || (num.IsUint && num.Uint64 <= maxRangeCount) {
		return nil
	}
	if !num.IsInt && !num.IsUint {
		return nil
	}
	loc, _ := tree.ErrorContext(num)
	return fmt.Errorf("template: %s: range over %s is too large (at most %s)", loc, num.Text, strconv.Itoa(maxRangeCount))
}
