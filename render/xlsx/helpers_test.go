package xlsx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/render/xlsx"
	loader "github.com/cwo-tool/cwo/workspace"
	"github.com/xuri/excelize/v2"
)

// baseWorkspace is the small shared test workspace: O-1 is fixed-price, O-2 hourly.
const baseWorkspace = "../../testdata/base"

// workspace copies the base workspace to a temporary folder and adds or replaces files, given as
// workspace-relative path → content.
func workspace(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(baseWorkspace)); err != nil {
		t.Fatal(err)
	}
	for rel, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// report loads the workspace in dir and computes the report of order for period, failing on
// any load error.
func report(t testing.TB, dir string, settings cwo.Settings, order, period string) *cwo.Report {
	t.Helper()
	ws, diags := loader.Load(dir, settings)
	for _, d := range diags {
		if d.Severity == cwo.Error {
			t.Fatalf("load %s: %s", dir, d)
		}
	}
	o := ws.Order(order)
	if o == nil {
		t.Fatalf("no order %s in %s", order, dir)
	}
	p, err := cwo.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	return ws.NewReport(o, p)
}

// render writes the report's workbook and returns its bytes.
func render(t testing.TB, r *cwo.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Report(&buf, r); err != nil {
		t.Fatalf("Report: %v", err)
	}
	return buf.Bytes()
}

// save writes data to name in a temporary folder and returns the path.
func save(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// open reads a workbook back with excelize.
func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot read the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// parts returns the workbook's zip parts by name, in archive order.
func parts(t testing.TB, data []byte) ([]string, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	content := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
		names = append(names, f.Name)
		content[f.Name] = b.String()
	}
	return names, content
}

// cellInfo is what a reader sees in one cell.
type cellInfo struct {
	Sheet, Ref, Type, Raw, Shown, Formula, Format, Link string
	Rich                                                string // the runs of rich text, "" for plain text
}

// cells reads every non-empty cell of every sheet, in sheet, row and column order.
func cells(t testing.TB, f *excelize.File) []cellInfo {
	t.Helper()
	var out []cellInfo
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
		for r, row := range rows {
			for c, raw := range row {
				if raw == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				out = append(out, readCell(t, f, sheet, ref, raw))
			}
		}
	}
	return out
}

func readCell(t testing.TB, f *excelize.File, sheet, ref, raw string) cellInfo {
	t.Helper()
	ci := cellInfo{Sheet: sheet, Ref: ref, Raw: raw}
	var err error
	must := func(e error) {
		if e != nil && err == nil {
			err = e
		}
	}
	typ, e := f.GetCellType(sheet, ref)
	must(e)
	ci.Type = cellTypes[typ]
	ci.Shown, e = f.GetCellValue(sheet, ref)
	must(e)
	ci.Formula, e = f.GetCellFormula(sheet, ref)
	must(e)
	_, ci.Link, e = f.GetCellHyperLink(sheet, ref)
	must(e)
	runs, e := f.GetCellRichText(sheet, ref)
	must(e)
	ci.Rich = describeRuns(runs)
	id, e := f.GetCellStyle(sheet, ref)
	must(e)
	if st, e := f.GetStyle(id); e == nil && st.CustomNumFmt != nil {
		ci.Format = *st.CustomNumFmt
	} else if e == nil && st.NumFmt != 0 {
		ci.Format = fmt.Sprintf("builtin %d", st.NumFmt)
	}
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return ci
}

var cellTypes = map[excelize.CellType]string{
	excelize.CellTypeUnset: "n", excelize.CellTypeNumber: "n", excelize.CellTypeSharedString: "s",
	excelize.CellTypeInlineString: "inlineStr", excelize.CellTypeFormula: "str", excelize.CellTypeBool: "b",
	excelize.CellTypeDate: "d", excelize.CellTypeError: "e",
}

// find returns the cell of a sheet whose row is labelled label in column A, in column col.
func find(t testing.TB, all []cellInfo, sheet, label, col string) cellInfo {
	t.Helper()
	row := ""
	for _, c := range all {
		if c.Sheet == sheet && strings.HasPrefix(c.Ref, "A") && c.Raw == label && row == "" {
			row = c.Ref[1:]
		}
	}
	for _, c := range all {
		if c.Sheet == sheet && row != "" && c.Ref == col+row {
			return c
		}
	}
	t.Fatalf("%s: no cell in column %s of the row labelled %q", sheet, col, label)
	return cellInfo{}
}

// formulaRe is the only kind of formula a workbook may hold: arithmetic over cell references of
// the report's sheets, with a few functions; never text, which is where data would show.
var formulaRe = regexp.MustCompile(`^(?:(?:SUM|SUMIF|SUMIFS|ROUND|MAX|MIN)\(|'(?:Summary|Work items|Timesheet)'!|\$?[A-Z]{1,2}\$?[0-9]+|">0"|"[<>]=[0-9]+"|[-+*/(),: ]|[0-9]+(?:\.[0-9]+)?)+$`)

// mustRead returns a file's content, for test fixtures built at package init.
func mustRead(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	return string(data)
}

// renderBytes is render for goroutines, which must not call t.Fatal.
func renderBytes(r *cwo.Report) ([]byte, error) {
	var buf bytes.Buffer
	err := xlsx.Report(&buf, r)
	return buf.Bytes(), err
}

// entries reads a report's time entries, failing the test on error.
func entries(t testing.TB, r *cwo.Report) []cwo.TimeEntry {
	t.Helper()
	es, err := r.Entries()
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// describeRuns shows the formatted runs of a rich text cell as [text|flags], where flags are b
// (bold), i (italic), u (underlined), mono (a monospaced face) and the colour; "" for a cell of
// plain text.
func describeRuns(runs []excelize.RichTextRun) string {
	if len(runs) < 2 {
		return ""
	}
	var b strings.Builder
	for _, r := range runs {
		var flags []string
		if f := r.Font; f != nil {
			for _, fl := range []struct {
				on   bool
				name string
			}{{f.Bold, "b"}, {f.Italic, "i"}, {f.Underline != "", "u"}, {f.Family == "Consolas", "mono"}, {f.Color != "", f.Color}} {
				if fl.on {
					flags = append(flags, fl.name)
				}
			}
		}
		fmt.Fprintf(&b, "[%q|%s]", r.Text, strings.Join(flags, ","))
	}
	return b.String()
}
