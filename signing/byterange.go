package signing

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/digitorus/pdf"
)

// byteRange is a signature's /ByteRange [a b c d]: bytes a to a+b and c to c+d are signed; the
// gap between them holds the /Contents hex string.
type byteRange [4]int

// end is the first byte after the signed range.
func (br byteRange) end() int { return br[2] + br[3] }

// content returns the signed bytes.
func (br byteRange) content(data []byte) []byte {
	out := make([]byte, 0, br[1]+br[3])
	return append(append(out, data[br[0]:br[0]+br[1]]...), data[br[2]:br.end()]...)
}

// signedRange reads and checks the /ByteRange of signature dictionary v: it must start at byte 0,
// lie within the file, and leave exactly one gap, which must hold this dictionary's /Contents as
// a hex string.
func signedRange(data []byte, v pdf.Value) (byteRange, error) {
	a := v.Key("ByteRange")
	if a.Len() != 4 {
		return byteRange{}, errors.New("the signature has no /ByteRange of four numbers")
	}
	var br byteRange
	for i := range br {
		if a.Index(i).Kind() != pdf.Integer {
			return byteRange{}, errors.New("/ByteRange holds a value that is not an integer")
		}
		br[i] = int(a.Index(i).Int64())
	}
	if br[0] != 0 || br[1] < 0 || br[2] <= br[1]+1 || br[3] < 0 || br.end() > len(data) {
		return byteRange{}, fmt.Errorf("/ByteRange %v does not fit a %d-byte file", br, len(data))
	}
	gap := data[br[1]:br[2]]
	if gap[0] != '<' || gap[len(gap)-1] != '>' {
		return byteRange{}, fmt.Errorf("/ByteRange %v: the unsigned gap is not a hex string", br)
	}
	contents, err := hex.DecodeString(string(gap[1 : len(gap)-1]))
	if err != nil || !bytes.Equal(contents, []byte(v.Key("Contents").RawString())) {
		return byteRange{}, fmt.Errorf("/ByteRange %v: the unsigned gap is not this signature's /Contents", br)
	}
	return br, nil
}

// revision is where one revision of the file ends: just after its %%EOF marker, and after the
// end-of-line that may follow it.
type revision struct{ eof, end int }

// findRevisions returns the end of every revision, in order: each %%EOF marker ends the original
// document or an incremental update.
func findRevisions(data []byte) []revision {
	var revs []revision
	marker := []byte("%%EOF")
	for off := 0; ; {
		i := bytes.Index(data[off:], marker)
		if i < 0 {
			return revs
		}
		eof := off + i + len(marker)
		end := eof
		if end < len(data) && data[end] == '\r' {
			end++
		}
		if end < len(data) && data[end] == '\n' {
			end++
		}
		revs = append(revs, revision{eof: eof, end: end})
		off = end
	}
}

// revisionEndingAt returns the 1-based number of the revision that ends at offset, or 0.
func revisionEndingAt(revs []revision, offset int) int {
	for i, r := range revs {
		if offset >= r.eof && offset <= r.end {
			return i + 1
		}
	}
	return 0
}
