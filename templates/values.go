package templates

import (
	"errors"
	"fmt"
	"reflect"
)

// ErrAddress is the error a template gets for printing a value whose printed form would show a
// memory address (a pointer inside a struct or list, or printf's %p): such output differs
// between runs, and cwo's outputs do not.
var ErrAddress = errors.New("would print a memory address, which differs between runs")

// addressError names the value that would print an address.
type addressError struct{ what string }

func (e *addressError) Error() string {
	return fmt.Sprintf("%s %v; print its fields instead", e.what, ErrAddress)
}
func (e *addressError) Unwrap() error { return ErrAddress }

// Upper bounds of how wide fmt's %v prints a scalar: an int64 takes at most 20 characters, a
// float64's shortest form at most 24.
const (
	numberWidth = 24
	nilWidth    = len("<nil>")
)

var (
	stringerType  = reflect.TypeFor[fmt.Stringer]()
	errorType     = reflect.TypeFor[error]()
	formatterType = reflect.TypeFor[fmt.Formatter]()
)

// sizer measures a value the way fmt prints it with %v: an upper bound of the printed size,
// counting each element of a list or map however often it is shared, so a list that holds itself
// twice forty levels deep measures its printed size, not its memory. With fmtSafe it also fails
// on anything whose printed form would show a memory address. It stops as soon as the size
// passes maxScratch, so measuring costs at most that many nodes.
type sizer struct {
	fmtSafe bool
	size    int
	nodes   int
}

// measure returns v's printed size and charges m for the nodes and bytes it looked at.
func (m *meter) measure(v reflect.Value, fmtSafe bool) (int, error) {
	s := sizer{fmtSafe: fmtSafe}
	if err := s.walk(v, 0); err != nil {
		return 0, err
	}
	return s.size, m.charge(s.nodes + s.size/bytesPerStep)
}

func (s *sizer) add(n int) error {
	s.nodes++
	s.size += n
	if s.size > maxScratch {
		return limitf("a value given to a template function is larger than %d bytes", maxScratch)
	}
	return nil
}

// walk follows fmt's printValue: depth 0 is the argument itself.
func (s *sizer) walk(v reflect.Value, depth int) error {
	if !v.IsValid() {
		return s.add(nilWidth)
	}
	if v.CanInterface() && hasPrintMethod(v.Type()) {
		return s.add(len(fmt.Sprint(v.Interface())))
	}
	switch v.Kind() {
	case reflect.String:
		return s.add(v.Len())
	case reflect.Bool:
		return s.add(len("false"))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return s.add(numberWidth)
	case reflect.Complex64, reflect.Complex128:
		return s.add(2*numberWidth + 3)
	case reflect.Interface:
		if v.IsNil() {
			return s.add(nilWidth)
		}
		return s.walk(v.Elem(), depth+1)
	case reflect.Pointer:
		return s.walkPointer(v, depth)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		if v.IsNil() {
			return s.add(nilWidth)
		}
		return s.address(v)
	case reflect.Slice, reflect.Array:
		return s.walkList(v, depth)
	case reflect.Map:
		return s.walkMap(v, depth)
	case reflect.Struct:
		return s.walkStruct(v, depth)
	}
	return s.add(nilWidth)
}

// hasPrintMethod reports whether fmt prints values of t with their own method.
func hasPrintMethod(t reflect.Type) bool {
	return t.Implements(stringerType) || t.Implements(errorType) || t.Implements(formatterType)
}

// walkPointer: fmt prints a pointer to a struct, list or map given directly as &{...}, any other
// pointer as its address. Without fmtSafe a pointer is not followed (the data may point back).
func (s *sizer) walkPointer(v reflect.Value, depth int) error {
	if v.IsNil() {
		return s.add(nilWidth)
	}
	if !s.fmtSafe {
		return s.add(numberWidth)
	}
	switch v.Elem().Kind() {
	case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
		if depth == 0 {
			if err := s.add(1); err != nil {
				return err
			}
			return s.walk(v.Elem(), depth+1)
		}
	}
	return s.address(v)
}

func (s *sizer) address(v reflect.Value) error {
	if !s.fmtSafe {
		return s.add(numberWidth)
	}
	return &addressError{what: "a value of type " + v.Type().String()}
}

func (s *sizer) walkList(v reflect.Value, depth int) error {
	if v.Type().Elem().Kind() == reflect.Uint8 {
		return s.add(4*v.Len() + 2) // [1 2 255]
	}
	if err := s.add(2); err != nil {
		return err
	}
	for i := range v.Len() {
		if err := s.add(1); err != nil {
			return err
		}
		if err := s.walk(v.Index(i), depth+1); err != nil {
			return err
		}
	}
	return nil
}

// walkMap sums over the entries, so the result does not depend on the order they come in,
// except which of several address errors is named: all of them name the same map type.
func (s *sizer) walkMap(v reflect.Value, depth int) error {
	if err := s.add(len("map[]")); err != nil {
		return err
	}
	var first error
	for it := v.MapRange(); it.Next(); {
		if err := s.add(2); err != nil {
			return err
		}
		for _, x := range []reflect.Value{it.Key(), it.Value()} {
			err := s.walk(x, depth+1)
			if errors.Is(err, ErrLimit) {
				return err
			}
			if err != nil && first == nil {
				first = &addressError{what: "a map of type " + v.Type().String()}
			}
		}
	}
	return first
}

func (s *sizer) walkStruct(v reflect.Value, depth int) error {
	t := v.Type()
	if err := s.add(len(t.String()) + 2); err != nil { // %#v writes the type's name
		return err
	}
	for i := range v.NumField() {
		if err := s.add(len(t.Field(i).Name) + 1); err != nil { // %+v writes field names
			return err
		}
		if err := s.walk(v.Field(i), depth+1); err != nil {
			return err
		}
	}
	return nil
}
