package render

import "testing"

func TestNonASCIIListsEachCharacterOnce(t *testing.T) {
	got := nonASCII([]byte(`{"name":"Zoë Müller","funder":"Ωmega Λtd","note":"ëë plain"}`))
	if want := "ëüΛΩ"; got != want {
		t.Errorf("nonASCII = %q, want %q", got, want)
	}
	if got := nonASCII([]byte(`{"plain":"ascii only"}`)); got != "" {
		t.Errorf("nonASCII of ASCII = %q, want empty", got)
	}
}
