package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
)

// glossaryEntry is one term of the glossary and its definition.
type glossaryEntry struct {
	term string
	def  string
}

// glossary holds the vocabulary of DOMAIN.md §9, defined in one or two French sentences
// that agree with DOMAIN.md.
var glossary = []glossaryEntry{
	{"AECT", "Action extérieure des collectivités territoriales : les actions internationales de coopération, d'aide au développement ou d'aide humanitaire que les collectivités et leurs groupements mènent ou soutiennent (CGCT, art. L. 1115-1)."},
	{"Coopération décentralisée", "Partenariat d'une collectivité française avec une autorité locale étrangère, le plus souvent par une convention ; depuis 2014 la convention est facultative, mais si elle est signée elle doit indiquer l'objet des actions et le montant prévisionnel des engagements financiers (CGCT, art. L. 1115-1)."},
	{"Jumelage", "La forme la plus ancienne de lien entre deux collectivités, scellée par une charte (serment) de jumelage signée par les deux maires lors d'une cérémonie dans chaque commune ; il est souvent animé par un comité de jumelage."},
	{"Charte d'amitié", "Déclaration plus légère qu'un jumelage (aussi appelée pacte ou protocole d'amitié), souvent une première étape, sans engagement contraignant ; si elle engage de l'argent, elle doit être rédigée comme une convention."},
	{"EPCI", "Établissement public de coopération intercommunale : communauté de communes, d'agglomération, urbaine, ou métropole. Il agit à l'international dans le champ de ses compétences, par délibération de son conseil."},
	{"Délibération", "Décision votée par l'assemblée de la collectivité (conseil municipal, communautaire…). Toute action extérieure est décidée par délibération ; le texte de la charte ou de la convention est présenté au conseil avec elle, avant la signature."},
	{"Contrôle de légalité", "Vérification par le préfet que les actes de la collectivité respectent la loi. La délibération et la convention signée lui sont transmises : la convention entre en vigueur à cette transmission, et le préfet peut saisir le tribunal administratif."},
	{"Préfet", "Représentant de l'État dans le département et la région. Il reçoit les actes au titre du contrôle de légalité ; outre-mer, certaines conventions de coopération régionale demandent son autorisation préalable."},
	{"APD (aide publique au développement)", "Aide publique destinée aux pays de la liste du Comité d'aide au développement de l'OCDE. Toute collectivité qui a dépensé pour un pays éligible l'année précédente le déclare entre le 15 avril et le 31 mai (CGCT, art. L. 1115-6)."},
	{"ODD (objectifs de développement durable)", "Les 17 objectifs de l'Agenda 2030 des Nations unies ; l'article L. 1115-1 du CGCT demande aux collectivités de les prendre en considération dans leur action extérieure."},
	{"CNCD (Commission nationale de la coopération décentralisée)", "Instance de dialogue entre l'État et les collectivités sur leur action extérieure. Elle publie l'Atlas français de la coopération décentralisée, à tenir à jour, et la Bourse-partenariats."},
	{"DCTCIV (ex-DAECT)", "Délégation pour les collectivités territoriales et la société civile du ministère de l'Europe et des Affaires étrangères, anciennement DAECT. Elle lance les appels à projets qui cofinancent l'action extérieure des collectivités."},
	{"AFD", "Agence française de développement : l'établissement public qui finance l'aide au développement de la France ; elle gère la FICOL."},
	{"FICOL", "Facilité de financement des collectivités territoriales françaises de l'AFD, depuis 2014 : elle finance des projets initiés et portés par une collectivité française dans un pays éligible, à partir de ses compétences ; appel annuel."},
	{"Expertise France", "L'agence publique française de coopération technique internationale ; une collectivité peut lui confier la mise en œuvre d'un projet, en restant maître d'ouvrage."},
	{"FACECO", "Fonds d'action extérieure des collectivités territoriales (2013), géré par le Centre de crise et de soutien du ministère : toute collectivité peut y verser une aide humanitaire d'urgence par délibération ; l'argent est mis en commun et employé par les experts humanitaires de l'État."},
	{"CDCS", "Centre de crise et de soutien du ministère de l'Europe et des Affaires étrangères ; il conduit l'aide humanitaire d'urgence de l'État et gère le FACECO."},
	{"RRMA", "Réseaux régionaux multi-acteurs : un par région (RESACOOP, CENTRAIDER, GESCOD…), ils conseillent et mettent en relation les acteurs de la coopération de leur région, et portent des programmes « clés en main » adaptés aux très petites communes."},
	{"CUF", "Cités Unies France : le réseau national des collectivités françaises engagées dans l'action internationale, qui les informe et les conseille."},
	{"AFCCRE", "Association française du Conseil des communes et régions d'Europe : la référence pour les jumelages (méthode, cérémonies, financements européens)."},
	{"Francophonie", "L'ensemble des personnes qui ont le français en partage, environ 300 millions de locuteurs ; l'Organisation internationale de la Francophonie (OIF) rassemble les États et gouvernements qui en sont membres."},
	{"Loi Oudin-Santini", "Loi du 9 février 2005 (CGCT, art. L. 1115-1-1) : les collectivités et syndicats chargés de l'eau potable et de l'assainissement peuvent consacrer jusqu'à 1 % des ressources de chacun de ces budgets à des actions dans le domaine de l'eau."},
	{"1 % déchets, énergie, mobilité", "Mécanismes sur le modèle de la loi Oudin-Santini : jusqu'à 1 % des ressources du service, pour des actions dans son seul domaine et si la collectivité exerce la compétence — énergie (électricité, gaz ; L. 1115-1-1), déchets (L. 1115-2), mobilité hors versement mobilité (L. 1115-3)."},
	{"Maître d'ouvrage, maître d'œuvre", "Le maître d'ouvrage est celui pour qui l'action est menée et qui en répond : la collectivité le reste même quand elle délègue. Le maître d'œuvre, ou opérateur, réalise l'action pour son compte."},
	{"Valorisation", "Apport en nature chiffré de la collectivité (temps des agents, locaux, matériel) compté dans le plan de financement ; dans un projet cofinancé par le ministère, au plus la moitié de sa contribution (règles 2025, à vérifier)."},
	{"PMA (pays les moins avancés)", "Les pays les plus pauvres selon la liste des Nations unies ; le ministère peut y cofinancer jusqu'à 70 % du coût d'un projet (règles 2025, à vérifier)."},
	{"Comité de jumelage", "Association locale qui fait vivre un jumelage (échanges, accueil des délégations) ; la commune peut la subventionner, avec une convention d'objectifs au-delà de 23 000 € par an."},
	{"CERV", "Programme « Citoyens, égalité, droits et valeurs » de l'Union européenne ; son volet Town-Twinning verse des subventions forfaitaires aux rencontres de jumelage d'au moins 50 participants, dont au moins 25 invités de l'étranger."},
}

// glossaryScreen shows the glossary; typing filters the terms, ignoring accents.
type glossaryScreen struct {
	c      *common
	filter textinput.Model
	vp     viewport.Model
	width  int
	height int
}

func newGlossary(c *common) *glossaryScreen {
	g := &glossaryScreen{c: c, filter: newInput(c, "Chercher : ", "tapez un mot (FACECO, jumelage…)")}
	g.vp = viewport.New(0, 0)
	return g
}

// Init does nothing.
func (g *glossaryScreen) Init() tea.Cmd { return nil }

// SetSize lays the entries out.
func (g *glossaryScreen) SetSize(w, h int) {
	g.width, g.height = w, h
	g.vp.Width, g.vp.Height = w, max(h-3, 3)
	g.filter.Width = max(w-20, 10)
	g.render()
}

func (g *glossaryScreen) render() {
	s := g.c.styles
	var b strings.Builder
	n := 0
	for _, e := range glossary {
		if !wizard.Matches(e.term+" "+e.def, g.filter.Value()) {
			continue
		}
		n++
		b.WriteString(s.Bold.Render(e.term) + "\n")
		for _, l := range strings.Split(wrapText(wizard.Typography(e.def), max(g.width-4, 20)), "\n") {
			b.WriteString("  " + l + "\n")
		}
		b.WriteString("\n")
	}
	if n == 0 {
		b.WriteString("Aucun terme ne correspond à « " + quoted(g.filter.Value()) + " ».")
	}
	g.vp.SetContent(strings.TrimSuffix(b.String(), "\n"))
	g.vp.GotoTop()
}

// Update scrolls, filters, and closes on échap, search or not (ctrl+u clears the
// search).
func (g *glossaryScreen) Update(msg tea.Msg) (tea.Cmd, reply) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, reply{}
	}
	switch km.String() {
	case "esc":
		return nil, reply{closed: true}
	case "up":
		g.vp.ScrollUp(1)
	case "down":
		g.vp.ScrollDown(1)
	case "pgup":
		g.vp.PageUp()
	case "pgdown":
		g.vp.PageDown()
	default:
		before := g.filter.Value()
		var cmd tea.Cmd
		g.filter, cmd = g.filter.Update(msg)
		if g.filter.Value() != before {
			g.render()
		}
		return cmd, reply{}
	}
	return nil, reply{}
}

// View draws the title, the filter, the entries and whether there are more.
func (g *glossaryScreen) View() string {
	return g.c.styles.Title.Render("Glossaire") + "\n" + g.filter.View() + "\n" + g.vp.View() + "\n" +
		g.c.styles.Subtle.Render(scrollHint(!g.vp.AtTop(), !g.vp.AtBottom()))
}

// ShortHelp is the footer help.
func (g *glossaryScreen) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓ pg suiv", "défiler")),
		key.NewBinding(key.WithKeys("a"), key.WithHelp("lettres", "chercher")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("échap", "fermer")),
	}
}

// FullHelp is the same as ShortHelp.
func (g *glossaryScreen) FullHelp() [][]key.Binding { return [][]key.Binding{g.ShortHelp()} }
