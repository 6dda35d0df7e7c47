package workspace

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"maps"
	"slices"

	"github.com/cwo-tool/cwo"
)

// scanTimesheetFor is scanTimesheet limited to the rows of some orders. For cwo's own CSV in
// UTF-8, it splits the file into raw records without parsing them and parses only records that
// mention one of the orders' IDs, which is much faster than parsing every row. It assumes a
// well-formed file (LoadOrders is only used on timesheets that a full load found valid); a
// record it cannot parse is reported and skipped. Any other file, whose rows name the orders
// through cwo.yaml's tables or in another encoding, is read whole.
func scanTimesheetFor(fsys *files, rel string, fileNo uint16, set *timeSettings, orders map[string]bool) *fileScan {
	s, text := openScan(fsys, rel, set.encoding(rel))
	if text == nil {
		return s
	}
	defer text.fh.Close()
	if set.ruleFor(rel) != nil || s.file.enc != textUTF8 {
		s.scanText(text, set, fileNo, orders)
		return s
	}
	columns := set.columns
	ids := make([][]byte, 0, len(orders))
	for _, id := range slices.Sorted(maps.Keys(orders)) {
		ids = append(ids, []byte(id))
	}
	var cols *columnIndex
	err := rawRecords(text.reader(), func(rec []byte, off int64, line int) {
		if blankLine(rec) {
			return
		}
		if cols == nil {
			cols = s.header(rec, columns)
			return
		}
		if cols.order < 0 || !mentionsAny(rec, ids) {
			return
		}
		s.scopedRow(rec, cols, rowRef{off: uint32(off), n: uint32(len(rec)), line: uint32(line), file: fileNo}, orders)
	})
	var tooLong tooLongError
	switch {
	case errors.As(err, &tooLong):
		s.diags.Errorf(rel, cwo.Pos{Line: tooLong.line}, "%v", errRecordTooLong)
	case err != nil:
		s.diags.Errorf(rel, cwo.Pos{}, "%v", err)
	}
	return s
}

// header reads the header record: nil when rec holds no record (carriage returns only), a
// column index with no order column when the header is unusable.
func (s *fileScan) header(rec []byte, columns map[string]string) *columnIndex {
	fields, err := csv.NewReader(bytes.NewReader(rec)).Read()
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		s.diags.Errorf(s.file.rel, cwo.Pos{Line: 1}, "cannot read the header row: %v", csvErrText(err))
		return &columnIndex{order: -1}
	}
	cols, ok := headerIndex(fields, columns, s.file.rel, &s.diags)
	if !ok {
		return &columnIndex{order: -1}
	}
	s.file.cols = *cols
	return cols
}

// scopedRow parses one record and adds it when it belongs to one of the orders.
func (s *fileScan) scopedRow(rec []byte, cols *columnIndex, ref rowRef, orders map[string]bool) {
	cr := csv.NewReader(bytes.NewReader(rec))
	cr.FieldsPerRecord = -1
	fields, err := cr.Read()
	if err != nil {
		s.diags.Errorf(s.file.rel, cwo.Pos{Line: int(ref.line)}, "%s", csvErrText(err))
		return
	}
	if !orders[field(fields, cols.order)] {
		return
	}
	if e, ok := parseEntry(fields, cols, s.file.rel, int(ref.line), &s.diags); ok {
		s.add(e, fields, ref)
	}
}

// blankLine reports whether rec is an empty line, which encoding/csv skips.
func blankLine(rec []byte) bool {
	s := string(rec)
	return s == "" || s == "\n" || s == "\r\n"
}

func mentionsAny(rec []byte, ids [][]byte) bool {
	for _, id := range ids {
		if bytes.Contains(rec, id) {
			return true
		}
	}
	return false
}

// rawRecords calls fn with each CSV record of r as raw bytes, with its byte offset and first
// line. A record ends at a newline outside quotes (an even number of '"' so far, as "" escapes
// one); rec is only valid during the call. A record longer than maxRecordBytes stops the
// reading with a tooLongError.
func rawRecords(r io.Reader, fn func(rec []byte, off int64, line int)) error {
	return rawRecordsLimit(r, maxRecordBytes, fn)
}

// rawRecordsLimit is rawRecords with records limited to limit bytes.
func rawRecordsLimit(r io.Reader, limit int, fn func(rec []byte, off int64, line int)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var pending []byte // a record spanning lines or buffers
	var off int64
	line, quotes := 1, 0
	for {
		chunk, err := br.ReadSlice('\n')
		quotes += bytes.Count(chunk, []byte{'"'})
		if len(pending)+len(chunk) > limit {
			return tooLongError{line: line}
		}
		if errors.Is(err, bufio.ErrBufferFull) || (err == nil && quotes%2 == 1) {
			pending = append(pending, chunk...)
			continue
		}
		rec := chunk
		if len(pending) > 0 {
			pending = append(pending, chunk...)
			rec = pending
		}
		if len(rec) > 0 {
			fn(rec, off, line)
		}
		off += int64(len(rec))
		line += bytes.Count(rec, []byte{'\n'})
		pending, quotes = pending[:0], 0
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
