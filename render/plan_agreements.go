package render

import (
	"fmt"
	"io"
	"path"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/agreement"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/templates"
	"github.com/cwo-tool/cwo/workspace"
)

// AgreementPath returns where an order's agreement is written, relative to the output folder.
func AgreementPath(o *cwo.WorkOrder) string {
	return path.Join("agreements", fmt.Sprintf("%s-v%d.pdf", o.ID, o.Version))
}

// planAgreements makes one job per wanted order.
func (b *batch) planAgreements() ([]*Job, error) {
	logo, err := b.contractorLogo()
	if err != nil {
		return nil, err
	}
	// One order after the other: planning in parallel saved 0.1 s for 2,000 agreements but
	// doubled the garbage made while the collector marks, so that a run of 2,000 documents
	// peaked higher than one of 200 (BENCHMARKS.md).
	var jobs []*Job
	for _, o := range b.ws.Orders {
		if !b.wantsOrder(o.ID) {
			continue
		}
		j, err := b.agreementJob(o, logo)
		if err != nil {
			return nil, fmt.Errorf("order %s: %w", o.ID, err)
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

func (b *batch) agreementJob(o *cwo.WorkOrder, logo *pdf.Image) (*Job, error) {
	data := agreement.NewData(b.ws, o)
	text := b.tmpl.Text(templates.Agreement)
	fp, dataJSON, err := agreement.FingerprintJSON(data, text)
	if err != nil {
		return nil, err
	}
	opt := b.pdfOptions()
	opt.Paper = b.ws.OrderPaper(o)
	h := outdir.NewHasher().Text("kind", KindAgreements).Text("cwo", codeID()).Text("fingerprint", fp).
		Text("fonts", b.fontHash).Text("paper", opt.Paper).Text("brand", opt.Brand)
	if logo != nil {
		h.Bytes("logo", logo.Data)
	}
	set, ws := b.tmpl, b.ws
	return &Job{
		Path: AgreementPath(o), Kind: KindAgreements, IDs: []string{o.ID, o.Funder, o.Project}, Hash: h.Sum(), Runes: nonASCII(dataJSON),
		Render: func(w io.Writer) error {
			// Gathered again rather than kept from planning: a job waiting its turn then holds
			// only the order, so memory does not grow with the number of agreements.
			data := agreement.NewData(ws, o)
			body, err := set.Execute(templates.Agreement, data, formats(data))
			if err != nil {
				return fmt.Errorf("order %s: %w", o.ID, err)
			}
			doc := &pdf.AgreementDoc{Order: o, Funder: data.Funder, Contractor: data.Contractor, Project: data.Project,
				Body: body, Fingerprint: fp, Logo: logo, Locale: data.Locale}
			return pdf.Agreement(w, doc, opt)
		},
	}, nil
}

func (b *batch) pdfOptions() pdf.Options {
	return pdf.Options{Paper: b.ws.Paper(), Brand: b.settings.Brand.Color, Fonts: b.fonts, Shared: b.shared}
}

// contractorLogo reads the contractor's logo once for all agreements.
func (b *batch) contractorLogo() (*pdf.Image, error) {
	c := b.ws.Contractor
	if c == nil || c.Logo == "" {
		return nil, nil
	}
	return b.readImage(c.Logo)
}

// readImage reads a validated workspace image, decoded once per run however many documents or
// cards show it.
func (b *batch) readImage(rel string) (*pdf.Image, error) {
	data, err := workspace.ReadAsset(b.ws.Dir, rel)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	return b.shared.Image(rel, data)
}
