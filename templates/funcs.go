package templates

import (
	"fmt"
	"slices"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
	"github.com/cwo-tool/cwo"
)

// Formats says how a document writes money and dates.
type Formats struct {
	Currency cwo.Currency // default currency for money
	Locale   string       // BCP 47, e.g. "en-US": the order's (cwo.Workspace.OrderLocale)
}

// allowedSprig is the allow-list of sprig functions: strings, lists, simple math and defaults.
// Nothing that reads the clock, randomness, the environment, the network or crypto, nothing that
// ranges over a map in random order, and no repeat, until or seq. Each is guarded: see checks.go.
var allowedSprig = []string{
	"trim", "trimAll", "trimPrefix", "trimSuffix", "upper", "lower", "title", "untitle", "substr",
	"trunc", "abbrev", "initials", "wrap", "wrapWith", "contains", "hasPrefix", "hasSuffix", "quote",
	"squote", "cat", "indent", "nindent", "replace", "snakecase", "camelcase", "kebabcase", "join",
	"splitList", "sortAlpha", "list", "first", "rest", "last", "initial", "append", "prepend",
	"concat", "reverse", "uniq", "without", "has", "compact", "add", "add1", "sub", "mul", "div",
	"mod", "max", "min", "default", "empty", "coalesce", "ternary", "toString", "dict", "get",
	"hasKey", "len",
}

// funcMap returns the allow-listed sprig functions, text/template's printing builtins and cwo's
// own for formats f, each guarded by m (see guarded), plus the guards the instrumented parse tree
// calls. A template sees nothing else.
func funcMap(f Formats, m *meter) map[string]any {
	all := sprig.TxtFuncMap()
	all["sortAlpha"] = sortAlpha(all["sortAlpha"].(func(any) []string))
	for name, fn := range builtinPrinters {
		all[name] = fn
	}
	for name, fn := range cwoFuncs(f) {
		all[name] = fn
	}
	fm := map[string]any{}
	for _, name := range allowed() {
		if fn, ok := all[name]; ok {
			fm[name] = guarded(m, name, fn, fmtFuncs[name], check(name))
		}
	}
	for name, fn := range treeGuards(m) {
		fm[name] = fn
	}
	return fm
}

// allowed lists every function a template may call.
func allowed() []string {
	names := slices.Clone(allowedSprig)
	for name := range builtinPrinters {
		names = append(names, name)
	}
	for name := range cwoFuncs(Formats{}) {
		names = append(names, name)
	}
	return names
}

// builtinPrinters replace text/template's builtins of the same names, which format without
// limits.
var builtinPrinters = map[string]any{
	"print": fmt.Sprint, "printf": fmt.Sprintf, "println": fmt.Sprintln,
	"html": template.HTMLEscaper, "js": template.JSEscaper, "urlquery": template.URLQueryEscaper,
}

// sortAlpha is sprig's sortAlpha on a copy: sprig sorts a []string in place, which would reorder
// the data under other templates running at the same time.
func sortAlpha(sprigSort func(any) []string) func(any) []string {
	return func(list any) []string {
		if s, ok := list.([]string); ok {
			list = slices.Clone(s)
		}
		return sprigSort(list)
	}
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
		// date DATE: "15 September 2026", or "September 15, 2026" where the locale's English puts
		// the month first (en-US, en-CA): the one date style of the document (cwo.FormatDate).
		"date": func(d cwo.Date) string { return cwo.FormatDate(d, loc) },
		// hours HOURS: "1,250" or "7.5" with the locale's separators.
		"hours": func(h cwo.Hours) string { return formatHours(h, loc) },
		// number DECIMAL: "1.5" or "1,5" with the locale's separators, at most two decimals,
		// trailing zeros dropped.
		"number": func(d cwo.Decimal) string {
			if n, err := cwo.ParseDecimal(d.String()); err == nil {
				d = n
			}
			return formatHours(d, loc)
		},
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
		// spelled DECIMAL: "two (2)" for a whole number up to twenty, else as number writes it.
		"spelled": func(d cwo.Decimal) string { return spelled(d, loc) },
		// linkrefs MARKDOWN: each link's address printed after its text, "PEP 703
		// (https://peps.python.org/pep-0703/)", for a printed copy (words.go).
		"linkrefs": linkRefs,
		// sum AMOUNTS...: adds up decimals.
		"sum": cwo.SumDecimals,
	}
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
