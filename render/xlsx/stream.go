package xlsx

import (
	"fmt"

	"github.com/cwo-tool/cwo"
	"github.com/xuri/excelize/v2"
)

// freezeHeader keeps row 1 in view while scrolling.
var freezeHeader = &excelize.Panes{
	Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
	Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
}

// newStream prepares a streamed sheet: print setup (with its header row repeated on every page),
// column widths and a frozen header row, all of which the stream writer needs before the first
// row.
func (b *book) newStream(name string, widths []float64) (*excelize.StreamWriter, error) {
	if err := b.printSetup(name, widths, true); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i := len(widths) - 1; i >= 0; i-- { // excelize prepends each column: this keeps them sorted
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(freezeHeader); err != nil {
		return nil, err
	}
	return sw, nil
}

// headerRow returns the cells of a header row; columns listed in right are right-aligned.
func (b *book) headerRow(titles []string, right ...int) []any {
	row := make([]any, len(titles))
	for i, t := range titles {
		row[i] = excelize.Cell{StyleID: b.st.header, Value: t}
	}
	for _, i := range right {
		row[i] = excelize.Cell{StyleID: b.st.headerRight, Value: titles[i]}
	}
	return row
}

// textCell is a string cell for the stream writer: the stream writer always writes a string
// value as an inline string, never as a formula. An empty string gives a cell with only the
// style.
func textCell(v string, style int) excelize.Cell {
	if v == "" {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: v}
}

// numberCell is a numeric cell for the stream writer.
func numberCell(d cwo.Decimal, style int) excelize.Cell {
	return excelize.Cell{StyleID: style, Value: streamNumber(d)}
}

// sumCell is a SUM formula over rows first..last of col with its cached value, so that programs
// that do not calculate show the total too. The caller makes sure that last >= first, with a
// placeholder row when there is nothing to add up.
func sumCell(col string, first, last int, total cwo.Decimal, style int) excelize.Cell {
	return excelize.Cell{StyleID: style, Formula: fmt.Sprintf("SUM(%s%d:%s%d)", col, first, col, last), Value: streamNumber(total)}
}

// totalRow returns a totals row of n cells labelled "Total", every cell in the totals style.
func totalRow(n, style int) []any {
	row := make([]any, n)
	row[0] = textCell("Total", style)
	for i := 1; i < n; i++ {
		row[i] = excelize.Cell{StyleID: style}
	}
	return row
}

// autoFilter adds filter buttons to a header row and the data below it. For a streamed sheet it
// must be called before Flush.
func (b *book) autoFilter(name, lastCol string, lastRow int) error {
	return b.f.AutoFilter(name, fmt.Sprintf("A1:%s%d", lastCol, max(lastRow, 2)), nil)
}
