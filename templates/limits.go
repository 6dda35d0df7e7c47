package templates

import (
	"errors"
	"fmt"
)

// The limits one template execution works under. They are generous for real agreements (the
// default template writes about 14 KB in under 800 steps) and small enough that a hostile
// template stops within about a second and a few megabytes. docs/templates.md lists them.
const (
	// MaxOutput bounds what one template execution may write.
	MaxOutput = 2 << 20
	// MaxString bounds any one string a template function returns.
	MaxString = 1 << 20
	// MaxItems bounds any one list a template function returns and the iterations of any one
	// range.
	MaxItems = 100_000
	// MaxSteps bounds the work of one execution. A step is one template node evaluated (each
	// iteration of a range costs the nodes of its body, each {{template}} call the nodes of the
	// template it calls), one list element or 256 bytes a function reads or makes.
	MaxSteps = 2_000_000
	// MaxDepth bounds how deep {{template}} calls may nest.
	MaxDepth = 1000
	// maxScratch bounds what a function may allocate before its result is checked against
	// MaxString (a case change can make a string longer): a call whose estimate is larger is
	// refused without being made.
	maxScratch = 8 << 20
	// bytesPerStep is how many bytes a function may read or make for one step.
	bytesPerStep = 256
)

// ErrLimit is the error every limit failure wraps: errors.Is(err, ErrLimit) tells a template
// that asked for too much from one that met bad data.
var ErrLimit = errors.New("template limit exceeded")

// limitError is a limit failure: what was too large, and the limit.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }
func (e *limitError) Unwrap() error { return ErrLimit }

func limitf(format string, args ...any) error { return &limitError{fmt.Sprintf(format, args...)} }

// meter counts the steps of one execution. It is not safe for concurrent use: each execution
// has its own.
type meter struct{ steps, depth int }

// charge adds n steps and fails once the execution has used more than MaxSteps.
func (m *meter) charge(n int) error {
	if n < 0 || n > MaxSteps-m.steps {
		m.steps = MaxSteps + 1
		return limitf("template does more than %d steps of work; does it loop over something huge?", MaxSteps)
	}
	m.steps += n
	return nil
}

// chargeBytes charges the steps for reading or making n bytes.
func (m *meter) chargeBytes(n int) error { return m.charge(n / bytesPerStep) }

// limitedWriter collects what a template writes and fails once more than MaxOutput bytes are
// written, which stops the execution.
type limitedWriter struct{ buf []byte }

func (w *limitedWriter) Write(p []byte) (int, error) {
	if len(p) > MaxOutput-len(w.buf) {
		return 0, limitf("template output is larger than %d bytes", MaxOutput)
	}
	w.buf = append(w.buf, p...)
	return len(p), nil
}

func (w *limitedWriter) String() string { return string(w.buf) }
