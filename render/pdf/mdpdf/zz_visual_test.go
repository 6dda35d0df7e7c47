package mdpdf

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestVisual(t *testing.T) {
	src := strings.Repeat("Filler paragraph text to push content down the page for testing. ", 40) + "\n\n" +
		"> " + strings.Repeat("Quoted clause text that runs across the page break and continues. ", 30) + "\n>\n> > nested " + strings.Repeat("deeper quote text ", 30) + "\n\n" +
		"```\n" + strings.Repeat("code line across pages\n", 40) + "```\n\n" +
		"1. item one " + strings.Repeat("long item text ", 30) + "\n2. item two\n   - sub a\n   - sub b\n\n     sub b second para\n3. item three\n"
	pdf := newDoc(t)
	if err := New(pdf, testStyle()).Render([]byte(src)); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	pdf.Output(&b)
	os.WriteFile("/tmp/md/vis.pdf", b.Bytes(), 0o644)
}
