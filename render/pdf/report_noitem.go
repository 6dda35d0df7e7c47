package pdf

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
)

// noItemLines says what the period's hours logged without a scope item were: their time
// entries' notes, each with its hours, in the order each note first appears, as the XLSX
// report's timesheet lists them; "" when the period has none.
func (d *reportDoc) noItemLines(r *cwo.Report) (string, error) {
	entries, err := r.Entries()
	if err != nil {
		return "", fmt.Errorf("time entries of %s: %w", r.Period, err)
	}
	scope := map[string]bool{}
	for _, it := range r.Items {
		if !it.NoItem && it.Key != "" {
			scope[it.Key] = true
		}
	}
	var notes []string
	hours := map[string]cwo.Hours{}
	for _, e := range entries {
		if e.Order != r.Order.ID || scope[e.Item] {
			continue
		}
		note := oneLine(e.Note)
		if note == "" {
			note = "(no note)"
		}
		if _, ok := hours[note]; !ok {
			notes = append(notes, note)
		}
		hours[note] = hours[note].Add(e.Hours)
	}
	if len(notes) == 0 {
		return "", nil
	}
	parts := make([]string, len(notes))
	for i, n := range notes {
		parts[i] = fmt.Sprintf("%s (%s h)", esc(n), d.hours(hours[n]))
	}
	return fmt.Sprintf("**%s, this period:** %s.", esc(cwo.NoItemTitle), strings.Join(parts, "; ")), nil
}
