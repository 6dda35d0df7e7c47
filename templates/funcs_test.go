package templates

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// exec runs one template snippet as Set.Execute does, with the function map for f.
func exec(t *testing.T, text string, data any, f Formats) (string, error) {
	t.Helper()
	tmpl, err := parseStrict("t", text)
	if err != nil {
		return "", err
	}
	return executeGuarded(tmpl, data, f)
}

func TestFunctionExamples(t *testing.T) {
	us := Formats{Currency: "USD", Locale: "en-US"}
	de := Formats{Currency: "EUR", Locale: "de-DE"}
	intl := Formats{Currency: "EUR", Locale: "en-001"}
	data := map[string]any{
		"Amount": cwo.MustDecimal("150000"), "Cents": cwo.MustDecimal("12500.5"),
		"Date": cwo.MustDate("2026-09-15"), "Hours": cwo.MustDecimal("1250"), "Half": cwo.MustDecimal("7.5"), "Multiple": cwo.MustDecimal("1.50"),
		"Two": cwo.MustDecimal("2"), "TwoPoint": cwo.MustDecimal("2.00"),
		"Part": cwo.MustDecimal("40"), "Whole": cwo.MustDecimal("160"),
		"Address": []string{"1 Main St", "Springfield"}, "Unset": cwo.Date{},
	}
	tests := []struct {
		name, text string
		f          Formats
		want       string
	}{
		{"money en-US", `{{money .Amount}}`, us, "$150,000.00"},
		{"money de-DE", `{{money .Cents}}`, de, "12.500,50\u00a0€"},
		{"money other currency", `{{money .Amount "GBP"}}`, us, "£150,000.00"},
		{"date en-US", `{{date .Date}}`, us, "September 15, 2026"},
		{"date de-DE", `{{date .Date}}`, de, "15 September 2026"},
		{"money en-001", `{{money .Cents}}`, intl, "€12,500.50"},
		{"money en-001 in dollars", `{{money .Amount "USD"}}`, intl, "US$150,000.00"},
		{"date en-001", `{{date .Date}}`, intl, "15 September 2026"},
		{"date unset", `{{date .Unset}}`, intl, ""},
		{"hours", `{{hours .Hours}}`, us, "1,250"},
		{"hours fraction de", `{{hours .Half}}`, de, "7,5"},
		{"number", `{{number .Half}}`, us, "7.5"},
		{"number de", `{{number .Half}}`, de, "7,5"},
		{"number trailing zeros", `{{number .Multiple}}`, us, "1.5"},
		{"plural one", `{{plural 1 "hour" "hours"}}`, us, "hour"},
		{"plural many", `{{plural .Hours "hour" "hours"}}`, us, "hours"},
		{"percent", `{{percent .Part .Whole}}`, us, "25%"},
		{"esc", `{{esc "a*b_[c]"}}`, us, `a\*b\_\[c\]`},
		{"lines", `{{lines .Address}}`, us, "1 Main St, Springfield"},
		{"spelled", `{{spelled .Two}}`, us, "two (2)"},
		{"spelled trailing zeros", `{{spelled .TwoPoint}}`, us, "two (2)"},
		{"spelled fraction", `{{spelled .Multiple}}`, us, "1.5"},
		{"spelled large", `{{spelled .Hours}}`, us, "1,250"},
		{"linkrefs", `{{linkrefs "lock ([PEP 703](https://peps.python.org/pep-0703/))."}}`, us,
			"lock (PEP 703 (<https://peps.python.org/pep-0703/>))."},
		{"linkrefs mail", `{{linkrefs "[write to us](mailto:a@b.example)"}}`, us, "write to us (<a@b.example>)"},
		{"linkrefs keeps a link that shows its address", `{{linkrefs "[numpy.org](https://numpy.org) and [https://x.example](https://x.example)"}}`, us,
			"[numpy.org](https://numpy.org) and [https://x.example](https://x.example)"},
		{"linkrefs leaves code and images", "{{linkrefs \"`[a](https://a.example)` ![b](https://b.example/i.png)\"}}", us,
			"`[a](https://a.example)` ![b](https://b.example/i.png)"},
		{"sum", `{{money (sum .Amount .Cents)}}`, us, "$162,500.50"},
		{"sprig upper", `{{upper "numpy"}}`, us, "NUMPY"},
		{"sprig default", `{{default "x" ""}}`, us, "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := exec(t, tt.text, data, tt.f)
			if err != nil || got != tt.want {
				t.Errorf("%s = %q, %v; want %q", tt.text, got, err, tt.want)
			}
		})
	}
}

func TestForbiddenFunctions(t *testing.T) {
	for _, fn := range []string{"now", "env", "expandenv", "randAlpha", "uuidv4", "sha256sum", "repeat", "until", "seq", "keys", "genPrivateKey", "getHostByName"} {
		if _, err := exec(t, "{{"+fn+"}}", nil, Formats{}); err == nil || !strings.Contains(err.Error(), "not defined") {
			t.Errorf("%s: err = %v, want 'not defined'", fn, err)
		}
	}
}

func TestOverrideErrorsArePositioned(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	os.WriteFile(filepath.Join(dir, "templates", Agreement), []byte("Hello\n\n{{ now }}\n"), 0o644)
	_, err := Load(dir)
	var te *Error
	if !errors.As(err, &te) || te.File != "templates/agreement.md.tmpl" || te.Line != 3 {
		t.Fatalf("err = %#v, want a positioned error at templates/agreement.md.tmpl:3", err)
	}
	if !strings.Contains(te.Msg, `function "now" not defined`) {
		t.Errorf("message = %q", te.Msg)
	}
	os.WriteFile(filepath.Join(dir, "templates", Agreement), []byte("A\n  {{.Order.Nope}}\n"), 0o644)
	set, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = set.Execute(Agreement, map[string]any{"Order": map[string]any{"ID": "x"}}, Formats{})
	if !errors.As(err, &te) || te.Line != 2 || te.Col != 10 {
		t.Fatalf("execute err = %#v, want line 2 col 10", err)
	}
}

func TestOutputIsBounded(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	loop := `{{range $}}{{range $}}{{range $}}{{range $}}{{range $}}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{end}}{{end}}{{end}}{{end}}{{end}}`
	os.WriteFile(filepath.Join(dir, "templates", Agreement), []byte(loop), 0o644)
	set, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	data := make([]int, 40)
	_, err = set.Execute(Agreement, data, Formats{})
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a template writing %d bytes: err = %v, want a size error", 40*40*40*40*40*36, err)
	}
}

func TestDefaultAgreementParses(t *testing.T) {
	set, err := Load(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(set.Text(Agreement), "## Principles of this Order") || set.File(Agreement) != "(embedded) agreement.md.tmpl" {
		t.Errorf("embedded agreement template not loaded: %s", set.File(Agreement))
	}
}
