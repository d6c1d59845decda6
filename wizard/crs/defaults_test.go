package crs_test

import (
	"testing"

	"aect/wizard"
	"aect/wizard/crs"
)

// TestDefaultSectors: every sector of a plan has a default purpose code, active, with a
// French label.
func TestDefaultSectors(t *testing.T) {
	for _, s := range wizard.Sectors.Choices {
		c, ok := crs.DefaultSector(string(s.Code))
		if !ok || c.Withdrawn || c.English {
			t.Errorf("sector %s: default %+v %v", s.Code, c, ok)
		}
	}
	if c, _ := crs.DefaultSector(string(wizard.SectorEau)); c.Code != "14030" {
		t.Errorf("eau_assainissement: %s", c.Code)
	}
	if _, ok := crs.DefaultSector("inconnu"); ok {
		t.Error("an unknown sector has a default")
	}
}

// TestDefaultChannels: every payee has a default channel, active; a payment to the
// partner follows the partner's kind; no payee, no default.
func TestDefaultChannels(t *testing.T) {
	for _, p := range wizard.PayeeKinds.Choices {
		for _, k := range append(wizard.PartnerKinds.Choices, wizard.Choice[wizard.PartnerKind]{}) {
			c, ok := crs.DefaultChannel(string(p.Code), string(k.Code))
			if !ok || c.Withdrawn || c.English {
				t.Errorf("payee %s, partner %q: default %+v %v", p.Code, k.Code, c, ok)
			}
		}
	}
	for _, tc := range []struct {
		payee   wizard.PayeeKind
		partner wizard.PartnerKind
		want    string
	}{
		{wizard.PayeePartner, wizard.PartnerAutoriteLocale, "12002"},
		{wizard.PayeePartner, "", "12002"},
		{wizard.PayeePartner, wizard.PartnerEtat, "12001"},
		{wizard.PayeePartner, wizard.PartnerONG, "23000"},
		{wizard.PayeePartner, wizard.PartnerOrgInter, "40000"},
		{wizard.PayeeDirect, wizard.PartnerAutoriteLocale, "11002"},
		{wizard.PayeeONG, wizard.PartnerAutoriteLocale, "22000"},
		{wizard.PayeeComite, wizard.PartnerAutoriteLocale, "22000"},
		{wizard.PayeeFACECO, wizard.PartnerFACECO, "11001"},
		{wizard.PayeeProvider, wizard.PartnerAutoriteLocale, "61000"},
	} {
		if c, _ := crs.DefaultChannel(string(tc.payee), string(tc.partner)); c.Code != tc.want {
			t.Errorf("%s / %s: %s, want %s", tc.payee, tc.partner, c.Code, tc.want)
		}
	}
	if _, ok := crs.DefaultChannel("", string(wizard.PartnerAutoriteLocale)); ok {
		t.Error("no payee has a default channel")
	}
}
