package templates

import (
	"fmt"
	"reflect"
	"strconv"
	"text/template"
	"text/template/parse"
)

// text/template has no hook that runs on every step, so Load rewrites the parse tree instead: it
// appends a guard command to the pipeline of every range, every {{template}} call and every
// action that prints. The guards are functions of the execution's meter (treeGuards), so a loop,
// a recursion or a print that exceeds a limit returns an error and the execution stops there.
// The guards' names start with an underscore, which a template cannot call: they are not in the
// function map a template is parsed with.
const (
	rangeGuard  = "_cwoRange"  // _cwoRange WEIGHT VALUE: checks and charges a range
	callGuard   = "_cwoCall"   // _cwoCall WEIGHT [VALUE]: charges a {{template}} call
	printGuard  = "_cwoPrint"  // _cwoPrint VALUE: checks and charges a printed value
	returnGuard = "_cwoReturn" // _cwoReturn: ends a template, for the depth of calls
)

// treeGuards are the guard functions for one execution. They take and return the pipeline's
// value as an interface, which keeps text/template's handling of nil and of pointers the same.
func treeGuards(m *meter) map[string]any {
	return map[string]any{
		rangeGuard: func(weight int, v any) (any, error) {
			n, err := rangeLen(reflect.ValueOf(v))
			if err != nil {
				return nil, err
			}
			return v, m.charge(satMul(n, weight))
		},
		callGuard: func(weight int, v ...any) (any, error) {
			if m.depth++; m.depth > MaxDepth {
				return nil, limitf("templates call each other more than %d deep", MaxDepth)
			}
			if len(v) == 0 {
				return nil, m.charge(weight)
			}
			return v[0], m.charge(weight)
		},
		returnGuard: func() string { m.depth--; return "" },
		printGuard: func(v any) (any, error) {
			rv, _ := indirect(reflect.ValueOf(v))
			if _, err := m.measure(rv, true); err != nil {
				return nil, err
			}
			return v, nil
		},
	}
}

// rangeLen is how many times a range over v runs, refusing more than MaxItems.
func rangeLen(v reflect.Value) (int, error) {
	v, _ = indirect(v)
	n := 0
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n = int(max(0, min(v.Int(), MaxItems+1)))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n = int(min(v.Uint(), MaxItems+1))
	case reflect.Slice, reflect.Array, reflect.Map:
		n = v.Len()
	case reflect.Chan, reflect.Func:
		return 0, fmt.Errorf("range over a %s is not supported", v.Kind())
	}
	if n > MaxItems {
		return 0, limitf("range over %d items or more (at most %d)", n, MaxItems)
	}
	return n, nil
}

// indirect follows pointers and interfaces as text/template does before it prints or ranges.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return v, true
		}
		v = v.Elem()
	}
	return v, false
}

// instrument adds the guards to every template of t. Each range is charged the weight of its
// body per iteration and each {{template}} call the weight of the template it calls, where a
// weight counts the nodes that run once each time (a nested range's body is charged by its own
// guard).
func instrument(t *template.Template) {
	weights := map[string]int{}
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			weights[tt.Name()] = weight(tt.Root)
		}
	}
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			instrumentNode(tt.Root, weights)
			tt.Root.Nodes = append(tt.Root.Nodes, returnAction(tt.Root.Position()))
		}
	}
}

// returnAction is {{_cwoReturn}}, which prints nothing: a template's last node, so that the
// depth of {{template}} calls can be counted (an error ends the whole execution, so every call
// that does not fail reaches it).
func returnAction(pos parse.Pos) *parse.ActionNode {
	cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{parse.NewIdentifier(returnGuard).SetPos(pos)}}
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos,
		Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Cmds: []*parse.CommandNode{cmd}}}
}

func instrumentNode(n parse.Node, weights map[string]int) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			instrumentNode(c, weights)
		}
	case *parse.ActionNode:
		if len(n.Pipe.Decl) == 0 {
			appendGuard(n.Pipe, printGuard)
		}
	case *parse.RangeNode:
		appendGuard(n.Pipe, rangeGuard, weight(n.List)+1)
		instrumentBranch(&n.BranchNode, weights)
	case *parse.IfNode:
		instrumentBranch(&n.BranchNode, weights)
	case *parse.WithNode:
		instrumentBranch(&n.BranchNode, weights)
	case *parse.TemplateNode:
		if n.Pipe == nil {
			n.Pipe = &parse.PipeNode{NodeType: parse.NodePipe, Pos: n.Pos, Line: n.Line}
		}
		appendGuard(n.Pipe, callGuard, weights[n.Name]+1)
	}
}

func instrumentBranch(b *parse.BranchNode, weights map[string]int) {
	instrumentNode(b.List, weights)
	instrumentNode(b.ElseList, weights)
}

// appendGuard adds the command `name [weight]` to the end of pipe, so it gets the pipeline's
// value as its last argument. Its position is the pipeline's, so an error points there.
func appendGuard(pipe *parse.PipeNode, name string, weight ...int) {
	args := []parse.Node{parse.NewIdentifier(name).SetPos(pipe.Pos)}
	for _, w := range weight {
		args = append(args, &parse.NumberNode{NodeType: parse.NodeNumber, Pos: pipe.Pos, IsInt: true,
			Int64: int64(w), Text: strconv.Itoa(w)})
	}
	pipe.Cmds = append(pipe.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pipe.Pos, Args: args})
}

// weight counts the nodes of n that run each time n runs, not those of range bodies.
func weight(n parse.Node) int {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return 0
		}
		w := 0
		for _, c := range n.Nodes {
			w += weight(c)
		}
		return w
	case *parse.ActionNode:
		return 1 + pipeWeight(n.Pipe)
	case *parse.IfNode:
		return 1 + pipeWeight(n.Pipe) + weight(n.List) + weight(n.ElseList)
	case *parse.WithNode:
		return 1 + pipeWeight(n.Pipe) + weight(n.List) + weight(n.ElseList)
	case *parse.RangeNode:
		return 1 + pipeWeight(n.Pipe) + weight(n.ElseList)
	case *parse.TemplateNode:
		return 1 + pipeWeight(n.Pipe)
	}
	return 1
}

// pipeWeight counts a pipeline's commands and arguments, parenthesised pipelines included.
func pipeWeight(p *parse.PipeNode) int {
	if p == nil {
		return 0
	}
	w := 0
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			w++
			if sub, ok := a.(*parse.PipeNode); ok {
				w += pipeWeight(sub)
			}
		}
	}
	return w
}
