package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"
)

// contentTypes is the part that programs expect first in an Office Open XML package.
const contentTypes = "[Content_Types].xml"

// normalizeZip copies the zip archive in data to w so that the same workbook always gives the
// same bytes: entries in a fixed order ([Content_Types].xml, then by name), every entry dated
// mod, and the content types sorted. excelize writes parts, and the content types of a workbook
// with a chart, in map order. Other entries are copied compressed as they are: compress/flate
// output depends only on its input.
func normalizeZip(w io.Writer, data []byte, mod time.Time) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("read zip: %w", err)
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool {
		a, b := files[i].Name, files[j].Name
		if (a == contentTypes) != (b == contentTypes) {
			return a == contentTypes
		}
		return a < b
	})
	zw := zip.NewWriter(w)
	for _, f := range files {
		write := copyEntry
		switch {
		case f.Name == contentTypes:
			write = writeContentTypes
		case strings.HasPrefix(f.Name, "xl/worksheets/sheet"):
			write = rewriteEntry(numericFormulas)
		case strings.HasPrefix(f.Name, "xl/charts/chart"):
			write = rewriteEntry(valueAxisAtBottom)
		}
		if err := write(zw, f, mod); err != nil {
			return fmt.Errorf("zip entry %s: %w", f.Name, err)
		}
	}
	return zw.Close()
}

// copyEntry copies one compressed entry with a fixed time and no extra fields.
func copyEntry(zw *zip.Writer, f *zip.File, mod time.Time) error {
	raw, err := f.OpenRaw()
	if err != nil {
		return err
	}
	fh := f.FileHeader
	fh.Modified = time.Time{} // CreateRaw writes the MS-DOS fields below as they are
	//lint:ignore SA1019 the MS-DOS fields alone give a fixed timestamp with no extended-time extra field (same bytes every run)
	fh.ModifiedDate, fh.ModifiedTime = dosTime(mod)
	fh.Extra, fh.Comment = nil, ""
	out, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, raw)
	return err
}

// typesXML is [Content_Types].xml.
type typesXML struct {
	XMLName  xml.Name `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults []struct {
		Extension   string `xml:"Extension,attr"`
		ContentType string `xml:"ContentType,attr"`
	} `xml:"Default"`
	Overrides []struct {
		PartName    string `xml:"PartName,attr"`
		ContentType string `xml:"ContentType,attr"`
	} `xml:"Override"`
}

// writeContentTypes rewrites [Content_Types].xml with its entries sorted.
func writeContentTypes(zw *zip.Writer, f *zip.File, mod time.Time) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	var types typesXML
	if err := xml.NewDecoder(rc).Decode(&types); err != nil {
		return err
	}
	sort.Slice(types.Defaults, func(i, j int) bool { return types.Defaults[i].Extension < types.Defaults[j].Extension })
	sort.Slice(types.Overrides, func(i, j int) bool { return types.Overrides[i].PartName < types.Overrides[j].PartName })
	data, err := xml.Marshal(types)
	if err != nil {
		return err
	}
	out, err := createEntry(zw, f.Name, mod)
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, xml.Header+string(data))
	return err
}

// createEntry starts a deflated entry called name, stamped mod (as copyEntry stamps its).
func createEntry(zw *zip.Writer, name string, mod time.Time) (io.Writer, error) {
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate}
	//lint:ignore SA1019 see copyEntry
	fh.ModifiedDate, fh.ModifiedTime = dosTime(mod)
	return zw.CreateHeader(fh)
}

// dosTime returns t as MS-DOS date and time fields, in UTC and to two seconds.
func dosTime(t time.Time) (date, clock uint16) {
	t = t.UTC()
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// rewriteEntry returns a writer of an entry whose content fix rewrites.
func rewriteEntry(fix func([]byte) []byte) func(*zip.Writer, *zip.File, time.Time) error {
	return func(zw *zip.Writer, f *zip.File, mod time.Time) error {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		out, err := createEntry(zw, f.Name, mod)
		if err != nil {
			return err
		}
		_, err = out.Write(fix(data))
		return err
	}
}

// formulaText finds formula cells that excelize typed as text ("str") though their cached value
// is a number: it types every formula cell so, and the Summary's formulas all give numbers.
var formulaText = regexp.MustCompile(`(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="str"(><f>[^<]*</f><v>-?[0-9]+(?:\.[0-9]+)?(?:E[-+]?[0-9]+)?</v></c>)`)

// numericFormulas types the cached values of numeric formulas as numbers, so that a program
// that shows cached values shows a number, not text.
func numericFormulas(xml []byte) []byte { return formulaText.ReplaceAll(xml, []byte("$1$2")) }

// valueAxisAtBottom moves the value axis of a horizontal bar chart whose categories run top to
// bottom (a reversed category axis) from the top of the plot to its bottom, where readers look
// for it: the axis crosses the categories at their maximum, which is at the bottom. Its title
// is set horizontal, like the axis.
func valueAxisAtBottom(xml []byte) []byte {
	s := string(xml)
	if !strings.Contains(s, `<barDir val="bar">`) || !strings.Contains(s, `<orientation val="maxMin">`) {
		return xml
	}
	i, j := strings.Index(s, "<valAx>"), strings.Index(s, "</valAx>")
	if i < 0 || j < i {
		return xml
	}
	ax := strings.Replace(s[i:j], `<crosses val="autoZero">`, `<crosses val="max">`, 1)
	ax = strings.Replace(ax, `rot="-5400000"`, `rot="0"`, 1)
	return []byte(s[:i] + ax + s[j:])
}
