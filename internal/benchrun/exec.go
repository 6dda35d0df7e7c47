package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// runResult is what one cwo process did and cost.
type runResult struct {
	wall   time.Duration
	cpu    time.Duration // user + system
	rssKB  int64         // peak resident set size
	stdout string
	// first and last are when the first and the last per-file line ("wrote ...") came, from the
	// start; files counts those lines. Between them the process was rendering.
	first, last time.Duration
	files       int
	counts      map[string]count // by kind, from the summary lines
}

// count is one summary line: "agreements: 7 rendered, 0 unchanged, 0 failed in 0.41s".
type count struct{ rendered, unchanged, failed int }

var summaryLine = regexp.MustCompile(`^(\w+): (\d+) rendered, (\d+) unchanged, (\d+) failed`)

// cwo runs the binary with args and measures it. A non-zero exit is an error, with the end of
// its output.
func (o options) cwo(args ...string) (*runResult, error) {
	cmd := exec.Command(o.bin, args...)
	cmd.Env = os.Environ()
	if o.gogc != "" {
		cmd.Env = append(cmd.Env, "GOGC="+o.gogc)
	}
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	r := &runResult{counts: map[string]count{}}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	tail := r.scan(stderr, start)
	err = cmd.Wait()
	r.wall = time.Since(start)
	r.stdout = stdout.String()
	if ps := cmd.ProcessState; ps != nil {
		r.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			r.rssKB = ru.Maxrss
			if runtime.GOOS == "darwin" { // bytes there, kilobytes on Linux
				r.rssKB /= 1024
			}
		}
	}
	if err != nil {
		return r, fmt.Errorf("cwo %s: %w\n%s%s", strings.Join(shorten(args), " "), err, lastLines(r.stdout, 10), tail)
	}
	return r, nil
}

// scan reads the process's stderr as it comes, timing the per-file lines and parsing the
// summary; it returns the last lines for error messages.
func (r *runResult) scan(stderr io.Reader, start time.Time) string {
	var tail []string
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "wrote ") || strings.HasPrefix(line, "updated ") {
			at := time.Since(start)
			if r.files == 0 {
				r.first = at
			}
			r.last = at
			r.files++
			continue
		}
		if m := summaryLine.FindStringSubmatch(line); m != nil {
			r.counts[m[1]] = count{atoi(m[2]), atoi(m[3]), atoi(m[4])}
		}
		if tail = append(tail, line); len(tail) > 10 {
			tail = tail[1:]
		}
	}
	if len(tail) == 0 {
		return ""
	}
	return strings.Join(tail, "\n") + "\n"
}

// renderRate is the documents per second between the first and the last file written: the
// rendering itself, without loading and validating the workspace.
func (r *runResult) renderRate() float64 {
	if r.files < 2 || r.last <= r.first {
		return 0
	}
	return float64(r.files-1) / (r.last - r.first).Seconds()
}

// rendered is the number of outputs the run rendered, of every kind.
func (r *runResult) rendered() int {
	n := 0
	for _, c := range r.counts {
		n += c.rendered
	}
	return n
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// shorten abbreviates long arguments (the list of --order IDs) for messages.
func shorten(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if len(a) > 60 {
			a = fmt.Sprintf("%s…(%d IDs)", a[:20], strings.Count(a, ",")+1)
		}
		out[i] = a
	}
	return out
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	if len(lines) == 1 && lines[0] == "" {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}
