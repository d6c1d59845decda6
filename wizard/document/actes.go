package document

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"aect/wizard"
	"aect/wizard/document/render"
)

// The dossier for the télétransmission of the délibération to the préfet (@ctes): the
// act and its annexes in PDF, named the way S²LOW names them, the data of the act for the
// transmission form (acte.json, acte.txt), the act's line for the open-data list of
// délibérations (SCDL « Délibérations » 2.1.2) and a LISEZMOI.txt that says what to do.
// Package export writes it, in the folder « actes » of the draft's folder, for its format
// Actes.

// The files of the dossier besides the PDFs.
const (
	ActeJSONName  = "acte.json"
	ActeTextName  = "acte.txt"
	SCDLName      = "deliberations-scdl.csv"
	ReadMeName    = "LISEZMOI.txt"
	acteFormat    = "aect-acte/1"
	maxActeObject = 499
)

// File is one file of an export: its name in the folder and its content.
type File struct {
	Name string
	Data []byte
}

// Acte is the data of the act for the transmission form: the content of acte.json
// (schema: acte.schema.json).
type Acte struct {
	Format         string          `json:"format"`
	Nature         ActeNature      `json:"nature"`
	Classification ActeMatiereInfo `json:"classification"`
	Numero         string          `json:"numero"`
	DateDecision   string          `json:"date_decision"`
	Objet          string          `json:"objet"`
	SIREN          string          `json:"siren"`
	Departement    string          `json:"departement"`
	Collectivite   string          `json:"collectivite"`
	Documents      []ActePiece     `json:"documents"`
	// ACompleter are the placeholders left in the PDFs, to fill in before signing.
	ACompleter []string `json:"a_completer"`
	// PrepareLe is the day the dossier was made.
	PrepareLe string `json:"prepare_le,omitempty"`
}

// ActeNature is the nature of the act: 1, « Délibérations ».
type ActeNature struct {
	Code    int    `json:"code"`
	Libelle string `json:"libelle"`
}

// ActeMatiereInfo is the classification of the act in the nomenclature ACTES.
type ActeMatiereInfo struct {
	Code    string `json:"code"`
	Libelle string `json:"libelle"`
	Matiere string `json:"matiere"`
	// ParDefaut tells that aect chose it from the plan: the préfecture's classification
	// file decides.
	ParDefaut bool `json:"par_defaut"`
}

// ActePiece is one PDF of the dossier: the act or an annex.
type ActePiece struct {
	Fichier   string `json:"fichier"`
	Typologie string `json:"typologie"`
	Role      string `json:"role"`
	Titre     string `json:"titre"`
}

// ActesError lists, in French, what the dossier @ctes lacks; nothing is written.
type ActesError struct {
	Problems []string
}

// Error lists the problems, one a line.
func (e *ActesError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "le dossier @ctes ne peut pas être préparé (%s) ; rien n'a été écrit :",
		wizard.CountOf(len(e.Problems), "point à régler", "points à régler"))
	for _, p := range e.Problems {
		b.WriteString("\n  - " + p)
	}
	return b.String()
}

// BuildActes makes the dossier @ctes of the plan: its files, in the order of the folder
// (the act, its annexes, acte.json, acte.txt, the SCDL line, LISEZMOI.txt), and the data
// of the act. A plan that lacks a piece (SIREN, number, date of the séance, a short
// enough objet) or that is not conforming gets an *ActesError listing every problem.
func BuildActes(p *wizard.Plan, opt Options) (*Acte, []File, error) {
	if p == nil {
		p = &wizard.Plan{}
	}
	f := newFacts(p, opt)
	a, probs := f.acte()
	if len(probs) > 0 {
		return nil, nil, &ActesError{Problems: probs}
	}
	var files []File
	var todo []docPlaceholders
	kinds := append([]Kind{Deliberation}, actesAnnexes(p)...)
	// The PDFs are laid out at once: each takes tens of milliseconds, and none depends on
	// another.
	docs := make([]*render.Doc, len(kinds))
	pdfs := make([]bytes.Buffer, len(kinds))
	errs := make([]error, len(kinds))
	var wg sync.WaitGroup
	for i, k := range kinds {
		wg.Go(func() {
			docs[i] = Build(p, k, opt)
			errs[i] = render.Render(&pdfs[i], docs[i], render.PDF)
		})
	}
	wg.Wait()
	for i, k := range kinds {
		if errs[i] != nil {
			return nil, nil, fmt.Errorf("impossible de préparer le PDF « %s » : %w", k.Title(), errs[i])
		}
		d := docs[i]
		piece := ActePiece{Typologie: string(p.Session.AnnexTypology()), Role: "annexe", Titre: f.pieceTitle(k)}
		if i == 0 {
			piece.Typologie, piece.Role = string(wizard.TypologyDeliberation), "acte"
		}
		piece.Fichier = actesFileName(piece.Typologie, a, i+1)
		a.Documents = append(a.Documents, piece)
		if ph := d.PlaceholdersBeforeSigning(); len(ph) > 0 {
			todo = append(todo, docPlaceholders{Title: piece.Titre, Texts: ph})
			for _, t := range ph {
				a.ACompleter = append(a.ACompleter, piece.Titre+" : "+plainSpaces(t))
			}
		}
		files = append(files, File{Name: piece.Fichier, Data: pdfs[i].Bytes()})
	}
	if a.ACompleter == nil {
		a.ACompleter = []string{}
	}
	data, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	files = append(files,
		File{Name: ActeJSONName, Data: append(data, '\n')},
		File{Name: ActeTextName, Data: windowsText(f.acteText(a))},
		File{Name: SCDLName, Data: f.scdlLine(a)},
		File{Name: ReadMeName, Data: windowsText(f.actesReadMe(a, todo))},
	)
	return a, files, nil
}

// docPlaceholders are the placeholders left in one document of the dossier.
type docPlaceholders struct {
	Title string
	Texts []string
}

// pieceTitle names a piece of the dossier: « Délibération », « Convention de coopération
// décentralisée », « Charte de jumelage ».
func (f *facts) pieceTitle(k Kind) string {
	if mk, ok := mainText(f.p); ok && mk == k {
		name, _ := f.mainTextName()
		return wizard.Capitalize(strings.TrimPrefix(name, "la "))
	}
	return k.Title()
}

// actesAnnexes are the documents annexed to the délibération: the convention or charte,
// and the conventions d'objectifs.
func actesAnnexes(p *wizard.Plan) []Kind {
	var out []Kind
	for _, k := range Kinds(p) {
		switch k {
		case Convention, CharteJumelage, CharteAmitie, ConventionObjectifs:
			out = append(out, k)
		}
	}
	return out
}

// actesFileName is the name S²LOW gives a piece of an act:
// {typologie}-{département}-{SIREN}-{AAAAMMJJ}-{numéro}-DE-1-1_{n}.pdf.
func actesFileName(typology string, a *Acte, n int) string {
	return fmt.Sprintf("%s-%s-%s-%s-%s-DE-1-1_%d.pdf", typology, a.Departement, a.SIREN,
		strings.ReplaceAll(a.DateDecision, "-", ""), a.Numero, n)
}

// departement3 is a département's code on three characters, as @ctes writes it: "038",
// "02A", "971".
func departement3(code string) string {
	for len(code) < 3 {
		code = "0" + code
	}
	return code
}

// acte checks the pieces of the dossier and gathers the data of the act; it returns every
// problem found, in French.
func (f *facts) acte() (*Acte, []string) {
	p := f.p
	var probs []string
	if n := len(f.blocking); n > 0 {
		probs = append(probs, fmt.Sprintf("le projet n'est pas conforme (%s, voir la vérification) : "+
			"le préfet pourrait déférer la délibération", wizard.CountOf(n, "point bloquant", "points bloquants")))
	}
	a := &Acte{Format: acteFormat, Nature: ActeNature{Code: 1, Libelle: "Délibérations"}}
	a.SIREN = p.Authority.SIREN
	switch _, err := wizard.ParseSIREN(a.SIREN); {
	case a.SIREN == "":
		probs = append(probs, "le numéro SIREN de la collectivité manque (section 1 « Collectivité »)")
	case err != nil:
		probs = append(probs, err.Error())
	}
	if siret := p.Authority.SIRET; siret != "" && a.SIREN != "" && !strings.HasPrefix(siret, a.SIREN) {
		probs = append(probs, fmt.Sprintf("le SIRET %s ne commence pas par le SIREN %s : corrigez l'un des deux (section 1 « Collectivité »)", siret, a.SIREN))
	}
	if f.hasDep {
		a.Departement = departement3(f.dep.Code)
	} else {
		probs = append(probs, "le département de la collectivité manque (section 1 « Collectivité » ; pour une région, celui de son chef-lieu)")
	}
	a.Numero = p.Session.ActNumber
	switch _, err := wizard.ParseActNumber(a.Numero); {
	case a.Numero == "":
		probs = append(probs, "le numéro de la délibération manque (section 8 « Séance ») : celui du registre, par exemple 2027_003")
	case err != nil:
		probs = append(probs, err.Error())
	}
	switch d := p.Session.Date; {
	case d.IsZero():
		probs = append(probs, "la date de la séance manque (section 8 « Séance ») : c'est la date de la décision")
	case !f.opt.Today.IsZero() && f.opt.Today.Before(d):
		probs = append(probs, fmt.Sprintf("la séance du %s n'a pas encore eu lieu (nous sommes le %s) : @ctes refuse une date de décision future ; préparez ce dossier après le vote",
			wizard.FormatDate(d), wizard.FormatDate(f.opt.Today)))
	default:
		a.DateDecision = d.ISO()
	}
	subject := f.subject()
	a.Objet = plainSpaces(subject.String())
	switch n := utf8.RuneCountInString(a.Objet); {
	case hasPlaceholder(subject):
		probs = append(probs, "l'objet de la délibération n'est pas complet : « "+a.Objet+" »")
	case n > maxActeObject:
		probs = append(probs, fmt.Sprintf("l'objet de la délibération a %d caractères, au plus %d pour @ctes : raccourcissez le nom du partenaire", n, maxActeObject))
	}
	if t := p.Session.ActesAnnexType; t != "" {
		if _, err := wizard.ParseTypology(t); err != nil {
			probs = append(probs, err.Error())
		}
	}
	m, chosen := p.ActesClassification()
	if _, ok := wizard.ActesMatieres.Lookup(m); !ok {
		probs = append(probs, fmt.Sprintf("classification @ctes « %s » inconnue (section 8 « Séance »)", m))
	}
	a.Classification = ActeMatiereInfo{Code: string(m), Libelle: m.Name(), Matiere: m.Level1(), ParDefaut: !chosen}
	a.Collectivite = plainSpaces(f.authHeader().String())
	if !f.opt.Today.IsZero() {
		a.PrepareLe = f.opt.Today.ISO()
	}
	return a, probs
}

// plainSpaces replaces the non-breaking spaces of French typography by spaces, for the
// fields of a form.
func plainSpaces(s string) string {
	return strings.NewReplacer(nbsp, " ", "\u202f", " ").Replace(s)
}

// windowsText is a text file that every Notepad reads: UTF-8 with a byte order mark,
// lines ending in CR LF.
func windowsText(s string) []byte {
	return []byte("\ufeff" + strings.ReplaceAll(s, "\n", "\r\n"))
}

// acteText is acte.txt: the fields of the transmission form, to copy.
func (f *facts) acteText(a *Acte) string {
	var b strings.Builder
	line := func(k, v string) { fmt.Fprintf(&b, "%-22s %s\n", k+" :", v) }
	b.WriteString("Données de l'acte pour la télétransmission (@ctes)\n\n")
	line("Collectivité", a.Collectivite)
	line("SIREN", a.SIREN)
	line("Nature de l'acte", fmt.Sprintf("%d – %s", a.Nature.Code, a.Nature.Libelle))
	cl := a.Classification.Code + " – " + a.Classification.Matiere + " / " + a.Classification.Libelle
	if a.Classification.ParDefaut {
		cl += " (proposée par aect ; le fichier de classification de votre préfecture fait foi)"
	}
	line("Classification", cl)
	line("Numéro de l'acte", a.Numero)
	line("Date de la décision", f.decisionDate(a))
	line("Objet", a.Objet)
	b.WriteString("\nPièces :\n")
	for _, d := range a.Documents {
		fmt.Fprintf(&b, "  %s (%s, typologie %s) : %s\n", d.Role, d.Titre, d.Typologie, d.Fichier)
	}
	return b.String()
}

// decisionDate is the act's date in French, « 20 janvier 2027 (2027-01-20) ».
func (f *facts) decisionDate(a *Acte) string {
	return wizard.FormatDate(f.p.Session.Date) + " (" + a.DateDecision + ")"
}

// scdlColumns are the 17 columns of the SCDL « Délibérations » schema, version 2.1.2.
var scdlColumns = []string{"COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE",
	"DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE",
	"VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL"}

// scdlLine is the act's line of the open-data list of délibérations (SCDL « Délibérations »
// 2.1.2): UTF-8, comma-separated, a header then one row. What the plan does not know (the
// SIRET when not given, the préfecture's registration, the URL of the published act)
// stays empty: COLL_SIRET is compulsory in the schema, and LISEZMOI.txt says so.
func (f *facts) scdlLine(a *Acte) []byte {
	s := f.p.Session
	opt := func(n *int) string {
		if n == nil {
			return ""
		}
		return strconv.Itoa(*n)
	}
	pos := func(n int) string {
		if n <= 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	voters := ""
	if s.Present > 0 && s.Represented != nil {
		voters = strconv.Itoa(s.Present + *s.Represented)
	}
	years, budgets := budgetYears(f.p), ""
	if years != "" {
		budgets = budgetNames(f.p)
	}
	row := []string{a.Collectivite, f.p.Authority.SIRET, a.Numero, a.DateDecision,
		a.Classification.Code, scdlMatiere(wizard.ActesMatiere(a.Classification.Code)), a.Objet,
		years, budgets, "", "", pos(s.MembersInOffice), voters,
		opt(s.VotesFor), opt(s.VotesAgainst), opt(s.Abstentions), ""}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(scdlColumns)
	w.Write(row)
	w.Flush()
	return buf.Bytes()
}

// scdlMatiere is the SCDL name of a matière: the first-level and second-level labels in
// accented lower case, without commas or parentheses, joined by "/" (« finances
// locales/subventions »).
func scdlMatiere(m wizard.ActesMatiere) string {
	clean := func(s string) string {
		s = strings.NewReplacer(",", "", "(", "", ")", "").Replace(strings.ToLower(s))
		return strings.Join(strings.Fields(s), " ")
	}
	return clean(m.Level1()) + "/" + clean(m.Name())
}

// budgetYears is the SCDL BUDGET_ANNEE: the years the plan spends money, "2027" or
// "2027/2029"; empty when it spends none.
func budgetYears(p *wizard.Plan) string {
	first, last := 0, 0
	for _, ya := range p.CashByYear() {
		if ya.Amount <= 0 || ya.Year == 0 {
			continue
		}
		if first == 0 || ya.Year < first {
			first = ya.Year
		}
		last = max(last, ya.Year)
	}
	switch {
	case first == 0:
		return ""
	case first == last:
		return strconv.Itoa(first)
	}
	return fmt.Sprintf("%d/%d", first, last)
}

// readMeWidth is the width of LISEZMOI.txt's lines.
const readMeWidth = 88

// textBlock writes text wrapped at readMeWidth, its first line after first and the
// others after as many spaces.
func textBlock(b *strings.Builder, first, text string) {
	pad := strings.Repeat(" ", utf8.RuneCountInString(first))
	for i, l := range render.Wrap(typo(text), readMeWidth-len(pad)) {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(pad)
		}
		b.WriteString(l + "\n")
	}
}

// budgetNames is the SCDL BUDGET_NOM: the authority's budgets that pay, « budget
// principal » and the budgets annexes of the services whose 1 % is used.
func budgetNames(p *wizard.Plan) string {
	var names []string
	add := func(n string) {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for _, l := range p.Funding {
		if m, ok := l.Source.OnePercent(); ok {
			add("budget annexe « " + wizard.ServiceKinds.Label(m.Service) + " »")
		} else if l.Source == wizard.SourceBudgetGeneral {
			add("budget principal")
		}
	}
	if len(names) == 0 {
		add("budget principal")
	}
	return strings.Join(names, " ; ")
}

// actesReadMe is LISEZMOI.txt: what the folder holds and what to do before and after the
// transmission. todo lists the placeholders left, by document.
func (f *facts) actesReadMe(a *Acte, todo []docPlaceholders) string {
	p := f.p
	var b strings.Builder
	fmt.Fprintf(&b, "Dossier de télétransmission (@ctes) – délibération n° %s du %s\n", a.Numero, wizard.FormatDate(p.Session.Date))
	head := a.Collectivite + " – préparé par aect"
	if !f.opt.Today.IsZero() {
		head += " le " + wizard.FormatDate(f.opt.Today)
	}
	textBlock(&b, "", head)
	b.WriteString("\n")
	textBlock(&b, "", "Ce dossier prépare la transmission de la délibération au préfet (contrôle de légalité) "+
		"par votre tiers de télétransmission. L'ACTE À TRANSMETTRE EST L'ACTE SIGNÉ, APRÈS LE VOTE : "+
		"ce dossier le prépare ; vous y ajoutez la signature et le numéro définitif.")
	b.WriteString("\nFichiers :\n")
	for _, d := range a.Documents {
		fmt.Fprintf(&b, "  %s\n", d.Fichier)
		textBlock(&b, "      ", fmt.Sprintf("%s : %s (typologie %s)", d.Role, d.Titre, d.Typologie))
	}
	for _, x := range [][2]string{
		{ActeJSONName, "les données de l'acte pour un logiciel (nature, classification, numéro, date, objet, SIREN, pièces)"},
		{ActeTextName, "les mêmes données, à recopier dans le formulaire de télétransmission"},
		{SCDLName, "la ligne de la délibération pour sa publication en données ouvertes (schéma SCDL « Délibérations » 2.1.2)"},
	} {
		fmt.Fprintf(&b, "  %s\n", x[0])
		textBlock(&b, "      ", x[1])
	}

	b.WriteString("\nAvant de transmettre :\n")
	n := 0
	step := func(text string) {
		n++
		textBlock(&b, fmt.Sprintf("  %d. ", n), text)
	}
	if len(todo) > 0 {
		step(fmt.Sprintf("Complétez les passages encore marqués dans les PDF (%d) : donnez les réponses dans aect "+
			"puis refaites ce dossier, ou complétez la version ODT des documents (aect export, format odt) "+
			"et enregistrez-la en PDF sous le même nom.", len(a.ACompleter)))
		for _, d := range todo {
			textBlock(&b, "     ", d.Title+" :")
			for _, ph := range d.Texts {
				textBlock(&b, "       - ", plainSpaces(ph))
			}
		}
	}
	step("Vérifiez le numéro de l'acte dans le registre des délibérations : s'il change, corrigez la réponse " +
		"« Numéro de la délibération » et refaites ce dossier (le numéro fait partie du nom des fichiers).")
	step("Faites signer la délibération (signature manuscrite puis numérisation, ou signature électronique) " +
		"et remplacez le PDF de l'acte par le PDF signé, sous le même nom.")
	cl := a.Classification.Code + " « " + a.Classification.Libelle + " »"
	if a.Classification.ParDefaut {
		step("Classification : " + cl + ", proposée par aect d'après le projet ; le fichier de classification " +
			"de votre préfecture fait foi (réponse « Classification de l'acte pour @ctes » pour en choisir une autre).")
	} else {
		step("Classification : " + cl + ", choisie dans aect.")
	}
	step(fmt.Sprintf("Dans le formulaire de télétransmission, reprenez les données du fichier %s, puis joignez "+
		"l'acte (typologie %s) et ses annexes.", ActeTextName, wizard.TypologyDeliberation))

	b.WriteString("\nAprès la transmission :\n")
	textBlock(&b, "  - ", fmt.Sprintf("La délibération est exécutoire une fois publiée et transmise au représentant de "+
		"l'État (code général des collectivités territoriales, %s).", articles(p.Authority.PublicationArticle())))
	if _, ok := mainText(p); ok {
		textBlock(&b, "  - ", "La convention ou la charte signée est transmise elle aussi au préfet.")
	}
	open := "Données ouvertes : complétez dans " + SCDLName + " la date d'enregistrement par la préfecture " +
		"(PREF_DATE), son identifiant (PREF_ID : PREF" + a.Departement + " pour la préfecture) et l'adresse de l'acte publié (DELIB_URL)"
	open += "."
	if p.Authority.SIRET == "" {
		open += " La ligne n'est valide qu'une fois rempli le SIRET de la collectivité (COLL_SIRET, 14 chiffres, obligatoire), " +
			"que le projet ne donne pas : indiquez-le dans aect (section 1) et refaites ce dossier, ou saisissez-le dans le fichier."
	}
	textBlock(&b, "  - ", open)
	return b.String()
}
