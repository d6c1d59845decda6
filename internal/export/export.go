// Package export writes the documents of a draft into a folder: one file per document
// and format, the APD sheet's CSV, and the dossier @ctes of the télétransmission in a
// sub-folder. It is the file-system side of package document, which builds the documents
// in memory (wizard does no I/O): each file is written whole or not at all, a folder that
// holds another draft's documents is never written into, and every error is in French and
// names the folder or file concerned.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"

	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/document/render"
)

// Actes is the format of the dossier for the télétransmission (document.BuildActes): not
// one file per document but a folder of its own, ActesFolder.
const Actes render.Format = "actes"

// ActesFolder is the folder of the dossier @ctes, inside the draft's export folder.
const ActesFolder = "actes"

// ParseFormat reads a format name as render.ParseFormat does, and "actes" (or "@ctes")
// for the dossier of the télétransmission. An unknown name gives a French error listing
// the accepted ones.
func ParseFormat(s string) (render.Format, error) {
	switch strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), ".") {
	case "actes", "@ctes":
		return Actes, nil
	}
	f, err := render.ParseFormat(s)
	if err != nil {
		return "", wizard.Errorf("format « %s » inconnu : attendu odt, docx, pdf, md, txt ou actes", s)
	}
	return f, nil
}

// maxSlug bounds the length of a folder name.
const maxSlug = 60

// windowsReserved are the names Windows refuses for a file or folder.
var windowsReserved = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true,
	"com7": true, "com8": true, "com9": true, "lpt1": true, "lpt2": true, "lpt3": true,
	"lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true}

// Slug makes a folder name from a title: lower-case ASCII letters, digits and '-', accents
// folded ("Jumelage Belmont-sur-Guiers – Lindenbach" gives
// "jumelage-belmont-sur-guiers-lindenbach"), at most 60 characters. An empty result
// gives "projet"; a name Windows reserves ("con", "nul"…) gets "-projet" appended.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range wizard.Fold(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() > maxSlug {
			break
		}
	}
	s := b.String()
	if len(s) > maxSlug {
		// Cut between words when there is one in the second half.
		cut := s[:maxSlug]
		if s[maxSlug] != '-' {
			if i := strings.LastIndexByte(cut, '-'); i > maxSlug/2 {
				cut = cut[:i]
			}
		}
		s = strings.TrimRight(cut, "-")
	}
	switch {
	case s == "":
		return "projet"
	case windowsReserved[s]:
		return s + "-projet"
	}
	return s
}

// DraftRef names the draft whose documents Export writes.
type DraftRef struct {
	// Number is the draft's number (aect list); it starts the folder's name.
	Number int64
	// Key tells this draft from a draft of the same number in another database (the
	// storage gives its number and creation time). Export records it in the folder and
	// refuses a folder recorded for another key: the documents of another draft are
	// never overwritten. Empty, the number serves.
	Key string
}

// FolderName is the name of the folder of a draft's documents: its number, a dash and the
// slug of its title (3, "Jumelage Belmont-sur-Guiers – Lindenbach" give
// "3-jumelage-belmont-sur-guiers-lindenbach"). Two drafts of one database never share a
// folder, and the name never leaves the folder it is joined to. A number of 0 or less gives
// the slug alone.
func FolderName(number int64, title string) string {
	if number <= 0 {
		return Slug(title)
	}
	return fmt.Sprintf("%d-%s", number, Slug(title))
}

// markerName is the file that records, in an export folder, which draft the documents
// belong to.
const markerName = ".aect-brouillon"

// markerHeader starts the marker file.
const markerHeader = "aect-brouillon/1\n"

// Draft writes every document of the draft's plan (see document.Kinds) in each format into
// dir/<FolderName>/, creating the folder (0755), and returns the paths written, in the
// order of Kinds then formats; the APD declaration sheet is followed by its lines for a
// spreadsheet, declaration-apd.csv, whatever the formats. No formats means all of them
// (render.AllFormats). The format Actes adds the dossier of the télétransmission (document.BuildActes) in
// the sub-folder ActesFolder, after the documents; a plan that cannot have one is refused
// with an *ActesError before anything is written, and a dossier made again replaces the
// PDFs of the earlier one (their names hold the act's number). Every file is made in
// memory first, the documents in parallel, so that a document that cannot be made stops
// the export before anything is written; then each is written, in order, to a temporary
// file and renamed, so that an interrupted export never leaves half a file.
// A folder that holds another draft's documents (its marker names another key), or files
// of the same names that aect did not write there, is refused before anything is written.
// Its errors are in French and name the folder or file concerned.
func Draft(p *wizard.Plan, dir string, ref DraftRef, formats []render.Format, opt document.Options) ([]string, error) {
	if len(formats) == 0 {
		formats = render.AllFormats
	}
	var chosen []render.Format
	actes := false
	for _, f := range formats {
		if _, err := ParseFormat(string(f)); err != nil {
			return nil, err
		}
		switch {
		case f == Actes:
			actes = true
		case !containsFormat(chosen, f):
			chosen = append(chosen, f)
		}
	}
	var kinds []document.Kind
	if len(chosen) > 0 {
		kinds = document.Kinds(p)
	}
	// Every file is made in memory before any is written, so that a document that cannot
	// be made stops the export with nothing written; the documents are made at once, as
	// each one's layout (the PDF's above all) is independent of the others'.
	var dossier []document.File
	docs := make([][]document.File, len(kinds))
	errs := make([]error, 1+len(kinds))
	var wg sync.WaitGroup
	if actes {
		wg.Go(func() { _, dossier, errs[0] = document.BuildActes(p, opt) })
	}
	for i, k := range kinds {
		wg.Go(func() { docs[i], errs[1+i] = documentFiles(p, k, chosen, opt) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	title := ""
	if p != nil {
		title = p.DisplayTitle()
	}
	key := ref.Key
	if key == "" {
		key = fmt.Sprintf("n° %d", ref.Number)
	}
	folder := draftFolder(dir, ref.Number, title, key)
	var names []string
	for _, files := range docs {
		names = append(names, fileNames(files)...)
	}
	if err := claimFolder(folder, key, names); err != nil {
		return nil, err
	}
	var sub string
	if actes {
		sub = filepath.Join(folder, ActesFolder)
		if err := claimFolder(sub, key, fileNames(dossier)); err != nil {
			return nil, err
		}
	}
	var written []string
	write := func(folder string, files []document.File) error {
		for _, f := range files {
			path := filepath.Join(folder, f.Name)
			if err := writeAtomic(path, f.Data); err != nil {
				return err
			}
			written = append(written, path)
		}
		return nil
	}
	for _, files := range docs {
		if err := write(folder, files); err != nil {
			return written, err
		}
	}
	if actes {
		if err := write(sub, dossier); err != nil {
			return written, err
		}
		if err := removeStalePieces(sub, dossier); err != nil {
			return written, err
		}
	}
	return written, nil
}

// documentFiles makes the files of one document: the document in each format, and after
// the APD declaration sheet its lines for a spreadsheet.
func documentFiles(p *wizard.Plan, k document.Kind, formats []render.Format, opt document.Options) ([]document.File, error) {
	d := document.Build(p, k, opt)
	var files []document.File
	for _, f := range formats {
		var buf bytes.Buffer
		if err := render.Render(&buf, d, f); err != nil {
			return nil, &exportError{fmt.Sprintf("impossible de préparer le document « %s »", document.FileName(k, f)), err}
		}
		files = append(files, document.File{Name: document.FileName(k, f), Data: buf.Bytes()})
	}
	if k == document.DeclarationAPD {
		var buf bytes.Buffer
		if err := document.WriteAPDCSV(&buf, p); err != nil {
			return nil, &exportError{fmt.Sprintf("impossible de préparer le fichier « %s »", document.APDCSVName), err}
		}
		files = append(files, document.File{Name: document.APDCSVName, Data: buf.Bytes()})
	}
	return files, nil
}

// fileNames lists the names of files.
func fileNames(files []document.File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Name
	}
	return out
}

// stalePiece matches the PDFs of a dossier @ctes (S²LOW's names).
var stalePiece = regexp.MustCompile(`^[0-9]{2}_[A-Z]{2}-[0-9A-Z]{3}-[0-9]{9}-[0-9]{8}-[A-Z0-9_]+-DE-1-1_[0-9]+\.pdf$`)

// removeStalePieces removes, from this draft's dossier @ctes, the PDFs of an earlier
// dossier that the new one did not write (another number or date in their names), so
// that only the current pieces can be transmitted.
func removeStalePieces(sub string, dossier []document.File) error {
	entries, err := os.ReadDir(sub)
	if err != nil {
		return folderError(sub, err)
	}
	keep := fileNames(dossier)
	for _, e := range entries {
		if e.Type().IsRegular() && stalePiece.MatchString(e.Name()) && !slices.Contains(keep, e.Name()) {
			if err := os.Remove(filepath.Join(sub, e.Name())); err != nil {
				return fileError(filepath.Join(sub, e.Name()), err)
			}
		}
	}
	return nil
}

// claimFolder makes sure folder is this draft's (key): it creates it with its marker, or
// finds this key in its marker, or finds no marker and none of the files about to be
// written (names); then it records the key. Otherwise the folder holds another draft's
// documents, and nothing is written.
func claimFolder(folder, key string, names []string) error {
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return folderError(folder, err)
	}
	marker := filepath.Join(folder, markerName)
	data, err := os.ReadFile(marker)
	switch {
	case err == nil:
		owner := strings.TrimSpace(strings.TrimPrefix(string(data), markerHeader))
		if owner == key {
			return nil
		}
		return &exportError{fmt.Sprintf("le dossier « %s » contient déjà les documents d'un autre brouillon (%s, d'une autre base) : "+
			"rien n'a été écrit, pour ne pas les écraser. Choisissez un autre dossier", folder, owner), nil}
	case !errors.Is(err, fs.ErrNotExist):
		return folderError(folder, err)
	}
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(folder, name)); err == nil {
			return &exportError{fmt.Sprintf("le dossier « %s » contient déjà un fichier « %s » qui ne vient pas de ce brouillon : "+
				"rien n'a été écrit, pour ne pas l'écraser. Choisissez un autre dossier", folder, name), nil}
		}
	}
	return writeAtomic(marker, []byte(markerHeader+key+"\n"))
}

// draftFolder is the draft's export folder in dir, <n°>-<titre>. When the title changed
// since an earlier export (renamed, or composed from answers that changed), the folder of
// that export — named <n°>-…, its marker naming this draft — is renamed to the new name,
// so that a draft keeps one folder and its old documents do not linger beside the new
// ones; if it cannot be renamed (open in another program), it is used as it is.
func draftFolder(dir string, number int64, title, key string) string {
	folder := filepath.Join(dir, FolderName(number, title))
	if number <= 0 {
		return folder
	}
	if _, err := os.Lstat(folder); !errors.Is(err, fs.ErrNotExist) {
		return folder
	}
	earlier, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("%d-*", number)))
	for _, old := range earlier {
		if st, err := os.Lstat(old); err != nil || !st.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(old, markerName))
		if err != nil || strings.TrimSpace(strings.TrimPrefix(string(data), markerHeader)) != key {
			continue
		}
		if os.Rename(old, folder) != nil {
			return old
		}
		return folder
	}
	return folder
}

func containsFormat(fs []render.Format, f render.Format) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

// WriteFile writes data to the file at path the way Export writes each document: into a
// temporary file beside it, synced, then renamed, so that a full disk or a removed USB
// stick never leaves a broken file at path. Its errors are in French and name the file,
// or its folder when the folder is the problem, and the cause (« le disque est plein »).
func WriteFile(path string, data []byte) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return &exportError{fmt.Sprintf("impossible d'écrire le fichier « %s » : c'est un dossier ; indiquez un nom de fichier", path), nil}
	}
	return writeAtomic(path, data)
}

// writeAtomic writes data to a temporary file in the same folder, then renames it.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return folderError(dir, err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fileError(path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fileError(path, err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fileError(path, err)
	}
	return nil
}

// exportError is a French message for the user; the system's cause, often English, is
// kept for logs (Unwrap) and never shown.
type exportError struct {
	msg string
	err error
}

func (e *exportError) Error() string { return e.msg }
func (e *exportError) Unwrap() error { return e.err }

// fileError says, in French, that a file cannot be written.
func fileError(path string, err error) error {
	return &exportError{fmt.Sprintf("impossible d'écrire le fichier « %s » : %s", path, reason(err)), err}
}

// folderError says, in French, that a folder cannot be written.
func folderError(folder string, err error) error {
	return &exportError{fmt.Sprintf("impossible d'écrire dans le dossier « %s » : %s", folder, reason(err)), err}
}

// reason names the usual causes in French.
func reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "accès refusé"
	case errors.Is(err, fs.ErrNotExist):
		return "dossier introuvable ou impossible à créer"
	case errors.Is(err, fs.ErrExist):
		return "un fichier porte déjà ce nom"
	case errors.Is(err, syscall.ENOSPC):
		return "le disque est plein"
	case errors.Is(err, syscall.ENOTDIR):
		return "un élément du chemin est un fichier, pas un dossier"
	}
	return "erreur du système de fichiers (support retiré, ou en lecture seule ?)"
}
