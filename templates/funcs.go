package templates

import (
	"fmt"
	"strings"

	"github.com/Masterminds/sprig/v3"
	"github.com/cwo-tool/cwo"
)

// Formats says how a document writes money and dates.
type Formats struct {
	Currency cwo.Currency // default currency for money
	Locale   string       // BCP 47, e.g. "en-US"
}

// allowedSprig is the allow-list of sprig functions: strings, lists, simple math and defaults.
// Nothing that reads the clock, randomness, the environment, the network or crypto, nothing that
// ranges over a map in random order, and no unbounded repeat, until or seq.
var allowedSprig = []string{
	"trim", "trimAll", "trimPrefix", "trimSuffix", "upper", "lower", "title", "untitle", "substr",
	"trunc", "abbrev", "initials", "wrap", "wrapWith", "contains", "hasPrefix", "hasSuffix", "quote",
	"squote", "cat", "indent", "nindent", "replace", "snakecase", "camelcase", "kebabcase", "join",
	"splitList", "sortAlpha", "list", "first", "rest", "last", "initial", "append", "prepend",
	"concat", "reverse", "uniq", "without", "has", "compact", "add", "add1", "sub", "mul", "div",
	"mod", "max", "min", "default", "empty", "coalesce", "ternary", "toString", "dict", "get",
	"hasKey", "len",
}

// funcMap returns the allow-listed sprig functions plus cwo's own for formats f.
func funcMap(f Formats) map[string]any {
	all := sprig.TxtFuncMap()
	m := map[string]any{}
	for _, name := range allowedSprig {
		if fn, ok := all[name]; ok {
			m[name] = fn
		}
	}
	for name, fn := range cwoFuncs(f) {
		m[name] = fn
	}
	return m
}

// cwoFuncs are cwo's template functions; each has examples in funcs_test.go.
func cwoFuncs(f Formats) map[string]any {
	loc := f.Locale
	return map[string]any{
		// money AMOUNT [CURRENCY]: "$150,000.00" in the document's currency and locale.
		"money": func(m cwo.Money, cur ...cwo.Currency) string {
			c := f.Currency
			if len(cur) > 0 && cur[0] != "" {
				c = cur[0]
			}
			return cwo.FormatMoney(m, c, loc)
		},
		// date DATE: "September 15, 2026" (en-US) or "15 September 2026".
		"date": func(d cwo.Date) string { return formatDate(d, loc) },
		// hours HOURS: "1,250" or "7.5" with the locale's separators.
		"hours": func(h cwo.Hours) string { return formatHours(h, loc) },
		// plural N SINGULAR PLURAL: the word that fits the count.
		"plural": func(n any, one, many string) string {
			if fmt.Sprint(n) == "1" {
				return one
			}
			return many
		},
		// percent PART WHOLE: "40%".
		"percent": func(part, whole cwo.Decimal) string { return part.Percent(whole, 0).String() + "%" },
		// esc TEXT: escapes Markdown punctuation so data shows literally.
		"esc": EscapeMarkdown,
		// lines LIST: joins address lines with ", ".
		"lines": func(xs []string) string { return strings.Join(xs, ", ") },
		// sum AMOUNTS...: adds up decimals.
		"sum": cwo.SumDecimals,
	}
}

func formatDate(d cwo.Date, locale string) string {
	if d.IsZero() {
		return ""
	}
	if strings.HasPrefix(locale, "en-US") || locale == "en" {
		return d.Format("January 2, 2006")
	}
	return d.Format("2 January 2006")
}

func formatHours(h cwo.Hours, locale string) string {
	places := h.Places()
	if places > 2 {
		places = 2
	}
	return cwo.FormatNumber(h, places, locale)
}

var mdSpecial = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`)

// EscapeMarkdown escapes the characters that would change how text from data renders.
func EscapeMarkdown(s string) string { return mdSpecial.Replace(s) }
