package cwo

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// Decimal is an exact decimal number used for money and hours. It is parsed from the text of the
// data file, never through float64. The zero value is 0.
type Decimal struct{ d decimal.Decimal }

// Money is an amount of money in an order's currency.
type Money = Decimal

// Hours is a number of hours of work.
type Hours = Decimal

// DecimalDigits is an unsigned decimal as ParseDecimal accepts it: at most 15 integer digits and
// an optional fraction of at most 12. No exponents, no NaN or Inf, no thousands separators. The
// JSON schemas build their decimal pattern from it.
const DecimalDigits = `[0-9]{1,15}(\.[0-9]{1,12})?`

// decimalText is the only accepted spelling: an optional minus, then DecimalDigits.
var decimalText = regexp.MustCompile(`^-?` + DecimalDigits + `$`)

// ParseDecimal parses s (for example "12500.50") exactly. It rejects exponents, NaN, Inf and
// numbers with more than 15 integer or 12 fractional digits.
func ParseDecimal(s string) (Decimal, error) {
	t := strings.TrimSpace(s)
	if d, ok := parseSmallDecimal(t); ok {
		return d, nil
	}
	if !decimalText.MatchString(t) {
		return Decimal{}, fmt.Errorf("%q is not a plain decimal number (like 1250 or 1250.50)", s)
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return Decimal{}, fmt.Errorf("%q is not a decimal number: %w", s, err)
	}
	return Decimal{d}, nil
}

// parseSmallDecimal is ParseDecimal's fast path for the common case, such as timesheet hours:
// a plain decimal of at most 18 digits in all, which fits an int64 exactly. It gives the same
// value and exponent as decimal.NewFromString; anything else is left to the slow path.
func parseSmallDecimal(t string) (Decimal, bool) {
	neg := strings.HasPrefix(t, "-")
	if neg {
		t = t[1:]
	}
	intPart, frac, dotted := strings.Cut(t, ".")
	if len(intPart) == 0 || len(intPart) > 15 || len(frac) > 12 || len(intPart)+len(frac) > 18 || (dotted && len(frac) == 0) {
		return Decimal{}, false
	}
	var v int64
	for _, part := range [2]string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return Decimal{}, false
			}
			v = v*10 + int64(c-'0')
		}
	}
	if neg {
		v = -v
	}
	return Decimal{decimal.New(v, -int32(len(frac)))}, true
}

// MustDecimal parses s and panics on error; for tests and constants only.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DecimalFromInt returns n as a Decimal.
func DecimalFromInt(n int64) Decimal { return Decimal{decimal.NewFromInt(n)} }

// UnmarshalYAML accepts a YAML integer, float or string and parses its text exactly.
func (x *Decimal) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("expected a number, got a %s", DescribeYAML(n))
	}
	switch n.ShortTag() {
	case "!!int", "!!float", "!!str":
	default:
		return fmt.Errorf("expected a number, got %s %q", tagName(n.ShortTag()), n.Value)
	}
	d, err := ParseDecimal(n.Value)
	if err != nil {
		return err
	}
	*x = d
	return nil
}

// String returns the plain decimal text, for example "12500.5".
func (x Decimal) String() string { return x.d.String() }

// StringFixed returns the text rounded half-even to places decimals, for example "12500.50".
func (x Decimal) StringFixed(places int32) string { return x.d.RoundBank(places).StringFixed(places) }

// Add returns x + y.
func (x Decimal) Add(y Decimal) Decimal { return Decimal{x.d.Add(y.d)} }

// Sub returns x - y.
func (x Decimal) Sub(y Decimal) Decimal { return Decimal{x.d.Sub(y.d)} }

// Mul returns x × y.
func (x Decimal) Mul(y Decimal) Decimal { return Decimal{x.d.Mul(y.d)} }

// Div returns x ÷ y rounded to 12 decimals; y must not be zero (Div returns zero then).
func (x Decimal) Div(y Decimal) Decimal {
	if y.d.IsZero() {
		return Decimal{}
	}
	return Decimal{x.d.DivRound(y.d, 12)}
}

// Round returns x rounded half-even to places decimals.
func (x Decimal) Round(places int32) Decimal { return Decimal{x.d.RoundBank(places)} }

// Cmp compares x and y: -1, 0 or +1.
func (x Decimal) Cmp(y Decimal) int { return x.d.Cmp(y.d) }

// Sign returns -1, 0 or +1.
func (x Decimal) Sign() int { return x.d.Sign() }

// IsZero reports whether x is 0.
func (x Decimal) IsZero() bool { return x.d.IsZero() }

// Places returns the number of digits after the decimal point as written.
func (x Decimal) Places() int32 {
	if e := x.d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// IntPart returns the integer part as decimal digits without sign, and the sign.
func (x Decimal) IntPart() int64 { return x.d.IntPart() }

// InexactFloat returns x as a float64 for display-only uses such as chart scaling; never use it
// for arithmetic.
func (x Decimal) InexactFloat() float64 { return x.d.InexactFloat64() }

// Percent returns x ÷ y × 100 rounded to places decimals, or zero when y is zero.
func (x Decimal) Percent(y Decimal, places int32) Decimal {
	if y.IsZero() {
		return Decimal{}
	}
	return Decimal{x.d.Mul(decimal.NewFromInt(100)).DivRound(y.d, places)}
}

// SumDecimals adds up xs.
func SumDecimals(xs ...Decimal) Decimal {
	var s Decimal
	for _, x := range xs {
		s = s.Add(x)
	}
	return s
}

// MarshalJSON writes the exact decimal text as a JSON string, for canonical hashing.
func (x Decimal) MarshalJSON() ([]byte, error) { return []byte(`"` + x.String() + `"`), nil }
