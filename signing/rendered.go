package signing

import (
	"bytes"
	"fmt"

	"github.com/cwo-tool/cwo/pdfupdate"
)

// CompareRendered checks that data, an agreement as signed, is rendered (the agreement that
// rendering the workspace gives now, empty signature fields included) followed only by updates
// that fill signature fields (see Change). It returns what differs, nothing when data is the
// rendered agreement, signed: the pages whose content differs when data does not start with
// rendered byte for byte, else each change a later update made. An error says that data could
// not be compared.
func CompareRendered(data, rendered []byte) ([]string, error) {
	if !bytes.HasPrefix(data, rendered) {
		return pageDifferences(data, rendered)
	}
	h := newHistory(data, pdfupdate.Revisions(data))
	changes, err := h.changesAfter(len(pdfupdate.Revisions(rendered)))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range changes {
		out = append(out, "after rendering, "+c.String())
	}
	return out, nil
}

// pageDifferences compares the pages of data, as far as its revisions that correspond to
// rendered's, with those of rendered, content stream by content stream.
func pageDifferences(data, rendered []byte) ([]string, error) {
	first := data
	if revs, n := pdfupdate.Revisions(data), len(pdfupdate.Revisions(rendered)); n > 0 && len(revs) >= n {
		first = data[:revs[n-1].End]
	}
	got, err := pages(first)
	if err != nil {
		return nil, fmt.Errorf("the file: %w", err)
	}
	want, err := pages(rendered)
	if err != nil {
		return nil, fmt.Errorf("the rendered agreement: %w", err)
	}
	if len(got) != len(want) {
		return []string{fmt.Sprintf("the file has %d pages, the agreement the workspace renders %d", len(got), len(want))}, nil
	}
	var out []string
	for i := range got {
		if !bytes.Equal(got[i], want[i]) {
			out = append(out, fmt.Sprintf("page %d differs from the agreement the workspace renders", i+1))
		}
	}
	if len(out) == 0 {
		out = append(out, fmt.Sprintf("every page's content is the one the workspace renders, but the file differs from byte %d on (fonts, metadata or structure)", firstDifference(data, rendered)))
	}
	return out, nil
}

// pages returns the decoded content of each page of the PDF data.
func pages(data []byte) ([][]byte, error) {
	doc, err := pdfupdate.Open(data)
	if err != nil {
		return nil, err
	}
	list, err := doc.Pages()
	if err != nil {
		return nil, err
	}
	out := make([][]byte, len(list))
	for i, p := range list {
		if out[i], err = doc.PageContent(p); err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
	}
	return out, nil
}

// firstDifference returns the offset of the first byte where a and b differ.
func firstDifference(a, b []byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}
