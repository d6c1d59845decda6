package document

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"aect/wizard"
	"aect/wizard/document/render"
)

// requireTool finds a program on PATH (LibreOffice, the poppler tools). Where it is
// missing the test fails in CI (env CI set, or AECT_REQUIRE_SOFFICE=1) and is skipped
// elsewhere.
func requireTool(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if required() {
		t.Fatalf("%s introuvable alors que le test est exigé (CI ou AECT_REQUIRE_SOFFICE=1) : installez libreoffice-writer-nogui et poppler-utils (apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils)", names[0])
	}
	t.Skipf("%s absent : test ignoré (exigé en CI ou avec AECT_REQUIRE_SOFFICE=1)", names[0])
	return ""
}

// required reports whether the LibreOffice test must run: in CI, or when asked.
func required() bool { return os.Getenv("CI") != "" || os.Getenv("AECT_REQUIRE_SOFFICE") == "1" }

// skipUnlessRequired skips a conversion by LibreOffice (10 to 20 s) in a plain
// « go test ./... », which stays quick; .ci/run and AECT_REQUIRE_SOFFICE=1 run it.
func skipUnlessRequired(t *testing.T) {
	t.Helper()
	if !required() {
		t.Skip("conversion par LibreOffice : lancée par .ci/run ou avec AECT_REQUIRE_SOFFICE=1")
	}
}

// keyPhrases lists what the PDF of a document must show.
func keyPhrases(p *wizard.Plan, k Kind) []string {
	phrases := []string{p.Authority.Name}
	// The montant prévisionnel of the engagements financiers: the costs without the
	// valorisation (DOMAIN §11).
	total := wizard.FormatAmount(p.CashCommitment())
	switch k {
	case Deliberation:
		phrases = append(phrases, "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", "DÉCIDE", "L. 1115-1",
			"notamment ses articles L. 1115-1 et suivants", "Article 1er", "Secrétaire de séance")
		if p.Commits() {
			phrases = append(phrases, total)
		}
	case Convention:
		phrases = append(phrases, "CONVENTION DE COOPÉRATION DÉCENTRALISÉE", "Article 1er – Objet",
			"Engagements financiers", "L. 1115-1", total, p.Partner.Name)
	case CharteJumelage:
		phrases = append(phrases, "CHARTE DE JUMELAGE", p.Partner.Name, "Première cérémonie")
	case CharteAmitie:
		phrases = append(phrases, "CHARTE D'AMITIÉ", p.Partner.Name)
	case ConventionObjectifs:
		phrases = append(phrases, "CONVENTION D'OBJECTIFS", "compte rendu financier", "contrat d'engagement républicain", "loi n° 2000-321")
	case DeclarationAPD:
		phrases = append(phrases, "FICHE DE DÉCLARATION APD", "« Démarches simplifiées »", "du 15 avril au 31 mai", total)
	case NextSteps:
		phrases = append(phrases, "PROCHAINES ÉTAPES", "Contacts du mémento AMF, octobre 2020", "CUF")
		if dep, ok := wizard.LookupDepartement(p.Authority.Departement); ok {
			if rc := wizard.ContactsFor(dep.Region); rc.RRMA != nil {
				phrases = append(phrases, rc.RRMA.Name)
			}
		}
	}
	if wizard.HasBlocking(wizard.Check(p)) && k != NextSteps && k != DeclarationAPD {
		phrases = append(phrases, "PROJET NON CONFORME")
	}
	return phrases
}

// normalise folds every run of white space (line breaks, non-breaking spaces) into one
// space, as the same phrase may wrap anywhere in a PDF.
func normalise(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\u00a0' || r == '\u202f'
	}), " ")
}

// checkPDF checks that the PDF LibreOffice made of file exists and shows the key phrases of
// the document. out is LibreOffice's output, shown when the PDF is missing.
func checkPDF(ctx context.Context, t *testing.T, pdftotext, file string, p *wizard.Plan, k Kind, out []byte) {
	pdf := strings.TrimSuffix(file, filepath.Ext(file)) + ".pdf"
	st, err := os.Stat(pdf)
	if err != nil || st.Size() == 0 {
		t.Errorf("%s : pas de PDF produit (LibreOffice n'a pas pu ouvrir le fichier)\n%s", filepath.Base(file), out)
		return
	}
	// Read in the text's order and in the page's: a widely justified line (LibreOffice
	// lays out with the default printer's metrics when there is one) can come out of
	// the first cut into pieces.
	var texts []string
	for _, mode := range [][]string{nil, {"-layout"}} {
		args := append(append(mode, "-enc", "UTF-8"), pdf, "-")
		text, err := exec.CommandContext(ctx, pdftotext, args...).Output()
		if err != nil {
			t.Errorf("pdftotext %s : %v", filepath.Base(pdf), err)
		}
		texts = append(texts, normalise(string(text)))
	}
	for _, phrase := range keyPhrases(p, k) {
		phrase = normalise(phrase)
		if phrase != "" && !strings.Contains(texts[0], phrase) && !strings.Contains(texts[1], phrase) {
			t.Errorf("%s : « %s » absent du PDF", filepath.Base(pdf), phrase)
		}
	}
}

// TestLibreOfficeConversion converts the ODT and DOCX of every document of every sample
// plan to PDF with LibreOffice, and checks with pdftotext that each PDF exists and shows
// the key phrases. soffice exits 0 even when it cannot load a file, hence the checks on
// the PDF itself. Set AECT_PDF_DIR to keep the files.
func TestLibreOfficeConversion(t *testing.T) {
	t.Parallel() // mostly waiting for LibreOffice: the other tests run meanwhile
	skipUnlessRequired(t)
	soffice := requireTool(t, "soffice", "libreoffice")
	pdftotext := requireTool(t, "pdftotext")
	start := time.Now()

	dir := os.Getenv("AECT_PDF_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	type doc struct {
		file string
		plan *wizard.Plan
		kind Kind
	}
	var docs []doc
	plans := allPlans(t)
	var names []string
	for n := range plans {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		p := plans[name]
		for _, k := range Kinds(p) {
			d := Build(p, k, Options{Today: testToday})
			for _, f := range []render.Format{render.ODT, render.DOCX} {
				var b bytes.Buffer
				if err := render.Render(&b, d, f); err != nil {
					t.Fatal(err)
				}
				// Unique stems: the PDFs land in one folder.
				file := filepath.Join(dir, name+"."+string(k)+"-"+string(f)+"."+string(f))
				if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				docs = append(docs, doc{file, p, k})
			}
		}
	}

	profile := "file://" + filepath.ToSlash(t.TempDir())
	args := []string{"-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}
	for _, d := range docs {
		args = append(args, d.file)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice : %v\n%s", err, out)
	}

	// pdftotext runs twice a PDF: the 56 runs, side by side, take a second instead of three.
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.NumCPU()+1)
	for _, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			checkPDF(ctx, t, pdftotext, d.file, d.plan, d.kind, out)
		}()
	}
	wg.Wait()
	t.Logf("%d fichiers ODT et DOCX convertis en PDF en %s", len(docs), time.Since(start).Round(100*time.Millisecond))
}
