package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"aect/wizard"
)

func TestExportFromTheHomeScreen(t *testing.T) {
	s := newFakeStore()
	s.addSample(t, "01-jumelage-allemagne")
	h := newHarness(t, s, 80, 24)
	h.contains("Jumelage Belmont")
	h.key("e")
	h.contains("(•) ODT")
	h.key("enter")
	h.contains("Documents écrits dans le dossier")
	h.contains("Ouvrez les fichiers avec LibreOffice ou Word")
	dir := h.app().c.opt.ExportDir
	for _, f := range []string{"deliberation.odt", "charte-jumelage.odt", "prochaines-etapes.odt"} {
		if !strings.Contains(h.view(), f) {
			t.Errorf("written file %s not shown:\n%s", f, h.view())
		}
		matches, _ := filepath.Glob(filepath.Join(dir, "*", f))
		if len(matches) != 1 {
			t.Errorf("%s not written in %s", f, dir)
		} else if folder := filepath.Base(filepath.Dir(matches[0])); folder != "1-jumelage-belmont-sur-guiers-lindenbach" {
			t.Errorf("folder %s, want the draft's number then its title", folder)
		}
	}
	h.key("enter")
	h.contains("Vos projets (1)")
}

func TestDocumentsPreviewTabsAndExportInAnotherFormat(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "02-convention-eau-senegal"))
	h.goTo(wizard.SecDocuments, "")
	v := h.view()
	for _, want := range []string{"[Délibération]", "Convention", "Prochaines étapes", "EXTRAIT DU REGISTRE", "ligne 1 sur"} {
		if !strings.Contains(v, want) {
			t.Errorf("preview lacks %q:\n%s", want, v)
		}
	}
	h.key("right")
	if v := h.view(); !strings.Contains(v, "[Convention]") {
		t.Fatalf("tab:\n%s", v)
	}
	h.key("pgdown")
	if v := h.view(); strings.Contains(v, "ligne 1 sur") {
		t.Fatalf("pg suiv should scroll:\n%s", v)
	}
	dir := t.TempDir()
	h.key("x", "down") // DOCX
	h.key("tab")
	for range len(h.app().c.opt.ExportDir) {
		h.key("backspace")
	}
	h.typeText(dir)
	h.key("enter")
	h.contains("Documents écrits dans le dossier")
	matches, _ := filepath.Glob(filepath.Join(dir, "*", "*.docx"))
	if len(matches) != 4 { // délibération, convention, fiche APD (Sénégal), étapes
		t.Fatalf("docx files: %v", matches)
	}
	if folder := filepath.Base(filepath.Dir(matches[0])); !strings.HasPrefix(folder, strconv.FormatInt(h.app().asst.id, 10)+"-") {
		t.Errorf("folder %s does not start with the draft's number %d", folder, h.app().asst.id)
	}
}

func TestExportDialogWritesPDF(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "01-jumelage-allemagne"))
	h.goTo(wizard.SecDocuments, "")
	dir := t.TempDir()
	h.key("x")
	h.contains("(•) ODT")
	h.contains("PDF — à imprimer, publier ou transmettre (non modifiable)")
	h.key("down", "down") // PDF
	h.key("tab")
	for range len(h.app().c.opt.ExportDir) {
		h.key("backspace")
	}
	h.typeText(dir)
	h.key("enter")
	h.contains("Documents écrits dans le dossier")
	matches, _ := filepath.Glob(filepath.Join(dir, "*", "*.pdf"))
	if len(matches) != 3 {
		t.Fatalf("pdf files: %v", matches)
	}
	if b, err := os.ReadFile(matches[0]); err != nil || !strings.HasPrefix(string(b), "%PDF-1.") {
		t.Errorf("%s: %v", matches[0], err)
	}
}

func TestNoColourGivesMonochromeStylesWithEmphasis(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	lipgloss.SetColorProfile(termenv.ANSI)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	s := newFakeStore()
	s.addSample(t, "04-partenaire-etat")
	h := newHarness(t, s, 80, 24)
	h.contains("Amitié scolaire")
	h.key("enter")
	h.waitFor("the assistant", func() bool { return h.app().asst != nil })
	h.goTo(wizard.SecReview, "")
	raw := h.m.View()
	if colour := regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;[0-9;]*)?m`); colour.MatchString(raw) {
		t.Fatalf("colour escape with NO_COLOR: %q", colour.FindString(raw))
	}
	if !strings.Contains(raw, "\x1b[7m") && !strings.Contains(raw, ";7m") {
		t.Error("the selected line should stay visible in reverse video")
	}
	if v := h.view(); !strings.Contains(v, "[bloquant]") || !strings.Contains(v, "›") {
		t.Fatalf("states in words:\n%s", v)
	}
}

// The high-contrast theme is readable on light and dark terminals alike: it draws in the
// terminal's own colours only, and marks the cursor, titles, errors and states with bold,
// underline and reverse video; it never dims text and keeps every state in words.
func TestHighContrastTheme(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	colour := regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;[0-9;]*)?m`)
	def, hc := NewStyles(false, false), NewStyles(true, false)
	for name, st := range map[string][2]lipgloss.Style{
		"selected line": {def.Selected, hc.Selected},
		"vide":          {def.StateEmpty, hc.StateEmpty},
		"en cours":      {def.StateInProgress, hc.StateInProgress},
		"complet":       {def.StateComplete, hc.StateComplete},
		"à revoir":      {def.StateToReview, hc.StateToReview},
		"bloquant":      {def.Blocking, hc.Blocking},
		"attention":     {def.Warning, hc.Warning},
		"conseil":       {def.Advice, hc.Advice},
		"secondary":     {def.Subtle, hc.Subtle},
		"title":         {def.Title, hc.Title},
		"error":         {def.Err, hc.Err},
	} {
		if st[0].Render(name) == st[1].Render(name) {
			t.Errorf("%s: the high-contrast style is the default one", name)
		}
		if r := st[1].Render(name); colour.MatchString(r) {
			t.Errorf("%s: the high-contrast style sets a colour: %q", name, r)
		}
	}
	if !hc.Selected.GetReverse() || !hc.Selected.GetBold() {
		t.Error("the selected line should be bold, in reverse video")
	}
	for name, st := range map[string]lipgloss.Style{"title": hc.Title, "error": hc.Err, "bloquant": hc.Blocking, "à revoir": hc.StateToReview} {
		if !st.GetBold() || !st.GetUnderline() {
			t.Errorf("%s should be bold and underlined", name)
		}
	}

	// The screens drawn in that theme keep the cursor and the states in words, and
	// hold no colour at all.
	s := newFakeStore()
	s.addSample(t, "04-partenaire-etat")
	h := newHarnessWith(t, s, 80, 24, func(o *Options) { o.HighContrast = true })
	h.contains("Amitié scolaire")
	selected := "\x1b[1;7m" // bold, reverse video
	if raw := h.m.View(); !strings.Contains(raw, selected) || !strings.Contains(h.view(), "› Amitié scolaire") {
		t.Errorf("home: the selected draft should be marked by « › » and drawn in bold reverse video (%q):\n%q", selected, raw)
	}
	h.key("enter")
	h.waitFor("the assistant", func() bool { return h.app().asst != nil })
	for _, sec := range []wizard.Section{wizard.SecAuthority, wizard.SecFunding, wizard.SecReview} {
		h.goTo(sec, "")
		if raw := h.m.View(); colour.MatchString(raw) {
			t.Errorf("section %d: colour escape in high contrast: %q", sec+1, colour.FindString(raw))
		}
	}
	if v := h.view(); !strings.Contains(v, "[bloquant]") || !strings.Contains(v, "› [bloquant]") || !strings.Contains(v, "✓1 …2") {
		t.Errorf("review in high contrast:\n%s", v)
	}
	// A tall window shows every section's state at once.
	h.send(tea.WindowSizeMsg{Width: 80, Height: 200})
	for _, want := range []string{"✓ complet", "… en cours", "○ vide"} {
		if !strings.Contains(h.view(), want) {
			t.Errorf("review in high contrast lacks %q:\n%s", want, h.view())
		}
	}
}

func TestGlossaryHasEveryTermOfDomainSection9(t *testing.T) {
	terms := []string{"AECT", "coopération décentralisée", "jumelage", "charte d'amitié", "EPCI", "délibération",
		"contrôle de légalité", "préfet", "APD", "ODD", "CNCD", "DCTCIV", "AFD", "FICOL", "Expertise France",
		"FACECO", "CDCS", "RRMA", "CUF", "AFCCRE", "francophonie", "Oudin-Santini", "1 % déchets",
		"maître d'ouvrage", "maître d'œuvre", "valorisation", "PMA", "comité de jumelage", "CERV"}
	for _, term := range terms {
		found := false
		for _, e := range glossary {
			if strings.Contains(wizard.Fold(e.term), wizard.Fold(term)) {
				found = true
			}
		}
		if !found {
			t.Errorf("glossary lacks %q", term)
		}
	}
	for _, e := range glossary {
		plain := strings.NewReplacer("art. ", "", "L. ", "").Replace(e.def)
		if n := strings.Count(plain, ". ") + 1; n > 2 || !strings.HasSuffix(e.def, ".") {
			t.Errorf("%s: definitions are one or two sentences ending with a full stop", e.term)
		}
		if strings.Contains(e.def, "L.115-1") || strings.Contains(e.def, "L. 1115-7") {
			t.Errorf("%s: cites an article DOMAIN.md forbids", e.term)
		}
	}
}

func TestTerminationSignalSavesAndQuits(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecAuthority, "authority.name")
	h.typeText("Belmont")
	h.send(signalMsg{})
	h.waitFor("the quit", func() bool { return h.quit })
	if s.plan(id).Authority.Name != "Belmont" {
		t.Fatal("answer lost on SIGTERM")
	}
}

func TestLogsNeverGoToTheTerminal(t *testing.T) {
	// A nil logger is replaced by one that discards; the interface never writes to
	// stdout or stderr itself.
	r, w, _ := os.Pipe()
	old := os.Stderr
	os.Stderr = w
	h, s, _ := openPlan(t, &wizard.Plan{})
	s.failSave = errDisk
	h.goTo(wizard.SecAuthority, "authority.name")
	h.typeText("x")
	h.key("enter")
	h.contains("L'enregistrement a échoué")
	os.Stderr = old
	w.Close()
	buf := make([]byte, 100)
	if n, _ := r.Read(buf); n > 0 {
		t.Fatalf("wrote to stderr: %q", buf[:n])
	}
}

// screenKeys opens the help screen ("?" or F1) and returns its « Touches de cet écran »
// lines, then closes it.
func (h *harness) screenKeys(open string) []string {
	h.t.Helper()
	h.key(open)
	hs, ok := h.app().over.(*helpScreen)
	if !ok {
		h.t.Fatalf("%s does not open the help:\n%s", open, h.view())
	}
	text := ansi.Strip(hs.content())
	h.key("esc")
	_, keys, _ := strings.Cut(text, "Touches de cet écran\n")
	keys, _, _ = strings.Cut(keys, "\n\n")
	return strings.Split(keys, "\n")
}

// The help lists the keys of the screen shown, each key once, with what it does there.
func TestHelpListsEachKeyOnceWithWhatItDoesHere(t *testing.T) {
	s := newFakeStore()
	s.addSample(t, "02-convention-eau-senegal")
	h := newHarness(t, s, 80, 24)
	h.contains("Eau potable")
	check := func(what, open string, want, wantNot []string) {
		t.Helper()
		lines := h.screenKeys(open)
		seen := map[string]string{}
		for _, l := range lines {
			k := strings.TrimSpace(ansi.Truncate(l, 16, ""))
			if prev, dup := seen[k]; dup {
				t.Errorf("%s: key %q listed twice: %q and %q", what, k, prev, l)
			}
			seen[k] = l
		}
		all := strings.Join(lines, "\n")
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: help lacks %q:\n%s", what, w, all)
			}
		}
		for _, w := range wantNot {
			if strings.Contains(all, w) {
				t.Errorf("%s: help lists %q:\n%s", what, w, all)
			}
		}
	}
	check("home", "?", []string{"ouvrir", "corbeille"}, []string{"restaurer"})
	h.key("c")
	h.contains("Corbeille")
	check("bin", "?", []string{"restaurer", "revenir à vos projets"}, []string{"ouvrir", "dupliquer"})
	h.key("esc")
	h.openDraft("Eau potable et assainissement à Ndiassane-Ouest")
	h.goTo(wizard.SecForm, "form")
	check("choice", "?", []string{"entrée         choisir", "parcourir", "section suivante"}, []string{"valider"})
	h.goTo(wizard.SecDomain, "domain.sectors")
	check("multiple choice", "?", []string{"espace         cocher", "entrée         valider"}, []string{"choisir"})
	h.goTo(wizard.SecAuthority, "authority.name")
	check("text", "f1", []string{"entrée         valider", "maj+tab        revenir"}, nil)
	h.goTo(wizard.SecFunding, "")
	check("funding list", "?", []string{"entrée         modifier", "a              ajouter"}, []string{"valider"})
	h.goTo(wizard.SecFunding, "funding[0].amount")
	check("funding line", "f1", []string{"échap          retour"}, []string{"accueil"})
	h.goTo(wizard.SecReview, "")
	check("review", "?", []string{"aller à la question", "pg suiv        page suivante"}, []string{"section suivante"})
	h.goTo(wizard.SecDocuments, "")
	check("documents", "?", []string{"exporter", "défiler"}, []string{"section suivante", "choisir"})
}

// TestExportDialogRemembersTheLastFolder: the folder of an export that succeeded is the
// next dialog's, from the home list or the documents; one that failed is not kept.
func TestExportDialogRemembersTheLastFolder(t *testing.T) {
	s := newFakeStore()
	s.addSample(t, "01-jumelage-allemagne")
	h := newHarness(t, s, 80, 24)
	h.contains("Jumelage Belmont")
	other := filepath.Join(t.TempDir(), "atelier")
	h.key("e", "tab", "ctrl+u")
	h.typeText(other)
	h.key("enter")
	h.contains("Documents écrits dans le dossier")
	h.key("enter")
	h.key("e")
	if got := h.app().home.dialog.(*exportDialog).dir.Value(); got != other {
		t.Fatalf("folder offered %q, want %q", got, other)
	}
	// A failed export does not change it.
	h.key("tab", "ctrl+u")
	h.typeText("/dev/null/impossible")
	h.key("enter")
	h.contains("L'export a échoué")
	h.key("enter")
	h.openDraft("Jumelage Belmont-sur-Guiers – Lindenbach")
	h.run(h.asst().show(wizard.SecDocuments, "", false))
	h.key("x")
	if got := h.asst().docs.dialog.(*exportDialog).dir.Value(); got != other {
		t.Fatalf("folder offered %q, want %q", got, other)
	}
}

// TestExportDialogWritesTheActesDossier: the export dialog's last format is the dossier
// @ctes; a draft that lacks its pieces gets the list, and nothing is written.
func TestExportDialogWritesTheActesDossier(t *testing.T) {
	s := newFakeStore()
	s.addSample(t, "02-convention-eau-senegal")
	h := newHarness(t, s, 80, 30)
	h.contains("Eau potable")
	out := filepath.Join(t.TempDir(), "export")
	h.key("e")
	h.contains("Dossier @ctes")
	h.key("up") // from ODT, up wraps to the last format
	h.key("tab", "ctrl+u")
	h.typeText(out)
	h.key("enter")
	h.contains("L'export a échoué")
	h.contains("SIREN de la collectivité manque")
	if _, err := os.Stat(out); err == nil {
		t.Fatal("the folder was created")
	}
}
