package cwo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// jsonErrorPos finds the line and column of a JSON decoding error.
func jsonErrorPos(data []byte, err error) Pos {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return offsetPos(data, max(se.Offset-1, 0))
	case errors.As(err, &te):
		return offsetPos(data, tokenStart(data, te.Offset))
	}
	return Pos{Line: 1, Col: 1}
}

func jsonErrorText(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Sprintf("field %s: expected %s, got %s", te.Field, jsonKind(te.Type.Kind().String()), te.Value)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

func jsonKind(k string) string {
	switch k {
	case "int", "int64", "float64":
		return "number"
	case "ptr", "string":
		return "string"
	}
	return k
}

// tokenStart walks back from the end of a JSON value (a string or a literal) to its first byte.
func tokenStart(data []byte, end int64) int64 {
	i := min(end, int64(len(data))) - 1
	if i >= 0 && data[i] == '"' {
		for i--; i >= 0 && (data[i] != '"' || (i > 0 && data[i-1] == '\\')); i-- {
		}
		return max(i, 0)
	}
	for i >= 0 && strings.IndexByte("0123456789.+-eEtruefalsn", data[i]) >= 0 {
		i--
	}
	return i + 1
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
