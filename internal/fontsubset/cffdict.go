package fontsubset

import (
	"errors"
	"fmt"
)

// DICT operators that subsetting reads or writes (escaped operators 12 x are 1200+x).
const (
	opUniqueID       = 13
	opXUID           = 14
	opCharset        = 15
	opEncoding       = 16
	opCharStrings    = 17
	opPrivate        = 18
	opSubrs          = 19
	opCharstringType = 1206
	opSyntheticBase  = 1220
	opROS            = 1230
	opCIDCount       = 1234
	opUIDBase        = 1235
	opFDArray        = 1236
	opFDSelect       = 1237
	opFontName       = 1238
)

// maxDictOperands bounds the operands of one DICT operator.
const maxDictOperands = 513

// operand is a DICT operand: an integer, or a real number whose value subsetting never needs.
type operand struct {
	v    int
	real bool
}

// dictEntry is one operator of a DICT with its operands, and its encoding (raw) to copy it.
type dictEntry struct {
	op   int
	args []operand
	raw  []byte
}

// dict is a parsed CFF DICT, in source order.
type dict []dictEntry

// parseDict parses the CFF DICT data b.
func parseDict(b []byte) (dict, error) {
	var d dict
	var args []operand
	start := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c > 21 {
			v, n, err := dictOperand(b, i)
			if err != nil {
				return nil, err
			}
			if len(args) == maxDictOperands {
				return nil, errors.New("too many DICT operands")
			}
			args = append(args, v)
			i += n
			continue
		}
		op := int(c)
		i++
		if c == 12 {
			if i >= len(b) {
				return nil, fmt.Errorf("escaped DICT operator: %w", errShort)
			}
			op = 1200 + int(b[i])
			i++
		}
		d = append(d, dictEntry{op: op, args: args, raw: b[start:i:i]})
		args, start = nil, i
	}
	if len(args) > 0 {
		return nil, errors.New("DICT ends with operands and no operator")
	}
	return d, nil
}

// dictOperand decodes the DICT operand at b[i]: its value and byte length.
func dictOperand(b []byte, i int) (operand, int, error) {
	c := int(b[i])
	switch {
	case c >= 32 && c <= 246:
		return operand{v: c - 139}, 1, nil
	case c >= 247 && c <= 254:
		c2, err := u8(b, i+1)
		if err != nil {
			return operand{}, 0, fmt.Errorf("DICT operand: %w", err)
		}
		if c <= 250 {
			return operand{v: (c-247)*256 + c2 + 108}, 2, nil
		}
		return operand{v: -(c-251)*256 - c2 - 108}, 2, nil
	case c == 28:
		v, err := u16(b, i+1)
		return operand{v: int(int16(v))}, 3, wrap("DICT operand", err)
	case c == 29:
		v, err := u32(b, i+1)
		return operand{v: int(int32(v))}, 5, wrap("DICT operand", err)
	case c == 30:
		for j := i + 1; j < len(b); j++ {
			if b[j]&0x0F == 0x0F || b[j]&0xF0 == 0xF0 {
				return operand{real: true}, j - i + 1, nil
			}
		}
		return operand{}, 0, fmt.Errorf("DICT real operand: %w", errShort)
	}
	return operand{}, 0, fmt.Errorf("reserved DICT byte %d", c)
}

// wrap adds context to a non-nil error.
func wrap(context string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", context, err)
}

// get returns the entry of op, and whether d has it.
func (d dict) get(op int) (dictEntry, bool) {
	for _, e := range d {
		if e.op == op {
			return e, true
		}
	}
	return dictEntry{}, false
}

// ints returns the n integer operands of op, each in [0, 1<<31), or an error when d lacks op or
// its operands are not that.
func (d dict) ints(op, n int) ([]int, error) {
	e, ok := d.get(op)
	if !ok {
		return nil, fmt.Errorf("no DICT operator %d", op)
	}
	if len(e.args) != n {
		return nil, fmt.Errorf("DICT operator %d has %d operands, want %d", op, len(e.args), n)
	}
	out := make([]int, n)
	for i, a := range e.args {
		if a.real || a.v < 0 {
			return nil, fmt.Errorf("DICT operator %d: operand not a non-negative integer", op)
		}
		out[i] = a.v
	}
	return out, nil
}

// appendInt5 appends v as a 5-byte DICT integer, so that a DICT's size does not depend on the
// offsets it holds.
func appendInt5(dst []byte, v int) []byte {
	return putU32(append(dst, 29), uint32(int32(v)))
}

// appendOp appends the encoding of DICT operator op.
func appendOp(dst []byte, op int) []byte {
	if op >= 1200 {
		return append(dst, 12, byte(op-1200))
	}
	return append(dst, byte(op))
}

// appendEntry appends op with integer operands vals, each as 5 bytes.
func appendEntry(dst []byte, op int, vals ...int) []byte {
	for _, v := range vals {
		dst = appendInt5(dst, v)
	}
	return appendOp(dst, op)
}
