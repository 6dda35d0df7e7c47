package render

import (
	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/internal/regfile"
	"github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/typeset"
)

// loadFonts reads and parses the font files the settings name (each file once) and builds the
// run's fonts from them (nil when one fails). config.Load has checked them, so a problem here
// means a file changed since; it is reported on the file.
func loadFonts(dir string, f cwo.Fonts, locale string) (*pdf.Fonts, cwo.Diagnostics) {
	var diags cwo.Diagnostics
	files := map[string][]byte{}
	parse := func(refs []string) []*typeset.Face {
		var faces []*typeset.Face
		for _, ref := range refs {
			path, sel := cwo.FontFile(ref)
			data, ok := files[path]
			if !ok {
				var err error
				if data, err = regfile.ReadFile(config.FontPath(dir, path)); err != nil {
					diags.Errorf(path, cwo.Pos{}, "font: %v", err)
				}
				files[path] = data
			}
			if data == nil {
				continue
			}
			face, err := typeset.Parse(data, sel)
			if err != nil {
				diags.Errorf(path, cwo.Pos{}, "font %q: %v", ref, err)
				continue
			}
			faces = append(faces, face)
		}
		return faces
	}
	faces := pdf.Faces{Regular: parse(f.Regular), Bold: parse(f.Bold), Italic: parse(f.Italic),
		BoldItalic: parse(f.BoldItalic), Mono: parse(f.Mono), Fallback: parse(f.Fallback), Lang: locale}
	if diags.HasErrors() {
		return nil, diags
	}
	fonts, err := pdf.NewFonts(faces)
	if err != nil {
		diags.Errorf("fonts", cwo.Pos{}, "%v", err)
	}
	return fonts, diags
}
