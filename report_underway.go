package cwo

import "fmt"

// LastEntry returns the date of the period's last time entry, zero when it has none.
func (r *Report) LastEntry() (Date, error) {
	entries, err := r.Entries()
	if err != nil {
		return Date{}, err
	}
	var last Date
	for _, e := range entries {
		last = MaxDate(last, e.Date)
	}
	return last, nil
}

// underWayDays is how many days before its end a period's hours may stop without the report
// saying so: a week, for weekends and days off.
const underWayDays = 7

// NoteUnderWay flags a report whose period (within the order's term) had not ended on the
// report date asOf and whose hours stop more than a week before its end, on through (the last
// day with hours logged): its figures are to that day, not the whole period's.
func (r *Report) NoteUnderWay(asOf, through Date) {
	end := r.Period.End()
	if !r.Order.End.IsZero() && r.Order.End.Before(end) {
		end = r.Order.End
	}
	if !asOf.Before(end) || through.IsZero() || through.DaysUntil(end) <= underWayDays {
		return
	}
	r.Flags = append(r.Flags, fmt.Sprintf("The period is not over: its figures run to %s, the last day with hours logged, not to its end (%s).", through, end))
}
