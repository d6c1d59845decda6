package wizard

import "testing"

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Évry":        "evry",
		"Côte d’Azur": "cote d'azur",
		"Cœur":        "coeur",
		"SÉNÉGAL":     "senegal",
		"Ærø":         "aerø",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q; want %q", in, got, want)
		}
	}
	if !Matches("Jumelage Évry – Côte", "evry cote") || Matches("Évry", "paris") {
		t.Error("Matches")
	}
}

func TestDesignation(t *testing.T) {
	cases := []struct {
		a    Authority
		want string
		of   string
	}{
		{Authority{Type: AuthCommune, Name: "Belmont-sur-Guiers"}, "la commune de Belmont-sur-Guiers", "de la commune de Belmont-sur-Guiers"},
		{Authority{Type: AuthCommune, Name: "Annecy"}, "la commune d'Annecy", "de la commune d'Annecy"},
		{Authority{Type: AuthCommune, Name: "Évry"}, "la commune d'Évry", ""},
		{Authority{Type: AuthCommune, Name: "Hérouville-Saint-Clair"}, "la commune d'Hérouville-Saint-Clair", ""},
		{Authority{Type: AuthCommune, Name: "Hazebrouck"}, "la commune de Hazebrouck", ""},
		{Authority{Type: AuthCommune, Name: "Yvetot"}, "la commune d'Yvetot", ""},
		{Authority{Type: AuthCommune, Name: "Yaoundé"}, "la commune de Yaoundé", ""},
		{Authority{Type: AuthCommune, Name: "Le Havre"}, "la commune du Havre", ""},
		{Authority{Type: AuthCommune, Name: "Les Abymes"}, "la commune des Abymes", ""},
		{Authority{Type: AuthCommune, Name: "La Rochelle"}, "la commune de La Rochelle", ""},
		{Authority{Type: AuthCommunauteCommunes, Name: "Communauté de communes du Val d'Arnon"}, "la communauté de communes du Val d'Arnon", "de la communauté de communes du Val d'Arnon"},
		{Authority{Type: AuthCommunauteCommunes, Name: "Cœur de Chartreuse"}, "la communauté de communes Cœur de Chartreuse", ""},
		{Authority{Type: AuthSyndicatMixte, Name: "des eaux du Lac"}, "le syndicat mixte des eaux du Lac", "du syndicat mixte des eaux du Lac"},
		{Authority{Type: AuthMetropole, Name: "Métropole de Lyon"}, "la métropole de Lyon", ""},
		{Authority{Type: AuthDepartement, Name: "Isère", Departement: "38"}, "le département de l'Isère", "du département de l'Isère"},
		{Authority{Type: AuthRegion, Name: "Bretagne"}, "la région Bretagne", ""},
	}
	for _, c := range cases {
		if got := c.a.Designation(); got != c.want {
			t.Errorf("Designation(%v) = %q; want %q", c.a.Name, got, c.want)
		}
		if c.of != "" {
			if got := c.a.DesignationOf(); got != c.of {
				t.Errorf("DesignationOf(%v) = %q; want %q", c.a.Name, got, c.of)
			}
		}
	}
}

func TestExecutive(t *testing.T) {
	cases := []struct {
		a        Authority
		exec, of string
	}{
		{Authority{Type: AuthCommune}, "le Maire", "du Maire"},
		{Authority{Type: AuthCommune, ExecutiveTitle: TitleMaire}, "le Maire", "du Maire"},
		{Authority{Type: AuthCommunauteCommunes, ExecutiveTitle: TitlePresident}, "le Président", "du Président"},
		{Authority{Type: AuthRegion, ExecutiveTitle: TitlePresidente}, "la Présidente", "de la Présidente"},
		{Authority{Type: AuthRegion}, "", ""},
	}
	for _, c := range cases {
		if got := c.a.Executive(); got != c.exec {
			t.Errorf("Executive = %q; want %q", got, c.exec)
		}
		if got := c.a.ExecutiveOf(); got != c.of {
			t.Errorf("ExecutiveOf = %q; want %q", got, c.of)
		}
	}
	a := Authority{Type: AuthCommunauteCommunes}
	if a.Council() != "le conseil communautaire" {
		t.Error(a.Council())
	}
	if Capitalize("la commune") != "La commune" || Capitalize("élu") != "Élu" {
		t.Error("Capitalize")
	}
}

// TestLocative: the preposition of place before a country.
func TestLocative(t *testing.T) {
	for code, want := range map[string]string{
		"MA": "au Maroc", "TR": "en Turquie", "PH": "aux Philippines", "MG": "à Madagascar", "BB": "à la Barbade",
		"SN": "au Sénégal", "HT": "en Haïti", "AF": "en Afghanistan", "MX": "au Mexique", "KH": "au Cambodge",
		"MZ": "au Mozambique", "CI": "en Côte d'Ivoire", "KP": "en Corée du Nord", "CD": "en République démocratique du Congo",
		"US": "aux États-Unis", "SL": "en Sierra Leone", "LK": "au Sri Lanka", "BF": "au Burkina Faso", "UA": "en Ukraine",
		"LB": "au Liban", "SY": "en Syrie", "PS": "aux Territoires palestiniens", "VN": "au Viêt Nam", "MH": "aux îles Marshall",
		"OM": "à Oman", "IL": "en Israël", "CV": "au Cap-Vert", "GB": "au Royaume-Uni", "ZA": "en Afrique du Sud", "DE": "en Allemagne",
	} {
		c, ok := LookupCountry(code)
		if !ok {
			t.Fatalf("%s unknown", code)
		}
		if got := c.Locative(); got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
	}
}

func TestTypography(t *testing.T) {
	const n = NBSP
	for in, want := range map[string]string{
		"par exemple « Jumelage Belmont – Lindenbach ».":        "par exemple «" + n + "Jumelage Belmont – Lindenbach" + n + "».",
		"Cochez les services : eau, assainissement ; déchets ?": "Cochez les services" + n + ": eau, assainissement" + n + "; déchets" + n + "?",
		"jamais avec un État (CGCT L. 1115-5).":                 "jamais avec un État (CGCT" + n + "L." + n + "1115-5).",
		"(CGCT, art. L. 1115-1-1)":                              "(CGCT," + n + "art." + n + "L." + n + "1115-1-1)",
		"L'article L. 1115-1 du CGCT":                           "L'article" + n + "L." + n + "1115-1 du CGCT",
		"CE, 13 mai 2024, n° 474652":                            "CE, 13 mai 2024, n°" + n + "474652",
		"Sous 3 500 habitants, 23 000 € ; 1 800 000":            "Sous 3" + n + "500 habitants, 23" + n + "000" + n + "€" + n + "; 1" + n + "800" + n + "000",
		"jusqu'à 1 % des ressources":                            "jusqu'à 1" + n + "% des ressources",
		"ODD 4, en 2027 2028":                                   "ODD 4, en 2027 2028",
		"Le CGCT est clair. L. Dupont":                          "Le CGCT est clair. L. Dupont",
		"":                                                      "",
	} {
		if got := Typography(in); got != want {
			t.Errorf("Typography(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

func TestEventOf(t *testing.T) {
	for in, want := range map[string]string{
		"séisme":          "du séisme",
		"inondations":     "des inondations",
		"tempête Alex":    "de la tempête Alex",
		"ouragan Irma":    "de l'ouragan Irma",
		"cyclone Chido":   "du cyclone Chido",
		"les crues":       "des crues",
		"La sécheresse":   "de la sécheresse",
		"le conflit":      "du conflit",
		"l'éruption":      "de l'éruption",
		"conflit armé":    "du conflit armé",
		"crise sanitaire": "de la crise sanitaire",
	} {
		if got := EventOf(in); got != want {
			t.Errorf("EventOf(%q) = %q, want %q", in, got, want)
		}
	}
}
