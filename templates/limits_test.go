package templates

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"text/template"
	"time"

	"github.com/Masterminds/sprig/v3"
)

// hostile are templates from issue 14 and their kin: each must stop with a limit error, without
// allocating more than a few times MaxString.
var hostile = []struct{ name, text string }{
	{"indent 6e9", `{{indent 6000000000 "x"}}`},
	{"nindent 6e9", `{{nindent 6000000000 "x"}}`},
	{"indent per line", `{{$s := indent 100000 ""}}{{$l := replace " " "\n" $s}}{{indent 100 $l}}`},
	{"cat doubling 40 times", `{{$s := "xx"}}{{range 40}}{{$s = cat $s $s}}{{end}}{{len $s}}`},
	{"join doubling", `{{$s := "xx"}}{{range 40}}{{$s = join $s (list $s $s)}}{{end}}`},
	{"replace blow-up", `{{$s := indent 500000 "x"}}{{replace " " $s $s}}`},
	{"replace empty old", `{{$s := indent 500000 "x"}}{{replace "" $s $s}}`},
	{"wrapWith blow-up", `{{$s := indent 500000 "x"}}{{wrapWith 1 $s $s}}`},
	{"printf widths", `{{printf "%1000000d%1000000d%1000000d" 1 2 3}}`},
	{"printf star width", `{{$s := indent 600000 "x"}}{{printf "%*d%s" 1000000 1 $s}}`},
	{"quote doubling", `{{$s := "\x00\x00"}}{{range 40}}{{$s = quote $s $s}}{{end}}`},
	{"concat doubling", `{{$l := list 1}}{{range 40}}{{$l = concat $l $l}}{{end}}`},
	{"list sharing doubling", `{{$l := list 1}}{{range 40}}{{$l = list $l $l}}{{end}}{{len $l}}`},
	{"splitList per rune", `{{$s := indent 500000 "x"}}{{splitList "" $s}}`},
	{"uniq quadratic", `{{$l := list}}{{range $i := 2000}}{{$l = append $l $i}}{{end}}{{uniq $l}}`},
	{"append quadratic", `{{$l := list}}{{range $i := 100000}}{{$l = append $l $i}}{{end}}`},
	{"range literal in variable", `{{$n := 1000000000}}{{range $n}}{{end}}`},
	{"range over a function's result", `{{range (mul 100000 100000)}}{{end}}`},
	{"nested ranges", `{{range 100000}}{{range 100000}}{{end}}{{end}}`},
	{"output", `{{range 100000}}{{range 100000}}x{{end}}{{end}}`},
	{"exponential recursion", `{{define "r"}}{{if .}}{{template "r" (rest .)}}{{template "r" (rest .)}}{{end}}{{end}}` +
		`{{template "r" (list 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0)}}`},
	{"deep recursion", `{{define "r"}}{{template "r" .}}{{end}}{{template "r"}}`},
}

func TestHostileTemplatesStopAtALimit(t *testing.T) {
	for _, tt := range hostile {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := exec(t, tt.text, nil, Formats{})
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrLimit) {
				t.Fatalf("err = %v, want a limit error", err)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 512<<20 {
				t.Errorf("allocated %d MB before stopping", got>>20)
			}
		})
	}
}

func TestLimitErrorsArePositioned(t *testing.T) {
	set := loadOverride(t, "Hello\n\n  {{indent 6000000000 \"x\"}}\n{{range $i := (mul 100000 100000)}}{{end}}\n")
	_, err := set.Execute(Agreement, nil, Formats{})
	var te *Error
	if !errors.As(err, &te) || te.Line != 3 || te.Col != 4 || !errors.Is(err, ErrLimit) {
		t.Fatalf("err = %#v, want a limit error at line 3, col 4", err)
	}
	if want := "indent: indent of 6000000000 spaces is too large (at most 1048576 bytes)"; te.Msg != want {
		t.Errorf("message = %q, want %q", te.Msg, want)
	}
}

func TestRangeOverLargeLiteralFailsAtLoad(t *testing.T) {
	for _, text := range []string{"{{range 1000000000}}{{end}}", "{{range (1000000000)}}{{end}}", "x\n{{range $i := ((1000000000))}}{{end}}"} {
		dir := overrideDir(t, text)
		_, err := Load(dir)
		var te *Error
		if !errors.As(err, &te) || !strings.Contains(te.Msg, "range over 1000000000 is too large") {
			t.Errorf("%s: err = %v, want the range refused when the template loads", text, err)
		}
	}
}

// TestNoWorkOutlivesExecute: a template that exceeds a limit stops; Execute returns with no
// goroutine left running and no CPU used afterwards.
func TestNoWorkOutlivesExecute(t *testing.T) {
	set := loadOverride(t, `{{$n := 100000}}{{range $n}}{{range $n}}{{range $n}}{{end}}{{end}}{{end}}`)
	baseline := runtime.NumGoroutine()
	if _, err := set.Execute(Agreement, nil, Formats{}); !errors.Is(err, ErrLimit) {
		t.Fatalf("err = %v, want a limit error", err)
	}
	if n := runtime.NumGoroutine(); n > baseline {
		t.Errorf("%d goroutines after Execute, %d before", n, baseline)
	}
	before := cpuTime(t)
	time.Sleep(300 * time.Millisecond)
	if used := cpuTime(t) - before; used > 100*time.Millisecond {
		t.Errorf("the process used %s of CPU while idle after Execute", used)
	}
}

func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type pointee struct{ N int }

type withPointers struct {
	ID    string
	Inner *pointee
	Count *int
	Names []string
}

// TestNoAddressesInOutput: what would print a memory address is refused; the same values' fields
// print as before.
func TestNoAddressesInOutput(t *testing.T) {
	n := 3
	data := map[string]any{"Order": &withPointers{ID: "O-1", Inner: &pointee{7}, Count: &n, Names: []string{"a", "b"}}}
	for _, text := range []string{
		`{{printf "%p" .Order}}`, `{{printf "%[1]p" .Order.Names}}`, `{{printf "%v" .Order}}`,
		`{{printf "%x" .Order.Count}}`, `{{printf "%d" .Order.Count}}`, `{{printf "%+v" .Order}}`,
		`{{.Order}}`, `{{print .Order}}`, `{{cat .Order}}`, `{{toString .Order}}`,
		`{{quote .Order.Count}}`, `{{list .Order | toString}}`, `{{html .Order}}`,
	} {
		if out, err := exec(t, text, data, Formats{}); !errors.Is(err, ErrAddress) {
			t.Errorf("%s = %q, %v; want an address error", text, out, err)
		}
	}
	want := "O-1 7 3 [a b] O-1|7|a b|[a b]"
	text := `{{.Order.ID}} {{.Order.Inner.N}} {{.Order.Count}} {{.Order.Names}} {{printf "%s|%d|" .Order.ID .Order.Inner.N}}{{join " " .Order.Names}}|{{print .Order.Names}}`
	if out, err := exec(t, text, data, Formats{}); err != nil || out != want {
		t.Errorf("%s = %q, %v; want %q", text, out, err, want)
	}
}

// TestGuardsKeepMeaning runs templates that stay within the limits through the instrumented
// tree and through plain text/template with the same functions: the output must be the same.
func TestGuardsKeepMeaning(t *testing.T) {
	data := map[string]any{"Xs": []string{"b", "a"}, "M": map[string]int{"y": 2, "x": 1}, "Nil": nil, "Empty": []int{}}
	for _, text := range []string{
		`{{define "x"}}[{{.}}]{{end}}{{template "x"}}{{template "x" 3}}{{block "b" .Xs}}{{len .}}{{end}}`,
		`{{range $i, $x := .Xs}}{{$i}}={{$x}};{{end}}{{range $k, $v := .M}}{{$k}}{{$v}}{{end}}`,
		`{{range .Nil}}x{{else}}none{{end}}{{range .Empty}}x{{else}}empty{{end}}{{range 3}}{{.}}{{end}}`,
		`{{range $i := 10}}{{if eq $i 2}}{{continue}}{{end}}{{if eq $i 5}}{{break}}{{end}}{{$i}}{{end}}`,
		`{{.Nil}}|{{index .M "y"}}|{{with .Xs}}{{index . 0}}{{end}}|{{$x := 1}}{{$x = 2}}{{$x}}`,
		`{{join "," .Xs}}{{printf "%05.1f|%-4s|%q" 3.14159 "ab" "c"}}{{indent 2 "a\nb"}}`,
	} {
		plain, err := plainExec(text, data)
		if err != nil {
			t.Fatalf("%s: plain: %v", text, err)
		}
		got, err := exec(t, text, data, Formats{})
		if err != nil || got != plain {
			t.Errorf("%s = %q, %v; text/template gives %q", text, got, err, plain)
		}
	}
}

// TestSortAlphaLeavesDataAlone: sprig sorts a []string in place, under the other orders' feet.
func TestSortAlphaLeavesDataAlone(t *testing.T) {
	xs := []string{"b", "a"}
	if out, err := exec(t, `{{sortAlpha .}}`, xs, Formats{}); err != nil || out != "[a b]" {
		t.Fatalf("sortAlpha = %q, %v", out, err)
	}
	if xs[0] != "b" {
		t.Errorf("sortAlpha reordered the data: %v", xs)
	}
}

// plainExec runs text with text/template alone: sprig's and cwo's functions unguarded, no
// instrumentation.
func plainExec(text string, data any) (string, error) {
	fm := template.FuncMap{}
	all := sprig.TxtFuncMap()
	for _, name := range allowedSprig {
		if fn, ok := all[name]; ok {
			fm[name] = fn
		}
	}
	for name, fn := range cwoFuncs(Formats{}) {
		fm[name] = fn
	}
	tmpl, err := template.New("t").Option("missingkey=error").Funcs(fm).Parse(text)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	err = tmpl.Execute(&b, data)
	return b.String(), err
}

func overrideDir(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "templates", Agreement), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func loadOverride(t *testing.T, text string) *Set {
	t.Helper()
	set, err := Load(overrideDir(t, text))
	if err != nil {
		t.Fatal(err)
	}
	return set
}
