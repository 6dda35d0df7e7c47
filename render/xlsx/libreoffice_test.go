package xlsx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo"
)

// csvFilter exports every sheet of a workbook as <name>-<sheet>.csv (LibreOffice 7.2 and later):
// comma-separated, UTF-8, cell values rather than their formatted text.
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// recalcAlways makes LibreOffice recalculate every formula of an .xlsx file on load, instead of
// showing the values cached in the file (its default).
const recalcAlways = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// soffice runs LibreOffice headless with a fresh profile, failing the test when it is not
// installed. With recalc, the profile makes it recalculate formulas on load.
func soffice(t *testing.T, recalc bool, args ...string) {
	t.Helper()
	sofficeEnv(t, recalc, nil, args...)
}

// sofficeEnv is soffice with more environment variables.
func sofficeEnv(t *testing.T, recalc bool, env []string, args ...string) {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is not installed (apt-get install libreoffice-calc); the XLSX tests need it")
	}
	profile := t.TempDir()
	if recalc {
		if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
			t.Fatal(err)
		}
		save(t, filepath.Join(profile, "user"), "registrymodifications.xcu", []byte(recalcAlways))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args = append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless", "--norestore"}, args...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(append(os.Environ(), "HOME="+profile), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// staleCache returns the workbook with the cached value of every formula set to 0, so that only
// a program that calculates shows the right totals.
func staleCache(t *testing.T, data []byte) []byte {
	t.Helper()
	cached := regexp.MustCompile(`</f><v>[^<]*</v>`)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	n := 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		n += len(cached.FindAll(content, -1))
		content = cached.ReplaceAll(content, []byte("</f><v>0</v>"))
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if n < 6 {
		t.Fatalf("found %d cached formula values, want the 4 totals and the Summary's figures", n)
	}
	return buf.Bytes()
}

// readCSV reads one sheet exported by LibreOffice.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// rowOf returns the first row whose first field is label.
func rowOf(t *testing.T, rows [][]string, label, file string) []string {
	t.Helper()
	for _, row := range rows {
		if len(row) > 0 && row[0] == label {
			return row
		}
	}
	t.Fatalf("%s has no row %q", file, label)
	return nil
}

// checkNumber expects field i of row to be the number want.
func checkNumber(t *testing.T, file string, row []string, i int, want cwo.Decimal) {
	t.Helper()
	if i >= len(row) {
		t.Errorf("%s: row %q has no column %d", file, row[0], i+1)
		return
	}
	got, err := cwo.ParseDecimal(row[i])
	if err != nil || got.Cmp(want) != 0 {
		t.Errorf("%s: row %q column %d = %q, want %s", file, row[0], i+1, row[i], want)
	}
}

// loCase is one workbook converted by LibreOffice, with the totals it must show.
type loCase struct {
	name string
	r    *cwo.Report
}

// TestLibreOffice converts workbooks with LibreOffice and checks the totals rows there: once
// recalculating every formula (also on copies whose cached values are wrong, which proves that
// LibreOffice computed them), once showing the cached values as a non-calculating reader does.
func TestLibreOffice(t *testing.T) {
	cases := []loCase{
		{"fixed", report(t, workspace(t, nil), cwo.DefaultSettings(), "O-1", "2026-Q4")},
		{"hourly", report(t, workspace(t, nil), cwo.DefaultSettings(), "O-2", "2026-Q4")},
		{"rich", report(t, workspace(t, richFiles), cwo.DefaultSettings(), "O-1", "2027-Q1")},
		{"hostile", report(t, workspace(t, hostileFiles), cwo.DefaultSettings(), "O-1", "2026-Q4")},
	}
	dir := t.TempDir()
	var books, stale []string
	for _, c := range cases {
		data := render(t, c.r)
		books = append(books, save(t, dir, c.name+".xlsx", data))
		stale = append(stale, save(t, dir, c.name+"-stale.xlsx", staleCache(t, data)))
	}
	recalc, cached := filepath.Join(dir, "recalc"), filepath.Join(dir, "cached")
	soffice(t, true, append([]string{"--convert-to", csvFilter, "--outdir", recalc}, append(books, stale...)...)...)
	soffice(t, false, append([]string{"--convert-to", csvFilter, "--outdir", cached}, books...)...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkTotals(t, filepath.Join(recalc, c.name), c.r)
			checkTotals(t, filepath.Join(recalc, c.name+"-stale"), c.r)
			checkTotals(t, filepath.Join(cached, c.name), c.r)
			checkSame(t, filepath.Join(recalc, c.name), filepath.Join(cached, c.name))
			checkSame(t, filepath.Join(recalc, c.name+"-stale"), filepath.Join(cached, c.name))
		})
	}
	t.Run("hostile text", func(t *testing.T) {
		rows := readCSV(t, filepath.Join(recalc, "hostile-Timesheet.csv"))
		if got := rows[1][4]; got != evilNote {
			t.Errorf("LibreOffice shows the note %q as %q", evilNote, got)
		}
	})
}

// checkTotals reads the CSV files of one workbook (prefix-<sheet>.csv) and checks the totals rows
// and the period's spend against the report.
func checkTotals(t *testing.T, prefix string, r *cwo.Report) {
	t.Helper()
	var hours, planned, period, toDate cwo.Hours
	for _, e := range entries(t, r) {
		hours = hours.Add(e.Hours)
	}
	for _, it := range r.Items {
		planned, period, toDate = planned.Add(it.PlannedHours), period.Add(it.HoursPeriod), toDate.Add(it.HoursToDate)
	}
	file := prefix + "-Timesheet.csv"
	checkNumber(t, file, rowOf(t, readCSV(t, file), "Total", file), 3, hours)
	file = prefix + "-Work items.csv"
	total := rowOf(t, readCSV(t, file), "Total", file)
	checkNumber(t, file, total, 4, planned)
	checkNumber(t, file, total, 5, period)
	checkNumber(t, file, total, 6, toDate)
	file = prefix + "-Summary.csv"
	worked := rowOf(t, readCSV(t, file), "Hours worked", file)
	checkNumber(t, file, worked, 1, hours)
	checkNumber(t, file, worked, 2, toDate)
}

// sheetNames are the workbook's sheets, as LibreOffice names their CSV files.
var sheetNames = []string{"Summary", "Work items", "Timesheet", "Contributions"}

// checkSame compares every cell of every sheet of two CSV exports of a workbook (got-<sheet>.csv
// and want-<sheet>.csv): figures as numbers, to 9 decimals (a recalculated sum of decimals is a
// binary double), and text exactly.
func checkSame(t *testing.T, got, want string) {
	t.Helper()
	for _, sheet := range sheetNames {
		g, w := readCSV(t, got+"-"+sheet+".csv"), readCSV(t, want+"-"+sheet+".csv")
		if len(g) != len(w) {
			t.Errorf("%s: %d rows, want %d", sheet, len(g), len(w))
			continue
		}
		for i := range w {
			for j := range max(len(g[i]), len(w[i])) {
				a, b := field(g[i], j), field(w[i], j)
				if a != b && !sameNumber(a, b) {
					t.Errorf("%s row %d column %d: recalculated %q, cached %q", sheet, i+1, j+1, a, b)
				}
			}
		}
	}
}

func field(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// sameNumber reports whether a and b are numbers within 1e-9 of each other, or percentages
// (which LibreOffice exports with every digit of a ratio) within 1e-9 percent.
func sameNumber(a, b string) bool {
	if pa, pb := strings.TrimSuffix(a, "%"), strings.TrimSuffix(b, "%"); pa != a && pb != b {
		a, b = pa, pb
	}
	x, err1 := strconv.ParseFloat(a, 64) // a test's comparison: LibreOffice's text has more digits than cwo.ParseDecimal takes
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	return math.Abs(x-y) < 1e-9
}

// pinnedFont is the font LibreOffice prints the workbook's Calibri with in TestLibreOfficePDF
// (fonts-dejavu-core), whatever the machine would substitute (Carlito, Noto Sans, ...).
const pinnedFont = "DejaVu Sans"

// pinFonts writes a fontconfig file that reads the system's configuration and then maps Calibri
// to pinnedFont, and returns the environment that makes LibreOffice use it.
func pinFonts(t *testing.T) []string {
	t.Helper()
	if out, err := exec.Command("fc-list", pinnedFont).Output(); err != nil || len(out) == 0 {
		t.Fatalf("%s is not installed (apt-get install fonts-dejavu-core); the PDF test prints with it", pinnedFont)
	}
	conf := `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>Calibri</string></test>
    <edit name="family" mode="assign" binding="strong"><string>` + pinnedFont + `</string></edit>
  </match>
</fontconfig>
`
	path := save(t, t.TempDir(), "fonts.conf", []byte(conf))
	return []string{"FONTCONFIG_FILE=" + path}
}

// TestLibreOfficePDF prints a workbook with LibreOffice and checks the printed text of every page:
// the formatted figures, both charts' titles, the narrative, a pull request and the page header
// and footer. It checks content, not which page
// it lands on, and prints with a pinned font, so that the machine's font substitution for Calibri
// changes neither the outcome nor the layout.
func TestLibreOfficePDF(t *testing.T) {
	dir := t.TempDir()
	book := save(t, dir, "rich.xlsx", render(t, report(t, workspace(t, richFiles), cwo.DefaultSettings(), "O-1", "2027-Q1")))
	sofficeEnv(t, false, pinFonts(t), "--convert-to", "pdf", "--outdir", dir, book)
	pdf := filepath.Join(dir, "rich.pdf")
	text := poppler(t, "pdftotext", "-layout", pdf, "-")
	for _, want := range []string{"Progress report: Faster NumPy", "$150,000.00", "$50,000.00", "$100,000.00", "33.3%",
		"49.9%", "Earned, invoiced and paid against the budget", "Hours this period by scope item",
		"• Release 2.5.0rc1 shipped on time", "numpy/numpy#27003", "Page 1 of 6", "O-1 · Faster NumPy · progress report 2027-Q1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not show %q:\n%s", want, text)
		}
	}
	if fonts := poppler(t, "pdffonts", pdf); !strings.Contains(fonts, strings.ReplaceAll(pinnedFont, " ", "")) {
		t.Errorf("LibreOffice did not print with %s:\n%s", pinnedFont, fonts)
	}
}

// poppler runs one of poppler-utils' tools and returns its output.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is not installed (apt-get install poppler-utils)", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}
