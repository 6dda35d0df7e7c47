package render_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/internal/pdftest"
	"github.com/cwo-tool/cwo/render"
)

const months = `(January|February|March|April|May|June|July|August|September|October|November|December)`

var (
	dayFirst   = regexp.MustCompile(`\b\d{1,2} ` + months + ` \d{4}\b`)
	monthFirst = regexp.MustCompile(`\b` + months + ` \d{1,2}, \d{4}\b`)
	isoDate    = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
)

// agreementStyle is what an agreement of the samples is drawn with.
type agreementStyle struct {
	paper    string // pdfinfo's page size, "(A4)" or "(letter)"
	dayFirst bool   // 29 September 2026, else September 29, 2026
	amount   string // how order 001's price ($96,000) or 003's rate (€150) is written
}

// TestAgreementLocaleAndPaper renders the samples' agreements with the contractor in the United
// States (as shipped) and in Germany, and checks each one's paper, date style and amounts: the
// contractor's country decides, and CWO-2026-003's own locale (en-001) and paper (a4) win.
func TestAgreementLocaleAndPaper(t *testing.T) {
	us := agreementStyle{"(letter)", false, "$96,000.00"}
	intl := agreementStyle{"(A4)", true, "US$96,000.00"}
	own := agreementStyle{"(A4)", true, "€150.00"} // CWO-2026-003's locale: en-001 and paper: a4
	for _, tt := range []struct {
		country string
		want    map[string]agreementStyle
	}{
		{"US", map[string]agreementStyle{"CWO-2026-001-v1": us, "CWO-2026-003-v2": own, "CWO-2026-005-v1": us}},
		{"DE", map[string]agreementStyle{"CWO-2026-001-v1": intl, "CWO-2026-003-v2": own, "CWO-2026-005-v1": intl}},
	} {
		t.Run(tt.country, func(t *testing.T) {
			dir := copyWorkspace(t, "../samples")
			setCountry(t, dir, tt.country)
			out := t.TempDir()
			mustRender(t, dir, out, func(o *render.Options) { o.Only = []string{render.KindAgreements} })
			for name, want := range tt.want {
				path := filepath.Join(out, "agreements", name+".pdf")
				info, err := pdftest.Tool(t, "pdfinfo", path)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(info), want.paper) {
					t.Errorf("%s: pdfinfo says\n%s\nwant the page size %s", name, info, want.paper)
				}
				text := strings.Join(strings.Fields(pdftest.Text(t, path)), " ")
				checkOneDateStyle(t, name, text, want.dayFirst)
				if name != "CWO-2026-005-v1" && !strings.Contains(text, want.amount) {
					t.Errorf("%s: the text does not write %s", name, want.amount)
				}
			}
		})
	}
}

// TestOneDateStylePerAgreement checks every agreement of the samples: each writes all its dates
// in one style, which is its locale's, and none as YYYY-MM-DD.
func TestOneDateStylePerAgreement(t *testing.T) {
	out := t.TempDir()
	mustRender(t, "../samples", out, func(o *render.Options) { o.Only = []string{render.KindAgreements} })
	paths, _ := filepath.Glob(filepath.Join(out, "agreements", "*.pdf"))
	if len(paths) != 7 {
		t.Fatalf("%d agreements, want 7", len(paths))
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".pdf")
		text := strings.Join(strings.Fields(pdftest.Text(t, path)), " ")
		checkOneDateStyle(t, name, text, name == "CWO-2026-003-v2")
	}
}

// checkOneDateStyle fails the test unless text writes three or more dates, all day first or all
// month first as asked, and no date as YYYY-MM-DD.
func checkOneDateStyle(t *testing.T, name, text string, wantDayFirst bool) {
	t.Helper()
	want, other := monthFirst, dayFirst
	if wantDayFirst {
		want, other = dayFirst, monthFirst
	}
	if n := len(want.FindAllString(text, -1)); n < 3 {
		t.Errorf("%s: %d dates in the expected style (%s), want 3 or more", name, n, want)
	}
	if odd := other.FindAllString(text, -1); len(odd) > 0 {
		t.Errorf("%s: dates in another style: %q", name, odd)
	}
	if iso := isoDate.FindAllString(text, -1); len(iso) > 0 {
		t.Errorf("%s: dates written as YYYY-MM-DD: %q", name, iso)
	}
}

// setCountry sets the contractor's country in the workspace at dir.
func setCountry(t *testing.T, dir, country string) {
	t.Helper()
	path := filepath.Join(dir, "contractor.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "\ncountry: US\n", "\ncountry: "+country+"\n", 1)
	if edited == string(data) && country != "US" {
		t.Fatal("contractor.yaml has no line country: US to change")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
}
