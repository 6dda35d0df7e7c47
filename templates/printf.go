package templates

import "unicode/utf8"

// fmt ignores a width or precision above a million, so no verb pads to more than that.
const (
	maxFmtWidth = 1_000_000
	// verbSlack covers the widest form fmt gives a number under any verb (%f of 1e308 is 316
	// characters).
	verbSlack = 400
)

// printfCheck refuses a printf whose format has %p (it prints an address) and one whose result
// could be larger than maxScratch: the format, each verb's width and precision, and four times
// the printed size of the arguments (%q writes a byte as \xNN at most).
func printfCheck(format string, printed int) error {
	n := satAdd(len(format), satMul(4, printed))
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		verb, pad, next := scanVerb(format, i+1)
		if verb == 'p' {
			return &addressError{what: "the verb %p"}
		}
		n = satAdd(n, pad+verbSlack)
		i = next - 1
	}
	return estimate(n)
}

// scanVerb reads one fmt directive after its '%' at i: flags, argument indexes, width and
// precision (numbers or *), and the verb. It returns the verb, the padding the width and
// precision can add, and where the directive ends.
func scanVerb(format string, i int) (verb rune, pad, next int) {
	num := 0
	for i < len(format) {
		c := format[i]
		switch {
		case c >= '0' && c <= '9':
			num = min(num*10+int(c-'0'), maxFmtWidth)
		case c == '*':
			pad = satAdd(pad, maxFmtWidth)
		case c == '.' || c == '[' || c == ']' || c == '+' || c == '-' || c == '#' || c == ' ':
			pad, num = satAdd(pad, num), 0
		default:
			r, size := utf8.DecodeRuneInString(format[i:])
			return r, satAdd(pad, num), i + size
		}
		i++
	}
	return 0, satAdd(pad, num), i
}
