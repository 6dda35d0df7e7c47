package cldr

import "slices"

// Paper sizes.
const (
	Letter = "letter"
	A4     = "a4"
)

// letterRegions are the territories whose paper is US Letter, as CLDR's supplemental
// measurement data lists them (supplementalData.xml, <paperSize type="US-Letter">); every
// other territory uses A4. No maintained Go library carries this table.
var letterRegions = []string{"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}

// Paper returns the paper a country prints on: Letter in the Americas' Letter countries (US,
// Canada, Mexico ...) and the Philippines, A4 everywhere else. An unknown or empty country
// gets Letter, cwo's default before countries were known.
func Paper(cc string) string {
	if cc == "" || slices.Contains(letterRegions, cc) {
		return Letter
	}
	return A4
}
