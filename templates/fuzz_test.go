package templates

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzFunctions calls each guarded function with random strings and numbers in every argument
// position: a call may fail, but it must not panic past the guard, and what it returns must be
// within MaxString and MaxItems.
func FuzzFunctions(f *testing.F) {
	f.Add(uint8(0), "indent", int64(4), "a\nb", "x")
	f.Add(uint8(1), "%p %*d", int64(1_000_000), strings.Repeat("\n", 100), "")
	f.Add(uint8(2), "", int64(-6_000_000_000), "", "\x00")
	fm := funcMap(Formats{Currency: "USD", Locale: "en-US"}, &meter{})
	var names []string
	for _, name := range allowed() {
		if fm[name] != nil {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	f.Fuzz(func(t *testing.T, pick uint8, s1 string, n int64, s2, s3 string) {
		name := names[int(pick)%len(names)]
		fn := reflect.ValueOf(fm[name])
		args, ok := fuzzArgs(fn.Type(), n, []string{s1, s2, s3})
		if !ok {
			return
		}
		res := fn.Call(args)
		if err, _ := res[1].Interface().(error); err != nil {
			return
		}
		v := unwrap(res[0])
		switch v.Kind() {
		case reflect.String:
			if v.Len() > MaxString {
				t.Fatalf("%s returned %d bytes", name, v.Len())
			}
		case reflect.Slice, reflect.Map:
			if v.Len() > MaxItems {
				t.Fatalf("%s returned %d items", name, v.Len())
			}
		}
	})
}

// fuzzArgs fills a function's parameters from the fuzzer's values: strings, the number, a list
// of the strings; false when a parameter's type is none of those.
func fuzzArgs(ft reflect.Type, n int64, strs []string) ([]reflect.Value, bool) {
	var args []reflect.Value
	for i := range ft.NumIn() {
		pt := ft.In(i)
		if ft.IsVariadic() && i == ft.NumIn()-1 {
			pt = pt.Elem()
		}
		var v reflect.Value
		switch pt.Kind() {
		case reflect.String:
			v = reflect.ValueOf(strs[i%len(strs)]).Convert(pt)
		case reflect.Int, reflect.Int64:
			v = reflect.ValueOf(n).Convert(pt)
		case reflect.Interface:
			v = reflect.ValueOf(any(strings.Split(strs[i%len(strs)], ","))).Convert(pt)
			if i == 0 {
				v = reflect.ValueOf(any(strs[0]))
			}
		case reflect.Slice:
			if pt.Elem().Kind() != reflect.String {
				return nil, false
			}
			v = reflect.ValueOf(strs).Convert(pt)
		default:
			return nil, false
		}
		args = append(args, v)
	}
	return args, true
}

func TestFuzzArgsReachTheFunctions(t *testing.T) {
	fm := funcMap(Formats{}, &meter{})
	res := reflect.ValueOf(fm["indent"]).Call([]reflect.Value{reflect.ValueOf(6_000_000_000), reflect.ValueOf("x")})
	if err, _ := res[1].Interface().(error); !errors.Is(err, ErrLimit) {
		t.Errorf("indent 6e9 through the function map: %v, want a limit error", err)
	}
}
