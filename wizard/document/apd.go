package document

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"aect/wizard"
	"aect/wizard/crs"
	"aect/wizard/document/render"
)

// hasAPDSheet reports whether the plan gets the APD declaration sheet: its partner
// country is eligible to official development assistance and it commits money.
func hasAPDSheet(p *wizard.Plan) bool { return p != nil && p.APDEligible() && p.Commits() }

// apdLine is one line of the APD declaration: the actions of one year, paid through one
// channel for one sector, summed. A code that the plan does not give is not ok; a code
// deduced from the plan rather than chosen is a default.
type apdLine struct {
	year             int
	channel, sector  crs.Code
	channelOK        bool
	sectorOK         bool
	channelDefault   bool
	sectorDefault    bool
	amount           wizard.Cents
	actions          []string
	firstActionIndex int
}

// apdLines groups the actions that cost money into the lines of the declaration: by year
// (in order, a missing year first), then by channel and sector in the order the actions
// first use them. Only costs are summed: a line is what the authority spends.
func apdLines(p *wizard.Plan) []apdLine {
	var out []apdLine
	for i, a := range p.Actions {
		if a.Cost <= 0 {
			continue
		}
		ch, chDef, chOK := p.CRSChannel(i)
		se, seDef, seOK := p.CRSSector(i)
		j := slices.IndexFunc(out, func(l apdLine) bool {
			return l.year == a.Year && l.channel.Code == ch.Code && l.sector.Code == se.Code
		})
		if j < 0 {
			out = append(out, apdLine{year: a.Year, channel: ch, channelOK: chOK, sector: se, sectorOK: seOK, firstActionIndex: i})
			j = len(out) - 1
		}
		l := &out[j]
		l.amount += a.Cost
		l.channelDefault = l.channelDefault || chDef
		l.sectorDefault = l.sectorDefault || seDef
		l.actions = append(l.actions, a.Title)
	}
	slices.SortStableFunc(out, func(a, b apdLine) int { return a.year - b.year })
	return out
}

// apdWindow is the period when the spending of a year is declared: "du 15 avril au 31
// mai 2028".
func apdWindow(year int) any {
	if year == 0 {
		return cat("du 15 avril au 31 mai ", todo("année suivant la dépense"))
	}
	return fmt.Sprintf("du 15 avril au 31 mai %d", year+1)
}

// codeCell is a CRS code with its French label, "*" for a default, or a placeholder.
func codeCell(c crs.Code, ok, isDefault bool, what string) render.Inline {
	if !ok {
		return cat(todo(what))
	}
	in := cat(c.Display())
	if isDefault {
		in = cat(in, nbsp+"*")
	}
	return in
}

// markerPlaceholder stands for a CAD marker not given yet.
func markerPlaceholder() render.Span {
	return render.Span{Text: typo("[à renseigner : 0, 1 ou 2]"), Style: render.Placeholder}
}

// buildAPD drafts the « Fiche de déclaration APD »: a worksheet, to retype into the
// « Démarches simplifiées » platform, of the lines of the yearly declaration of official
// development assistance (CGCT L. 1115-6, DOMAIN §6): one line per year, country, CRS
// channel and CRS sector, with the amount, and the CAD markers.
func buildAPD(f *facts) *render.Doc {
	p := f.p
	b := newBuilder(DeclarationAPD, docTitle(DeclarationAPD, p))
	b.title(cat("FICHE DE DÉCLARATION APD"))
	head := []render.Inline{cat(emph("Aide publique au développement des collectivités territoriales"))}
	if t := p.DisplayTitle(); t != "" {
		head = append(head, cat(strong(t)))
	}
	b.center(append(head, cat(f.authHeader(), " – ", f.partnerTitle()))...)
	b.note("Fiche de travail, à ressaisir sur la plateforme", []render.Inline{
		cat("Cette fiche prépare la déclaration annuelle de l'aide publique au développement ; elle n'est pas la déclaration. Ses lignes sont à ressaisir, année par année, sur la plateforme « Démarches simplifiées » du ministère de l'Europe et des Affaires étrangères. Le fichier ", strong(APDCSVName), " reprend les mêmes lignes pour un tableur."),
	}, nil)

	b.heading(1, "La déclaration")
	country := cat(f.countryName())
	if f.hasCtry {
		country = cat(country, ", pays éligible à l'aide publique au développement")
		if f.country.PMA {
			country = cat(country, " et pays parmi les moins avancés")
		}
	}
	b.lines(cat(strong("Collectivité déclarante : "), f.authHeader()),
		cat(strong("Pays bénéficiaire : "), country))
	b.para("Toute collectivité ou groupement qui a dépensé au profit d'un pays éligible à l'aide publique au développement déclare chaque année les dépenses de l'année précédente ",
		emph("(CGCT, art. L. 1115-6)"),
		" : projets de coopération et jumelages, dépenses des mécanismes du 1 %, subventions aux associations et ONG, dons au FACECO, frais de fonctionnement liés. La plateforme est ouverte du 15 avril au 31 mai ; le ministère annonce chaque année la campagne.")
	var windows []render.Inline
	for _, ya := range f.costYears() {
		if ya.Amount > 0 {
			windows = append(windows, cat("Dépenses ", yearOf(ya.Year), " : à déclarer ", apdWindow(ya.Year), "."))
		}
	}
	b.bullets(windows...)
	meae := cat("La déclaration conditionne tout cofinancement du ministère de l'Europe et des Affaires étrangères : une demande aux appels à projets de la DCTCIV (ex-DAECT) suppose la déclaration faite.")
	if m := p.FundingBySource(wizard.SourceMEAE); m > 0 {
		meae = cat(meae, " Ce projet sollicite un cofinancement du ministère de ", amount(m), " : chaque demande suppose la déclaration des dépenses de l'année précédente.")
	}
	b.para(meae)

	b.heading(1, "Lignes à déclarer")
	b.para("Une ligne par année, pays, canal et secteur : le montant est la somme des coûts prévus des actions. Déclarez les sommes réellement versées dans l'année, sur les fonds propres de la collectivité.")
	if co := f.cofunders(); len(co) > 0 {
		var parts []render.Inline
		var total wizard.Cents
		for _, s := range co {
			parts = append(parts, cat(amount(s.total), " (", sourceLabel(s), ")"))
			total += s.total
		}
		b.para("Le plan de financement prévoit des cofinancements : ", joinInline(parts), ". ",
			confirm("retrancher des lignes la part payée par les cofinancements, "+amount(total)+" au total ; seuls les versements sur fonds propres se déclarent"))
	}
	lines := apdLines(p)
	b.para(strong("Dépenses par année, pays, canal et secteur"))
	b.table(f.apdTable(lines))
	defaults := slices.ContainsFunc(lines, func(l apdLine) bool { return l.channelDefault || l.sectorDefault })
	if defaults {
		b.para("* Code par défaut, déduit des réponses (le canal de qui reçoit l'argent, le secteur du premier secteur du projet) : vérifiez-le ; il se change action par action dans l'assistant, section « Actions et calendrier ».")
	}

	b.heading(1, "Marqueurs")
	b.para("Les marqueurs du Comité d'aide au développement de l'OCDE disent si les dépenses visent un objectif : 0, non ciblé ; 1, objectif significatif ; 2, objectif principal. Ceux du projet valent pour chacune des lignes.")
	mt := &render.Table{Columns: []render.Column{{Title: "Marqueur", Width: 6}, {Title: "Valeur", Width: 6}}}
	for _, m := range crs.Markers {
		v := cat(markerPlaceholder())
		if l := p.Domain.Marker(m.Key); l.Label() != "" {
			v = cat(l.Label())
		}
		mt.Rows = append(mt.Rows, render.Row{Cells: []render.Inline{cat(wizard.Capitalize(m.Name)), v}})
	}
	b.table(mt)

	b.heading(1, "Actions prises en compte")
	var acts []render.Inline
	for i, a := range p.Actions {
		if a.Cost <= 0 {
			continue
		}
		ch, _, chOK := p.CRSChannel(i)
		se, _, seOK := p.CRSSector(i)
		chCode, seCode := any(todo("canal")), any(todo("secteur"))
		if chOK {
			chCode = ch.Code
		}
		if seOK {
			seCode = se.Code
		}
		acts = append(acts, cat(yearText(a.Year), " – ", orTodo(a.Title, "intitulé de l'action"), " : ", amount(a.Cost),
			" ; canal ", chCode, ", secteur ", seCode, "."))
	}
	b.bullets(acts...)

	b.para(emph("Codes CRS : " + crs.Source + ", état de " + crs.AsOf + ". Pays éligibles : " + wizard.LowerFirst(wizard.APDListEdition) + "."))
	return b.doc
}

// yearOf is "de 2027", or a placeholder for year 0.
func yearOf(y int) any {
	if y == 0 {
		return cat("de l'année ", todo(whatYear))
	}
	return fmt.Sprintf("de %d", y)
}

// apdTable is the table of the lines, a group per year with its total.
func (f *facts) apdTable(lines []apdLine) *render.Table {
	t := &render.Table{Columns: []render.Column{{Title: "Pays", Width: 3}, {Title: "Canal (code CRS)", Width: 6},
		{Title: "Secteur (code CRS)", Width: 6}, {Title: "Montant", Width: 3, Right: true}}}
	var total wizard.Cents
	years := 0
	for i, l := range lines {
		if i == 0 || lines[i-1].year != l.year {
			years++
			t.Rows = append(t.Rows, render.Row{Group: true, Cells: []render.Inline{cat("Dépenses ", yearOf(l.year), ", à déclarer ", apdWindow(l.year))}})
		}
		t.Rows = append(t.Rows, render.Row{Cells: []render.Inline{cat(f.countryName()),
			codeCell(l.channel, l.channelOK, l.channelDefault, "code CRS du canal"),
			codeCell(l.sector, l.sectorOK, l.sectorDefault, "code CRS du secteur"),
			cat(amount(l.amount))}})
		total += l.amount
		if i == len(lines)-1 || lines[i+1].year != l.year {
			var sum wizard.Cents
			for _, x := range lines {
				if x.year == l.year {
					sum += x.amount
				}
			}
			t.Rows = append(t.Rows, render.Row{Total: true, Cells: []render.Inline{cat("Total ", yearText(l.year)), cat(""), cat(""), cat(amount(sum))}})
		}
	}
	if len(lines) == 0 {
		t.Rows = append(t.Rows, render.Row{Cells: []render.Inline{cat(f.countryName()), cat(todo("code CRS du canal")), cat(todo("code CRS du secteur")), cat(todo(whatAmount))}})
	}
	if years > 1 {
		t.Rows = append(t.Rows, render.Row{Total: true, Cells: []render.Inline{cat("Total"), cat(""), cat(""), cat(amount(total))}})
	}
	return t
}

// APDCSVName is the file name of the APD declaration's lines for a spreadsheet.
const APDCSVName = "declaration-apd.csv"

// APDCSVColumns are the columns of the CSV file, in order: the year, the country (ISO
// code and French name), the CRS channel and sector (code and French label), the amount
// in euros, the four CAD markers (0, 1, 2 or « à renseigner »), the declaration period,
// the codes deduced from the plan rather than chosen, and the actions summed.
var APDCSVColumns = []string{"Année", "Code pays", "Pays", "Code canal CRS", "Canal", "Code secteur CRS", "Secteur",
	"Montant (euros)", "Marqueur égalité femmes-hommes", "Marqueur environnement", "Marqueur biodiversité", "Marqueur nutrition",
	"Période de déclaration", "Codes par défaut", "Actions"}

// WriteAPDCSV writes the lines of the APD declaration sheet of the plan as CSV for a
// spreadsheet in French: UTF-8 with a byte order mark (Excel reads the accents only
// with it), fields separated by « ; », lines ended by CR LF, amounts with a decimal
// comma and no thousands separator ("40000,00"), which LibreOffice Calc and Excel in
// French read as numbers. A missing answer reads « à compléter » (« à renseigner » for
// a marker). A text that a spreadsheet would take for a formula starts with « ' ».
func WriteAPDCSV(w io.Writer, p *wizard.Plan) error {
	c := cleanPlan(p)
	country, hasCtry := wizard.LookupCountry(c.Partner.Country)
	const missing = "à compléter"
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(APDCSVColumns); err != nil {
		return err
	}
	var markers []string
	for _, m := range crs.Markers {
		v := string(c.Domain.Marker(m.Key))
		if _, ok := wizard.Marker(v).Score(); !ok {
			v = "à renseigner"
		}
		markers = append(markers, v)
	}
	for _, l := range apdLines(c) {
		year, window := missing, "du 15 avril au 31 mai de l'année suivante"
		if l.year != 0 {
			year, window = strconv.Itoa(l.year), fmt.Sprintf("du 15 avril au 31 mai %d", l.year+1)
		}
		code, name := missing, missing
		if hasCtry {
			code, name = country.Code, country.Name
		}
		chCode, chLabel, seCode, seLabel := missing, "", missing, ""
		if l.channelOK {
			chCode, chLabel = l.channel.Code, l.channel.FrenchLabel()
		}
		if l.sectorOK {
			seCode, seLabel = l.sector.Code, l.sector.FrenchLabel()
		}
		var defaults []string
		if l.channelDefault {
			defaults = append(defaults, "canal")
		}
		if l.sectorDefault {
			defaults = append(defaults, "secteur")
		}
		row := []string{year, code, name, chCode, chLabel, seCode, seLabel, csvAmount(l.amount)}
		row = append(row, markers...)
		row = append(row, window, strings.Join(defaults, ", "), noFormula(strings.Join(l.actions, " ; ")))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvAmount is an amount as a French spreadsheet reads a number: "40000,00".
func csvAmount(c wizard.Cents) string { return fmt.Sprintf("%d,%02d", int64(c)/100, int64(c)%100) }

// noFormula keeps a user's text from being read as a formula by a spreadsheet.
func noFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
