package render

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/agreement"
	"github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/templates"
	"github.com/cwo-tool/cwo/typeset"
	"github.com/cwo-tool/cwo/workspace"
)

// assets are what rendering needs besides the data: templates and fonts.
type assets struct {
	templates *templates.Set
	fonts     *pdf.Fonts
}

// Validate loads the workspace in dir and runs every check a render depends on: the data rules,
// the templates (parsed, and executed for every order), and whether the fonts can draw every
// character bound for a PDF. It writes nothing. s must come from config.Load, which checked it.
func Validate(dir string, s cwo.Settings, opt cwo.ValidateOptions) (*cwo.Workspace, cwo.Diagnostics, assets) {
	return validate(dir, s, opt, true)
}

// validate is Validate; with execute false it runs the templates for the first order only, to
// find a template that exceeds a limit once (render runs them all, as Validate does).
func validate(dir string, s cwo.Settings, opt cwo.ValidateOptions, execute bool) (*cwo.Workspace, cwo.Diagnostics, assets) {
	ws, diags := workspace.Load(dir, s)
	return check(ws, diags, dir, s, opt, execute)
}

// check is validate's work on a loaded workspace (see workspace.LoadOrders for a partial one).
func check(ws *cwo.Workspace, diags cwo.Diagnostics, dir string, s cwo.Settings, opt cwo.ValidateOptions, execute bool) (*cwo.Workspace, cwo.Diagnostics, assets) {
	if diags.HasErrors() {
		return ws, diags, assets{}
	}
	diags = append(diags, cwo.Validate(ws, opt)...)
	diags = append(diags, checkMarkdown(ws)...)
	var a assets
	fonts, fontDiags := loadFonts(dir, s.Fonts, ws.Locale())
	diags = append(diags, fontDiags...)
	a.fonts = fonts
	set, err := templates.Load(dir)
	if err != nil {
		diags = append(diags, templateDiagnostics(err, "")...)
	}
	a.templates = set
	if !diags.HasErrors() {
		diags = append(diags, checkAgreements(ws, set, execute)...)
		diags = append(diags, checkCoverage(ws, fonts)...)
		diags = append(diags, checkBrochures(ws, dir)...)
	}
	return ws, diags.Sort(), a
}

// checkAgreements executes the agreement template for every order, or with all false for the
// first order only and reporting only a template fault (see templateFault). A template fault is
// reported once, on the first order that shows it, and the remaining orders are not run: the
// template is wrong for every order, and the same message 2,000 times helps nobody.
func checkAgreements(ws *cwo.Workspace, set *templates.Set, all bool) cwo.Diagnostics {
	var diags cwo.Diagnostics
	for _, o := range ws.Orders {
		d := agreement.NewData(ws, o)
		_, err := set.Execute(templates.Agreement, d, formats(d))
		if err != nil && (all || templateFault(err)) {
			diags = append(diags, templateDiagnostics(err, o.ID)...)
		}
		if !all || templateFault(err) {
			break
		}
	}
	return diags
}

// templateFault tells a template that asked for too much (a limit) or would print a memory
// address from one that met data it cannot handle.
func templateFault(err error) bool {
	return errors.Is(err, templates.ErrLimit) || errors.Is(err, templates.ErrAddress)
}

func formats(d *agreement.Data) templates.Formats {
	return templates.Formats{Currency: d.Currency, Locale: d.Locale}
}

// templateDiagnostics turns template errors into diagnostics, naming the order when there is one.
func templateDiagnostics(err error, order string) cwo.Diagnostics {
	var diags cwo.Diagnostics
	for _, e := range unjoin(err) {
		var te *templates.Error
		if !errors.As(e, &te) {
			diags.Errorf("templates", cwo.Pos{}, "%v", e)
			continue
		}
		msg := te.Msg
		if order != "" {
			msg = fmt.Sprintf("order %s: %s", order, msg)
		}
		diags.Errorf(te.File, cwo.Pos{Line: te.Line, Col: te.Col}, "%s", msg)
	}
	return diags
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// checkCoverage reports the characters the fonts cannot draw, where they are written: an error
// in text an agreement needs printed as written (cwo.TextUse.Critical: the parties, the
// signatories, the order title), a warning elsewhere. Each message names a font that has them.
// Text is checked in the regular style, and also in bold or italic when it is drawn so.
func checkCoverage(ws *cwo.Workspace, fonts *pdf.Fonts) cwo.Diagnostics {
	var diags cwo.Diagnostics
	if fonts == nil {
		return diags
	}
	styles := []struct {
		style *typeset.Style
		name  string // as the message names the fonts
		key   string // the setting of the style's own fonts
		used  func(cwo.TextUse) bool
	}{
		{fonts.Style(pdf.Regular), "PDF fonts", "", func(cwo.TextUse) bool { return true }},
		{fonts.Style(pdf.Bold), "bold PDF fonts", "fonts.bold", func(u cwo.TextUse) bool { return u.Bold }},
		{fonts.Style(pdf.Italic), "italic PDF fonts", "fonts.italic", func(u cwo.TextUse) bool { return u.Italic }},
	}
	ws.PDFText(func(v cwo.TextValue) {
		text, use := v.Text, v.Use
		if ascii(text) {
			return // every style ends with an embedded face, which has all of ASCII
		}
		var seen []rune // reported for this text by an earlier style
		for _, st := range styles {
			if !st.used(use) {
				continue
			}
			var missing []rune
			for _, r := range st.style.Missing(text) {
				if !slices.Contains(seen, r) {
					missing = append(missing, r)
				}
			}
			if len(missing) == 0 {
				continue
			}
			seen = append(seen, missing...)
			report := diags.Warnf
			where := ""
			if use.Critical != "" {
				report, where = diags.Errorf, " in "+use.Critical
			}
			to := "fonts.fallback"
			if st.key != "" {
				to = st.key + " or fonts.fallback"
			}
			report(v.File, v.Pos(), "the %s cannot draw %s%s; add a font that has them to %s in cwo.yaml, e.g. %s",
				st.name, runeList(missing), where, to, suggestions(missing))
		}
	})
	return diags
}

// ascii reports whether s is all ASCII.
func ascii(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// suggestions names a font for each script among rs (typeset.Suggest), each once.
func suggestions(rs []rune) string {
	var out []string
	for _, r := range rs {
		if s := typeset.Suggest(r); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, " and ")
}

func runeList(rs []rune) string {
	parts := make([]string, 0, len(rs))
	for i, r := range rs {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(rs)-5))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (U+%04X)", strconv.Quote(string(r)), r))
	}
	return strings.Join(parts, ", ")
}
