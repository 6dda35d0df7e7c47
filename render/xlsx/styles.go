package xlsx

import (
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

// Number format codes. Money formats depend on the currency, see moneyFormat.
const (
	formatHours   = "#,##0.0#"
	formatPercent = "0.0%"
	formatWhole   = "0%"
	formatDate    = "yyyy-mm-dd"
	formatCount   = "#,##0"
)

// The workbook's font, the same as excelize's default style.
const (
	fontFamily = "Calibri"
	fontSize   = 11
)

// House colours.
const (
	colorBrand    = "1F4E79" // header fill, title text
	colorHeader   = "FFFFFF" // header text
	colorBand     = "DCE6F1" // section headings
	colorMuted    = "595959"
	colorLink     = "0563C1"
	colorAxis     = "404040" // chart axis labels
	colorRule     = "1F4E79"
	colorBudget   = "C55A11" // the budget line of the money chart
	colorInvoiced = "5B9BD5"
	colorPaid     = "70AD47"
	colorFlag     = "FCE4D6" // the fill of a flag on the Summary
	colorFlagText = "833C0B"
)

// styles are the cell style IDs of one workbook.
type styles struct {
	title, subtitle, section, label, text, wrap, muted, link int
	mutedWrap, note, flag                                    int
	header, headerRight                                      int
	money, hours, percent, whole, date, count                int
	totalLabel, totalHours, totalMoney                       int
}

// styleDef is one style and where its ID goes.
type styleDef struct {
	id *int
	s  excelize.Style
}

// newStyles registers every style the sheets use. Totals are bold; every font is named.
func (b *book) newStyles() error {
	for _, d := range b.styleDefs() {
		if d.s.Border != nil && d.s.Font == nil {
			d.s.Font = &excelize.Font{Bold: true}
		}
		d.s.Font = withFamily(d.s.Font)
		id, err := b.f.NewStyle(&d.s)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

// styleDefs lists the workbook's styles.
func (b *book) styleDefs() []styleDef {
	total := []excelize.Border{{Type: "top", Color: colorRule, Style: 1}, {Type: "bottom", Color: colorRule, Style: 6}}
	bold := &excelize.Font{Bold: true}
	top := &excelize.Alignment{Vertical: "top"}
	// Indents keep numbers and text in neighbouring columns apart.
	padRight := &excelize.Alignment{Horizontal: "right", Indent: 1, Vertical: "top"}
	padLeft := &excelize.Alignment{Horizontal: "left", Indent: 1, Vertical: "top"}
	return []styleDef{
		{&b.st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: colorBrand}}},
		{&b.st.subtitle, excelize.Style{Font: &excelize.Font{Size: 11, Color: colorMuted}}},
		{&b.st.section, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: colorBrand},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorBand}}}},
		{&b.st.label, excelize.Style{Font: bold, Alignment: top}},
		{&b.st.text, excelize.Style{Alignment: padLeft}},
		{&b.st.wrap, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Indent: 1, Vertical: "top", WrapText: true}}},
		{&b.st.muted, excelize.Style{Font: &excelize.Font{Italic: true, Color: colorMuted}, Alignment: padLeft}},
		{&b.st.mutedWrap, excelize.Style{Font: &excelize.Font{Italic: true, Color: colorMuted},
			Alignment: &excelize.Alignment{Horizontal: "left", Indent: 1, Vertical: "top", WrapText: true}}},
		{&b.st.note, excelize.Style{Font: &excelize.Font{Italic: true, Size: 9, Color: colorMuted},
			Alignment: &excelize.Alignment{Horizontal: "left", Indent: 1, Vertical: "top", WrapText: true}}},
		{&b.st.flag, excelize.Style{Font: &excelize.Font{Bold: true, Color: colorFlagText},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorFlag}},
			Alignment: &excelize.Alignment{Horizontal: "left", Indent: 1, Vertical: "center", WrapText: true}}},
		{&b.st.link, excelize.Style{Font: &excelize.Font{Underline: "single", Color: colorLink}, Alignment: padLeft}},
		{&b.st.header, headerStyle("left")},
		{&b.st.headerRight, headerStyle("right")},
		{&b.st.money, numberStyle(b.money, nil, padRight)},
		{&b.st.hours, numberStyle(formatHours, nil, padRight)},
		{&b.st.percent, numberStyle(formatPercent, nil, padRight)},
		{&b.st.whole, numberStyle(formatWhole, nil, padRight)},
		{&b.st.date, numberStyle(formatDate, nil, padLeft)},
		{&b.st.count, numberStyle(formatCount, nil, padRight)},
		{&b.st.totalLabel, excelize.Style{Font: bold, Border: total}},
		{&b.st.totalHours, numberStyle(formatHours, total, padRight)},
		{&b.st.totalMoney, numberStyle(b.money, total, padRight)},
	}
}

// withFamily names the font and its size, which excelize otherwise leaves out of a style's font:
// LibreOffice then falls back to a serif font.
func withFamily(f *excelize.Font) *excelize.Font {
	out := excelize.Font{}
	if f != nil {
		out = *f
	}
	if out.Family == "" {
		out.Family = fontFamily
	}
	if out.Size == 0 {
		out.Size = fontSize
	}
	return &out
}

// headerStyle is white bold text on the brand colour, indented like the cells below it.
func headerStyle(align string) excelize.Style {
	return excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: colorHeader},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorBrand}},
		Alignment: &excelize.Alignment{Horizontal: align, Indent: 1, Vertical: "center", WrapText: true},
	}
}

func numberStyle(code string, border []excelize.Border, align *excelize.Alignment) excelize.Style {
	return excelize.Style{CustomNumFmt: &code, Border: border, Alignment: align}
}

// moneyFormat returns the number format code for amounts in currency c: the currency's symbol
// where cwo.FormatMoney puts it for the locale, and its number of decimals. For example
// "$"#,##0.00 (USD, en-US), #,##0.00 "€" (EUR, de-DE) and "¥"#,##0 (JPY). Spreadsheet programs
// pick the thousands and decimal separators from the reader's own settings.
func moneyFormat(c cwo.Currency, locale string) string {
	return moneyFormatPlaces(c, locale, c.MinorUnits())
}

// moneyFormatPlaces is moneyFormat with places decimals: 0 for a chart's axis.
func moneyFormatPlaces(c cwo.Currency, locale string, places int32) string {
	code := "#,##0"
	if places > 0 {
		code += "." + strings.Repeat("0", int(places))
	}
	one := cwo.DecimalFromInt(1)
	shown := strings.ReplaceAll(cwo.FormatMoney(one, c, locale), "\u00a0", " ")
	before, after, found := strings.Cut(shown, cwo.FormatNumber(one, c.MinorUnits(), locale))
	if !found { // cannot happen with cwo.FormatMoney; fall back to the symbol in front
		before, after = c.Symbol(), ""
	}
	return literal(before) + code + literal(after)
}

// literal quotes text for a number format code, keeping a space on the side of the number
// outside the quotes: "CHF " becomes "CHF" followed by a space.
func literal(s string) string {
	lead, trail := strings.HasPrefix(s, " "), strings.HasSuffix(s, " ")
	s = strings.TrimSpace(strings.ReplaceAll(s, `"`, ""))
	if s == "" {
		return ""
	}
	q := `"` + s + `"`
	if lead {
		q = " " + q
	}
	if trail {
		q += " "
	}
	return q
}
