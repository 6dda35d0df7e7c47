package schema

// settingsFile mirrors the keys of cwo.yaml, which the config package decodes with viper. The
// config package keeps its struct to itself, so this copy carries the same mapstructure tags; a
// test loads a cwo.yaml with every key of this schema through config.Load and checks that each
// setting arrives, so the two cannot drift apart unnoticed.
type settingsFile struct {
	Output     string            `mapstructure:"output"`
	Paper      string            `mapstructure:"paper"`
	Locale     string            `mapstructure:"locale"`
	Currency   string            `mapstructure:"currency"`
	Jobs       int               `mapstructure:"jobs"`
	Fonts      settingsFonts     `mapstructure:"fonts"`
	Brand      settingsBrand     `mapstructure:"brand"`
	Timesheet  settingsTimesheet `mapstructure:"timesheet"`
	Timesheets []settingsImport  `mapstructure:"timesheets"`
}

type settingsFonts struct {
	Regular    fontFiles `mapstructure:"regular"`
	Bold       fontFiles `mapstructure:"bold"`
	Italic     fontFiles `mapstructure:"italic"`
	BoldItalic fontFiles `mapstructure:"bold_italic"`
	Mono       fontFiles `mapstructure:"mono"`
	Fallback   fontFiles `mapstructure:"fallback"`
}

// fontFiles is a fonts setting: one font file, or a list of them in order of preference.
type fontFiles []string

type settingsBrand struct {
	Color string `mapstructure:"color"`
}

type settingsTimesheet struct {
	Columns map[string]string `mapstructure:"columns"`
}

// settingsImport is an item of timesheets:, which config decodes from the YAML itself
// (config/timesheets.go) with these keys.
type settingsImport struct {
	Files     textList            `mapstructure:"files"`
	Preset    string              `mapstructure:"preset"`
	Encoding  string              `mapstructure:"encoding"`
	Delimiter string              `mapstructure:"delimiter"`
	Decimal   string              `mapstructure:"decimal"`
	Dates     textList            `mapstructure:"dates"`
	Columns   map[string]textList `mapstructure:"columns"`
	Orders    map[string]string   `mapstructure:"orders"`
	Items     map[string]string   `mapstructure:"items"`
}

// textList is a setting that takes one text or a list of them.
type textList []string
