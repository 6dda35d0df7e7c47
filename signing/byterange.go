package signing

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/cwo-tool/cwo/pdfupdate"
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
func signedRange(data []byte, v pdfupdate.Value) (byteRange, error) {
	a := v.Key("ByteRange")
	if a.Len() != 4 {
		return byteRange{}, errors.New("the signature has no /ByteRange of four numbers")
	}
	var br byteRange
	for i := range br {
		if !a.Index(i).IsInt() {
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
	if err != nil || !bytes.Equal(contents, v.Key("Contents").Bytes()) {
		return byteRange{}, fmt.Errorf("/ByteRange %v: the unsigned gap is not this signature's /Contents", br)
	}
	return br, nil
}

// revisionEndingAt returns the 1-based number of the revision that ends at offset, or 0.
func revisionEndingAt(revs []pdfupdate.Revision, offset int) int {
	for i, r := range revs {
		if offset >= r.EOF && offset <= r.End {
			return i + 1
		}
	}
	return 0
}
