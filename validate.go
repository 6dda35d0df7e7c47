package cwo

import (
	"fmt"
	"net/url"
	"strings"
)

// ValidateOptions tune validation.
type ValidateOptions struct {
	// AsOf is the date roadmap staleness is judged against; zero means the newest order's issued date.
	AsOf Date
}

// StaleAfterMonths is how old a roadmap review may be before it is called stale.
const StaleAfterMonths = 12

// validator checks the rules that relate records to each other.
type validator struct {
	ws    *Workspace
	opt   ValidateOptions
	diags Diagnostics
}

// Validate checks the loaded workspace and returns every problem, sorted by file and position.
func Validate(ws *Workspace, opt ValidateOptions) Diagnostics {
	if opt.AsOf.IsZero() {
		opt.AsOf = ws.AsOf()
	}
	v := &validator{ws: ws, opt: opt}
	v.contractor()
	v.duplicates()
	for _, p := range ws.Projects {
		v.project(p)
	}
	for _, f := range ws.Funders {
		v.funder(f)
	}
	for _, o := range ws.Orders {
		v.order(o)
	}
	for _, b := range ws.Brochures {
		v.brochure(b)
	}
	v.governingLaw()
	v.progress()
	v.finals()
	v.timesheets()
	for _, o := range ws.Orders {
		v.reportWarnings(o)
	}
	v.lengths()
	return v.diags.Sort()
}

// require reports an error when value is empty.
func (v *validator) require(src Source, value string, path ...any) {
	if strings.TrimSpace(value) == "" {
		v.diags.Errorf(src.File, src.At(path...), "%s is required", joinPath(path))
	}
}

func joinPath(path []any) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = fmt.Sprint(p)
	}
	return strings.Join(parts, ".")
}

// oneOf reports an error when value is set and not one of allowed.
func (v *validator) oneOf(src Source, value string, allowed []string, path ...any) {
	if value == "" {
		return
	}
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	v.diags.Errorf(src.File, src.At(path...), "%s %q is not one of %s%s", joinPath(path), value, strings.Join(allowed, ", "), DidYouMean(value, allowed))
}

// link reports a URL that is not http, https or mailto.
func (v *validator) link(src Source, value string, path ...any) {
	if value == "" {
		return
	}
	if !SafeURL(value) {
		v.diags.Errorf(src.File, src.At(path...), "%s %q is not an http, https or mailto URL", joinPath(path), value)
	}
}

// SafeURL reports whether s is an absolute http, https or mailto URL: the only links cwo writes.
func SafeURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	}
	return false
}

// asset checks that a logo or image path names a PNG or JPEG file inside the workspace, which
// the loader could read (see Workspace.Images).
func (v *validator) asset(src Source, rel string, path ...any) {
	if rel == "" {
		return
	}
	low := strings.ToLower(rel)
	if !strings.HasSuffix(low, ".png") && !strings.HasSuffix(low, ".jpg") && !strings.HasSuffix(low, ".jpeg") {
		v.diags.Errorf(src.File, src.At(path...), "%s %q must be a PNG or JPEG file", joinPath(path), rel)
		return
	}
	if strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") {
		v.diags.Errorf(src.File, src.At(path...), "%s %q must be a path relative to the workspace", joinPath(path), rel)
		return
	}
	img, ok := v.ws.Images[rel]
	if !ok {
		img.Err = fmt.Errorf("was not read")
	}
	if err := checkImage(img); err != nil {
		v.diags.Errorf(src.File, src.At(path...), "%s %q: %v", joinPath(path), rel, err)
	}
}

// MaxImagePixels bounds a logo's size, so a tiny file cannot decode into gigabytes.
const MaxImagePixels = 40_000_000

// checkImage reports whether img is a readable PNG or JPEG image of a sane size.
func checkImage(img Image) error {
	if img.Err != nil {
		return img.Err
	}
	if img.Format != "png" && img.Format != "jpeg" {
		return fmt.Errorf("is a %s image; use PNG or JPEG", img.Format)
	}
	if img.Width <= 0 || img.Height <= 0 || img.Width*img.Height > MaxImagePixels {
		return fmt.Errorf("is %d×%d pixels; logos must be at most %d pixels in all", img.Width, img.Height, MaxImagePixels)
	}
	return nil
}

func (v *validator) contractor() {
	c := v.ws.Contractor
	if c == nil {
		return
	}
	v.require(c.Src, c.Name, "name")
	v.require(c.Src, c.LegalName, "legal_name")
	v.require(c.Src, c.Signatory.Name, "signatory", "name")
	v.require(c.Src, c.FiscalSponsor.Name, "fiscal_sponsor", "name")
	v.link(c.Src, c.FiscalSponsor.URL, "fiscal_sponsor", "url")
	v.link(c.Src, c.Website, "website")
	v.asset(c.Src, c.Logo, "logo")
	v.countryRule(c)
	v.partyTerms(c.Src, c.Notices, c.LiabilityCap)
	v.lawChoice(c.Src, c.GoverningLaw)
}

// duplicates reports IDs that differ only in case: their output files would collide.
func (v *validator) duplicates() {
	v.caseDuplicates("project")(idsOf(v.ws.Projects, func(p *Project) (string, Source) { return p.ID, p.Src }))
	v.caseDuplicates("funder")(idsOf(v.ws.Funders, func(f *Funder) (string, Source) { return f.ID, f.Src }))
	v.caseDuplicates("order")(idsOf(v.ws.Orders, func(o *WorkOrder) (string, Source) { return o.ID, o.Src }))
	v.caseDuplicates("brochure")(idsOf(v.ws.Brochures, func(b *Brochure) (string, Source) { return b.ID, b.Src }))
}

func (v *validator) caseDuplicates(kind string) func(ids []string, srcs []Source) {
	return func(ids []string, srcs []Source) {
		seen := map[string]string{}
		for i, id := range ids {
			low := strings.ToLower(id)
			if prev, ok := seen[low]; ok {
				v.diags.Errorf(srcs[i].File, Pos{}, "%s ID %q duplicates %q (IDs must differ in more than letter case)", kind, id, prev)
				continue
			}
			seen[low] = id
		}
	}
}

func idsOf[T any](xs []T, f func(T) (string, Source)) ([]string, []Source) {
	ids, srcs := make([]string, len(xs)), make([]Source, len(xs))
	for i, x := range xs {
		ids[i], srcs[i] = f(x)
	}
	return ids, srcs
}
