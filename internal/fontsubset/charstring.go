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

// csRef names a charstring: subr index of set, or glyph index when set is nil.
type csRef struct {
	set   *subrSet
	index int
}

// token is where a charstring number lies: its charstring and byte range.
type token struct {
	cs       csRef
	at, size int
}

// value is an operand on the stack and the token that pushed it.
type value struct {
	v   int
	src token
}

// walker follows a Type 2 charstring and the subrs it calls, to mark the subrs it uses. It
// tracks only what decides the path through the bytes: the operand stack (integer parts) for
// subr numbers and the number of stem hints for the length of hintmask and cntrmask. It also
// hashes what it executes (trace), and can log which number token gave each subr call (calls).
type walker struct {
	global, local *subrSet
	calls         *callLog // nil: not logged
	stack         []value
	stems         int
	steps         int
	trace         uint64 // FNV-1a of the operators, their operands and mask bytes
	ended         bool   // endchar seen
	seac          bool   // endchar with accent operands (the seac form) seen
}

// walkGlyph follows the charstring of glyph g with its global and local subrs, logging subr
// calls to calls unless nil.
func walkGlyph(g int, cs []byte, global, local *subrSet, calls *callLog) (*walker, error) {
	w := &walker{global: global, local: local, calls: calls, trace: fnvOffset}
	return w, w.run(cs, csRef{index: g}, 0)
}

// run executes charstring cs, named ref, at subr nesting depth until it ends, returns or meets
// endchar.
func (w *walker) run(cs []byte, ref csRef, depth int) error {
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
			w.stack = append(w.stack, value{v, token{ref, i, n}})
			i += n
			continue
		}
		at, op := i, int(cs[i])
		i++
		if op == 12 {
			if i >= len(cs) {
				return fmt.Errorf("escaped charstring operator: %w", errShort)
			}
			op = 1200 + int(cs[i])
			i++
		}
		n, done, err := w.operator(op, token{ref, at, i - at}, depth)
		if err != nil || done {
			return err
		}
		mask, err := span(cs, i, n)
		if err != nil {
			return fmt.Errorf("hintmask: %w", err)
		}
		w.hash(mask...)
		i += n
	}
	return nil
}

// operator executes op, which lies at opTok. It returns how many mask bytes follow op, and
// whether op returns from the current charstring.
func (w *walker) operator(op int, opTok token, depth int) (skip int, ret bool, err error) {
	switch op {
	case 10:
		return 0, false, w.call(w.local, opTok, depth)
	case 29:
		return 0, false, w.call(w.global, opTok, depth)
	}
	w.hashOp(op)
	switch op {
	case 1, 3, 18, 23: // hstem, vstem, hstemhm, vstemhm
		w.stems += len(w.stack) / 2
	case 19, 20: // hintmask, cntrmask, with an implied vstem when operands are left
		w.stems += len(w.stack) / 2
		skip = (w.stems + 7) / 8
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

// call executes the subr of set whose biased number is on top of the stack; opTok is the call
// operator.
func (w *walker) call(set *subrSet, opTok token, depth int) error {
	if len(w.stack) == 0 {
		return errors.New("subr call with an empty stack")
	}
	top := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	if set == nil || top.v+set.bias < 0 || top.v+set.bias >= len(set.subrs) {
		return fmt.Errorf("call of missing subr %d", top.v)
	}
	if depth >= maxSubrDepth {
		return errors.New("subrs nested too deep")
	}
	n := top.v + set.bias
	set.used[n] = true
	w.calls.log(top.src, opTok, csRef{set, n})
	return w.run(set.subrs[n], csRef{set, n}, depth+1)
}

// FNV-1a, for walker.trace.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hash folds bytes into the trace.
func (w *walker) hash(b ...byte) {
	for _, c := range b {
		w.trace = (w.trace ^ uint64(c)) * fnvPrime
	}
}

// hashOp folds operator op and its operands into the trace.
func (w *walker) hashOp(op int) {
	w.hash(byte(op>>8), byte(op), byte(len(w.stack)>>8), byte(len(w.stack)))
	for _, v := range w.stack {
		w.hash(byte(v.v>>24), byte(v.v>>16), byte(v.v>>8), byte(v.v))
	}
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
