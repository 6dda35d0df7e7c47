package templates

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"unicode/utf8"
)

// How a wrapped function is checked before it runs. A function not listed in any table is only
// measured (its arguments) and held to the limits afterwards (its result), which is enough for
// one whose result is no larger than its arguments.

// fmtFuncs format their arguments with fmt, so an argument that would print a memory address is
// refused. dict is here because it formats its keys.
var fmtFuncs = map[string]bool{
	"cat": true, "toString": true, "quote": true, "squote": true, "join": true, "sortAlpha": true,
	"dict": true, "print": true, "println": true, "printf": true, "html": true, "js": true,
	"urlquery": true,
}

// growth is, for functions whose result can be larger than their arguments by a bounded factor,
// that factor: the estimate is growth times the printed size of the arguments, plus a few bytes
// per argument for separators and quotes.
var growth = map[string]int{
	"cat": 1, "toString": 1, "print": 1, "println": 1, "lines": 1, "join": 1, "sortAlpha": 1,
	"quote": 4, "squote": 4, // %q writes a byte as \xNN at most
	"html": 6, "js": 6, "urlquery": 6, // &#34; \u003C %XX
	"esc": 2, "linkrefs": 2, "upper": 3, "lower": 3, "title": 3, "untitle": 3, "snakecase": 3, "camelcase": 3,
	"kebabcase": 3,
}

// prechecks are the functions whose cost depends on a number or on list lengths.
var prechecks = map[string]precheck{
	"indent":  func(m *meter, a []reflect.Value, printed int) error { return indentCheck(a[0].Int(), a[1].String(), 0) },
	"nindent": func(m *meter, a []reflect.Value, printed int) error { return indentCheck(a[0].Int(), a[1].String(), 1) },
	"replace": func(m *meter, a []reflect.Value, printed int) error {
		old, repl, src := a[0].String(), a[1].String(), a[2].String()
		n := utf8.RuneCountInString(src) + 1
		if old != "" {
			n = strings.Count(src, old)
		}
		return estimate(satAdd(len(src), satMul(n, len(repl))))
	},
	"wrap": func(m *meter, a []reflect.Value, printed int) error {
		return wrapCheck(a[0].Int(), "\n", a[1].String())
	},
	"wrapWith": func(m *meter, a []reflect.Value, printed int) error {
		return wrapCheck(a[0].Int(), a[1].String(), a[2].String())
	},
	"join": func(m *meter, a []reflect.Value, printed int) error {
		return estimate(satMul(listLen(a[1]), len(a[0].String())))
	},
	"printf":    func(m *meter, a []reflect.Value, printed int) error { return printfCheck(a[0].String(), printed) },
	"list":      func(m *meter, a []reflect.Value, printed int) error { return items(a[0].Len()) },
	"dict":      func(m *meter, a []reflect.Value, printed int) error { return items(a[0].Len() / 2) },
	"append":    func(m *meter, a []reflect.Value, printed int) error { return items(listLen(a[0]) + 1) },
	"prepend":   func(m *meter, a []reflect.Value, printed int) error { return items(listLen(a[0]) + 1) },
	"concat":    func(m *meter, a []reflect.Value, printed int) error { return items(sumLens(a[0])) },
	"splitList": func(m *meter, a []reflect.Value, printed int) error { return splitCheck(a[0].String(), a[1].String()) },
	// uniq compares every pair, has and without every element with what they look for.
	"uniq": func(m *meter, a []reflect.Value, printed int) error {
		n := listLen(a[0])
		return m.charge(satMul(n, n) / 2)
	},
	"without": func(m *meter, a []reflect.Value, printed int) error {
		return m.charge(satMul(listLen(a[0]), a[1].Len()))
	},
	"has":       func(m *meter, a []reflect.Value, printed int) error { return m.charge(listLen(a[1])) },
	"sortAlpha": func(m *meter, a []reflect.Value, printed int) error { return m.charge(satMul(listLen(a[0]), 20)) },
}

// check returns the precheck for the function called name: its growth estimate and its own
// check, if any.
func check(name string) precheck {
	g, own := growth[name], prechecks[name]
	if g == 0 && own == nil {
		return nil
	}
	return func(m *meter, args []reflect.Value, printed int) error {
		if g > 0 {
			if err := estimate(satAdd(satMul(g, printed), 4*len(args))); err != nil {
				return err
			}
		}
		if own != nil {
			return own(m, args, printed)
		}
		return nil
	}
}

// estimate refuses a call whose result could be larger than maxScratch bytes.
func estimate(n int) error {
	if n > maxScratch {
		return limitf("would make up to %d bytes (at most %d)", n, MaxString)
	}
	return nil
}

// items refuses a call whose list would have more than MaxItems items.
func items(n int) error {
	if n > MaxItems {
		return limitf("would make a list of %d items (at most %d)", n, MaxItems)
	}
	return nil
}

func indentCheck(spaces int64, s string, extra int) error {
	if spaces < 0 {
		return fmt.Errorf("indent of %d spaces: the number must not be negative", spaces)
	}
	if spaces > maxScratch {
		return limitf("indent of %d spaces is too large (at most %d bytes)", spaces, MaxString)
	}
	lines := strings.Count(s, "\n") + 1
	return estimate(satAdd(satMul(int(spaces), lines), len(s)+extra))
}

func wrapCheck(width int64, sep, s string) error {
	w := int(max(1, min(width, math.MaxInt32)))
	return estimate(satAdd(len(s), satMul(len(s)/w+1, max(len(sep), 1))))
}

func splitCheck(sep, s string) error {
	if sep == "" {
		return items(utf8.RuneCountInString(s))
	}
	return items(strings.Count(s, sep) + 1)
}

// listLen is the length of a list argument, 0 for anything else (the function will refuse it).
func listLen(v reflect.Value) int {
	v = unwrap(v)
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map, reflect.String:
		return v.Len()
	}
	return 0
}

func sumLens(variadic reflect.Value) int {
	n := 0
	for i := range variadic.Len() {
		n = satAdd(n, listLen(variadic.Index(i)))
	}
	return n
}

// satAdd and satMul add and multiply non-negative ints, stopping at math.MaxInt.
func satAdd(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

func satMul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt/b {
		return math.MaxInt
	}
	return a * b
}
