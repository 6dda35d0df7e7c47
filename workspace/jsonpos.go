package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
)

// jsonErrorOffset finds the byte offset of a JSON decoding error in data (0 when the error
// says none).
func jsonErrorOffset(data []byte, err error) int64 {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return max(se.Offset-1, 0)
	case errors.As(err, &te):
		return tokenStart(data, te.Offset)
	}
	return 0
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
func offsetPos(data []byte, off int64) cwo.Pos {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return cwo.Pos{Line: line, Col: len([]rune(string(before[start:]))) + 1}
}

// lineCounter turns increasing byte offsets into positions without rescanning from the start.
type lineCounter struct {
	data      []byte
	off       int64 // offsets before this one are counted
	line      int
	lineStart int64
}

func (c *lineCounter) pos(off int64) cwo.Pos {
	off = min(off, int64(len(c.data)))
	for ; c.off < off; c.off++ {
		if c.data[c.off] == '\n' {
			c.line++
			c.lineStart = c.off + 1
		}
	}
	return cwo.Pos{Line: c.line, Col: len([]rune(string(c.data[c.lineStart:off]))) + 1}
}
