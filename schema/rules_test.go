package schema

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// TestIDRuleIsTheRootsRule checks that the schemas' ID rule is the root package's: the same
// pattern and length limit, so that an ID of MaxIDLength bytes is accepted by both and one byte
// more is refused by both.
func TestIDRuleIsTheRootsRule(t *testing.T) {
	k := kindNamed(t, "order")
	s, err := Generate(k)
	if err != nil {
		t.Fatal(err)
	}
	rule := lookup(s, "funder")
	if rule["pattern"] != cwo.IDPattern.String() || rule["maxLength"] != cwo.MaxIDLength {
		t.Errorf("order schema's funder rule = %v, want pattern %q and maxLength %d", rule, cwo.IDPattern, cwo.MaxIDLength)
	}
	order, err := os.ReadFile(filepath.Join("..", "testdata", "base", "orders", "O-1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	c := compile(t, k)
	for _, n := range []int{cwo.MaxIDLength, cwo.MaxIDLength + 1} {
		id := strings.Repeat("a", n)
		doc := strings.Replace(string(order), "funder: acme", "funder: "+id, 1)
		schemaOK := c.Validate(decodeYAML(t, []byte(doc))) == nil
		if rootOK := cwo.ValidID(id); schemaOK != rootOK || rootOK != (n <= cwo.MaxIDLength) {
			t.Errorf("a %d-byte ID: schema accepts = %v, cwo.ValidID = %v; want both %v", n, schemaOK, rootOK, n <= cwo.MaxIDLength)
		}
	}
}

// TestDecimalRuleIsTheRootsRule checks that the schemas' decimal pattern accepts a string exactly
// when cwo.ParseDecimal reads it as a number that is not negative.
func TestDecimalRuleIsTheRootsRule(t *testing.T) {
	pattern := regexp.MustCompile(DecimalPattern)
	for _, s := range []string{"0", "12", " 12.50 ", "123456789012345", "1234567890123456", "1.123456789012", "1.1234567890123",
		"1e3", "1,000", ".5", "5.", "-5", "+5", "NaN", ""} {
		d, err := cwo.ParseDecimal(s)
		root := err == nil && d.Sign() >= 0 && !strings.HasPrefix(strings.TrimSpace(s), "-")
		if got := pattern.MatchString(s); got != root {
			t.Errorf("DecimalPattern matches %q = %v, but cwo.ParseDecimal accepts it as a non-negative number = %v", s, got, root)
		}
	}
}

// TestLocaleRuleIsConfigsRule checks that the schemas' locale pattern accepts every locale
// cwo.CheckLocale accepts, and refuses what is not shaped like a BCP 47 tag (which
// cwo.CheckLocale refuses too).
func TestLocaleRuleIsConfigsRule(t *testing.T) {
	pattern := regexp.MustCompile(LocalePattern)
	for _, l := range []string{"en", "en-US", "en-GB", "de_AT", "en-001", "zh-Hant-TW", "sr-Latn", "de-DE-u-co-phonebk", "pt-BR"} {
		if err := cwo.CheckLocale(l); err != nil {
			t.Errorf("cwo.CheckLocale(%q) = %v, want nil", l, err)
		}
		if !pattern.MatchString(l) {
			t.Errorf("locale pattern refuses %q, which cwo.CheckLocale accepts", l)
		}
	}
	for _, l := range []string{"", "english", "en US", "e", "en-", "1en"} {
		if cwo.CheckLocale(l) == nil {
			t.Errorf("cwo.CheckLocale(%q) = nil, want an error", l)
		}
		if pattern.MatchString(l) {
			t.Errorf("locale pattern matches %q", l)
		}
	}
}

// TestLengthRuleIsTheRootsRule checks that the data schemas give text the length limit that
// validation enforces: a title of MaxLineLength characters is accepted by both, one more is
// refused by both, and Markdown fields get the larger limit.
func TestLengthRuleIsTheRootsRule(t *testing.T) {
	k := kindNamed(t, "order")
	s, err := Generate(k)
	if err != nil {
		t.Fatal(err)
	}
	if got := lookup(s, "title")["maxLength"]; got != cwo.MaxLineLength {
		t.Errorf("order title maxLength = %v, want %d", got, cwo.MaxLineLength)
	}
	project, err := Generate(kindNamed(t, "project"))
	if err != nil {
		t.Fatal(err)
	}
	if got := lookup(project, "roadmap.items.*.summary")["maxLength"]; got != cwo.MaxTextLength {
		t.Errorf("roadmap item summary maxLength = %v, want %d", got, cwo.MaxTextLength)
	}
	order, err := os.ReadFile(filepath.Join("..", "testdata", "base", "orders", "O-1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	c := compile(t, k)
	for _, n := range []int{cwo.MaxLineLength, cwo.MaxLineLength + 1} {
		title := strings.Repeat("é", n) // characters, not bytes
		doc := strings.Replace(string(order), "title: Faster NumPy", "title: "+title, 1)
		if doc == string(order) {
			t.Fatal("the base order has no title to replace")
		}
		schemaOK := c.Validate(decodeYAML(t, []byte(doc))) == nil
		if want := n <= cwo.MaxLineLength; schemaOK != want || (cwo.FieldLimit("title") >= n) != want {
			t.Errorf("a %d-character title: schema accepts = %v, FieldLimit(title) = %d; want accepted = %v",
				n, schemaOK, cwo.FieldLimit("title"), want)
		}
	}
}
