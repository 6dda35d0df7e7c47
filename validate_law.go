package cwo

import (
	"regexp"
	"strings"
)

// lawChoice warns about a governing law that names the United States, or federal law, and no
// state: the United States has no general law of contracts, so a services contract there is
// governed by the law of a state or of the District of Columbia (with federal law where it
// applies, as it does anyway).
func (v *validator) lawChoice(src Source, law string) {
	if law == "" || !namesUS(law) || namesUSState(law) {
		return
	}
	v.diags.Warnf(src.File, src.At("governing_law"), "governing_law %q names no state: a contract in the United States is governed by "+
		"the law of a state or of the District of Columbia, with federal law where it applies; name one, "+
		"e.g. \"the District of Columbia, United States, and the federal law of the United States where it applies\"", law)
}

var (
	usPattern    = regexp.MustCompile(`(?i)\b(united states|u\.s|usa|us|america)\b|^\s*(the\s+)?federal\s+law\s*$`)
	usStates     = regexp.MustCompile(`(?i)\b(` + strings.Join(usStateNames, "|") + `)\b`)
	usStateNames = []string{"alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "district of columbia", `d\.c`, "dc", "puerto rico", "guam", "virgin islands"}
)

// namesUS reports whether law names the United States or federal law.
func namesUS(law string) bool { return usPattern.MatchString(law) }

// namesUSState reports whether law names a state, the District of Columbia or a territory.
func namesUSState(law string) bool { return usStates.MatchString(law) }
