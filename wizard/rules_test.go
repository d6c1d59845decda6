package wizard

import (
	"sort"
	"strings"
	"testing"
	"time"
)

func codesOf(fs []Finding, sev Severity) []string {
	var out []string
	for _, f := range fs {
		if f.Severity == sev {
			out = append(out, string(f.Code))
		}
	}
	sort.Strings(out)
	return out
}

func hasCode(fs []Finding, code FindingCode) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}

// TestSampleFindings holds the table of ../shared/scenarios/README.md: exactly the blocking
// findings listed, and at least the other findings listed.
func TestSampleFindings(t *testing.T) {
	cases := []struct {
		name     string
		blocking []string
		include  []string
		exclude  []string
	}{
		{"01-jumelage-allemagne", nil, []string{"cerv-conditions", "publication-mode"}, []string{"apd-declaration"}},
		{"02-convention-eau-senegal", nil, []string{"apd-declaration", "meae-conditions"}, []string{"un-pour-cent-plafond", "meae-taux"}},
		{"03-don-faceco", nil, []string{"don-sans-convention", "faceco-procedure", "apd-declaration", "publication-mode"}, []string{"don-faceco-suggere"}},
		{"04-partenaire-etat", []string{"partenaire-etat"}, []string{"partenaire-reconnaissance", "charte-engagement-financier", "seance-incomplete"}, nil},
		{"05-plan-desequilibre", []string{"meae-taux", "plan-desequilibre", "un-pour-cent-competence"}, nil, []string{"meae-part-propre"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := Check(decodeSample(t, c.name))
			got := codesOf(fs, Blocking)
			if strings.Join(got, ",") != strings.Join(c.blocking, ",") {
				t.Errorf("blocking = %v; want %v", got, c.blocking)
			}
			for _, code := range c.include {
				if !hasCode(fs, FindingCode(code)) {
					t.Errorf("missing finding %s in %v", code, fs)
				}
			}
			for _, code := range c.exclude {
				if hasCode(fs, FindingCode(code)) {
					t.Errorf("unexpected finding %s", code)
				}
			}
			for _, f := range fs {
				if f.Message == "" || f.Code == "" {
					t.Errorf("empty finding %+v", f)
				}
				if strings.Contains(f.Message, "%!") {
					t.Errorf("format error in %q", f.Message)
				}
			}
		})
	}
}

func TestSampleMessages(t *testing.T) {
	fs := Check(decodeSample(t, "05-plan-desequilibre"))
	msg := map[FindingCode]string{}
	for _, f := range fs {
		msg[f.Code] = f.Message
	}
	for code, want := range map[FindingCode]string{
		"meae-taux":         "40\u00a0000,00\u00a0€ sur 60\u00a0000,00\u00a0€ (66,7\u00a0%)",
		"plan-desequilibre": "55\u00a0000,00\u00a0€ de sources pour 60\u00a0000,00\u00a0€ de dépenses",
	} {
		if !strings.Contains(msg[code], want) {
			t.Errorf("%s: %q does not contain %q", code, msg[code], want)
		}
	}
	apd := ""
	for _, f := range Check(decodeSample(t, "02-convention-eau-senegal")) {
		if f.Code == "apd-declaration" {
			apd = f.Message
		}
	}
	if !strings.Contains(apd, "15 avril au 31 mai 2028") {
		t.Errorf("APD window: %q", apd)
	}
}

// base is a compliant convention with a Senegalese commune, 100 000 € of costs.
func base() *Plan {
	return &Plan{
		Authority: Authority{Type: AuthCommunauteCommunes, Name: "CC Test", Departement: "18", Population: 20000,
			ExecutiveName: "A", ExecutiveTitle: TitlePresident,
			Services: []Service{{Kind: ServiceEau, AnnualResources: Euros(1_000_000)}}},
		Partner:        Partner{Name: "Commune X", Country: "SN", Kind: PartnerAutoriteLocale, RecognisedConfirmed: true},
		Domain:         Domain{Category: CatAideDeveloppement, Sectors: []Sector{SectorEau}, Objectives: "Eau"},
		Form:           FormConvention,
		Implementation: Implementation{Mode: ModeEnPropre},
		Actions:        []Action{{Title: "Forage", Year: 2027, Cost: Euros(100_000), PaidTo: Payee{Kind: PayeePartner}}},
		Funding: []FundingLine{
			{Source: SourceEau, Amount: Euros(10_000), Year: 2027},
			{Source: SourceMEAE, Amount: Euros(70_000), Year: 2027},
			{Source: SourceBudgetGeneral, Amount: Euros(20_000), Year: 2027},
		},
		Session: Session{Date: NewDate(2026, time.December, 15), ConvocationDate: NewDate(2026, time.December, 8),
			MembersInOffice: 30, Present: 25, Represented: Int(2), Secretary: "B"},
	}
}

func TestRules(t *testing.T) {
	cases := []struct {
		name   string
		change func(p *Plan)
		code   FindingCode
		sev    Severity
		want   bool
	}{
		{"base has no blocking", func(p *Plan) {}, "", Blocking, false},
		{"1 % exactly at cap passes", func(p *Plan) {}, "un-pour-cent-plafond", Blocking, false},
		{"1 % one cent above fails", func(p *Plan) {
			p.Funding[0].Amount++
			p.Funding[2].Amount--
		}, "un-pour-cent-plafond", Blocking, true},
		{"1 % cap is per year", func(p *Plan) {
			p.Actions = append(p.Actions, Action{Title: "B", Year: 2028, Cost: Euros(10_000)})
			p.Funding = append(p.Funding, FundingLine{Source: SourceEau, Amount: Euros(10_000), Year: 2028})
		}, "un-pour-cent-plafond", Blocking, false},
		{"1 % cap sums lines of one year", func(p *Plan) {
			p.Funding[2].Amount -= 1
			p.Funding = append(p.Funding, FundingLine{Source: SourceEau, Amount: 1, Year: 2027})
		}, "un-pour-cent-plafond", Blocking, true},
		{"1 % assainissement needs its own competence", func(p *Plan) { p.Funding[0].Source = SourceAssainissement }, "un-pour-cent-competence", Blocking, true},
		{"1 % without competence", func(p *Plan) { p.Authority.Services = nil }, "un-pour-cent-competence", Blocking, true},
		{"1 % outside its field", func(p *Plan) { p.Domain.Sectors = []Sector{SectorCulture} }, "un-pour-cent-domaine", Blocking, true},
		{"1 %: several sectors, action's field not said", func(p *Plan) { p.Domain.Sectors = append(p.Domain.Sectors, SectorCulture) }, "un-pour-cent-domaine-action", Warning, true},
		{"1 %: the action serves the field", func(p *Plan) {
			p.Domain.Sectors = append(p.Domain.Sectors, SectorCulture)
			p.Actions[0].Field = SectorEau
		}, "un-pour-cent-domaine", Blocking, false},
		{"1 %: the action serves another field", func(p *Plan) {
			p.Domain.Sectors = append(p.Domain.Sectors, SectorCulture)
			p.Actions[0].Field = SectorCulture
		}, "un-pour-cent-domaine", Blocking, true},
		{"1 %: in-field actions cost exactly the 1 %", func(p *Plan) {
			p.Domain.Sectors = append(p.Domain.Sectors, SectorCulture)
			p.Actions[0] = Action{Title: "Forage", Year: 2027, Cost: Euros(10_000), Field: SectorEau, PaidTo: Payee{Kind: PayeePartner}}
			p.Actions = append(p.Actions, Action{Title: "Fête", Year: 2027, Cost: Euros(90_000), Field: SectorCulture, PaidTo: Payee{Kind: PayeeDirect}})
		}, "un-pour-cent-domaine", Blocking, false},
		{"1 %: in-field actions one cent short", func(p *Plan) {
			p.Domain.Sectors = append(p.Domain.Sectors, SectorCulture)
			p.Actions[0] = Action{Title: "Forage", Year: 2027, Cost: Euros(10_000) - 1, Field: SectorEau, PaidTo: Payee{Kind: PayeePartner}}
			p.Actions = append(p.Actions, Action{Title: "Fête", Year: 2027, Cost: Euros(90_000) + 1, Field: SectorCulture, PaidTo: Payee{Kind: PayeeDirect}})
		}, "un-pour-cent-domaine", Blocking, true},
		{"jumelage paying the partner from the 1 % eau", func(p *Plan) { p.Form = FormJumelage }, "un-pour-cent-convention", Blocking, true},
		{"convention paying the partner from the 1 % eau", func(p *Plan) {}, "un-pour-cent-convention", Blocking, false},
		{"emergency gift from the 1 % eau", func(p *Plan) { p.Form = FormDon }, "un-pour-cent-convention", Blocking, false},
		{"jumelage granting an NGO from the 1 % eau", func(p *Plan) {
			p.Form = FormJumelage
			p.Actions[0].PaidTo = Payee{Kind: PayeeONG, Name: "ONG"}
		}, "un-pour-cent-convention", Blocking, false},
		{"jumelage paying the partner from the 1 % déchets", func(p *Plan) {
			p.Form = FormJumelage
			p.Authority.Services = append(p.Authority.Services, Service{Kind: ServiceDechets, AnnualResources: Euros(1_000_000)})
			p.Domain.Sectors = []Sector{SectorDechets}
			p.Funding[0].Source = SourceDechets
			p.Authority.Services = p.Authority.Services[1:]
		}, "un-pour-cent-convention", Warning, true},
		{"1 % without resources", func(p *Plan) { p.Authority.Services[0].AnnualResources = 0 }, "un-pour-cent-ressources", Warning, true},
		{"MEAE 70 % for a PMA passes", func(p *Plan) {}, "meae-taux", Blocking, false},
		{"MEAE 70,01 % for a PMA fails", func(p *Plan) {
			p.Funding[1].Amount += 1000
			p.Funding[2].Amount -= 1000
		}, "meae-taux", Blocking, true},
		{"MEAE 50 % for an APD country", func(p *Plan) { p.Partner.Country = "MA" }, "meae-taux", Blocking, true},
		{"MEAE 30 % outside APD", func(p *Plan) {
			p.Partner.Country = "DE"
			p.Funding[1].Amount = Euros(30_000)
			p.Funding[2].Amount = Euros(60_000)
		}, "meae-taux", Blocking, false},
		{"MEAE 30,01 % outside APD", func(p *Plan) {
			p.Partner.Country = "DE"
			p.Funding[1].Amount = Euros(30_000) + 1
			p.Funding[2].Amount = Euros(60_000) - 1
		}, "meae-taux", Blocking, true},
		{"French share 10 % passes", func(p *Plan) {
			p.Funding[0].Amount = Euros(10_000)
			p.Funding[2] = FundingLine{Source: SourcePrive, Amount: Euros(20_000), Year: 2027}
		}, "meae-part-propre", Blocking, false},
		{"French share under 10 % fails", func(p *Plan) {
			p.Funding[0].Amount = Euros(10_000) - 1
			p.Funding[2] = FundingLine{Source: SourcePrive, Amount: Euros(20_000) + 1, Year: 2027}
		}, "meae-part-propre", Blocking, true},
		{"other French authorities count in the 10 %", func(p *Plan) {
			p.Funding[0].Amount = Euros(5_000)
			p.Funding[2] = FundingLine{Source: SourceAutreColl, Amount: Euros(25_000), Year: 2027}
		}, "meae-part-propre", Blocking, false},
		{"MEAE without a country", func(p *Plan) { p.Partner.Country = "" }, "meae-pays", Warning, true},
		{"gift to an NGO partner without payee", func(p *Plan) {
			p.Partner.Kind = PartnerONG
			p.Actions[0].PaidTo = Payee{}
		}, "subvention-convention-objectifs", Warning, true},
		{"valorisation half of own share passes", func(p *Plan) {
			p.Funding[2] = FundingLine{Source: SourceValorisation, Amount: Euros(10_000), Year: 2027}
			p.Funding = append(p.Funding, FundingLine{Source: SourceAutreColl, Amount: Euros(10_000), Year: 2027})
		}, "meae-valorisation", Blocking, false},
		{"valorisation above half of own share fails", func(p *Plan) {
			p.Funding[2] = FundingLine{Source: SourceValorisation, Amount: Euros(10_000) + 1, Year: 2027}
			p.Funding = append(p.Funding, FundingLine{Source: SourceAutreColl, Amount: Euros(10_000) - 1, Year: 2027})
		}, "meae-valorisation", Blocking, true},
		{"MEAE conditions reminded", func(p *Plan) {}, "meae-conditions", Advice, true},
		{"MEAE with a mere funder", func(p *Plan) { p.Implementation.Mode = ModeSoutien }, "meae-maitrise-ouvrage", Warning, true},
		{"unbalanced", func(p *Plan) { p.Funding[2].Amount-- }, "plan-desequilibre", Blocking, true},
		{"balanced total but not by year", func(p *Plan) { p.Funding[2].Year = 2028 }, "plan-annuel-desequilibre", Advice, true},
		{"State partner", func(p *Plan) { p.Partner.Kind = PartnerEtat }, "partenaire-etat", Blocking, true},
		{"State partner of an overseas EPCI, no exception", func(p *Plan) {
			p.Partner.Kind = PartnerEtat
			p.Authority.Departement = "974"
		}, "partenaire-etat", Blocking, true},
		{"partner in France", func(p *Plan) { p.Partner.Country = "FR" }, "partenaire-francais", Warning, true},
		{"partner in Wallis-et-Futuna", func(p *Plan) { p.Partner.Country = "WF" }, "partenaire-francais", Warning, true},
		{"recognition not confirmed", func(p *Plan) { p.Partner.RecognisedConfirmed = false }, "partenaire-reconnaissance", Warning, true},
		{"convention without purpose", func(p *Plan) { p.Domain.Objectives = " " }, "convention-objet", Blocking, true},
		{"convention without amount", func(p *Plan) {
			p.Actions[0].Cost = 0
			p.Funding = nil
		}, "convention-montant", Blocking, true},
		{"promotion without money needs no convention", func(p *Plan) {
			p.Form = FormPromotion
			p.Actions[0].Cost = 0
			p.Funding = nil
		}, "convention-montant", Blocking, false},
		{"charte with money", func(p *Plan) { p.Form = FormCharte }, "charte-engagement-financier", Warning, true},
		{"convention with an NGO", func(p *Plan) { p.Partner.Kind = PartnerONG }, "convention-partenaire", Warning, true},
		{"grant of 23 000 € passes", func(p *Plan) {
			p.Actions[0].PaidTo = Payee{Kind: PayeeAssociation, Name: "Asso"}
			p.Actions[0].Cost = Euros(23_000)
			p.Actions = append(p.Actions, Action{Year: 2027, Cost: Euros(77_000), PaidTo: Payee{Kind: PayeeDirect}})
		}, "subvention-convention-objectifs", Warning, false},
		{"grant of 23 000,01 € to one body in a year fails", func(p *Plan) {
			p.Actions[0].PaidTo = Payee{Kind: PayeeAssociation, Name: "Asso"}
			p.Actions[0].Cost = Euros(23_000)
			p.Actions = append(p.Actions, Action{Year: 2027, Cost: 1, PaidTo: Payee{Kind: PayeeAssociation, Name: "ASSO"}},
				Action{Year: 2027, Cost: Euros(77_000) - 1, PaidTo: Payee{Kind: PayeeDirect}})
		}, "subvention-convention-objectifs", Warning, true},
		{"grants in two years are separate", func(p *Plan) {
			p.Actions[0] = Action{Year: 2027, Cost: Euros(20_000), PaidTo: Payee{Kind: PayeeONG, Name: "N"}}
			p.Actions = append(p.Actions, Action{Year: 2028, Cost: Euros(20_000), PaidTo: Payee{Kind: PayeeONG, Name: "N"}},
				Action{Year: 2027, Cost: Euros(60_000), PaidTo: Payee{Kind: PayeeDirect}})
		}, "subvention-convention-objectifs", Warning, false},
		{"gift suggests FACECO", func(p *Plan) { p.Form = FormDon }, "don-faceco-suggere", Advice, true},
		{"gift needs no convention", func(p *Plan) { p.Form = FormDon }, "don-sans-convention", Advice, true},
		{"commune under 3 500", func(p *Plan) {
			p.Authority.Type = AuthCommune
			p.Authority.Population = 3499
		}, "publication-mode", Advice, true},
		{"commune of 3 500", func(p *Plan) {
			p.Authority.Type = AuthCommune
			p.Authority.Population = 3500
		}, "publication-mode", Advice, false},
		{"commune of 50 001 inhabitants", func(p *Plan) { p.Authority.Type, p.Authority.Population = AuthCommune, 50001 }, "transmission-electronique", Advice, true},
		{"commune of 50 000 inhabitants", func(p *Plan) { p.Authority.Type, p.Authority.Population = AuthCommune, 50000 }, "transmission-electronique", Advice, false},
		{"every EPCI uses @ctes", func(p *Plan) { p.Authority.Population = 800 }, "transmission-electronique", Advice, true},
		{"a syndicat mixte never must", func(p *Plan) {
			p.Authority.Type, p.Authority.SyndicatKind, p.Authority.Population = AuthSyndicatMixte, SyndicatOuvert, 900_000
		}, "transmission-electronique", Advice, false},
		{"syndicat mixte fermé chooses its publication", func(p *Plan) {
			p.Authority.Type, p.Authority.SyndicatKind = AuthSyndicatMixte, SyndicatFerme
		}, "publication-mode", Advice, true},
		{"syndicat mixte ouvert publishes electronically", func(p *Plan) {
			p.Authority.Type, p.Authority.SyndicatKind = AuthSyndicatMixte, SyndicatOuvert
		}, "publication-mode", Advice, false},
		{"APD reminder", func(p *Plan) {}, "apd-declaration", Advice, true},
		{"no APD reminder for Germany", func(p *Plan) { p.Partner.Country = "DE" }, "apd-declaration", Advice, false},
		{"CERV conditions", func(p *Plan) {
			p.Funding[2].Source = SourceCERV
		}, "cerv-conditions", Warning, true},
		{"FICOL outside APD", func(p *Plan) {
			p.Partner.Country = "CA"
			p.Funding[1].Source = SourceFICOL
		}, "ficol-pays", Warning, true},
		{"delegation without operator", func(p *Plan) { p.Implementation.Mode = ModeDelegation }, "delegation-operateur", Warning, true},
		{"pooling without partners", func(p *Plan) { p.Implementation.Mode = ModeMutualisation }, "mutualisation-partenaires", Warning, true},
		{"session incomplete", func(p *Plan) { p.Session.Secretary = "" }, "seance-incomplete", Warning, true},
		{"votes may stay blank", func(p *Plan) {}, "seance-incomplete", Warning, false},
		{"convocation after session", func(p *Plan) { p.Session.ConvocationDate = p.Session.Date }, "seance-convocation", Blocking, true},
		{"too many present", func(p *Plan) { p.Session.Present = 29 }, "seance-effectifs", Blocking, true},
		{"too many votes", func(p *Plan) { p.Session.VotesFor = Int(28) }, "seance-votes", Blocking, true},
		{"votes that add up", func(p *Plan) {
			p.Session.VotesFor, p.Session.VotesAgainst, p.Session.Abstentions = Int(25), Int(1), Int(1)
		}, "seance-votes", Blocking, false},
		{"votes one short", func(p *Plan) {
			p.Session.VotesFor, p.Session.VotesAgainst, p.Session.Abstentions = Int(24), Int(1), Int(1)
		}, "seance-votes", Blocking, true},
		{"an executive title of another type", func(p *Plan) { p.Authority.ExecutiveTitle = TitleMaire }, "titre-executif", Warning, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := base()
			c.change(p)
			fs := Check(p)
			if c.code == "" {
				if got := codesOf(fs, c.sev); len(got) > 0 {
					t.Fatalf("unexpected %v findings: %v", c.sev, got)
				}
				return
			}
			found := false
			for _, f := range fs {
				if f.Code == c.code {
					found = true
					if f.Severity != c.sev {
						t.Errorf("%s severity %v; want %v", c.code, f.Severity, c.sev)
					}
					if strings.Contains(f.Message, "%!") {
						t.Errorf("format error: %s", f.Message)
					}
				}
			}
			if found != c.want {
				t.Errorf("finding %s present = %v; want %v; findings: %+v", c.code, found, c.want, fs)
			}
		})
	}
}

// TestAPDYearFollowsSpending: the first APD declaration is for the first year with costs,
// whatever the years of the funding lines.
func TestAPDYearFollowsSpending(t *testing.T) {
	p := base()
	p.Funding[2].Year = 2026
	for _, f := range Check(p) {
		if f.Code == "apd-declaration" && !strings.Contains(f.Message, "31 mai 2028, pour les dépenses de 2027") {
			t.Errorf("APD window: %s", f.Message)
		}
	}
	if p.FirstSpendingYear() != 2027 || p.FirstYear() != 2026 {
		t.Errorf("years %d %d", p.FirstSpendingYear(), p.FirstYear())
	}
}

func TestFindingsHaveReferences(t *testing.T) {
	for _, s := range []string{"01-jumelage-allemagne", "02-convention-eau-senegal", "03-don-faceco", "04-partenaire-etat", "05-plan-desequilibre"} {
		p := decodeSample(t, s)
		p.Implementation = Implementation{Mode: ModeDelegation}
		p.Session.ConvocationDate = p.Session.Date
		for _, f := range Check(p) {
			if f.Reference == "" {
				t.Errorf("%s: finding %s has no reference", s, f.Code)
			}
		}
	}
}

func TestFindingsOrder(t *testing.T) {
	fs := Check(decodeSample(t, "05-plan-desequilibre"))
	for i := 1; i < len(fs); i++ {
		if fs[i].Severity < fs[i-1].Severity {
			t.Fatalf("not sorted: %v", fs)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	p := base()
	p.Actions = nil
	p.Funding = nil
	for i := 0; i < 200; i++ {
		p.Actions = append(p.Actions, Action{Title: "A", Year: 2027 + i%4, Cost: Euros(500),
			PaidTo: Payee{Kind: PayeeAssociation, Name: "Asso " + string(rune('A'+i%20))}})
	}
	sources := []Source{SourceBudgetGeneral, SourceEau, SourceMEAE, SourceValorisation}
	for i := 0; i < 100; i++ {
		p.Funding = append(p.Funding, FundingLine{Source: sources[i%4], Year: 2027 + i%4, Amount: Euros(1000)})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Check(p)
	}
}
