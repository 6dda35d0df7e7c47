package fontsubset

import (
	"errors"
	"fmt"
)

// Limits of Type 2 charstring execution.
const (
	maxSubrDepth = 10      // subroutine nesting (the Type 2 limit)
	maxStack     = 513     // operands (the Type 2 limit is 48; CFF2's 513 leaves room)
	maxSteps     = 1 << 16 // numbers and operators executed for one glyph (CJK fonts: < 2,500)
	maxAllSteps  = 1 << 27 // the same for all glyphs of a subset (a whole CJK font: < 30M)
)

// errUnsupportedOp reports a charstring operator the walker does not follow (arithmetic,
// storage or reserved ones, which real fonts do not use). A subset then keeps every subr.
var errUnsupportedOp = errors.New("unsupported charstring operator")

// subrSet is a subr INDEX with the bias of its numbers and which entries a glyph called.
type subrSet struct {
	subrs [][]byte
	bias  int
	used  []bool
}

// newSubrSet returns the subrSet of a subr INDEX, nothing used yet.
func newSubrSet(subrs [][]byte) *subrSet {
	return &subrSet{subrs: subrs, bias: subrBias(len(subrs)), used: make([]bool, len(subrs))}
}

// subrBias returns the bias added to subr numbers in charstrings for an INDEX of n subrs.
func subrBias(n int) int {
	switch {
	case n < 1240:
		return 107
	case n < 33900:
		return 1131
	}
	return 32768
}

// walker follows a Type 2 charstring and the subrs it calls, to mark the subrs it uses. It
// tracks only what decides the path through the bytes: the operand stack (integer parts) for
// subr numbers and the number of stem hints for the length of hintmask and cntrmask.
type walker struct {
	global, local *subrSet
	stack         []int
	stems         int
	steps         int
	ended         bool // endchar seen
	seac          bool // endchar with accent operands (the seac form) seen
}

// walkGlyph follows charstring cs of one glyph with its global and local subrs. It returns
// whether the glyph uses seac, and how many numbers and operators it executed.
func walkGlyph(cs []byte, global, local *subrSet) (seac bool, steps int, err error) {
	w := walker{global: global, local: local}
	err = w.run(cs, 0)
	return w.seac, w.steps, err
}

// run executes charstring cs at subr nesting depth until it ends, returns or meets endchar.
func (w *walker) run(cs []byte, depth int) error {
	for i := 0; i < len(cs) && !w.ended; {
		if w.steps++; w.steps > maxSteps {
			return errors.New("charstring runs too long")
		}
		if c := cs[i]; c == 28 || c >= 32 {
			v, n, err := t2Number(cs, i)
			if err != nil {
				return err
			}
			if len(w.stack) == maxStack {
				return errors.New("charstring operand stack overflow")
			}
			w.stack = append(w.stack, v)
			i += n
			continue
		}
		op := int(cs[i])
		i++
		if op == 12 {
			if i >= len(cs) {
				return fmt.Errorf("escaped charstring operator: %w", errShort)
			}
			op = 1200 + int(cs[i])
			i++
		}
		n, done, err := w.operator(op, depth)
		if err != nil || done {
			return err
		}
		if i += n; i > len(cs) {
			return fmt.Errorf("hintmask: %w", errShort)
		}
	}
	return nil
}

// operator executes op. It returns how many mask bytes follow op, and whether op returns from
// the current charstring.
func (w *walker) operator(op, depth int) (skip int, ret bool, err error) {
	switch op {
	case 1, 3, 18, 23: // hstem, vstem, hstemhm, vstemhm
		w.stems += len(w.stack) / 2
	case 19, 20: // hintmask, cntrmask, with an implied vstem when operands are left
		w.stems += len(w.stack) / 2
		skip = (w.stems + 7) / 8
	case 10:
		return 0, false, w.call(w.local, depth)
	case 29:
		return 0, false, w.call(w.global, depth)
	case 11: // return
		return 0, true, nil
	case 14: // endchar
		w.seac = w.seac || len(w.stack) >= 4
		w.ended = true
		return 0, true, nil
	case 4, 5, 6, 7, 8, 21, 22, 24, 25, 26, 27, 30, 31, // path operators
		1200, 1234, 1235, 1236, 1237: // dotsection and the flexes
	default:
		return 0, false, fmt.Errorf("%w %d", errUnsupportedOp, op)
	}
	w.stack = w.stack[:0]
	return skip, false, nil
}

// call executes the subr of set whose biased number is on top of the stack.
func (w *walker) call(set *subrSet, depth int) error {
	if len(w.stack) == 0 {
		return errors.New("subr call with an empty stack")
	}
	n := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	if set == nil || n+set.bias < 0 || n+set.bias >= len(set.subrs) {
		return fmt.Errorf("call of missing subr %d", n)
	}
	if depth >= maxSubrDepth {
		return errors.New("subrs nested too deep")
	}
	n += set.bias
	set.used[n] = true
	return w.run(set.subrs[n], depth+1)
}

// t2Number decodes the Type 2 charstring number at cs[i]: its integer part and byte length.
func t2Number(cs []byte, i int) (int, int, error) {
	c := int(cs[i])
	switch {
	case c == 28:
		v, err := u16(cs, i+1)
		return int(int16(v)), 3, wrap("charstring number", err)
	case c <= 246:
		return c - 139, 1, nil
	case c == 255:
		v, err := u32(cs, i+1)
		return int(int32(v) >> 16), 5, wrap("charstring number", err)
	}
	c2, err := u8(cs, i+1)
	if err != nil {
		return 0, 0, fmt.Errorf("charstring number: %w", err)
	}
	if c <= 250 {
		return (c-247)*256 + c2 + 108, 2, nil
	}
	return -(c-251)*256 - c2 - 108, 2, nil
}
