package typeset

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/go-text/typesetting/language"
)

// Font suggestions for characters no configured font has, by script: the Debian package named
// with each has the font (bookworm: fonts-noto-core, fonts-noto-cjk, fonts-dejavu-core).
const (
	suggestCJK   = "Noto Serif CJK (fonts-noto-cjk; NotoSerifCJK-Regular.ttc#Noto Serif CJK JP, or SC/TC/KR)"
	suggestKR    = "Noto Serif CJK KR (fonts-noto-cjk; NotoSerifCJK-Regular.ttc#Noto Serif CJK KR)"
	suggestEmoji = "a monochrome emoji font such as Noto Emoji (not the colour Noto Color Emoji; Noto Sans Symbols 2 " +
		"from fonts-noto-core and DejaVu Sans from fonts-dejavu-core have some emoji)"
	suggestMath    = "Noto Sans Math (fonts-noto-core)"
	suggestSymbols = "Noto Sans Symbols or Noto Sans Symbols 2 (fonts-noto-core)"
	suggestWide    = "a font with wide coverage such as DejaVu Sans (fonts-dejavu-core)"
	suggestPrivate = "the font the text was written for (a private-use character has no standard glyph)"
)

// notoCore is the fonts-noto-core family for each script it has a font for: the serif one where
// there is one, to go with the documents' Noto Serif.
var notoCore = map[language.Script]string{
	language.Adlam:                  "Noto Sans Adlam",
	language.Ahom:                   "Noto Serif Ahom",
	language.Anatolian_Hieroglyphs:  "Noto Sans Anatolian Hieroglyphs",
	language.Arabic:                 "Noto Naskh Arabic",
	language.Armenian:               "Noto Serif Armenian",
	language.Avestan:                "Noto Sans Avestan",
	language.Balinese:               "Noto Serif Balinese",
	language.Bamum:                  "Noto Sans Bamum",
	language.Bassa_Vah:              "Noto Sans Bassa Vah",
	language.Batak:                  "Noto Sans Batak",
	language.Bengali:                "Noto Serif Bengali",
	language.Bhaiksuki:              "Noto Sans Bhaiksuki",
	language.Brahmi:                 "Noto Sans Brahmi",
	language.Buginese:               "Noto Sans Buginese",
	language.Buhid:                  "Noto Sans Buhid",
	language.Canadian_Aboriginal:    "Noto Sans Canadian Aboriginal",
	language.Carian:                 "Noto Sans Carian",
	language.Caucasian_Albanian:     "Noto Sans Caucasian Albanian",
	language.Chakma:                 "Noto Sans Chakma",
	language.Cham:                   "Noto Sans Cham",
	language.Cherokee:               "Noto Sans Cherokee",
	language.Coptic:                 "Noto Sans Coptic",
	language.Cuneiform:              "Noto Sans Cuneiform",
	language.Cypriot:                "Noto Sans Cypriot",
	language.Deseret:                "Noto Sans Deseret",
	language.Devanagari:             "Noto Serif Devanagari",
	language.Dogra:                  "Noto Serif Dogra",
	language.Duployan:               "Noto Sans Duployan",
	language.Egyptian_Hieroglyphs:   "Noto Sans Egyptian Hieroglyphs",
	language.Elbasan:                "Noto Sans Elbasan",
	language.Elymaic:                "Noto Sans Elymaic",
	language.Ethiopic:               "Noto Serif Ethiopic",
	language.Georgian:               "Noto Serif Georgian",
	language.Glagolitic:             "Noto Sans Glagolitic",
	language.Gothic:                 "Noto Sans Gothic",
	language.Grantha:                "Noto Serif Grantha",
	language.Gujarati:               "Noto Serif Gujarati",
	language.Gunjala_Gondi:          "Noto Sans Gunjala Gondi",
	language.Gurmukhi:               "Noto Serif Gurmukhi",
	language.Hanifi_Rohingya:        "Noto Sans Hanifi Rohingya",
	language.Hanunoo:                "Noto Sans Hanunoo",
	language.Hatran:                 "Noto Sans Hatran",
	language.Hebrew:                 "Noto Serif Hebrew",
	language.Imperial_Aramaic:       "Noto Sans Imperial Aramaic",
	language.Inscriptional_Pahlavi:  "Noto Sans Inscriptional Pahlavi",
	language.Inscriptional_Parthian: "Noto Sans Inscriptional Parthian",
	language.Javanese:               "Noto Sans Javanese",
	language.Kaithi:                 "Noto Sans Kaithi",
	language.Kannada:                "Noto Serif Kannada",
	language.Kayah_Li:               "Noto Sans Kayah Li",
	language.Kharoshthi:             "Noto Sans Kharoshthi",
	language.Khmer:                  "Noto Serif Khmer",
	language.Khojki:                 "Noto Serif Khojki",
	language.Khudawadi:              "Noto Sans Khudawadi",
	language.Lao:                    "Noto Serif Lao",
	language.Lepcha:                 "Noto Sans Lepcha",
	language.Limbu:                  "Noto Sans Limbu",
	language.Linear_A:               "Noto Sans Linear A",
	language.Linear_B:               "Noto Sans Linear B",
	language.Lisu:                   "Noto Sans Lisu",
	language.Lycian:                 "Noto Sans Lycian",
	language.Lydian:                 "Noto Sans Lydian",
	language.Mahajani:               "Noto Sans Mahajani",
	language.Malayalam:              "Noto Serif Malayalam",
	language.Mandaic:                "Noto Sans Mandaic",
	language.Manichaean:             "Noto Sans Manichaean",
	language.Marchen:                "Noto Sans Marchen",
	language.Masaram_Gondi:          "Noto Sans Masaram Gondi",
	language.Medefaidrin:            "Noto Sans Medefaidrin",
	language.Meetei_Mayek:           "Noto Sans Meetei Mayek",
	language.Mende_Kikakui:          "Noto Sans Mende Kikakui",
	language.Meroitic_Cursive:       "Noto Sans Meroitic",
	language.Meroitic_Hieroglyphs:   "Noto Sans Meroitic",
	language.Miao:                   "Noto Sans Miao",
	language.Modi:                   "Noto Sans Modi",
	language.Mongolian:              "Noto Sans Mongolian",
	language.Mro:                    "Noto Sans Mro",
	language.Multani:                "Noto Sans Multani",
	language.Myanmar:                "Noto Serif Myanmar",
	language.Nabataean:              "Noto Sans Nabataean",
	language.New_Tai_Lue:            "Noto Sans New Tai Lue",
	language.Newa:                   "Noto Sans Newa",
	language.Nko:                    "Noto Sans NKo",
	language.Nushu:                  "Noto Sans Nushu",
	language.Nyiakeng_Puachue_Hmong: "Noto Serif Nyiakeng Puachue Hmong",
	language.Ogham:                  "Noto Sans Ogham",
	language.Ol_Chiki:               "Noto Sans Ol Chiki",
	language.Old_Hungarian:          "Noto Sans Old Hungarian",
	language.Old_Italic:             "Noto Sans Old Italic",
	language.Old_North_Arabian:      "Noto Sans Old North Arabian",
	language.Old_Permic:             "Noto Sans Old Permic",
	language.Old_Persian:            "Noto Sans Old Persian",
	language.Old_Sogdian:            "Noto Sans Old Sogdian",
	language.Old_South_Arabian:      "Noto Sans Old South Arabian",
	language.Old_Turkic:             "Noto Sans Old Turkic",
	language.Oriya:                  "Noto Sans Oriya",
	language.Osage:                  "Noto Sans Osage",
	language.Osmanya:                "Noto Sans Osmanya",
	language.Pahawh_Hmong:           "Noto Sans Pahawh Hmong",
	language.Palmyrene:              "Noto Sans Palmyrene",
	language.Pau_Cin_Hau:            "Noto Sans Pau Cin Hau",
	language.Phags_Pa:               "Noto Sans PhagsPa",
	language.Phoenician:             "Noto Sans Phoenician",
	language.Psalter_Pahlavi:        "Noto Sans Psalter Pahlavi",
	language.Rejang:                 "Noto Sans Rejang",
	language.Runic:                  "Noto Sans Runic",
	language.Samaritan:              "Noto Sans Samaritan",
	language.Saurashtra:             "Noto Sans Saurashtra",
	language.Sharada:                "Noto Sans Sharada",
	language.Shavian:                "Noto Sans Shavian",
	language.Siddham:                "Noto Sans Siddham",
	language.SignWriting:            "Noto Sans SignWriting",
	language.Sinhala:                "Noto Serif Sinhala",
	language.Sogdian:                "Noto Sans Sogdian",
	language.Sora_Sompeng:           "Noto Sans Sora Sompeng",
	language.Soyombo:                "Noto Sans Soyombo",
	language.Sundanese:              "Noto Sans Sundanese",
	language.Syloti_Nagri:           "Noto Sans Syloti Nagri",
	language.Syriac:                 "Noto Sans Syriac",
	language.Tagalog:                "Noto Sans Tagalog",
	language.Tagbanwa:               "Noto Sans Tagbanwa",
	language.Tai_Le:                 "Noto Sans Tai Le",
	language.Tai_Tham:               "Noto Sans Tai Tham",
	language.Tai_Viet:               "Noto Sans Tai Viet",
	language.Takri:                  "Noto Sans Takri",
	language.Tamil:                  "Noto Serif Tamil",
	language.Tangut:                 "Noto Serif Tangut",
	language.Telugu:                 "Noto Serif Telugu",
	language.Thaana:                 "Noto Sans Thaana",
	language.Thai:                   "Noto Serif Thai",
	language.Tibetan:                "Noto Serif Tibetan",
	language.Tifinagh:               "Noto Sans Tifinagh",
	language.Tirhuta:                "Noto Sans Tirhuta",
	language.Ugaritic:               "Noto Sans Ugaritic",
	language.Vai:                    "Noto Sans Vai",
	language.Wancho:                 "Noto Sans Wancho",
	language.Warang_Citi:            "Noto Sans Warang Citi",
	language.Yezidi:                 "Noto Serif Yezidi",
	language.Yi:                     "Noto Sans Yi",
	language.Zanabazar_Square:       "Noto Sans Zanabazar Square",
}

// Suggest names a font that can draw r, with the Debian package that has it, for a message that
// asks the user to add a font: "Noto Naskh Arabic (fonts-noto-core)" for an Arabic letter,
// Noto Sans CJK for Chinese and Japanese, a monochrome emoji font for an emoji.
func Suggest(r rune) string {
	if emoji(r) {
		return suggestEmoji
	}
	switch s := language.LookupScript(r); s {
	case language.Han, language.Hiragana, language.Katakana, language.Katakana_Or_Hiragana, language.Bopomofo:
		return suggestCJK
	case language.Hangul:
		return suggestKR
	case language.Braille:
		return "DejaVu Sans (fonts-dejavu-core)"
	case language.Common, language.Inherited, language.Unknown:
		switch {
		case unicode.Is(unicode.Co, r):
			return suggestPrivate
		case unicode.Is(unicode.Sm, r):
			return suggestMath
		case unicode.Is(unicode.So, r):
			return suggestSymbols
		}
		return suggestWide
	default:
		if name, ok := notoCore[s]; ok {
			return name + " (fonts-noto-core)"
		}
		return fmt.Sprintf("a Noto font for the %s script", scriptName(r))
	}
}

// scriptName is the Unicode name of r's script ("Old Uyghur"), or "its" when Go's tables do
// not know r.
func scriptName(r rune) string {
	for name, table := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(table, r) {
			return strings.ReplaceAll(name, "_", " ")
		}
	}
	return fmt.Sprintf("U+%04X's", r)
}

// emoji reports whether r is a pictographic emoji or symbol, which cwo draws from a monochrome
// emoji font: the blocks of Unicode's Extended_Pictographic property (and regional indicators),
// less the ASCII and Latin-1 signs (©, ®) every text font has.
func emoji(r rune) bool {
	switch {
	case r < 0x2000:
		return false
	case r >= 0x1F000 && r <= 0x1FAFF, // Mahjong tiles to Symbols and Pictographs Extended-A
		r >= 0x2600 && r <= 0x27BF, // Miscellaneous Symbols, Dingbats
		r >= 0x231A && r <= 0x231B, r == 0x2328, r == 0x23CF, r >= 0x23E9 && r <= 0x23F3, r >= 0x23F8 && r <= 0x23FA,
		r >= 0x2B05 && r <= 0x2B07, r >= 0x2B1B && r <= 0x2B1C, r == 0x2B50, r == 0x2B55,
		r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
		return true
	}
	return false
}
