package cwo

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
)

// jsonErrorPos finds the line and column of a JSON decoding error.
func jsonErrorPos(data []byte, err error) Pos {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return offsetPos(data, se.Offset)
	case errors.As(err, &te):
		return offsetPos(data, te.Offset)
	}
	return Pos{Line: 1, Col: 1}
}

func jsonErrorText(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

// offsetPos converts a byte offset into a 1-based line and column (in runes).
func offsetPos(data []byte, off int64) Pos {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return Pos{Line: line, Col: len([]rune(string(before[start:]))) + 1}
}

// jsonElementPos returns the position of the i-th element of the top-level JSON array.
func jsonElementPos(data []byte, i int) Pos {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return Pos{Line: 1, Col: 1}
	}
	for n := 0; dec.More(); n++ {
		off := dec.InputOffset()
		if n == i {
			rest := data[off:]
			skip := len(rest) - len(bytes.TrimLeft(rest, " \t\r\n,"))
			return offsetPos(data, off+int64(skip))
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return Pos{Line: 1, Col: 1}
}
