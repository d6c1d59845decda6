package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"aect/internal/export"
	"aect/storage"
	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/document/render"
	"aect/wizard/safetext"
)

// The accessible mode asks the questions of the assistant one line at a time, for screen
// readers and plain terminals: the same questions (wizard.Questions), in the same order,
// numbered choices, oui/non, French messages, each answer saved as soon as it is given.
// It does not use huh's accessible mode, which only understands English y/n.

// errStop is returned when the user types « fin »: the answers are saved, exit code 0.
var errStop = errors.New("arrêt demandé")

// errEndOfInput is returned at the end of the input (a script's last line, ctrl+d): like
// « fin », every answer given is saved, exit code 0.
var errEndOfInput = errors.New("fin de l'entrée")

type accessible struct {
	env   *env
	in    *bufio.Scanner
	out   io.Writer
	store *storage.Store
	draft storage.Draft
	// docOpt are the options of the documents it exports (the models in use).
	docOpt document.Options
	// onlyMissing skips the questions already answered, when resuming a draft.
	onlyMissing bool
	// saving is held while an answer is written, so that an interruption (ctrl+c) waits
	// for the write to end.
	saving sync.Mutex
	// remote: a workshop participant over the network (aect serve), whose documents the
	// trainer writes at the end; nothing is written on the server.
	remote bool
}

const accessibleIntro = `aect — mode accessible.
Chaque question s'affiche sur une ligne ; tapez la réponse puis Entrée.
Entrée seule garde la réponse actuelle. « ? » affiche l'aide de la question,
« effacer » vide la réponse, « fin » arrête : chaque réponse est enregistrée aussitôt.
`

func runAccessible(e *env) error {
	s, err := e.openWritable()
	if err != nil {
		return err
	}
	a, err := newAccessible(e, e.io.in, e.io.out, s)
	if err != nil {
		return err
	}
	stop := a.onSignal(e.io.err)
	defer stop()
	return a.run()
}

// accessibleSession runs the line mode for a participant of a workshop over the network
// (aect serve), on the SSH session's input and output and on the participant's drafts:
// no signal handler (the server's own ends the sessions), and no file written on the
// server, which is not the participant's computer. The participant leaving (ctrl+c, the
// connection closed) is a normal end: every answer given is saved, and said.
func (e *env) accessibleSession(in io.Reader, out io.Writer, store *storage.Store) error {
	a, err := newAccessible(e, in, out, store)
	if err != nil {
		return err
	}
	a.remote = true
	if err := a.run(); !errors.Is(err, errAborted) {
		return err
	}
	return nil
}

// newAccessible is the line mode on in and out, with the models and the directory of e.
func newAccessible(e *env, in io.Reader, out io.Writer, s *storage.Store) (*accessible, error) {
	docOpt, err := e.docOptions()
	if err != nil {
		return nil, err
	}
	a := &accessible{env: e, in: bufio.NewScanner(in), out: out, store: s, docOpt: docOpt}
	a.in.Buffer(make([]byte, 64*1024), 1024*1024)
	return a, nil
}

// run asks the questions until the end, « fin » or the end of the input.
func (a *accessible) run() error {
	fmt.Fprint(a.out, accessibleIntro)
	err := a.session()
	ended := "Arrêt."
	if errors.Is(err, errEndOfInput) {
		ended = "\nFin de l'entrée."
	}
	resume := "« " + a.env.hint("--accessible") + " » pour reprendre"
	if a.remote {
		resume = "reconnectez-vous de la même façon pour reprendre"
	}
	switch {
	case (errors.Is(err, errStop) || errors.Is(err, errEndOfInput)) && a.draft.ID == 0:
		fmt.Fprintln(a.out, ended)
		return nil
	case errors.Is(err, errStop), errors.Is(err, errEndOfInput):
		fmt.Fprintf(a.out, "%s Vos réponses sont enregistrées dans le brouillon n° %d ; %s.\n", ended, a.draft.ID, resume)
		return nil
	case errors.Is(err, errAborted) && a.draft.ID != 0:
		fmt.Fprintf(a.out, "\nFin de la saisie. Vos réponses sont enregistrées dans le brouillon n° %d.\n", a.draft.ID)
	}
	return err
}

// onSignal handles ctrl+c and the end of the session (SIGTERM, SIGHUP): the answer being
// written is finished, a French message is printed, and the program exits with code 130.
// Each answer given is already saved.
func (a *accessible) onSignal(stderr io.Writer) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		if _, ok := <-sigs; !ok {
			return
		}
		a.saving.Lock()
		fmt.Fprintln(stderr, "\naect : interrompu. Vos réponses déjà données sont enregistrées.")
		a.store.Close()
		os.Exit(exitAborted)
	}()
	return func() {
		signal.Stop(sigs)
		close(sigs)
	}
}

// line reads one answer; the end of the input ends the session like « fin ».
func (a *accessible) line(prompt string) (string, error) {
	fmt.Fprint(a.out, prompt)
	if !a.in.Scan() {
		if err := a.in.Err(); err != nil {
			return "", wizard.Errorf("lecture de l'entrée impossible (ligne trop longue, ou entrée fermée)")
		}
		return "", errEndOfInput
	}
	s := strings.TrimSpace(a.in.Text())
	if wizard.Fold(s) == "fin" {
		return "", errStop
	}
	return s, nil
}

func (a *accessible) session() error {
	if err := a.chooseDraft(); err != nil {
		return err
	}
	for s := wizard.SecAuthority; s <= wizard.SecSession; s++ {
		fmt.Fprintf(a.out, "\n=== Section %d sur 10 : %s ===\n", int(s)+1, s.Title())
		for _, q := range wizard.SectionQuestions(s) {
			if err := a.ask(q); err != nil {
				return err
			}
		}
		switch s {
		case wizard.SecActions:
			if err := a.items("action", wizard.FieldActions, a.describeAction); err != nil {
				return err
			}
		case wizard.SecFunding:
			if err := a.items("source de financement", wizard.FieldFunding, a.describeFunding); err != nil {
				return err
			}
			p := a.draft.Plan
			fmt.Fprintf(a.out, "Total des dépenses : %s ; total des financements : %s.\n",
				wizard.FormatAmount(p.TotalCost()), wizard.FormatAmount(p.TotalFunding()))
		}
	}
	a.review()
	return a.documents()
}

func (a *accessible) chooseDraft() error {
	drafts, err := a.store.List("")
	if err != nil {
		return err
	}
	if len(drafts) > 0 {
		// Each draft by its own number, the one the other commands use (aect show 8).
		fmt.Fprintln(a.out, "\nBrouillons existants (numéro, titre, avancement) :")
		for _, d := range drafts {
			fmt.Fprintf(a.out, "  n° %d. %s (%d %% complet)\n", d.ID, clip(d.Title, quotedWidth), d.Percent)
		}
		for {
			ans, err := a.line("Numéro du brouillon à reprendre, ou « n » pour un nouveau projet : ")
			if err != nil {
				return err
			}
			if f := wizard.Fold(ans); f == "n" || f == "nouveau" {
				break
			}
			n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimPrefix(ans, "n°")), 10, 64)
			i := slices.IndexFunc(drafts, func(d storage.Summary) bool { return d.ID == n })
			if err != nil || i < 0 {
				if len(drafts) == 1 {
					fmt.Fprintf(a.out, "Réponse non comprise : tapez %d pour reprendre ce brouillon, ou « n ».\n", drafts[0].ID)
				} else {
					fmt.Fprintf(a.out, "Réponse non comprise : tapez le numéro d'un brouillon de la liste (par exemple %d), ou « n ».\n", drafts[0].ID)
				}
				continue
			}
			a.draft, err = a.store.Get(drafts[i].ID)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out, "Reprise du brouillon n° %d « %s » (%d %% complet).\n", a.draft.ID, clip(a.draft.Title, quotedWidth), a.draft.Percent)
			all, err := a.yes("Revoir toutes les réponses ? « non » : seulement les questions sans réponse")
			if err != nil {
				return err
			}
			a.onlyMissing = !all
			return nil
		}
	}
	d, err := a.store.Create("", &wizard.Plan{})
	if err != nil {
		return err
	}
	a.draft = d
	fmt.Fprintf(a.out, "Nouveau brouillon n° %d.\n", d.ID)
	return nil
}

// save stores the plan after an answer.
func (a *accessible) save() error {
	a.saving.Lock()
	defer a.saving.Unlock()
	v, err := a.store.Save(a.draft.ID, a.draft.Version, a.draft.Plan)
	if err != nil {
		return err
	}
	a.draft.Version = v
	return nil
}

// ask asks one question until the answer is valid, then saves it.
func (a *accessible) ask(q wizard.Question) error {
	p := a.draft.Plan
	if !q.AppliesTo(p) {
		return nil
	}
	cur := q.Get(p)
	if a.onlyMissing && cur != "" && !(q.Kind == wizard.KindConfirm && cur == wizard.YesNo(false)) {
		return nil
	}
	if q.Directory {
		return a.askDirectory(q)
	}
	fmt.Fprintf(a.out, "\n%s\n", q.Title)
	if !q.Searchable {
		for i, o := range q.Options {
			fmt.Fprintf(a.out, "  %d. %s\n", i+1, o.Label)
		}
	}
	if cur != "" {
		fmt.Fprintf(a.out, "Réponse actuelle : %s. Entrée pour la garder.\n", describe(q, cur))
	}
	a.directoryNote(q)
	offer, why := a.suggestion(q)
	if offer != "" {
		// « Proposé : X (d'après vos réponses : …). »
		fmt.Fprintf(a.out, "Proposé : %s (%s). Tapez « ok » pour le retenir.\n", offerWords(q, offer),
			strings.TrimSuffix(strings.TrimPrefix(why, "Proposé "), "."))
	}
	for {
		ans, err := a.line(promptFor(q))
		if err != nil {
			return err
		}
		switch {
		case ans == "?":
			help := q.Help
			if help == "" {
				help = "Pas d'aide particulière pour cette question."
			}
			fmt.Fprintln(a.out, help)
			continue
		case ans == "":
			return nil // keeps the answer; an empty one leaves the draft incomplete, which is allowed
		case offer != "" && wizard.Fold(ans) == "ok":
			ans = offer
			fmt.Fprintf(a.out, "Choisi : %s.\n", offerWords(q, ans))
		case wizard.Fold(ans) == "effacer":
			ans = ""
		default:
			if ans, err = a.resolve(q, ans); err != nil {
				a.say(err)
				continue
			}
		}
		if err := q.Set(p, ans); err != nil {
			a.say(err)
			continue
		}
		return a.save()
	}
}

// say prints an error message that the user can correct; it may quote what was typed.
func (a *accessible) say(err error) { fmt.Fprintln(a.out, safetext.Message(err.Error())) }

// promptFor says what kind of answer is expected.
func promptFor(q wizard.Question) string {
	switch {
	case q.Searchable:
		return "Tapez le nom ou une partie du nom : "
	case q.Kind == wizard.KindChoice:
		return "Votre choix (numéro) : "
	case q.Kind == wizard.KindMulti:
		return "Vos choix (numéros séparés par des virgules) : "
	case q.Kind == wizard.KindConfirm:
		return "Répondez oui ou non : "
	case q.Kind == wizard.KindAmount:
		return "Montant en euros : "
	case q.Kind == wizard.KindDate:
		return "Date (jj/mm/aaaa) : "
	case q.Kind == wizard.KindInt, q.Kind == wizard.KindYear:
		return "Nombre : "
	}
	return "Réponse : "
}

// describe turns a stored answer into words for the « réponse actuelle » line, on one
// clean line (safetext.Line).
func describe(q wizard.Question, v string) string {
	switch q.Kind {
	case wizard.KindChoice:
		return safetext.Line(q.OptionLabel(v))
	case wizard.KindMulti:
		var labels []string
		for _, c := range strings.Split(v, ",") {
			labels = append(labels, q.OptionLabel(c))
		}
		return safetext.Line(strings.Join(labels, " ; "))
	}
	return safetext.Line(v)
}

// offerWords says an offered answer: a choice with its number, as the choices typed
// are repeated (« 5 – Comité de jumelage »), an amount in euros.
func offerWords(q wizard.Question, v string) string {
	switch q.Kind {
	case wizard.KindChoice:
		return numbered(q, v)
	case wizard.KindAmount:
		return safetext.Line(v) + "\u00a0€"
	}
	return describe(q, v)
}

// resolve turns what was typed into the value Set expects: numbers into codes for the
// choices, a search into a country or département. A choice is repeated in words
// (« Choisi : 8 – AFD – FICOL. »), so that a mistyped number is heard.
func (a *accessible) resolve(q wizard.Question, ans string) (string, error) {
	switch {
	case q.Searchable:
		return a.search(q, ans)
	case q.Kind == wizard.KindChoice:
		c, err := pick(q, ans)
		if err == nil {
			fmt.Fprintf(a.out, "Choisi : %s.\n", numbered(q, c))
		}
		return c, err
	case q.Kind == wizard.KindMulti:
		if wizard.Fold(ans) == "aucun" {
			fmt.Fprintln(a.out, "Aucun choix.")
			return "", nil
		}
		var codes, words []string
		for _, part := range strings.Split(ans, ",") {
			c, err := pick(q, strings.TrimSpace(part))
			if err != nil {
				return "", err
			}
			codes = append(codes, c)
			words = append(words, numbered(q, c))
		}
		if len(words) == 1 {
			fmt.Fprintf(a.out, "Choisi : %s.\n", words[0])
		} else {
			fmt.Fprintf(a.out, "Choisis : %s.\n", strings.Join(words, " ; "))
		}
		return strings.Join(codes, ","), nil
	}
	return ans, nil
}

// numbered is a choice as the list read it: its number and its label, « 8 – AFD – FICOL ».
func numbered(q wizard.Question, code string) string {
	for i, o := range q.Options {
		if o.Value == code {
			return fmt.Sprintf("%d – %s", i+1, o.Label)
		}
	}
	return code
}

// pick reads a choice by number (or by exact code or label).
func pick(q wizard.Question, ans string) (string, error) {
	if n, err := strconv.Atoi(ans); err == nil {
		if n >= 1 && n <= len(q.Options) {
			return q.Options[n-1].Value, nil
		}
		return "", wizard.Errorf("choix %d impossible : tapez un numéro entre 1 et %d", n, len(q.Options))
	}
	for _, o := range q.Options {
		if wizard.Fold(o.Value) == wizard.Fold(ans) || wizard.Fold(o.Label) == wizard.Fold(ans) {
			return o.Value, nil
		}
	}
	return "", wizard.Errorf("réponse « %s » non comprise : tapez le numéro d'un choix, entre 1 et %d", ans, len(q.Options))
}

// search finds an option of a long list by a part of its name, ignoring case and accents.
func (a *accessible) search(q wizard.Question, ans string) (string, error) {
	var found []wizard.Option
	for _, o := range q.Options {
		if wizard.Fold(o.Value) == wizard.Fold(ans) {
			found = []wizard.Option{o}
			break
		}
		if wizard.Matches(o.Label, ans) {
			found = append(found, o)
		}
	}
	switch {
	case len(found) == 0:
		return "", wizard.Errorf("aucun résultat pour « %s » : essayez une autre partie du nom", ans)
	case len(found) == 1:
		fmt.Fprintf(a.out, "Choisi : %s.\n", found[0].Label)
		return found[0].Value, nil
	case len(found) > 15:
		return "", wizard.Errorf("%d résultats pour « %s » : précisez", len(found), ans)
	}
	fmt.Fprintf(a.out, "%d résultats :\n", len(found))
	for i, o := range found {
		fmt.Fprintf(a.out, "  %d. %s\n", i+1, o.Label)
	}
	for {
		sel, err := a.line("Votre choix (numéro) : ")
		if err != nil {
			return "", err
		}
		if n, err := strconv.Atoi(sel); err == nil && n >= 1 && n <= len(found) {
			fmt.Fprintf(a.out, "Choisi : %d – %s.\n", n, found[n-1].Label)
			return found[n-1].Value, nil
		}
		fmt.Fprintf(a.out, "Tapez un numéro entre 1 et %d.\n", len(found))
	}
}

func (a *accessible) yes(prompt string) (bool, error) {
	for {
		ans, err := a.line(prompt + " (oui/non) : ")
		if err != nil {
			return false, err
		}
		b, err := wizard.ParseYesNo(ans)
		if err == nil && ans != "" {
			return b, nil
		}
		fmt.Fprintln(a.out, "Réponse non comprise : répondez oui ou non.")
	}
}

func (a *accessible) describeAction(i int) string {
	ac := a.draft.Plan.Actions[i]
	return fmt.Sprintf("%s — %s (%s)", orDash(clip(ac.Title, quotedWidth)), wizard.FormatAmount(ac.Cost), wizard.YearText(ac.Year))
}

func (a *accessible) describeFunding(i int) string {
	f := a.draft.Plan.Funding[i]
	return fmt.Sprintf("%s — %s (%s)", wizard.Sources.Label(f.Source), wizard.FormatAmount(f.Amount), wizard.YearText(f.Year))
}

// items lets the user review the existing actions (or funding lines), add new ones and
// remove one: « supprimer 2 » where an item is offered to add.
func (a *accessible) items(what string, list wizard.FieldID, describe func(int) string) error {
	p := a.draft.Plan
	count := func() int { return wizard.ItemCount(p, list) }
	if n := count(); n > 0 {
		fmt.Fprintf(a.out, "\n%d %s(s) déjà saisie(s) :\n", n, what)
		a.listItems(count(), describe)
		review := a.onlyMissing // only the missing answers of each item are asked then
		if !review {
			var err error
			if review, err = a.yes("Revoir ces réponses une à une ?"); err != nil {
				return err
			}
		}
		for i := 0; review && i < n; i++ {
			for _, q := range wizard.ItemQuestions(list, i) {
				if err := a.ask(q); err != nil {
					return err
				}
			}
		}
	}
	for {
		prompt := fmt.Sprintf("\nAjouter une %s ? (oui/non) : ", what)
		if count() > 0 {
			prompt = fmt.Sprintf("\nAjouter une %s ? Répondez oui ou non, ou « supprimer » suivi du numéro pour en retirer une : ", what)
		}
		ans, err := a.line(prompt)
		if err != nil {
			return err
		}
		if rest, ok := strings.CutPrefix(wizard.Fold(ans), "supprimer"); ok && count() > 0 {
			if err := a.removeItem(what, list, strings.TrimSpace(rest), describe); err != nil {
				return err
			}
			continue
		}
		more, err := wizard.ParseYesNo(ans)
		if err != nil || ans == "" {
			fmt.Fprintln(a.out, "Réponse non comprise : répondez oui ou non.")
			continue
		}
		if !more {
			return nil
		}
		i := wizard.AddItem(p, list)
		if err := a.save(); err != nil {
			return err
		}
		for _, q := range wizard.ItemQuestions(list, i) {
			if err := a.ask(q); err != nil {
				return err
			}
		}
	}
}

// the is a feminine noun with its article: « l'action », « la source de financement ».
func the(noun string) string {
	if strings.ContainsAny(noun[:1], "aeiouy") {
		return "l'" + noun
	}
	return "la " + noun
}

// listItems reads the items of a list, numbered.
func (a *accessible) listItems(n int, describe func(int) string) {
	for i := range n {
		fmt.Fprintf(a.out, "  %d. %s\n", i+1, describe(i))
	}
}

// removeItem removes item number num (asked when empty) of a list, once confirmed, and
// reads the items left.
func (a *accessible) removeItem(what string, list wizard.FieldID, num string, describe func(int) string) error {
	p := a.draft.Plan
	n := wizard.ItemCount(p, list)
	for {
		if num == "" {
			var err error
			if num, err = a.line(fmt.Sprintf("Numéro de %s à retirer (1 à %d), ou Entrée pour ne rien retirer : ", the(what), n)); err != nil {
				return err
			}
			if num == "" {
				return nil
			}
		}
		i, err := strconv.Atoi(num)
		if err == nil && i >= 1 && i <= n {
			ok, err := a.yes(fmt.Sprintf("Retirer %s %d : %s ?", the(what), i, describe(i-1)))
			if err != nil || !ok {
				return err
			}
			wizard.RemoveItem(p, list, i-1)
			if err := a.save(); err != nil {
				return err
			}
			left := wizard.ItemCount(p, list)
			fmt.Fprintf(a.out, "%s %d retirée. ", wizard.Capitalize(what), i)
			if left == 0 {
				fmt.Fprintf(a.out, "Plus aucune %s.\n", what)
				return nil
			}
			fmt.Fprintf(a.out, "Il en reste %d :\n", left)
			a.listItems(left, describe)
			return nil
		}
		fmt.Fprintf(a.out, "Tapez un numéro entre 1 et %d.\n", n)
		num = ""
	}
}

// review prints the findings of the rules engine (section Vérification).
func (a *accessible) review() {
	fmt.Fprintf(a.out, "\n=== Section 9 sur 10 : %s ===\n", wizard.SecReview.Title())
	p := a.draft.Plan
	pr := p.Progress()
	fmt.Fprintf(a.out, "Projet complet à %d %%.\n", pr.Percent)
	for s := wizard.SecAuthority; s <= wizard.SecSession; s++ {
		if len(pr.Missing[s]) > 0 {
			fmt.Fprintf(a.out, "%s, à compléter : %s.\n", s.Title(), strings.Join(pr.Missing[s], ", "))
		}
	}
	fs := a.env.check(p, a.docOpt)
	if len(fs) == 0 {
		fmt.Fprintln(a.out, "Contrôle : aucun constat.")
		return
	}
	fmt.Fprintf(a.out, "Contrôle : %d constat(s).\n", len(fs))
	for i, f := range fs {
		ref := ""
		if f.Reference != "" {
			ref = " Référence : " + f.Reference + "."
		}
		fmt.Fprintf(a.out, "%d. %s, section %s : %s%s\n", i+1, strings.ToUpper(f.Severity.String()), f.Section.Title(), safetext.Line(f.Message), ref)
	}
}

// documents writes the documents (section Documents).
func (a *accessible) documents() error {
	fmt.Fprintf(a.out, "\n=== Section 10 sur 10 : %s ===\n", wizard.SecDocuments.Title())
	if a.remote {
		fmt.Fprintln(a.out, "Atelier en réseau : le formateur écrit les documents de chaque participant en fin d'atelier.")
		return nil
	}
	write, err := a.yes("Écrire maintenant les documents ?")
	if err != nil || !write {
		return err
	}
	var formats []render.Format
	for {
		ans, err := a.line("Format : odt (LibreOffice, par défaut), docx (Word), pdf, md, txt, ou actes (dossier de télétransmission, après le vote) : ")
		if err != nil {
			return err
		}
		if ans == "" {
			ans = "odt"
		}
		if formats, err = exportFormats(ans); err == nil {
			break
		}
		a.say(err)
	}
	cwd, _ := os.Getwd()
	for {
		dir, err := a.line(fmt.Sprintf("Dossier où écrire les documents (Entrée pour %s) : ", safetext.Visible(cwd)))
		if err != nil {
			return err
		}
		if dir == "" {
			dir = cwd
		}
		paths, err := export.Draft(a.draft.Plan, dir, export.DraftRef{Number: a.draft.ID, Key: a.draft.Key()}, formats, document.Options{Today: today(), Models: a.docOpt.Models})
		var missing *document.ActesError
		if errors.As(err, &missing) {
			// Another folder would not help: the answers lack something.
			a.say(err)
			return nil
		}
		if err != nil {
			a.say(err)
			continue
		}
		fmt.Fprintf(a.out, "Documents écrits (%d) :\n", len(paths))
		for _, p := range paths {
			fmt.Fprintf(a.out, "  %s\n", safetext.Visible(p))
		}
		actesReadMe(a.out, paths)
		fmt.Fprintln(a.out, "Ouvrez-les avec LibreOffice ou Word, complétez les passages marqués [à compléter] et faites vérifier le projet avant la séance.")
		return nil
	}
}
