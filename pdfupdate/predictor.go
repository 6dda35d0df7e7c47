package pdfupdate

import "fmt"

// unpredict undoes the PNG predictor named by the /DecodeParms dictionary params (/Predictor 10
// to 15, /Columns, one 8-bit colour component), as cross-reference and object streams use it.
// Without a predictor (or /Predictor 1) data is returned as it is.
func unpredict(params object, data []byte) ([]byte, error) {
	pred, _ := params.get("Predictor")
	if pred.kind == kindNull || pred.kind == kindInt && pred.num == 1 {
		return data, nil
	}
	if pred.kind != kindInt || pred.num < 10 || pred.num > 15 {
		return nil, fmt.Errorf("/Predictor %q is not supported (only PNG predictors are)", clip(pred.raw))
	}
	if v, ok := params.get("Colors"); ok && !(v.kind == kindInt && v.num == 1) {
		return nil, fmt.Errorf("/Colors %q is not supported with a predictor (only 1 is)", clip(v.raw))
	}
	if v, ok := params.get("BitsPerComponent"); ok && !(v.kind == kindInt && v.num == 8) {
		return nil, fmt.Errorf("/BitsPerComponent %q is not supported with a predictor (only 8 is)", clip(v.raw))
	}
	columns := int64(1)
	if c, ok := params.get("Columns"); ok {
		if c.kind != kindInt || c.num < 1 || c.num > 1<<16 {
			return nil, fmt.Errorf("invalid /Columns %q", clip(c.raw))
		}
		columns = c.num
	}
	return pngRows(data, int(columns))
}

// pngRows decodes rows of width bytes, each preceded by its PNG filter type, with one byte per
// pixel.
func pngRows(data []byte, width int) ([]byte, error) {
	stride := width + 1
	if len(data)%stride != 0 {
		return nil, fmt.Errorf("predicted data of %d bytes is not a whole number of %d-byte rows", len(data), stride)
	}
	out := make([]byte, 0, len(data)/stride*width)
	prev := make([]byte, width)
	for r := 0; r < len(data); r += stride {
		row := data[r+1 : r+stride]
		cur := make([]byte, width)
		for i, c := range row {
			var left, upLeft byte
			if i > 0 {
				left, upLeft = cur[i-1], prev[i-1]
			}
			up := prev[i]
			switch data[r] {
			case 0:
				cur[i] = c
			case 1:
				cur[i] = c + left
			case 2:
				cur[i] = c + up
			case 3:
				cur[i] = c + byte((int(left)+int(up))/2)
			case 4:
				cur[i] = c + paeth(left, up, upLeft)
			default:
				return nil, fmt.Errorf("unknown PNG filter type %d", data[r])
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

// paeth is the PNG Paeth predictor.
func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

// abs returns the absolute value of v.
func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
