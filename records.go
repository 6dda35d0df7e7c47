package cwo

// Brochure defines one printed roadmap brochure (brochures/<id>.yaml).
type Brochure struct {
	ID              string   `yaml:"id"`
	Title           string   `yaml:"title"`
	Event           string   `yaml:"event"`
	Date            Date     `yaml:"date"`
	Paper           string   `yaml:"paper"`
	Projects        []string `yaml:"projects"`
	ItemsPerProject int      `yaml:"items_per_project"`
	Contact         Person   `yaml:"contact"`
	Print           bool     `yaml:"print"`
	IncludeStale    bool     `yaml:"include_stale"`
	// How the brochure writes amounts, numbers and dates, and the currency it quotes in (see
	// Workspace.BrochureLocale and BrochureCurrency); the press condition it is printed for.
	Locale       string        `yaml:"locale" json:",omitempty"`
	Currency     Currency      `yaml:"currency" json:",omitempty"`
	OutputIntent *OutputIntent `yaml:"output_intent" json:",omitempty"`

	// The brochure's design.
	Layout string `yaml:"layout"` // BrochureBooklet (default) or BrochureFlyer

	Src Source `yaml:"-" json:"-"`
}

// Brochure layouts: a folded booklet of all the projects, or a one-page flyer per project.
const (
	BrochureBooklet = "booklet"
	BrochureFlyer   = "flyer"
)

// BrochureLayouts lists the values of a brochure's layout:.
var BrochureLayouts = []string{BrochureBooklet, BrochureFlyer}

// PaperA5 is the small paper a brochure (not an agreement) may use.
const PaperA5 = "a5"

// BrochurePapers lists the paper sizes of brochures: the documents' papers and A5.
var BrochurePapers = []string{PaperLetter, PaperA4, PaperA5}

// Progress holds the progress notes for one order and reporting period
// (progress/<order>/<period>.yaml).
type Progress struct {
	Summary       string                  `yaml:"summary"` // Markdown
	Highlights    []string                `yaml:"highlights"`
	Risks         []string                `yaml:"risks"`
	Next          []string                `yaml:"next"`
	Items         map[string]ItemProgress `yaml:"items"`
	Contributions []Contribution          `yaml:"contributions"`
	Order         string                  `yaml:"-"`
	Period        Period                  `yaml:"-"`
	Src           Source                  `yaml:"-" json:"-"`
}

// ItemDone is the status of a scope item whose work is done.
const ItemDone = "done"

// Item progress statuses.
var ItemStatuses = []string{"not-started", "in-progress", "in-review", ItemDone, "blocked", "deferred"}

// ItemProgress is the state of one scope item in a period.
type ItemProgress struct {
	Status  string  `yaml:"status"`
	Percent int     `yaml:"percent"`
	Note    string  `yaml:"note"`
	PRs     []PRRef `yaml:"prs"` // the project's repository's numbers, or owner/repo#N
}

// Contribution states.
const (
	StateOpen   = "open"
	StateMerged = "merged"
	StateClosed = "closed"
)

// Contribution is an upstream pull request: evidence of best effort. It is known by its
// reference, owner/repo#N (Ref).
type Contribution struct {
	URL    string `yaml:"url"`
	Title  string `yaml:"title"`
	State  string `yaml:"state"`
	Item   string `yaml:"item"`
	Number int    `yaml:"number"`
	Author string `yaml:"author"`
	Opened Date   `yaml:"opened"`
	Merged Date   `yaml:"merged"`
	Closed Date   `yaml:"closed"`
	Repo   string `yaml:"-"` // owner/repo: from the URL, or what the export says
	Bot    bool   `yaml:"-"` // the export marks the author as a bot (gh's is_bot, REST's type "Bot")
	// Flags says why the pull request may not be the team's work under the order (FlagBot ...):
	// set in reports, from ContributionFlags.
	Flags []string `yaml:"-"`
	File  string   `yaml:"-" json:"-"`
	Pos   Pos      `yaml:"-" json:"-"`
}

// TimeEntry is one row of a timesheet.
type TimeEntry struct {
	Date   Date
	Order  string
	Person string
	Item   string
	Hours  Hours
	Note   string
	File   string // workspace-relative CSV path
	Line   int
}
