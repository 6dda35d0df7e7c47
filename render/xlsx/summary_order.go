package xlsx

import "fmt"

// flags writes what the funder should know before reading on (an unsigned order, spend without
// notes, hours after the term) as a highlighted note under the title.
func (s *summarySheet) flags() {
	for _, f := range s.b.r.Flags {
		text := "⚠ " + f
		s.merged("A", summaryLastCol, text, s.b.st.flag)
		s.next(linesHeight(textLines(text, span("A", summaryLastCol))) + 4)
	}
}

// orderInfo writes the order's facts.
func (s *summarySheet) orderInfo() {
	r, st := s.b.r, s.b.st
	s.section("About the order", 6)
	pair := func(label, v string) {
		s.label(label)
		s.merged("B", summaryLastCol, v, st.text)
		s.next(0)
	}
	pair("Order", fmt.Sprintf("%s v%d: %s", r.Order.ID, r.Order.Version, r.Order.Title))
	if r.Funder != nil {
		pair("Funder", r.Funder.LegalName)
	}
	if r.Project != nil {
		pair("Project", r.Project.Name)
	}
	pair("Period", fmt.Sprintf("%s (%s to %s)", r.Period, r.Period.Start(), r.Period.End()))
	pair("Term", fmt.Sprintf("%s to %s", r.Order.Start, r.Order.End))
	pair("Order status", statusWords(r.Order.Status))
}
