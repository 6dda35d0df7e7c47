package templates

import (
	"fmt"
	"reflect"
)

// precheck looks at a call's arguments (printed is their printed size) before it is made and
// refuses it when it would exceed a limit, charging m for the work the call will do.
type precheck func(m *meter, args []reflect.Value, printed int) error

// guarded returns fn wrapped for one execution: the wrapper has fn's parameters and returns fn's
// result and an error. It measures every argument (refusing one larger than maxScratch, and with
// fmtSafe one that would print an address), runs check, calls fn, and then holds the result to
// MaxString and MaxItems. fn returns one value, or a value and an error.
func guarded(m *meter, name string, fn any, fmtSafe bool, check precheck) any {
	fv := reflect.ValueOf(fn)
	ft := fv.Type()
	in := make([]reflect.Type, ft.NumIn())
	for i := range in {
		in[i] = ft.In(i)
	}
	out := ft.Out(0)
	wt := reflect.FuncOf(in, []reflect.Type{out, errorType}, ft.IsVariadic())
	fail := func(err error) []reflect.Value {
		return []reflect.Value{reflect.Zero(out), reflect.ValueOf(&err).Elem()}
	}
	return reflect.MakeFunc(wt, func(args []reflect.Value) []reflect.Value {
		if err := m.charge(1); err != nil {
			return fail(err)
		}
		printed := 0
		for _, a := range spread(args, ft.IsVariadic()) {
			n, err := m.measure(a, fmtSafe)
			if err != nil {
				return fail(named(name, err))
			}
			printed = satAdd(printed, n)
		}
		if check != nil {
			if err := check(m, args, printed); err != nil {
				return fail(named(name, err))
			}
		}
		res, err := call(fv, args, ft.IsVariadic())
		if err != nil {
			return fail(fmt.Errorf("%s: %v", name, err))
		}
		if len(res) == 2 && !res[1].IsNil() {
			return res
		}
		if err := m.result(res[0]); err != nil {
			return fail(named(name, err))
		}
		return []reflect.Value{res[0], reflect.Zero(errorType)}
	}).Interface()
}

// call calls fv, turning a panic (sprig panics on a division by zero or a list that is not one)
// into an error.
func call(fv reflect.Value, args []reflect.Value, variadic bool) (res []reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if variadic {
		return fv.CallSlice(args), nil
	}
	return fv.Call(args), nil
}

// spread lists the arguments as fmt would see them: a variadic tail one by one, and each
// interface unwrapped to what it holds.
func spread(args []reflect.Value, variadic bool) []reflect.Value {
	var out []reflect.Value
	for i, a := range args {
		if variadic && i == len(args)-1 {
			for j := range a.Len() {
				out = append(out, unwrap(a.Index(j)))
			}
			continue
		}
		out = append(out, unwrap(a))
	}
	return out
}

func unwrap(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface {
		return v.Elem()
	}
	return v
}

// result holds what a function returned to MaxString and MaxItems and charges for making it.
func (m *meter) result(v reflect.Value) error {
	v = unwrap(v)
	switch v.Kind() {
	case reflect.String:
		if v.Len() > MaxString {
			return limitf("returns a string of %d bytes (at most %d)", v.Len(), MaxString)
		}
		return m.chargeBytes(v.Len())
	case reflect.Slice, reflect.Array, reflect.Map:
		if v.Len() > MaxItems {
			return limitf("returns a list of %d items (at most %d)", v.Len(), MaxItems)
		}
		return m.charge(v.Len())
	}
	return nil
}

// named puts the function's name in front of a limit error's message.
func named(name string, err error) error {
	if le, ok := err.(*limitError); ok {
		return &limitError{msg: name + ": " + le.msg}
	}
	if ae, ok := err.(*addressError); ok {
		return &addressError{what: name + ": " + ae.what}
	}
	return err
}
