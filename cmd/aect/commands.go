package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"aect/internal/export"
	"aect/storage"
	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/document/render"
	"aect/wizard/safetext"
	"aect/wizard/samples"
)

// draftID reads the one positional argument of show, export and export-json.
func (e *env) draftID(args []string) (int64, error) {
	if len(args) == 0 {
		return 0, usagef("numéro de brouillon manquant (voir %s)", e.hint("list"))
	}
	if len(args) > 1 {
		return 0, usagef("un seul numéro de brouillon attendu, reçu : %s", strings.Join(args, " "))
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("« %s » n'est pas un numéro de brouillon (voir %s)", args[0], e.hint("list"))
	}
	return id, nil
}

// storeAndID reads the draft number of the arguments, then opens the database.
func (e *env) storeAndID(args []string) (*storage.Store, int64, error) {
	id, err := e.draftID(args)
	if err != nil {
		return nil, 0, err
	}
	s, err := e.openStore()
	return s, id, err
}

func (e *env) draft(args []string) (storage.Draft, error) {
	s, id, err := e.storeAndID(args)
	if err != nil {
		return storage.Draft{}, err
	}
	return s.Get(id)
}

// today is the date documents are dated from.
func today() wizard.Date { return wizard.DateOf(time.Now()) }

func cmdList(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("list n'attend pas d'argument (reçu : %s)", strings.Join(args, " "))
	}
	s, err := e.openStore()
	if err != nil {
		return err
	}
	var drafts []storage.Summary
	if e.opt.deleted {
		drafts, err = s.ListDeleted()
	} else {
		drafts, err = s.List("")
	}
	if err != nil {
		return err
	}
	if e.opt.json {
		type row struct {
			ID       int64  `json:"id"`
			Title    string `json:"title"`
			Form     string `json:"form"`
			Partner  string `json:"partner"`
			Country  string `json:"country"`
			Updated  string `json:"updated"`
			Percent  int    `json:"completeness"`
			Demo     bool   `json:"demo"`
			Deleted  bool   `json:"deleted"`
			Blocking int    `json:"-"`
		}
		rows := make([]row, 0, len(drafts))
		for _, d := range drafts {
			rows = append(rows, row{ID: d.ID, Title: d.Title, Form: string(d.Form), Partner: d.Partner,
				Country: d.Country, Updated: d.Updated.UTC().Format(time.RFC3339), Percent: d.Percent,
				Demo: d.Demo != "", Deleted: !d.DeletedAt.IsZero()})
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rows); err != nil {
			return err
		}
		_, err := e.io.out.Write(safetext.JSON(buf.Bytes()))
		return stdoutError(err)
	}
	if len(drafts) == 0 {
		if e.opt.deleted {
			fmt.Fprintln(e.io.out, "La corbeille est vide.")
		} else if owners, err := s.Owners(); err == nil && len(owners) > 0 {
			// The base of a workshop over the network: the drafts are the participants'.
			fmt.Fprintf(e.io.out, "Aucun brouillon à vous dans cette base ; ceux des participants de l'atelier (%s) s'exportent avec « export --tous --out DOSSIER ».\n",
				clip(strings.Join(owners, ", "), 200))
		} else {
			fmt.Fprintf(e.io.out, "Aucun brouillon. Lancez « %s » pour en créer un, ou « %s » pour charger les exemples de l'atelier.\n", e.hint(), e.hint("demo"))
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.io.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "N°\tTitre\tForme\tPartenaire\tModifié\tComplet")
	now := time.Now()
	for _, d := range drafts {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d %%\n", d.ID, clip(d.Title, 40), orDash(d.Form.ShortLabel()),
			clip(orDash(d.Partner), 30), wizard.FormatAge(d.Updated, now), d.Percent)
	}
	return stdoutError(tw.Flush())
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// clip is a value from a draft (a title, a name) as the terminal shows it: one clean
// line (safetext.Line: no escape sequence, control or bidirectional character, no tab
// or line break) of at most n characters, ending with "…" when cut.
func clip(s string, n int) string { return safetext.Cut(safetext.Line(s), n) }

// quotedWidth is the longest title a message quotes, in characters.
const quotedWidth = 80

// docKind maps the --doc value to the plan's document.
func (e *env) docKind(p *wizard.Plan, name string) (document.Kind, error) {
	k, err := document.KindNamed(p, name)
	var unknown *document.UnknownKindError
	switch {
	case errors.As(err, &unknown):
		return "", usagef("%s", err.Error())
	case err != nil && p.Form == wizard.FormDon:
		return "", wizard.Errorf("%s (%s)", err.Error(), e.hint("show", "N°", "--doc", "deliberation"))
	}
	return k, err
}

// reportBlocking prints the blocking findings on stderr: the documents are produced
// anyway, marked « Projet non conforme ».
func reportBlocking(w io.Writer, p *wizard.Plan, opt document.Options) {
	var lines []string
	for _, f := range document.Check(p, opt) {
		if f.Severity == wizard.Blocking {
			lines = append(lines, "  - "+safetext.Line(f.Message)+" ("+f.Reference+")")
		}
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "Attention : projet non conforme (%s) :\n%s\n", wizard.CountOf(len(lines), "point bloquant", "points bloquants"), strings.Join(lines, "\n"))
}

func cmdShow(e *env, args []string) error {
	if wizard.Fold(strings.TrimSpace(e.opt.format)) == "csv" {
		return showAPDCSV(e, args)
	}
	f, err := export.ParseFormat(e.opt.format)
	if err != nil {
		return &usageError{err.Error()}
	}
	switch {
	case f == render.PDF && isTerminal(e.io.out):
		// A PDF is binary: on a terminal it would be garbage, and could send escape
		// sequences to it.
		return usagef("un PDF ne s'affiche pas dans le terminal : redirigez la sortie vers un fichier "+
			"(%s > deliberation.pdf) ou utilisez %s", e.hint("show", "N°", "--format", "pdf"), e.hint("export", "N°", "--format", "pdf"))
	case f != render.Text && f != render.Markdown && f != render.PDF:
		return usagef("show écrit du texte ou un PDF : --format txt, md ou pdf (pour %s, utilisez %s)", f, e.hint("export"))
	}
	d, err := e.draft(args)
	if err != nil {
		return err
	}
	k, err := e.docKind(d.Plan, e.opt.doc)
	if err != nil {
		return err
	}
	opt, err := e.docOptions()
	if err != nil {
		return err
	}
	reportBlocking(e.io.err, d.Plan, opt)
	return stdoutError(render.Render(e.io.out, document.Build(d.Plan, k, opt), f))
}

// showAPDCSV writes the lines of the APD declaration sheet as CSV: the only document
// with a spreadsheet form.
func showAPDCSV(e *env, args []string) error {
	d, err := e.draft(args)
	if err != nil {
		return err
	}
	k, err := e.docKind(d.Plan, e.opt.doc)
	if err != nil {
		return err
	}
	if k != document.DeclarationAPD {
		return usagef("--format csv n'existe que pour la fiche de déclaration APD : %s", e.hint("show", "N°", "--doc", "apd", "--format", "csv"))
	}
	return stdoutError(document.WriteAPDCSV(e.io.out, d.Plan))
}

func exportFormats(s string) ([]render.Format, error) {
	if wizard.Fold(strings.TrimSpace(s)) == "all" || wizard.Fold(strings.TrimSpace(s)) == "tous" {
		return render.AllFormats, nil
	}
	var out []render.Format
	for _, part := range strings.Split(s, ",") {
		f, err := export.ParseFormat(part)
		if err != nil {
			return nil, usagef("format « %s » inconnu : attendu odt, docx, pdf, md, txt, actes (dossier de télétransmission) ou all (tous)", strings.TrimSpace(part))
		}
		out = append(out, f)
	}
	return out, nil
}

func cmdExport(e *env, args []string) error {
	formats, err := exportFormats(e.opt.format)
	if err != nil {
		return err
	}
	if e.opt.participant != "" || e.opt.all {
		return exportWorkshop(e, args, formats)
	}
	d, err := e.draft(args)
	if err != nil {
		return err
	}
	opt, err := e.docOptions()
	if err != nil {
		return err
	}
	reportBlocking(e.io.err, d.Plan, opt)
	paths, err := export.Draft(d.Plan, e.opt.out, export.DraftRef{Number: d.ID, Key: d.Key()}, formats, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.io.out, "Documents écrits (%d) :\n", len(paths))
	for _, p := range paths {
		fmt.Fprintf(e.io.out, "  %s\n", safetext.Visible(p))
	}
	actesReadMe(e.io.out, paths)
	return nil
}

// actesReadMe points to the LISEZMOI.txt of a dossier @ctes among the paths written.
func actesReadMe(w io.Writer, paths []string) {
	for _, p := range paths {
		if filepath.Base(p) == document.ReadMeName {
			fmt.Fprintf(w, "Dossier @ctes : lisez %s avant de transmettre ; l'acte transmis est l'acte signé, après le vote.\n", safetext.Visible(p))
		}
	}
}

func cmdExportJSON(e *env, args []string) error {
	s, id, err := e.storeAndID(args)
	if err != nil {
		return err
	}
	data, err := s.ExportJSON(id)
	if err != nil {
		return err
	}
	_, err = e.io.out.Write(safetext.JSON(data))
	return stdoutError(err)
}

// readAnswers reads an answers file, with a French error naming it.
func readAnswers(path string) ([]byte, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, wizard.Errorf("« %s » est un dossier : indiquez un fichier .json", path)
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, wizard.Errorf("fichier « %s » introuvable", path)
	case errors.Is(err, os.ErrPermission):
		return nil, wizard.Errorf("fichier « %s » illisible : permission refusée", path)
	case err != nil:
		return nil, wizard.Errorf("fichier « %s » illisible (erreur de lecture du disque ou du support)", path)
	}
	return data, nil
}

// stdoutError replaces the system's message when the standard output cannot be written
// (disk full, closed pipe).
func stdoutError(err error) error {
	if err == nil {
		return nil
	}
	var we *wizard.Error
	if errors.As(err, &we) {
		return err
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return wizard.Errorf("impossible d'écrire sur la sortie standard : le disque est plein. Libérez de la place, ou redirigez la sortie vers un autre support")
	case errors.Is(err, syscall.EPIPE), errors.Is(err, os.ErrClosed):
		return wizard.Errorf("impossible d'écrire sur la sortie standard : elle a été fermée")
	}
	return wizard.Errorf("impossible d'écrire sur la sortie standard (disque plein, support retiré, ou sortie fermée ?)")
}

// checkedWriter keeps the first error of the writes to the standard output, so that a
// command whose output was lost (a full disk, /dev/full) fails, whatever it printed.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// Unwrap returns the standard output itself (isTerminal looks at it).
func (c *checkedWriter) Unwrap() io.Writer { return c.w }

// fileError prefixes a decoding error with the file name.
func fileError(path string, err error) error {
	var de *wizard.DecodeError
	if errors.As(err, &de) {
		return wizard.Errorf("%s n'est pas un projet aect-plan/1 valide ; rien n'a été enregistré :\n%s", path, de.Error())
	}
	return err
}

func cmdImport(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("fichier à importer manquant : %s", e.hint("import", "projet.json"))
	}
	s, err := e.openWritable()
	if err != nil {
		return err
	}
	failed := 0
	for _, path := range args {
		data, err := readAnswers(path)
		if err == nil {
			var res storage.ImportResult
			var filled string
			res, err = s.ImportWith(data, func(p *wizard.Plan) { filled = e.fillFromDirectory(p) })
			if err == nil {
				if filled != "" {
					fmt.Fprintf(e.io.out, "%s : %s\n", safetext.Visible(path), filled)
				}
				if res.SameAs != 0 {
					fmt.Fprintf(e.io.out, "%s : déjà présent (brouillon n° %d) ; une copie a été créée : brouillon n° %d « %s »\n",
						safetext.Visible(path), res.SameAs, res.Draft.ID, clip(res.Draft.Title, quotedWidth))
				} else {
					fmt.Fprintf(e.io.out, "%s : importé, brouillon n° %d « %s »\n", safetext.Visible(path), res.Draft.ID, clip(res.Draft.Title, quotedWidth))
				}
				continue
			}
			err = fileError(path, err)
		}
		failed++
		writeError(e.io.err, err.Error())
	}
	if failed > 0 {
		if len(args) == 1 {
			return wizard.Errorf("fichier non importé")
		}
		return wizard.Errorf("%d fichiers sur %d non importés", failed, len(args))
	}
	return nil
}

func cmdNew(e *env, args []string) error {
	if e.opt.answers == "" {
		return usagef("indiquez le fichier de réponses : %s", e.hint("new", "--answers", "reponses.json"))
	}
	if len(args) > 0 {
		return usagef("argument inattendu : %s", strings.Join(args, " "))
	}
	data, err := readAnswers(e.opt.answers)
	if err != nil {
		return err
	}
	p, err := wizard.Decode(data)
	if err != nil {
		return fileError(e.opt.answers, err)
	}
	s, err := e.openWritable()
	if err != nil {
		return err
	}
	filled := e.fillFromDirectory(p)
	d, err := s.Create(p.Title, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.io.out, "Brouillon n° %d créé : « %s » (%d %% complet)\n", d.ID, clip(d.Title, quotedWidth), p.Progress().Percent)
	if filled != "" {
		fmt.Fprintln(e.io.out, filled)
	}
	opt, err := e.docOptions()
	if err != nil {
		return err
	}
	printFindingsSummary(e.io.out, e.check(p, opt))
	return nil
}

func printFindingsSummary(w io.Writer, fs []wizard.Finding) {
	if len(fs) == 0 {
		fmt.Fprintln(w, "Contrôle : aucun constat.")
		return
	}
	for _, f := range fs {
		fmt.Fprintf(w, "[%s] %s\n", f.Severity, safetext.Line(f.Message))
	}
}

func cmdDemo(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("demo n'attend pas d'argument")
	}
	s, err := e.openWritable()
	if err != nil {
		return err
	}
	created := 0
	for _, smp := range samples.All() {
		d, isNew, err := s.LoadSample(smp.Name, smp.Data)
		if err != nil {
			return err
		}
		if isNew {
			created++
			fmt.Fprintf(e.io.out, "Exemple chargé : brouillon n° %d « %s »\n", d.ID, clip(d.Title, quotedWidth))
		}
	}
	if created == 0 {
		fmt.Fprintf(e.io.out, "Les exemples de l'atelier sont déjà chargés (%s pour les voir).\n", e.hint("list"))
		return nil
	}
	fmt.Fprintf(e.io.out, "%s. Lancez « %s » pour les ouvrir, ou « %s ».\n", wizard.CountOf(created, "exemple chargé", "exemples chargés"), e.hint(), e.hint("list"))
	return nil
}

func cmdHistory(e *env, args []string) error {
	s, id, err := e.storeAndID(args)
	if err != nil {
		return err
	}
	revs, err := s.Revisions(id)
	if err != nil {
		return err
	}
	if e.opt.revision != 0 {
		if err := s.Writable(); err != nil {
			return err
		}
		for _, r := range revs {
			if r.ID != e.opt.revision {
				continue
			}
			d, err := s.RestoreRevision(id, r.ID)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.io.out, "Brouillon n° %d rétabli dans sa version %d du %s (« %s », %d %% complet). L'état précédent reste dans l'historique.\n",
				id, r.ID, wizard.FormatMoment(r.Saved, false), clip(d.Title, quotedWidth), d.Percent)
			return nil
		}
		return wizard.Errorf("le brouillon n° %d n'a pas de version %d (%s pour les voir)", id, e.opt.revision, e.hint("history", fmt.Sprint(id)))
	}
	tw := tabwriter.NewWriter(e.io.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Version\tEnregistrée le\tTitre\tComplet")
	for i, r := range revs {
		when := wizard.FormatMoment(r.Saved, true)
		current := ""
		if i == 0 {
			current = " (actuelle)"
		}
		fmt.Fprintf(tw, "%d%s\t%s\t%s\t%d %%\n", r.ID, current, when, clip(r.Title, 40), r.Percent)
	}
	if err := tw.Flush(); err != nil {
		return stdoutError(err)
	}
	fmt.Fprintf(e.io.out, "Pour rétablir une version : %s\n", e.hint("history", fmt.Sprint(id), "--restore", "VERSION"))
	return nil
}
