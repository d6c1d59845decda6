package document

import (
	"strings"
	"testing"
	"time"

	"aect/wizard"
)

// text renders one document of p as one line of plain text.
func text(p *wizard.Plan, k Kind) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(Build(p, k, Options{Today: testToday}).PlainText(), "\u00a0", " ")), " ")
}

// TestMoneyInTheDocuments holds DOMAIN §11 in the documents: grants attributed by name
// and amount, the convention d'objectifs above 23 000 € a year, the valorisation apart
// from the commitment, the imputation by who is paid, the FACECO crisis, one ODD, no
// programme approved when there is none, the co-funding authorities as parties.
func TestMoneyInTheDocuments(t *testing.T) {
	plans := allPlans(t)

	// 23 000,00 € to one association in a year: attributed by name, no convention
	// d'objectifs; 23 000,01 €: the convention is drafted and approved.
	p := plans["13-subvention-ong"].Clone()
	p.Actions[0].Cost = wizard.Euros(23_000)
	p.Actions[1].Cost = wizard.Euros(12_000)
	if slicesContains(Kinds(p), ConventionObjectifs) {
		t.Error("a convention d'objectifs for 23 000,00 €")
	}
	d := text(p, Deliberation)
	for _, want := range []string{"Attribue à Solidarité Bretagne-Togo une subvention de 23 000,00 € en 2027.", "compte 6574"} {
		if !strings.Contains(d, want) {
			t.Errorf("23 000 €: %q missing", want)
		}
	}
	if strings.Contains(d, "convention d'objectifs") {
		t.Error("23 000 €: the délibération approves a convention d'objectifs")
	}
	p.Actions[0].Cost++
	p.Actions[1].Cost--
	if !slicesContains(Kinds(p), ConventionObjectifs) || !strings.Contains(text(p, Deliberation), "Approuve la convention d'objectifs à conclure avec Solidarité Bretagne-Togo") {
		t.Error("23 000,01 €: no convention d'objectifs")
	}
	if s := text(p, NextSteps); !strings.Contains(s, "contrat d'engagement républicain") || !strings.Contains(s, "Signer avec Solidarité Bretagne-Togo la convention d'objectifs") {
		t.Errorf("next steps: %s", s)
	}

	// Valorisation: 35 000 € of costs, 5 000 € of staff time: 30 000 € committed.
	d = text(plans["13-subvention-ong"], Deliberation)
	if !strings.Contains(d, "Fixe le montant prévisionnel des engagements financiers de la commune de Saint-Aubin-des-Landes à 30 000,00 €") ||
		!strings.Contains(d, "estimée à 5 000,00 €, figure au plan de financement et ne constitue pas un engagement financier") {
		t.Errorf("valorisation: %s", d)
	}
	if !strings.Contains(text(plans["13-subvention-ong"], Convention), "s'élève à 30 000,00 €, pour l'exercice 2027 ; la valorisation") {
		t.Error("the convention commits the valorisation")
	}

	// Imputation by who is paid, always to confirm; the valorisation (the staff time of
	// the 5 000 € mission) opens no credit.
	if !strings.Contains(d, "imputation : compte 6574 (subventions de fonctionnement aux associations et autres personnes de droit privé) [à confirmer avec le comptable public") {
		t.Errorf("imputation: %s", d)
	}
	// Paid in cash, the mission is imputed apart: split when mixed.
	cash := plans["13-subvention-ong"].Clone()
	cash.Funding[1] = wizard.FundingLine{Source: wizard.SourceBudgetGeneral, Amount: wizard.Euros(5000), Year: 2027}
	if d := text(cash, Deliberation); !strings.Contains(d, "compte 6574 (subventions de fonctionnement aux associations et autres personnes de droit privé) pour 30 000,00 € ; chapitre 011 (charges à caractère général) pour 5 000,00 € [à confirmer avec le comptable public") {
		t.Errorf("imputation split: %s", d)
	}
	p = plans["03-don-faceco"]
	d = text(p, Deliberation)
	for _, want := range []string{"à la suite du séisme du 8 septembre 2023 au Maroc", "fonds de concours", "1-2-00263, à vérifier auprès du comptable", "contribue à l'objectif de développement durable"} {
		if !strings.Contains(d, want) && !(want == "contribue à l'objectif de développement durable" && len(p.Domain.SDGs) != 1) {
			t.Errorf("FACECO: %q missing", want)
		}
	}
	if strings.Contains(d, "contribue aux objectifs") && len(p.Domain.SDGs) == 1 {
		t.Error("one ODD called « objectifs »")
	}

	// A gift to a foreign commune: no reminder about private bodies.
	gift := plans["03-don-faceco"].Clone()
	gift.Partner = wizard.Partner{Name: "Commune d'Al Haouz", Country: "MA", Kind: wizard.PartnerAutoriteLocale, RecognisedConfirmed: true}
	gift.Actions[0].PaidTo = wizard.Payee{Kind: wizard.PayeePartner, Name: "Commune d'Al Haouz"}
	if strings.Contains(text(gift, NextSteps), "organisme privé") {
		t.Error("the private-body reminder for a gift to a commune")
	}

	// A promotion without actions approves no programme.
	promo := plans["01-jumelage-allemagne"].Clone()
	promo.Form, promo.Actions, promo.Funding = wizard.FormPromotion, nil, nil
	if strings.Contains(text(promo, Deliberation), "Approuve le programme") {
		t.Error("a programme without actions is approved")
	}

	// Co-funding French authorities are parties to the convention, sign it, and each
	// is asked for its délibération.
	pooled := plans["02-convention-eau-senegal"].Clone()
	pooled.Implementation = wizard.Implementation{Mode: wizard.ModeMutualisation, PooledWith: []string{"Commune de Lignières"}}
	c := text(pooled, Convention)
	if !strings.Contains(c, "La commune de Lignières, dont le siège est situé") || !strings.Contains(c, "Pour la Commune de Lignières,") {
		t.Errorf("co-funder not a party: %s", c)
	}
	if !strings.Contains(text(pooled, NextSteps), "Obtenir la délibération de la commune de Lignières") {
		t.Error("no step for the co-funder's délibération")
	}
	if !strings.Contains(c, "La commune de Lignières, dont le siège est situé [à compléter : adresse du siège], représentée par") ||
		!strings.Contains(c, "composé de représentants de chacune des parties") {
		t.Errorf("co-funder's agreement or steering committee: %s", c)
	}
	pooled.Implementation.PooledWith = []string{"Syndicat des eaux du Cher"}
	if c := text(pooled, Convention); !strings.Contains(c, "Le Syndicat des eaux du Cher, dont le siège est situé [à compléter : adresse du siège], représenté par") {
		t.Errorf("a masculine co-funder: %s", c)
	}
}

func slicesContains(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// A gift to an NGO is attributed once, by its name and amount (L. 2311-7), and the next
// steps ask for its contrat d'engagement républicain if it is an association or a
// foundation.
func TestGiftToAnNGO(t *testing.T) {
	p := &wizard.Plan{Form: wizard.FormDon,
		Authority: wizard.Authority{Type: wizard.AuthCommune, Name: "Belmont", Departement: "38", Population: 2400},
		Partner: wizard.Partner{Name: "Action contre la Faim", Country: "SN", Kind: wizard.PartnerONG,
			CrisisEvent: "inondations", CrisisDate: wizard.NewDate(2026, time.October, 1)},
		Actions: []wizard.Action{{Title: "Aide d'urgence", Year: 2027, Cost: wizard.Euros(10_000), PaidTo: wizard.Payee{Kind: wizard.PayeeONG, Name: "Action contre la Faim"}}},
		Funding: []wizard.FundingLine{{Source: wizard.SourceBudgetGeneral, Amount: wizard.Euros(10_000), Year: 2027}}}
	d := text(p, Deliberation)
	if n := strings.Count(d, "Attribue"); n != 1 || !strings.Contains(d, "au titre de l'aide humanitaire d'urgence à la suite des inondations du 1er octobre 2026") {
		t.Errorf("%d attributions: %s", n, d)
	}
	if s := text(p, NextSteps); !strings.Contains(s, "est une association ou une fondation, vérifier qu'elle a souscrit le contrat d'engagement républicain") {
		t.Errorf("next steps: %s", s)
	}
}
