package cwo

import "regexp"

// IDPattern is what every record ID must match, so that no ID can escape the output folder.
var IDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// MaxIDLength keeps IDs usable as file names.
const MaxIDLength = 100

// ValidID reports whether id matches IDPattern and is at most MaxIDLength bytes long.
func ValidID(id string) bool { return len(id) <= MaxIDLength && IDPattern.MatchString(id) }
