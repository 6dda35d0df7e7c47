package agreement

import (
	"testing"

	"github.com/cwo-tool/cwo"
)

func TestUSLaw(t *testing.T) {
	us, de := &cwo.Contractor{Country: "US"}, &cwo.Contractor{Country: "DE"}
	usF, deF := &cwo.Funder{Country: "US"}, &cwo.Funder{Country: "DE"}
	for _, tt := range []struct {
		law  string
		c    *cwo.Contractor
		f    *cwo.Funder
		want bool
	}{
		{"the State of Oregon, United States", us, usF, true},
		{"the District of Columbia, United States, and the federal law of the United States where it applies", us, usF, true},
		{"New York", de, deF, true},
		{"the U.S. state of Delaware", us, deF, true},
		{"the Federal Republic of Germany", us, deF, false},
		{"England and Wales", us, usF, false},
		{"Georgia", us, usF, false}, // the country, or the state: not known to be US
		{"", us, usF, true},
		{"", us, deF, false},
		{"", nil, usF, false},
	} {
		if got := USLaw(tt.law, tt.c, tt.f); got != tt.want {
			t.Errorf("USLaw(%q, %+v, %+v) = %v, want %v", tt.law, tt.c, tt.f, got, tt.want)
		}
	}
}
