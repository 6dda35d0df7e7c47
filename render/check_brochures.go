package render

import (
	"errors"
	"fmt"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/workspace"
)

// checkBrochures checks what a print brochure takes from outside its own file: that every logo
// it shows has pdf.MinPrintPPI at its printed size (a warning at the record's logo field, once
// per logo), and that its output intent's ICC profile is a readable profile (an error).
func checkBrochures(ws *cwo.Workspace, dir string) cwo.Diagnostics {
	var diags cwo.Diagnostics
	warned := map[string]bool{}
	lowRes := func(src cwo.Source, rel string, project bool, br *cwo.Brochure) {
		img, ok := ws.Images[rel]
		if rel == "" || !ok || img.Err != nil || warned[src.File+"\x00"+rel] {
			return
		}
		paper := br.Paper
		if paper == "" {
			paper = ws.Paper()
		}
		ppi := pdf.BrochureLogoPPI(img.Width, img.Height, project, paper)
		if ppi >= pdf.MinPrintPPI {
			return
		}
		warned[src.File+"\x00"+rel] = true
		need := int(float64(img.Width)*pdf.MinPrintPPI/ppi + 0.999)
		diags.Warnf(src.File, src.At("logo"), "logo %s prints at as little as %.0f ppi in print brochure %s (%d × %d pixels): a press needs %d ppi; give an image at least %d pixels wide",
			rel, ppi, br.ID, img.Width, img.Height, pdf.MinPrintPPI, need)
	}
	for _, br := range ws.Brochures {
		if !br.Print {
			continue
		}
		if c := ws.Contractor; c != nil {
			lowRes(c.Src, c.Logo, false, br)
		}
		for _, p := range brochureProjects(ws, br) {
			lowRes(p.Src, p.Logo, true, br)
		}
		if oi := br.OutputIntent; oi != nil && oi.Profile != "" {
			if _, err := readProfile(dir, oi.Profile); err != nil {
				diags.Errorf(br.Src.File, br.Src.At("output_intent", "profile"), "output_intent.profile %s: %v", oi.Profile, err)
			}
		}
	}
	return diags
}

// readProfile reads an ICC profile from the workspace and checks its header: the "acsp"
// signature and a colour space a press prints in (CMYK, or grey).
func readProfile(dir, rel string) ([]byte, error) {
	data, err := workspace.ReadAsset(dir, rel)
	if err != nil {
		return nil, err
	}
	if len(data) < 128 || string(data[36:40]) != "acsp" {
		return nil, errors.New("not an ICC profile (no acsp signature in its header)")
	}
	if space := string(data[16:20]); space != "CMYK" && space != "GRAY" {
		return nil, fmt.Errorf("an ICC profile of colour space %q: a press condition's profile is CMYK (or GRAY)", space)
	}
	return data, nil
}
