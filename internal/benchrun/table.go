package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// printMachine prints what the figures were measured on.
func printMachine(o options) {
	fmt.Printf("## cwo benchmark, %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Printf("- machine: %s, %d CPUs, %s, %s/%s\n", cpuModel(), runtime.NumCPU(), memTotal(), runtime.GOOS, runtime.GOARCH)
	fmt.Printf("- binary: %s; workspace: %s\n", o.bin, o.ws)
	gogc := o.gogc
	if gogc == "" {
		gogc = os.Getenv("GOGC")
	}
	if gogc == "" {
		gogc = "default (100)"
	}
	fmt.Printf("- GOGC: %s; render --jobs: %s; load average at start: %s\n\n", gogc, jobsText(o.jobs), loadAvg())
}

// printTable prints the results as a Markdown table.
func printTable(results []result) {
	fmt.Println("| step | wall | CPU (user+sys) | peak RSS | rate | target | met | note |")
	fmt.Println("|---|---:|---:|---:|---|---|---|---|")
	for _, res := range results {
		wall, cpu, rss := "", "", ""
		if r := res.r; r != nil {
			wall, cpu, rss = seconds(r.wall), seconds(r.cpu), fmt.Sprintf("%.0f MB", float64(r.rssKB)/1024)
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | %s |\n", res.step, wall, cpu, rss, res.rate, res.target, res.met, res.note)
	}
	fmt.Printf("\nload average at end: %s\n", loadAvg())
}

func summary(res result) string {
	if res.r == nil {
		return res.met + " " + res.note
	}
	return fmt.Sprintf("%s wall, %.0f MB, %s %s", seconds(res.r.wall), float64(res.r.rssKB)/1024, res.rate, res.note)
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func jobsText(n int) string {
	if n <= 0 {
		return "default (one per CPU)"
	}
	return fmt.Sprint(n)
}

// cpuModel, memTotal and loadAvg read /proc where there is one.
func cpuModel() string {
	return procField("/proc/cpuinfo", "model name", "unknown CPU")
}

func memTotal() string {
	return procField("/proc/meminfo", "MemTotal", "unknown memory") + " memory"
}

func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func procField(file, key, fallback string) string {
	data, err := os.ReadFile(file)
	if err != nil {
		return fallback
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return fallback
}
