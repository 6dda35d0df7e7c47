package cwo

import (
	"fmt"
	"regexp"
	"strings"
)

// partyTerms checks the legal terms a contractor or funder sets: its notices and its liability cap.
func (v *validator) partyTerms(src Source, n *Notices, limit *LiabilityCap) {
	if n != nil {
		v.email(src, n.Email, "notices", "email")
		for i, line := range n.Address {
			v.require(src, line, "notices", "address", i)
		}
	}
	if limit != nil {
		v.liabilityCap(src, limit)
	}
}

// email reports text that is not an e-mail address.
func (v *validator) email(src Source, value string, path ...any) {
	if value != "" && !looksLikeEmail(value) {
		v.diags.Errorf(src.File, src.At(path...), "%s %q is not an e-mail address", joinPath(path), value)
	}
}

func looksLikeEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && domain != "" && !strings.ContainsAny(s, " \t<>,;\"") && SafeURL("mailto:"+s)
}

// liabilityCap checks one cap: a multiple, or an amount in a valid currency.
func (v *validator) liabilityCap(src Source, limit *LiabilityCap) {
	multiple, amount := src.Has("liability_cap", "multiple"), src.Has("liability_cap", "amount")
	switch {
	case multiple && amount:
		v.diags.Errorf(src.File, src.At("liability_cap"), "liability_cap takes multiple or amount, not both")
	case !multiple && !amount:
		v.diags.Errorf(src.File, src.At("liability_cap"), "liability_cap needs multiple (times the most the order can cost) or amount (a fixed sum)")
	case multiple:
		v.positive(src, limit.Multiple, "liability_cap.multiple", "liability_cap", "multiple")
		if limit.Currency != "" {
			v.diags.Errorf(src.File, src.At("liability_cap", "currency"), "liability_cap.currency goes with amount, not with multiple")
		}
	default:
		v.positive(src, limit.Amount, "liability_cap.amount", "liability_cap", "amount")
		cur := limit.Currency
		if cur == "" {
			cur = v.ws.Settings.Currency
		} else if err := ValidCurrency(cur); err != nil {
			v.diags.Errorf(src.File, src.At("liability_cap", "currency"), "%v", err)
			return
		}
		v.money(src, limit.Amount, cur, "liability_cap", "amount")
	}
}

// orderTerms checks an order's own terms, and that the cap that applies to it is in its currency.
func (v *validator) orderTerms(o *WorkOrder, cur Currency) {
	v.partyTerms(o.Src, nil, o.LiabilityCap)
	v.lawChoice(o.Src, o.GoverningLaw)
	for _, l := range termsLevels(v.ws.Contractor, v.ws.Funder(o.Funder), o) {
		if l.cap == nil {
			continue
		}
		if !l.cap.Amount.IsZero() && l.cap.Multiple.IsZero() {
			v.capCurrency(o, l, cur)
		}
		return
	}
}

// capCurrency reports a fixed cap in another currency than the order's, where the cap is set.
func (v *validator) capCurrency(o *WorkOrder, l termsLevel, cur Currency) {
	capCur := l.cap.Currency
	switch {
	case capCur == "" && l.isOrder:
		return
	case capCur == "":
		capCur = v.ws.Settings.Currency
	}
	if capCur == cur || ValidCurrency(capCur) != nil {
		return
	}
	if l.isOrder {
		v.diags.Errorf(o.Src.File, o.Src.At("liability_cap", "currency"), "liability_cap is in %s but the order is in %s", capCur, cur)
		return
	}
	v.diags.Errorf(l.src.File, l.src.At("liability_cap", "amount"),
		"liability_cap.amount is in %s but order %s is in %s: give the order a liability_cap of its own, or use liability_cap.multiple", capCur, o.ID, cur)
}

var fingerprintPattern = regexp.MustCompile(`^[0-9a-f]{12,64}$`)

// versions checks what a version above 1 replaces and what it changes.
func (v *validator) versions(o *WorkOrder) {
	src, p := o.Src, o.Previous
	switch {
	case o.Version > 1 && (p == nil || p.Issued.IsZero()):
		at := src.At("version")
		if p != nil {
			at = src.At("previous")
		}
		v.diags.Errorf(src.File, at, "version %d replaces version %d: add previous.issued, the date of version %d, so that the agreement says what it replaces",
			o.Version, o.Version-1, o.Version-1)
	case o.Version == 1 && p != nil:
		v.diags.Errorf(src.File, src.At("previous"), "previous is only for a version above 1: version 1 replaces nothing")
	case p != nil && !o.Issued.IsZero() && p.Issued.After(o.Issued):
		v.diags.Errorf(src.File, src.At("previous", "issued"), "previous.issued %s is after issued %s: version %d must be dated before version %d",
			p.Issued, o.Issued, o.Version-1, o.Version)
	}
	if p != nil && p.Fingerprint != "" && !fingerprintPattern.MatchString(p.Fingerprint) {
		v.diags.Errorf(src.File, src.At("previous", "fingerprint"), "previous.fingerprint %q is not a fingerprint: 12 to 64 lower-case hexadecimal digits, as printed on the previous version",
			p.Fingerprint)
	}
	if o.Version == 1 && len(o.Changes) > 0 {
		v.diags.Errorf(src.File, src.At("changes"), "changes lists what a version changes from the one before, but this is version 1")
	}
	for i, c := range o.Changes {
		v.require(src, c, "changes", i)
		v.principles(src, c, "changes", i)
	}
}

// governingLaw warns, once at contractor.yaml, when orders have no governing law from any record.
func (v *validator) governingLaw() {
	c := v.ws.Contractor
	if c == nil || c.GoverningLaw != "" {
		return
	}
	var without []string
	for _, o := range v.ws.Orders {
		if !hasLaw(termsLevels(c, v.ws.Funder(o.Funder), o)) {
			without = append(without, o.ID)
		}
	}
	if len(without) == 0 {
		return
	}
	v.diags.Warnf(c.Src.File, c.Src.At("governing_law"), "governing_law is not set, so the agreements of %s have no governing-law clause: "+
		"set governing_law and venue here (or in the funder or the order)", someOrders(without))
}

func hasLaw(levels []termsLevel) bool {
	for _, l := range levels {
		if l.law != "" {
			return true
		}
	}
	return false
}

// someOrders names up to three orders and counts the rest.
func someOrders(ids []string) string {
	if len(ids) == 1 {
		return "order " + ids[0]
	}
	if len(ids) <= 3 {
		return "orders " + strings.Join(ids, ", ")
	}
	return fmt.Sprintf("orders %s and %d more", strings.Join(ids[:3], ", "), len(ids)-3)
}
