package document

import (
	"fmt"
	"sort"

	"aect/wizard"
)

// maxYearColumns is the number of years the financing table shows as columns; beyond,
// it lists one row per source and year.
const maxYearColumns = 4

// buildConvention drafts the convention de coopération décentralisée (DOMAIN §7): visas,
// parties, préambule, then articles 1 (objet) to 12, with article 4 (engagements
// financiers) always present, and two signature blocks.
func buildConvention(f *facts) *Doc {
	p := f.p
	b := newBuilder(Convention, docTitle(Convention, p))
	f.blockingNote(b)

	b.lines(cat(emph("Annexe à la délibération "+no), f.actNumber(Emphasis), emph(" "+f.councilOf()+" du "), date(p.Session.Date, whatSessionDate)))
	title := cat("CONVENTION DE COOPÉRATION DÉCENTRALISÉE")
	b.title(title)
	if p.Form == wizard.FormPromotion {
		b.center(cat(emph("relative à des actions de promotion culturelle et touristique")))
	}
	b.center(cat("entre"), cat(f.authHeader(), " (France)"), cat("et"), f.partnerTitle())

	b.heading(1, "Visas")
	for _, v := range f.lawVisas() {
		b.para(v)
	}
	b.para("Vu la délibération ", no, f.actNumber(Plain), " ", f.ofCouncilOfAuthority(), " en date du ",
		date(p.Session.Date, whatSessionDate), " ;")
	b.para("Vu ", todo(partnerLawPoint), " ;")
	b.para("Vu ", todo("décision de l'organe compétent du partenaire autorisant la signature, et sa date"), " ;")

	b.heading(1, "Entre les parties")
	fr := f.authFeminine()
	b.para(capitalize(f.authDes()), ", dont le siège est situé ", todo(whatSeat), ", ",
		fem(fr, "représentée", "représenté"), " par ", f.execPossessive(), ", ", f.execName(), ", dûment ",
		f.execAuthorised(), " par délibération ", f.councilOf(), " du ", date(p.Session.Date, whatSessionDate),
		", ci-après « la partie française »,")
	for _, name := range f.coFundingAuthorities() {
		// The French authorities that pool the action and its funding sign too.
		b.para(capitalize(cat(withArticle(name))), ", dont le siège est situé ", todo(whatSeat), ", représentée par ",
			todo("son exécutif, nom et titre"), ", dûment habilité(e) par délibération du ", todo(whatDate),
			", ci-après « collectivité associée »,")
	}
	b.para(emph("d'une part,"))
	b.para(capitalize(f.partner()), ", ", f.partnerKind(), ", dont le siège est situé ", todo(whatSeat),
		", ", f.partnerRepresented(), " par ", f.partnerRepInSentence(), ", dûment habilité(e) à cet effet, ci-après « le partenaire »,")
	b.para(emph("d'autre part,"))
	b.para("ci-après ensemble « les parties ».")

	b.heading(1, "Préambule")
	history := any(todo(whatHistory))
	if p.Partner.History != "" {
		history = quote(p.Partner.History)
	}
	b.para("Les parties entretiennent des relations dont l'historique est le suivant : ", history, ".")
	b.para("Attachées aux valeurs de paix, de démocratie locale, de solidarité et de respect mutuel, elles entendent conjuguer leurs compétences et leurs savoir-faire au service de leurs populations, dans le respect des engagements internationaux de la France.")
	b.para("Elles inscrivent leur coopération dans le Programme de développement durable à l'horizon 2030 des Nations unies et visent en particulier les objectifs de développement durable ", f.sdgs(), ".")
	b.para("Les parties sont convenues de ce qui suit.")

	b.articleHeading("Objet")
	objectives := any(todo(whatObjectives))
	if p.Domain.Objectives != "" {
		objectives = quote(p.Domain.Objectives)
	}
	b.para("La présente convention a pour objet de définir les conditions de la coopération entre les parties en vue de l'objectif suivant : ", objectives, ".")
	b.para("Conformément à l'article L. 1115-1 du code général des collectivités territoriales, elle précise l'objet des actions envisagées (article 2) et le montant prévisionnel des engagements financiers (article 4).")

	b.articleHeading("Domaines et programme d'actions")
	b.para("Le programme d'actions relève ", f.categoryPhrase(), " et porte sur ", f.sectors(), ".")
	b.para("Le programme d'actions prévisionnel est le suivant :")
	if len(p.Actions) == 0 {
		b.bullets(cat(todo("actions, avec leur année et leur coût")))
	} else {
		var lines []Inline
		for _, a := range p.Actions {
			l := cat(styled(cat(yearText(a.Year), " – "), Strong), orTodo(a.Title, "intitulé de l'action"))
			if a.Description != "" {
				l = cat(l, sentenceEnd(a.Title), a.Description)
			}
			lines = append(lines, l)
		}
		b.bullets(lines...)
	}
	b.para("Le programme est précisé chaque année par le comité de pilotage prévu à l'article 5.")

	b.articleHeading("Engagements de chaque partie")
	b.para("La partie française s'engage à :")
	own := []Inline{cat("assurer la maîtrise d'ouvrage du programme d'actions", f.modeClause(), " ;"),
		cat("mobiliser les compétences et les savoir-faire de ses services ;"),
		cat("engager les dépenses prévues à l'article 4, dans la limite des crédits inscrits à son budget ;"),
		cat("rendre compte de l'exécution de la convention à son assemblée délibérante.")}
	b.bullets(own...)
	b.para("Le partenaire s'engage à :")
	b.bullets(
		cat("désigner un référent et associer ses services à la mise en œuvre des actions ;"),
		cat("affecter les sommes qu'il reçoit exclusivement aux actions prévues par la présente convention et en justifier l'emploi ;"),
		cat("assurer l'entretien et la pérennité des réalisations ;"),
		cat("transmettre les rapports prévus à l'article 6."))

	b.articleHeading("Engagements financiers")
	f.financialArticle(b)

	b.articleHeading("Gouvernance")
	b.para("Un comité de pilotage, composé à parts égales de représentants des deux parties, se réunit au moins une fois par an, en alternance sur le territoire de chacune d'elles ou à distance. Il arrête le programme annuel, suit l'avancement des actions et propose les adaptations nécessaires.")
	if p.Implementation.Mode == wizard.ModeDelegation {
		b.para("L'opérateur chargé de la mise en œuvre, ", f.operatorRef(), ", participe au comité de pilotage avec voix consultative.")
	}
	b.para("Chaque partie désigne un référent : pour la partie française, ", todo("nom et fonction du référent"),
		" ; pour le partenaire, ", todo("nom et fonction du référent"), ".")

	b.articleHeading("Suivi et évaluation")
	b.para("Les parties établissent chaque année un rapport d'exécution technique et financier, présenté au comité de pilotage, et un rapport final au terme de la convention.")
	var funders []string
	if p.FundingBySource(wizard.SourceMEAE) > 0 {
		funders = append(funders, "du ministère de l'Europe et des Affaires étrangères")
	}
	if p.FundingBySource(wizard.SourceCERV) > 0 {
		funders = append(funders, "de l'Union européenne")
	}
	if len(funders) > 0 {
		b.para("Le programme bénéficiant d'un cofinancement ", wizard.JoinFr(funders), ", il fait l'objet d'une évaluation selon les modalités suivantes : ",
			todo("modalités de l'évaluation (interne ou externe) et calendrier"), ".")
	} else {
		b.para("Une évaluation peut être conduite à mi-parcours et au terme de la convention, selon des modalités arrêtées par le comité de pilotage.")
	}

	b.articleHeading("Communication et visibilité")
	vis := "Les parties font mention de leur partenariat dans toute action de communication relative au programme."
	if co := f.cofunders(); len(co) > 0 {
		vis = "Les parties font mention de leur partenariat dans toute action de communication relative au programme et font apparaître le soutien des cofinanceurs, selon les règles de visibilité propres à chacun."
	}
	b.para(vis)

	b.articleHeading("Durée et entrée en vigueur")
	b.para(f.durationSentence())
	b.para("La présente convention entre en vigueur, pour la partie française, à compter de sa transmission au représentant de l'État, conformément à l'article L. 1115-1 du code général des collectivités territoriales ; pour le partenaire, ",
		todo("conditions d'entrée en vigueur selon le droit du pays partenaire"), ".")
	b.para("Elle prend fin après l'approbation du rapport final par le comité de pilotage.")

	b.articleHeading("Modification")
	b.para("Toute modification de la présente convention, notamment de son programme d'actions ou de ses engagements financiers, fait l'objet d'un avenant écrit, approuvé et signé dans les mêmes formes.")

	b.articleHeading("Résiliation")
	b.para("Chacune des parties peut résilier la présente convention par notification écrite adressée à l'autre partie, moyennant un préavis de ",
		todo("durée du préavis, par exemple trois mois"), ". Les actions engagées à la date de la résiliation sont menées à leur terme ou soldées d'un commun accord ; les sommes versées et non employées sont restituées.")

	b.articleHeading("Règlement amiable des différends")
	b.para("Les parties s'efforcent de régler à l'amiable, au sein du comité de pilotage, tout différend relatif à l'interprétation ou à l'exécution de la présente convention. À défaut d'accord : ",
		confirm(disputeCourtText), ".")

	b.articleHeading("Langues faisant foi et exemplaires")
	langs, n := f.languages()
	if n > 1 {
		b.para("La présente convention est établie "+langs+", chaque version faisant également foi, en ", todo("nombre"), " exemplaires originaux.")
	} else {
		b.para("La présente convention est établie "+langs+", en ", todo("nombre"), " exemplaires originaux.")
	}

	b.para("Fait à ", todo(whatPlace), ", le ", todo(whatDate), ".")
	sigs := []Signature{{Heading: []Inline{cat("Pour ", f.authDes(), ","), f.execHeading()}, Name: cat(f.execName())}}
	for _, name := range f.coFundingAuthorities() {
		sigs = append(sigs, Signature{Heading: []Inline{cat("Pour ", titleWithArticle(name), ","), cat(todo("titre de l'exécutif"), ",")},
			Name: cat(todo("nom de l'exécutif"))})
	}
	sigs = append(sigs, Signature{Heading: []Inline{cat("Pour ", f.partnerSignatory(), ",")}, Name: cat(f.partnerRep())})
	b.signatures(sigs...)
	return b.doc
}

// modeClause completes "assurer la maîtrise d'ouvrage du programme" by the mode.
func (f *facts) modeClause() string {
	im := f.p.Implementation
	switch im.Mode {
	case wizard.ModeDelegation:
		if im.Operator != "" {
			return ", dont la mise en œuvre est confiée " + aName(im.Operator)
		}
		return ", dont la mise en œuvre est confiée à un opérateur"
	case wizard.ModeMutualisation:
		if len(im.PooledWith) > 0 {
			return ", en mutualisation avec " + wizard.JoinFr(withArticles(im.PooledWith))
		}
		return ", en mutualisation avec d'autres collectivités françaises"
	}
	return ""
}

// durationSentence gives the period of the programme.
func (f *facts) durationSentence() Inline {
	sc := f.p.Schedule
	if sc.Start.IsZero() || sc.DurationMonths <= 0 {
		return cat("Le programme d'actions débute le ", date(sc.Start, "date de début"), " pour une durée de ",
			count(sc.DurationMonths, "durée en mois"), " mois.")
	}
	end := sc.Start.AddMonths(sc.DurationMonths).AddDays(-1)
	return cat(fmt.Sprintf("Le programme d'actions est prévu pour une durée de %d mois, du ", sc.DurationMonths),
		wizard.FormatDate(sc.Start), " au ", wizard.FormatDate(end), ".")
}

// financialArticle is article 4: the total forecast amount, a table of costs by year and
// action, a table of funding by source and year, the parties' shares.
func (f *facts) financialArticle(b *builder) {
	p := f.p
	total := p.TotalCost()
	if total == 0 {
		b.para("Le montant prévisionnel total des engagements financiers au titre de la présente convention s'élève à ",
			todo("montant prévisionnel des engagements financiers"), ".")
	} else {
		b.para("Le montant prévisionnel total des engagements financiers au titre de la présente convention s'élève à ",
			strong(amount(p.CashCommitment())), byYear(p.CashByYear()), f.valorisationApart(), ".")
	}

	b.para(strong("Dépenses prévisionnelles par année"))
	costs := &Table{Columns: []Column{{Title: "Année", Width: 2}, {Title: "Action", Width: 7}, {Title: "Montant", Width: 3, Right: true}}}
	actions := append([]wizard.Action(nil), p.Actions...)
	sort.SliceStable(actions, func(i, j int) bool { return actions[i].Year < actions[j].Year })
	for _, a := range actions {
		c := any(todo("coût"))
		if a.Cost > 0 {
			c = amount(a.Cost)
		}
		costs.Rows = append(costs.Rows, Row{Cells: []Inline{cat(yearText(a.Year)), cat(orTodo(a.Title, "intitulé de l'action")), cat(c)}})
	}
	if len(actions) == 0 {
		costs.Rows = append(costs.Rows, Row{Cells: []Inline{cat(todo(whatYear)), cat(todo("action")), cat(todo(whatAmount))}})
	}
	costs.Rows = append(costs.Rows, Row{Total: true, Cells: []Inline{cat("Total"), cat(""), cat(amount(total))}})
	b.table(costs)

	b.para(strong("Plan de financement prévisionnel, par partie, par source et par année"))
	b.table(f.fundingTable())

	own, funding := p.OwnContribution(), p.TotalFunding()
	if funding > 0 {
		b.para("L'apport de la partie française (budget propre, mécanismes du 1 % et valorisation) s'élève à ", amount(own),
			" (", wizard.FormatPercent(own, funding), " du financement), les cofinancements à ", amount(funding-own),
			" (", wizard.FormatPercent(funding-own, funding), ").")
	}
	if funding != total {
		b.para(todo(fmt.Sprintf("plan de financement à équilibrer (%s de sources pour %s de dépenses)", amount(funding), amount(total))))
	}
	b.para("Apport du partenaire : ", todo("apport du partenaire, en numéraire ou en nature, le cas échéant"), ".")
	b.para("Les montants sont prévisionnels ; ils sont engagés chaque année dans la limite des crédits inscrits au budget de la partie française.")
	if len(f.cofunders()) > 0 {
		b.para("Les cofinancements sont subordonnés à leur obtention ; à défaut, les parties adaptent le programme d'actions par avenant.")
	}
	if f.paidToPartner() {
		b.para("Les sommes versées au partenaire sont affectées exclusivement aux actions prévues par la présente convention ; le partenaire en justifie l'emploi par un rapport financier accompagné des pièces justificatives.")
	}
}

// fundingTable shows the funding by party and source — the French party's own
// contribution first, then the co-funders, each group with its subtotal — with one column
// per year, or one row per source and year when there are many years.
func (f *facts) fundingTable() *Table {
	srcs := f.sources()
	yearSet := map[int]bool{}
	for _, fl := range f.p.Funding {
		yearSet[fl.Year] = true
	}
	var years []int
	for y := range yearSet {
		years = append(years, y)
	}
	sort.Ints(years)
	if len(srcs) == 0 {
		return &Table{Columns: []Column{{Title: "Source", Width: 6}, {Title: "Montant", Width: 3, Right: true}},
			Rows: []Row{{Cells: []Inline{cat(todo("source de financement")), cat(todo(whatAmount))}}}}
	}
	long := len(years) > maxYearColumns
	t := &Table{Columns: []Column{{Title: "Partie et source", Width: 7}}}
	if long {
		t.Columns = append(t.Columns, Column{Title: "Année", Width: 2}, Column{Title: "Montant", Width: 3, Right: true})
	} else {
		for _, y := range years {
			t.Columns = append(t.Columns, Column{Title: wizard.YearText(y), Width: 3, Right: true})
		}
		t.Columns = append(t.Columns, Column{Title: "Total", Width: 3, Right: true})
	}
	row := func(label Inline, byYear map[int]wizard.Cents, total wizard.Cents, bold bool) Row {
		r := Row{Total: bold, Cells: []Inline{label}}
		for _, y := range years {
			if a, ok := byYear[y]; ok {
				r.Cells = append(r.Cells, cat(amount(a)))
			} else {
				r.Cells = append(r.Cells, cat("–"))
			}
		}
		r.Cells = append(r.Cells, cat(amount(total)))
		return r
	}
	for _, own := range []bool{true, false} {
		group := "Partie française (apport propre)"
		if !own {
			group = "Cofinancements sollicités"
		}
		sub := map[int]wizard.Cents{}
		var subTotal wizard.Cents
		var rows []Row
		for _, st := range srcs {
			if st.source.IsOwnContribution() != own {
				continue
			}
			for y, a := range st.years {
				sub[y] += a
			}
			subTotal += st.total
			if long {
				for _, y := range years {
					if a, ok := st.years[y]; ok {
						rows = append(rows, Row{Cells: []Inline{cat(sourceLabel(st)), cat(yearText(y)), cat(amount(a))}})
					}
				}
				continue
			}
			rows = append(rows, row(cat(sourceLabel(st)), st.years, st.total, false))
		}
		if len(rows) == 0 {
			continue
		}
		t.Rows = append(t.Rows, Row{Group: true, Cells: []Inline{cat(group)}})
		t.Rows = append(t.Rows, rows...)
		if long {
			t.Rows = append(t.Rows, Row{Total: true, Cells: []Inline{cat("Sous-total"), cat(""), cat(amount(subTotal))}})
		} else {
			t.Rows = append(t.Rows, row(cat("Sous-total"), sub, subTotal, true))
		}
	}
	if long {
		t.Rows = append(t.Rows, Row{Total: true, Cells: []Inline{cat("Total"), cat(""), cat(amount(f.p.TotalFunding()))}})
		return t
	}
	all := map[int]wizard.Cents{}
	for _, ya := range f.p.FundingByYear() {
		all[ya.Year] = ya.Amount
	}
	t.Rows = append(t.Rows, row(cat("Total"), all, f.p.TotalFunding(), true))
	return t
}
