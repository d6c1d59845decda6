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
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"aect/storage"
	"aect/wizard"
	"aect/wizard/directory"
	"aect/wizard/document"
)

// importedDirectoryName is the file, beside the default database, that holds the
// directory imported by « aect annuaire importer ».
const importedDirectoryName = "annuaire-collectivites.gz"

// maxEtalabFile bounds each JSON file read by the import: communes.json is 9 MB in 2026.
const maxEtalabFile = 256 << 20

// importedDirectoryPath is where the imported directory is kept: the user's data folder,
// beside the default database (not beside a --db given for a workshop), read through the
// command's environment.
func (e *env) importedDirectoryPath() (string, error) {
	db, err := storage.DefaultPathEnv(e.getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(db), importedDirectoryName), nil
}

// directoryInUse is the directory the program uses and where it comes from.
type directoryInUse struct {
	dir      *directory.Directory
	imported bool   // read from the user's data folder, not compiled in
	path     string // the imported file
	ignored  string // why an imported file is not used, in French; "" when none is
}

// label says which directory is used: « 2026 (intégré) », « 2027 (importé) ».
func (u *directoryInUse) label() string {
	if u.imported {
		return fmt.Sprintf("%d (importé)", u.dir.Millesime())
	}
	return fmt.Sprintf("%d (intégré)", u.dir.Millesime())
}

// directory loads the directory once per run: the imported file when it is whole and
// not older than the compiled-in directory, else the compiled-in one.
func (e *env) directory() (*directoryInUse, error) {
	e.dirMu.Lock()
	defer e.dirMu.Unlock()
	if e.dir != nil {
		return e.dir, nil
	}
	u := &directoryInUse{}
	if path, err := e.importedDirectoryPath(); err == nil {
		u.path = path
		d, why := loadImportedDirectory(path)
		switch {
		case d != nil:
			u.dir, u.imported = d, true
		case why != "":
			u.ignored = why
			if e.log != nil {
				e.log.Warn("imported directory ignored", "path", path, "reason", why)
			}
		}
	}
	if u.dir == nil {
		d, err := directory.Embedded()
		if err != nil {
			return nil, wizard.Errorf("l'annuaire des collectivités intégré est illisible : %v", err)
		}
		u.dir = d
	}
	e.dir = u
	return u, nil
}

// loadImportedDirectory reads the imported file. It returns nil and "" when there is
// none, nil and the reason when it cannot be used.
func loadImportedDirectory(path string) (*directory.Directory, string) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, ""
	}
	if err != nil {
		return nil, "le fichier importé est illisible"
	}
	defer f.Close()
	d, err := directory.Decode(f)
	if err == nil {
		err = d.Plausible()
	}
	if err != nil {
		return nil, "le fichier importé est abîmé (" + err.Error() + ")"
	}
	embedded, err := directory.EmbeddedInfo()
	if err == nil && d.Millesime() < embedded.Millesime {
		return nil, fmt.Sprintf("le fichier importé (%d) est plus ancien que l'annuaire intégré", d.Millesime())
	}
	return d, ""
}

// directoryVersion is the line of --version about the directory.
func directoryVersion(e *env) string {
	u, err := e.directory()
	if err != nil {
		return "annuaire des collectivités : illisible"
	}
	s := "annuaire des collectivités : " + u.label()
	if u.ignored != "" {
		s += " ; " + u.ignored + " et n'est pas utilisé"
	}
	return s
}

func cmdAnnuaire(e *env, args []string) error {
	if len(args) > 0 && args[0] == "importer" {
		return cmdAnnuaireImporter(e, args[1:])
	}
	if e.opt.millesime != 0 {
		return usagef("--millesime ne sert qu'à « aect annuaire importer DOSSIER »")
	}
	text := strings.Join(args, " ")
	if printable(text) == "" {
		return usagef("texte à chercher manquant : aect annuaire saint cyprien, aect annuaire 24220, aect annuaire 212403968")
	}
	if e.opt.max < 0 {
		return usagef("--max attend un nombre positif (0 pour tout afficher)")
	}
	u, err := e.directory()
	if err != nil {
		return err
	}
	if u.ignored != "" {
		fmt.Fprintf(e.io.err, "Attention : %s et n'est pas utilisé ; l'annuaire intégré le remplace. Réimportez-le : aect annuaire importer DOSSIER\n", u.ignored)
	}
	text = printable(text)
	results, total := u.dir.Search(text, e.opt.max)
	if e.opt.json {
		return stdoutError(writeDirectoryJSON(e.io.out, u, results, total))
	}
	return stdoutError(writeDirectoryText(e.io.out, u, text, results, total))
}

// printable removes escape sequences and control characters from user text echoed on
// the terminal.
func printable(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, ansi.Strip(s))), " ")
}

// groupDigits writes a number the French way, in groups of three: 2 418, 12 136.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// populations says « population municipale 1 566, totale 1 593 (millésime 2026) ».
func populations(municipale, totale, millesime int) string {
	var parts []string
	if municipale != directory.PopulationUnknown {
		parts = append(parts, "municipale "+groupDigits(municipale))
	}
	if totale != directory.PopulationUnknown {
		parts = append(parts, "totale "+groupDigits(totale))
	}
	if len(parts) == 0 {
		return "population : non indiquée par l'annuaire"
	}
	return fmt.Sprintf("population %s (millésime %d)", strings.Join(parts, ", "), millesime)
}

// placeOf names a département with its code, and its région when the name differs:
// « Dordogne (24), Nouvelle-Aquitaine ».
func placeOf(d *directory.Directory, code string, withRegion bool) string {
	dep, ok := d.Departement(code)
	if !ok {
		return code
	}
	s := fmt.Sprintf("%s (%s)", dep.Name, dep.Code)
	if r, ok := d.Region(dep.Region); ok && withRegion && r.Name != dep.Name {
		s += ", " + r.Name
	}
	return s
}

func communeKind(c *directory.Commune) string {
	switch c.Zone {
	case directory.ZoneDROM:
		return "commune d'outre-mer (département et région d'outre-mer)"
	case directory.ZoneCOM:
		return "commune d'outre-mer (collectivité d'outre-mer)"
	}
	return "commune"
}

func writeDirectoryText(w io.Writer, u *directoryInUse, query string, results []directory.Result, total int) error {
	d := u.dir
	if total == 0 {
		_, err := fmt.Fprintf(w, "Aucune commune ni aucun EPCI ne correspond à « %s » dans l'annuaire des collectivités %s.\n"+
			"Les syndicats mixtes, les départements et les régions n'y figurent pas : saisissez-les librement dans l'assistant.\n", clip(query, quotedWidth), u.label())
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Annuaire des collectivités %s : %s pour « %s ».\n", u.label(), wizard.CountOf(total, "résultat", "résultats"), clip(query, quotedWidth))
	for _, r := range results {
		b.WriteString("\n")
		if c := r.Commune; c != nil {
			fmt.Fprintf(&b, "%s — %s, %s\n", c.Name, communeKind(c), placeOf(d, c.Departement, true))
			siren := "SIREN non indiqué"
			if c.SIREN != "" {
				siren = "SIREN " + c.SIREN
			}
			fmt.Fprintf(&b, "  INSEE %s · %s · %s\n", c.INSEE, siren, postcodes(c.Postcodes))
			fmt.Fprintf(&b, "  %s\n", populations(c.PopulationMunicipale, c.PopulationTotale, d.Millesime()))
			if epci, ok := d.EPCIOf(c); ok {
				fmt.Fprintf(&b, "  EPCI : %s (SIREN %s)\n", epci.Name, epci.SIREN)
			} else {
				b.WriteString("  EPCI : aucun\n")
			}
			continue
		}
		epci := r.EPCI
		places := make([]string, len(epci.Departements))
		for i, code := range epci.Departements {
			places[i] = placeOf(d, code, false)
		}
		fmt.Fprintf(&b, "%s — %s, %s\n", epci.Name, epci.TypeLabel(), strings.Join(places, ", "))
		fmt.Fprintf(&b, "  SIREN %s · %s\n", epci.SIREN, wizard.CountOf(epci.Members, "commune membre", "communes membres"))
		fmt.Fprintf(&b, "  %s\n", populations(epci.PopulationMunicipale, epci.PopulationTotale, d.Millesime()))
	}
	if rest := total - len(results); rest > 0 {
		fmt.Fprintf(&b, "\n… et %s de plus : précisez la recherche (nom et département, code postal), ou --max 0 pour tout afficher.\n",
			wizard.CountOf(rest, "résultat", "résultats"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func postcodes(list []string) string {
	switch {
	case len(list) == 0:
		return "code postal non indiqué"
	case len(list) == 1:
		return "code postal " + list[0]
	case len(list) > 6:
		return fmt.Sprintf("codes postaux %s… (%d codes)", strings.Join(list[:6], ", "), len(list))
	}
	return "codes postaux " + strings.Join(list, ", ")
}

// directoryJSON is the output of aect annuaire --json.
type directoryJSON struct {
	Directory struct {
		Millesime int    `json:"millesime"`
		Origin    string `json:"origin"` // "embedded" or "imported"
		Source    string `json:"source"`
	} `json:"directory"`
	Total   int                `json:"total"`
	Results []directoryJSONRow `json:"results"`
}

type directoryJSONRow struct {
	Kind                 string   `json:"kind"` // "commune" or "epci"
	INSEE                string   `json:"insee,omitempty"`
	SIREN                string   `json:"siren"`
	Name                 string   `json:"name"`
	AuthorityType        string   `json:"authority_type"` // the plan's authority.type
	Nature               string   `json:"nature,omitempty"`
	Departement          string   `json:"departement,omitempty"`
	DepartementName      string   `json:"departement_name,omitempty"`
	Region               string   `json:"region,omitempty"`
	RegionName           string   `json:"region_name,omitempty"`
	Zone                 string   `json:"zone,omitempty"`
	Overseas             bool     `json:"overseas"`
	Departements         []string `json:"departements,omitempty"`
	Members              int      `json:"members,omitempty"`
	PopulationMunicipale *int     `json:"population_municipale"`
	PopulationTotale     *int     `json:"population_totale"`
	Postcodes            []string `json:"postcodes,omitempty"`
	EPCI                 *struct {
		SIREN string `json:"siren"`
		Name  string `json:"name"`
	} `json:"epci,omitempty"`
}

func knownPopulation(n int) *int {
	if n == directory.PopulationUnknown {
		return nil
	}
	return &n
}

func writeDirectoryJSON(w io.Writer, u *directoryInUse, results []directory.Result, total int) error {
	d := u.dir
	var out directoryJSON
	out.Directory.Millesime = d.Millesime()
	out.Directory.Origin = "embedded"
	if u.imported {
		out.Directory.Origin = "imported"
	}
	out.Directory.Source = d.Info().Source
	out.Total = total
	out.Results = make([]directoryJSONRow, 0, len(results))
	for _, r := range results {
		if c := r.Commune; c != nil {
			row := directoryJSONRow{Kind: "commune", INSEE: c.INSEE, SIREN: c.SIREN, Name: c.Name, AuthorityType: string(wizard.AuthCommune),
				Departement: c.Departement, Region: c.Region, Zone: string(c.Zone), Overseas: c.Overseas(),
				PopulationMunicipale: knownPopulation(c.PopulationMunicipale), PopulationTotale: knownPopulation(c.PopulationTotale),
				Postcodes: c.Postcodes}
			if dep, ok := d.Departement(c.Departement); ok {
				row.DepartementName = dep.Name
			}
			if reg, ok := d.Region(c.Region); ok {
				row.RegionName = reg.Name
			}
			if epci, ok := d.EPCIOf(c); ok {
				row.EPCI = &struct {
					SIREN string `json:"siren"`
					Name  string `json:"name"`
				}{epci.SIREN, epci.Name}
			}
			out.Results = append(out.Results, row)
			continue
		}
		e := r.EPCI
		out.Results = append(out.Results, directoryJSONRow{Kind: "epci", SIREN: e.SIREN, Name: e.Name, AuthorityType: e.AuthorityType(),
			Nature: e.Nature, Departements: e.Departements, Members: e.Members,
			PopulationMunicipale: knownPopulation(e.PopulationMunicipale), PopulationTotale: knownPopulation(e.PopulationTotale)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// cmdAnnuaireImporter reads a newer Etalab folder, checks it and keeps it, atomically, in
// the user's data folder. A folder refused leaves the directory in use as it was.
func cmdAnnuaireImporter(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("dossier à importer manquant : aect annuaire importer node_modules/@etalab/decoupage-administratif/data")
	}
	if len(args) > 1 {
		return usagef("un seul dossier attendu, reçu : %s", strings.Join(args, " "))
	}
	if e.opt.json {
		return usagef("--json ne sert qu'à la recherche dans l'annuaire")
	}
	folder, err := etalabFolder(args[0])
	if err != nil {
		return err
	}
	current, err := e.directory()
	if err != nil {
		return err
	}
	refuse := func(format string, a ...any) error {
		return wizard.Errorf("dossier « %s » refusé ; l'annuaire en place, %s, est conservé :\n%s", args[0], current.label(), fmt.Sprintf(format, a...))
	}
	millesime, source, err := etalabMillesime(folder, e.opt.millesime)
	if err != nil {
		return refuse("%v", err)
	}
	embedded, err := directory.EmbeddedInfo()
	if err != nil {
		return err
	}
	if millesime < embedded.Millesime {
		return refuse("ce dossier est du millésime %d, plus ancien que l'annuaire intégré (%d)", millesime, embedded.Millesime)
	}
	if millesime > time.Now().Year()+1 {
		return refuse("millésime %d invraisemblable", millesime)
	}

	var files directory.EtalabFiles
	for _, name := range directory.EtalabFileNames() {
		path := filepath.Join(folder, name)
		st, err := os.Stat(path)
		if err == nil && st.Size() > maxEtalabFile {
			return refuse("%s : fichier trop volumineux (%d Mo)", name, st.Size()>>20)
		}
		f, err := os.Open(path)
		if err != nil {
			return refuse("%s : fichier illisible", name)
		}
		defer f.Close()
		files.Set(name, f)
	}
	d, err := directory.ParseEtalab(files, directory.Info{Millesime: millesime, Source: source})
	if err == nil {
		err = d.Plausible()
	}
	if err != nil {
		var de *directory.Error
		if errors.As(err, &de) {
			return refuse("%s", de.Error())
		}
		return refuse("%v", err)
	}
	var buf bytes.Buffer
	if err := d.Encode(&buf); err != nil {
		return err
	}
	if _, err := directory.Decode(bytes.NewReader(buf.Bytes())); err != nil {
		return fmt.Errorf("the encoded directory does not decode: %w", err)
	}
	if current.path == "" {
		return wizard.Errorf("dossier des données de l'utilisateur introuvable : l'annuaire ne peut pas être enregistré")
	}
	if err := writeFileAtomic(current.path, buf.Bytes()); err != nil {
		e.log.Error("save imported directory", "path", current.path, "err", err)
		return wizard.Errorf("impossible d'enregistrer l'annuaire dans « %s » (disque plein ou dossier protégé ?) ; l'annuaire en place, %s, est conservé",
			current.path, current.label())
	}
	e.log.Info("directory imported", "path", current.path, "millesime", millesime, "from", folder)
	fmt.Fprintf(e.io.out, "Annuaire des collectivités %d importé : %s communes, %s EPCI, %d départements.\n", millesime,
		groupDigits(len(d.Communes())), groupDigits(len(d.EPCIs())), len(d.Departements()))
	fmt.Fprintf(e.io.out, "Source : %s.\nEnregistré dans %s ; il remplace l'annuaire %s.\n", source, current.path, current.label())
	return nil
}

// etalabFolder finds the data folder: the one given, or its « data » subfolder when the
// package's folder was given.
func etalabFolder(arg string) (string, error) {
	st, err := os.Stat(arg)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", wizard.Errorf("dossier « %s » introuvable", arg)
	case err != nil:
		return "", wizard.Errorf("dossier « %s » illisible", arg)
	case !st.IsDir():
		return "", wizard.Errorf("« %s » n'est pas un dossier : indiquez le dossier qui contient communes.json, epci.json, departements.json et regions.json", arg)
	}
	folder := arg
	if _, err := os.Stat(filepath.Join(arg, "communes.json")); errors.Is(err, os.ErrNotExist) {
		if _, err := os.Stat(filepath.Join(arg, "data", "communes.json")); err == nil {
			folder = filepath.Join(arg, "data")
		}
	}
	var missing []string
	for _, name := range directory.EtalabFileNames() {
		if _, err := os.Stat(filepath.Join(folder, name)); err != nil {
			missing = append(missing, name)
		}
	}
	switch len(missing) {
	case 0:
		return folder, nil
	case 1:
		return "", wizard.Errorf("dossier « %s » incomplet : %s manque ; l'annuaire en place est conservé", arg, missing[0])
	}
	return "", wizard.Errorf("dossier « %s » incomplet : %s manquent ; l'annuaire en place est conservé", arg, strings.Join(missing, ", "))
}

// etalabMillesime reads the millésime from the package.json beside the data folder (or
// in it), unless --millesime gives it, and makes the source line.
func etalabMillesime(folder string, given int) (int, string, error) {
	version := ""
	millesime := given
	for _, p := range []string{filepath.Join(folder, "..", "package.json"), filepath.Join(folder, "package.json")} {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		m, v, err := directory.EtalabMillesime(data)
		if err != nil {
			if given != 0 {
				break
			}
			return 0, "", err
		}
		version = v
		if millesime == 0 {
			millesime = m
		}
		break
	}
	if millesime == 0 {
		return 0, "", errors.New("millésime inconnu : pas de package.json du paquet @etalab/decoupage-administratif à côté du dossier ; indiquez-le avec --millesime AAAA")
	}
	source := directory.EtalabSource(millesime, version) + ", importé le " + time.Now().Format("02/01/2006")
	return millesime, source, nil
}

// writeFileAtomic writes data to path through a temporary file renamed over it: a
// crash leaves the old file or the new one, never half of one.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".annuaire-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// fillFromDirectory fills the answers a plan leaves empty from the directory, when it
// names its authority by an INSEE code or a SIREN (wizard.FillFromDirectory), and says
// which in a French sentence; "" when none was filled. A directory that cannot be read
// fills nothing: the plan is kept as given.
func (e *env) fillFromDirectory(p *wizard.Plan) string {
	if !p.Directorial() {
		return ""
	}
	u, err := e.directory()
	if err != nil {
		e.log.Warn("directory unreadable", "err", err)
		return ""
	}
	filled := wizard.FillFromDirectory(p, u.dir)
	if len(filled) == 0 {
		return ""
	}
	names := make([]string, 0, len(filled))
	for _, id := range filled {
		if f, ok := id.Lookup(); ok {
			names = append(names, f.Name)
		}
	}
	return fmt.Sprintf("Complété d'après l'annuaire des collectivités %s : %s.", u.label(), wizard.JoinFr(names))
}

// check runs the rules engine with the directory's findings when the plan names its
// authority by a code.
func (e *env) check(p *wizard.Plan, opt document.Options) []wizard.Finding {
	fs := document.Check(p, opt)
	if !p.Directorial() {
		return fs
	}
	u, err := e.directory()
	if err != nil {
		return fs
	}
	return wizard.WithDirectory(fs, p, u.dir)
}

// tuiDirectory is the directory loader the interface calls, once, on first use.
func (e *env) tuiDirectory() (*directory.Directory, string, error) {
	u, err := e.directory()
	if err != nil {
		return nil, "", err
	}
	label := u.label()
	if u.ignored != "" {
		label += " ; " + u.ignored + " et n'est pas utilisé"
	}
	return u.dir, label, nil
}
