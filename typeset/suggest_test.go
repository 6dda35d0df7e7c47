package typeset

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		want string
	}{
		{'أ', "Noto Naskh Arabic (fonts-noto-core)"},
		{'ש', "Noto Serif Hebrew (fonts-noto-core)"},
		{'क', "Noto Serif Devanagari (fonts-noto-core)"},
		{'ก', "Noto Serif Thai (fonts-noto-core)"},
		{'ক', "Noto Serif Bengali (fonts-noto-core)"},
		{'த', "Noto Serif Tamil (fonts-noto-core)"},
		{'త', "Noto Serif Telugu (fonts-noto-core)"},
		{'ગ', "Noto Serif Gujarati (fonts-noto-core)"},
		{'ਪ', "Noto Serif Gurmukhi (fonts-noto-core)"},
		{'ಕ', "Noto Serif Kannada (fonts-noto-core)"},
		{'മ', "Noto Serif Malayalam (fonts-noto-core)"},
		{'ස', "Noto Serif Sinhala (fonts-noto-core)"},
		{'ក', "Noto Serif Khmer (fonts-noto-core)"},
		{'ລ', "Noto Serif Lao (fonts-noto-core)"},
		{'မ', "Noto Serif Myanmar (fonts-noto-core)"},
		{'ქ', "Noto Serif Georgian (fonts-noto-core)"},
		{'Ա', "Noto Serif Armenian (fonts-noto-core)"},
		{'አ', "Noto Serif Ethiopic (fonts-noto-core)"},
		{'ཀ', "Noto Serif Tibetan (fonts-noto-core)"},
		{'Ꮳ', "Noto Sans Cherokee (fonts-noto-core)"},
		{'ߊ', "Noto Sans NKo (fonts-noto-core)"},
		{'山', suggestCJK},
		{'の', suggestCJK},
		{'カ', suggestCJK},
		{'ㄅ', suggestCJK},
		{'한', suggestKR},
		{'😀', suggestEmoji},
		{'🇫', suggestEmoji},
		{'☂', suggestEmoji},
		{'✅', suggestEmoji},
		{'⭐', suggestEmoji},
		{'⠃', "DejaVu Sans (fonts-dejavu-core)"},
		{'∮', suggestMath},
		{'⌘', suggestSymbols},
		{'\uE000', suggestPrivate},
		{'\U00010F70', "a Noto font for the Old Uyghur script"}, // no Noto font in bookworm
	} {
		if got := Suggest(tt.r); got != tt.want {
			t.Errorf("Suggest(%q U+%04X) = %q, want %q", tt.r, tt.r, got, tt.want)
		}
	}
}

// TestSuggestedFilesExist checks each suggestion from the fonts-noto-core table against the files
// that package installed (CI installs it): a family named there must have a regular face.
func TestSuggestedFilesExist(t *testing.T) {
	const dir = "/usr/share/fonts/truetype/noto"
	for script, family := range notoCore {
		file := strings.ReplaceAll(family, " ", "") + "-Regular.ttf"
		if _, err := os.Stat(filepath.Join(dir, file)); err != nil {
			t.Errorf("script %s: %s suggested, but fonts-noto-core has no %s: %v", script, family, file, err)
		}
	}
	for _, name := range []string{"NotoSansSymbols-Regular.ttf", "NotoSansSymbols2-Regular.ttf", "NotoSansMath-Regular.ttf"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("suggested %s is not installed by fonts-noto-core: %v", name, err)
		}
	}
	if _, err := os.Stat("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"); err != nil {
		t.Errorf("suggested DejaVu Sans is not installed by fonts-dejavu-core: %v", err)
	}
	data, err := os.ReadFile("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
	if err != nil {
		t.Fatalf("suggested NotoSansCJK-Regular.ttc is not installed by fonts-noto-cjk: %v", err)
	}
	for _, ref := range regexp.MustCompile(`NotoSansCJK-Regular\.ttc#([^,;)]+)`).FindAllStringSubmatch(suggestCJK+" "+suggestKR, -1) {
		if _, err := Parse(data, ref[1]); err != nil {
			t.Errorf("suggested face %q: %v", ref[1], err)
		}
	}
}

// TestSuggestedFontsCover checks that the suggested font has the character, for a sample of
// scripts (parsing every font of the table would take seconds).
func TestSuggestedFontsCover(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		file string
	}{
		{'أ', "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"},
		{'ש', "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf"},
		{'क', "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf"},
		{'ཀ', "/usr/share/fonts/truetype/noto/NotoSerifTibetan-Regular.ttf"},
		{'∮', "/usr/share/fonts/truetype/noto/NotoSansMath-Regular.ttf"},
		{'⠃', "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
		{'😀', "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
		{'☂', "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf"},
	} {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		face, err := Parse(data, "")
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if !face.Has(tt.r) {
			t.Errorf("%s, suggested for %q, does not have it", tt.file, tt.r)
		}
	}
}

func TestEmoji(t *testing.T) {
	for _, r := range []rune{'😀', '👍', '🚀', '🇩', '☀', '✈', '⌚', '⭐'} {
		if !emoji(r) {
			t.Errorf("emoji(%q U+%04X) = false", r, r)
		}
	}
	for _, r := range []rune{'a', '©', '®', '→', '€', '山', '∮'} {
		if emoji(r) {
			t.Errorf("emoji(%q U+%04X) = true", r, r)
		}
	}
}
