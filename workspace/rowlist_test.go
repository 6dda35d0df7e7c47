package workspace

import "testing"

func TestRowListRoundTrip(t *testing.T) {
	want := []rowRef{{off: 0, n: 10, line: 2, file: 0}, {off: 10, n: 300, line: 3}, {off: 1 << 31, n: 1, line: 1 << 30},
		{off: 5, n: 7, line: 4, file: 3}, {off: 6, n: 7, line: 9, file: 3}, {off: 0, n: 1, line: 1, file: 65535}}
	var a, b rowList
	for _, r := range want[:3] {
		a.add(r)
	}
	for _, r := range want[3:] {
		b.add(r)
	}
	a.appendList(b)
	a.clip()
	var got []rowRef
	a.each(func(r rowRef) { got = append(got, r) })
	if len(got) != len(want) || a.len != len(want) {
		t.Fatalf("got %d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(a.data) > 7*len(want)+8 {
		t.Errorf("%d bytes for %d rows", len(a.data), len(want))
	}
}
