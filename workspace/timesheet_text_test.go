package workspace

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/cwo-tool/cwo"
)

// Text that is not UTF-8 stops the reading with an error at the line of its first bad byte,
// however the reads cut the text (a character split between two reads is not an error).
func TestTimesheetMustBeUTF8(t *testing.T) {
	good := "date,order,person,hours,note\n2026-10-02,O-1,Zoë Martin,1,Ελένη 日本 🙂\n2026-10-03,O-1,Zoë Martin,2,\"two\nlines €\"\n"
	for _, tc := range []struct {
		name, text string
		line       int // of the error; 0 for none
	}{
		{"utf-8", good, 0},
		{"utf-8 with a byte order mark", "\ufeff" + good, 0},
		{"windows-1252 in a row", good + "2026-10-04,O-1,Zo\xeb Martin,1,\n", 5},
		{"windows-1252 in the header", "date,order,person,hours,notiz\xe9\n", 1},
		{"a character cut off at the end", good + "2026-10-04,O-1,P,1,\xe2\x82", 5},
		{"a lone continuation byte", good + "\x80\n", 5},
	} {
		for _, r := range []struct {
			name string
			wrap func(io.Reader) io.Reader
		}{{"whole", func(r io.Reader) io.Reader { return r }}, {"byte by byte", iotest.OneByteReader}, {"in halves", iotest.HalfReader}} {
			t.Run(tc.name+"/"+r.name, func(t *testing.T) {
				diags := ReadTimesheet(r.wrap(strings.NewReader(tc.text)), "t.csv", nil, func(cwo.TimeEntry) {})
				var errs []cwo.Diagnostic
				for _, d := range diags {
					if d.Severity == cwo.Error {
						errs = append(errs, d)
					}
				}
				switch {
				case tc.line == 0 && len(errs) > 0:
					t.Errorf("errors in UTF-8 text: %v", diags)
				case tc.line > 0 && (len(errs) != 1 || errs[0].Pos.Line != tc.line || !strings.Contains(errs[0].Message, "is not UTF-8 text")):
					t.Errorf("diagnostics %v, want one error at line %d that the text is not UTF-8", diags, tc.line)
				}
			})
		}
	}
}

func TestFileEncoding(t *testing.T) {
	for _, tc := range []struct {
		head, declared string
		want           textEncoding
	}{
		{"date", "", textUTF8},
		{"\xef\xbb\xbfdate", "windows-1252", textUTF8}, // the byte order mark decides
		{"\xff\xfed\x00", "", textUTF16LE},
		{"\xfe\xff\x00d", "utf-8", textUTF16BE},
		{"d\x00a\x00", "utf-16", textUTF16LE},
		{"\x00d\x00a", "utf-16be", textUTF16BE},
		{"date", "windows-1252", textWindows1252},
	} {
		if got := fileEncoding([]byte(tc.head), tc.declared); got != tc.want {
			t.Errorf("fileEncoding(%q, %q) = %d, want %d", tc.head, tc.declared, got, tc.want)
		}
	}
}

func TestDetectDelimiter(t *testing.T) {
	for _, tc := range []struct {
		text string
		want rune
	}{
		{"date,order,person,hours\n", ','},
		{"date;order;person;hours\r\n1;2;3;4\n", ';'},
		{"date\torder\tperson\thours\n", '\t'},
		{"\"a;b\",\"c;d\",e\n", ','},         // separators inside quotes do not count
		{"date;order\na,b,c,d,e,f,g\n", ';'}, // only the header line counts
		{"date\n", ','},
	} {
		if got := detectDelimiter([]byte(tc.text)); got != tc.want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestTimeOfDay(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int // seconds; -1 for an error
	}{
		{"09:00", 9 * 3600}, {"9:05:30", 9*3600 + 5*60 + 30}, {"23:59:59", 86399},
		{"12:00:00 AM", 0}, {"12:30 PM", 12*3600 + 1800}, {"01:15:00 pm", 13*3600 + 900}, {"11:00AM", 11 * 3600},
		{"24:00", -1}, {"13:00 PM", -1}, {"9:5", -1}, {"9", -1}, {"9:00:00:00", -1}, {"", -1}, {"-1:00", -1},
	} {
		got, err := timeOfDay(tc.s)
		if err != nil {
			got = -1
		}
		if got != tc.want {
			t.Errorf("timeOfDay(%q) = %d (%v), want %d", tc.s, got, err, tc.want)
		}
	}
}

func TestImportHours(t *testing.T) {
	dot, comma := &importRule{name: "timesheets[0]"}, &importRule{name: "timesheets[0]", comma: true}
	for _, tc := range []struct {
		r    *importRule
		s    string
		want string // hours, or the start of the error
	}{
		{dot, "2.5", "2.5"}, {dot, "02:30:00", "2.5"}, {dot, "0:50", "0.833333"}, {dot, "0.00", "0"},
		{comma, "3,5", "3.5"}, {comma, "2", "2"}, {comma, "1:30", "1.5"},
		{dot, "3,5", `"3,5" is not hours (like 7.5 or 7:30); for a decimal comma, set decimal: ","`},
		{comma, "3.5", `"3.5" is not hours with a decimal comma`},
		{dot, "", "is empty"}, {dot, "-1.5", `"-1.5" is less than no time`},
	} {
		h, err := tc.r.hours(tc.s)
		got := h.String()
		if err != nil {
			got = err.Error()
		}
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("hours(%q), decimal comma %v = %q, want %q", tc.s, tc.r.comma, got, tc.want)
		}
	}
}
