//go:build !unix

package main

// openNonBlocking is 0 where the system has no non-blocking open; the mode is checked first.
const openNonBlocking = 0
