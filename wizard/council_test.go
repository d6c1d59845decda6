package wizard

import (
	"strings"
	"testing"
	"time"
)

// findingOf returns the finding of a code, and whether there is one.
func findingOf(p *Plan, code FindingCode) (Finding, bool) {
	for _, f := range Check(p) {
		if f.Code == code {
			return f, true
		}
	}
	return Finding{}, false
}

// TestConvocationDelay holds the table of DOMAIN §10 at each boundary: the day before the
// earliest session, on it and after it, for each type of authority; the reference names
// the article.
func TestConvocationDelay(t *testing.T) {
	monday := NewDate(2027, time.March, 1)
	for _, c := range []struct {
		name      string
		auth      Authority
		statuts   int
		earliest  Date // first lawful session date after a convocation on Monday 1 March
		reference string
	}{
		{"commune of 3 499", Authority{Type: AuthCommune, Population: 3499}, 0, NewDate(2027, time.March, 5), "L. 2121-11"},
		{"commune of 3 500", Authority{Type: AuthCommune, Population: 3500}, 0, NewDate(2027, time.March, 7), "L. 2121-12"},
		{"small communauté de communes", Authority{Type: AuthCommunauteCommunes, Population: 2000}, 0, NewDate(2027, time.March, 7), "L. 5211-1"},
		{"métropole", Authority{Type: AuthMetropole, Population: 500_000}, 0, NewDate(2027, time.March, 7), "L. 5211-1"},
		{"syndicat mixte fermé", Authority{Type: AuthSyndicatMixte, SyndicatKind: SyndicatFerme}, 0, NewDate(2027, time.March, 7), "L. 5711-1"},
		{"syndicat mixte ouvert, statuts 8", Authority{Type: AuthSyndicatMixte, SyndicatKind: SyndicatOuvert}, 8, NewDate(2027, time.March, 10), "L. 5721-2"},
		{"département", Authority{Type: AuthDepartement, Departement: "38"}, 0, NewDate(2027, time.March, 13), "L. 3121-19"},
		{"région", Authority{Type: AuthRegion, Departement: "69"}, 0, NewDate(2027, time.March, 13), "L. 4132-18"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, d := range []struct {
				session Date
				blocks  bool
			}{{c.earliest.AddDays(-1), true}, {c.earliest, false}, {c.earliest.AddDays(1), false}} {
				p := &Plan{Authority: c.auth, Session: Session{ConvocationDate: monday, Date: d.session, StatutsDelay: c.statuts}}
				f, found := findingOf(p, CodeConvocationDelay)
				if found != d.blocks {
					t.Fatalf("session on %s: finding %v, want %v (%s)", FormatDate(d.session), found, d.blocks, f.Message)
				}
				if found && (f.Severity != Blocking || !strings.Contains(f.Reference, c.reference) || !strings.Contains(f.Message, FormatDate(c.earliest))) {
					t.Errorf("%+v", f)
				}
			}
		})
	}
	// Without the population or the statuts' delay, nothing can be said.
	p := &Plan{Authority: Authority{Type: AuthCommune}, Session: Session{ConvocationDate: monday, Date: monday.AddDays(1)}}
	if _, found := findingOf(p, CodeConvocationDelay); found {
		t.Error("a commune without population")
	}
}

// TestConvocationUrgency: with urgency declared, one jour franc at least is attention,
// less is still blocking.
func TestConvocationUrgency(t *testing.T) {
	monday := NewDate(2027, time.March, 1)
	for _, c := range []struct {
		session Date
		code    FindingCode
		sev     Severity
	}{
		{NewDate(2027, time.March, 2), CodeConvocationDelay, Blocking},  // 0 jour franc
		{NewDate(2027, time.March, 3), CodeConvocationUrgency, Warning}, // 1 jour franc
		{NewDate(2027, time.March, 4), CodeConvocationUrgency, Warning},
	} {
		p := &Plan{Authority: Authority{Type: AuthCommune, Population: 1200},
			Session: Session{ConvocationDate: monday, Date: c.session, Urgency: true}}
		f, found := findingOf(p, c.code)
		if !found || f.Severity != c.sev || !strings.Contains(f.Reference, "L. 2121-11") {
			t.Errorf("session on %s: %+v", FormatDate(c.session), Check(p))
		}
	}
	// Urgency declared but not needed: nothing.
	p := &Plan{Authority: Authority{Type: AuthCommune, Population: 1200},
		Session: Session{ConvocationDate: monday, Date: NewDate(2027, time.March, 10), Urgency: true}}
	if _, found := findingOf(p, CodeConvocationUrgency); found {
		t.Error("urgency flagged with a full delay")
	}
}

// TestQuorumAndProxies: one member below the quorum blocks, at it passes; a second
// meeting lifts the quorum; proxies beyond the present block.
func TestQuorumAndProxies(t *testing.T) {
	for _, c := range []struct {
		members, present int
		second           bool
		blocks           bool
	}{
		{19, 9, false, true}, {19, 10, false, false},
		{20, 10, false, true}, {20, 11, false, false},
		{19, 9, true, false},
	} {
		for _, typ := range []AuthorityType{AuthCommune, AuthDepartement} {
			p := &Plan{Authority: Authority{Type: typ, Population: 1000},
				Session: Session{MembersInOffice: c.members, Present: c.present, SecondMeeting: c.second}}
			f, found := findingOf(p, CodeQuorum)
			if found != c.blocks {
				t.Errorf("%s %d/%d second %v: quorum finding %v", typ, c.present, c.members, c.second, found)
			}
			want := map[AuthorityType]string{AuthCommune: "L. 2121-17", AuthDepartement: "L. 3121-14"}[typ]
			if found && (f.Severity != Blocking || !strings.Contains(f.Reference, want)) {
				t.Errorf("%+v", f)
			}
			if _, advice := findingOf(p, CodeSecondMeeting); advice != c.second {
				t.Errorf("second meeting advice %v", advice)
			}
		}
	}
	for _, c := range []struct {
		present, represented int
		blocks               bool
	}{{10, 9, false}, {10, 10, false}, {10, 11, true}} {
		p := &Plan{Session: Session{MembersInOffice: 30, Present: c.present, Represented: Int(c.represented)}}
		if _, found := findingOf(p, CodeProxies); found != c.blocks {
			t.Errorf("%d represented for %d present: %v", c.represented, c.present, found)
		}
	}
}

// TestStateException: a State partner blocks unless an exception applies; the overseas
// « pouvoirs » only for an overseas département or région.
func TestStateException(t *testing.T) {
	for _, c := range []struct {
		name string
		auth Authority
		exc  StateException
		code FindingCode
		sev  Severity
		says string
	}{
		{"no exception declared", Authority{Type: AuthCommune, Departement: "38"}, "", CodeStatePartner, Blocking, "déclarez l'exception"},
		{"none", Authority{Type: AuthCommune, Departement: "971"}, StateNone, CodeStatePartner, Blocking, "autorité locale étrangère"},
		{"pouvoirs for a commune of Guadeloupe", Authority{Type: AuthCommune, Departement: "971"}, StateOverseasPower, CodeStatePartner, Blocking, "jamais à une commune"},
		{"pouvoirs for an overseas EPCI", Authority{Type: AuthCommunauteAgglomeration, Departement: "974"}, StateOverseasPower, CodeStatePartner, Blocking, "jamais à une commune"},
		{"pouvoirs for La Réunion's région", Authority{Type: AuthRegion, Departement: "974"}, StateOverseasPower, CodeStateException, Warning, "pouvoirs donnés"},
		{"pouvoirs in metropolitan France", Authority{Type: AuthDepartement, Departement: "38"}, StateOverseasPower, CodeStatePartner, Blocking, "jamais"},
		{"GECT", Authority{Type: AuthRegion, Departement: "67"}, StateGECT, CodeStateException, Warning, "préfet de région"},
		{"1° accord", Authority{Type: AuthCommune, Departement: "74"}, StateAgreement, CodeStateException, Warning, "représentant de l'État"},
	} {
		p := &Plan{Authority: c.auth, Partner: Partner{Kind: PartnerEtat, StateException: c.exc}}
		f, found := findingOf(p, c.code)
		if !found || f.Severity != c.sev || !strings.Contains(f.Message, c.says) || !strings.Contains(f.Reference, "L. 1115-5") {
			t.Errorf("%s: %+v", c.name, Check(p))
		}
	}
}

// TestEveryDepartementHasItsCourt: the appeal mention names the tribunal administratif
// of every département by its official name.
func TestEveryDepartementHasItsCourt(t *testing.T) {
	for _, d := range Departements() {
		c, ok := AdministrativeCourt(d.Code)
		if !ok || !strings.HasPrefix(c, "le tribunal administratif d") {
			t.Errorf("%s %s: %q", d.Code, d.Name, c)
		}
	}
	for code, want := range map[string]string{
		"38": "le tribunal administratif de Grenoble", "18": "le tribunal administratif d'Orléans",
		"69": "le tribunal administratif de Lyon", "05": "le tribunal administratif de Marseille",
		"92": "le tribunal administratif de Cergy-Pontoise", "93": "le tribunal administratif de Montreuil",
		"971": "le tribunal administratif de la Guadeloupe", "976": "le tribunal administratif de Mayotte",
		"974": "le tribunal administratif de La Réunion",
	} {
		if got, _ := AdministrativeCourt(code); got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
	}
	if _, ok := AdministrativeCourt("99"); ok {
		t.Error("99 has a court")
	}
}

// TestConvocationWording: « qu'un jour franc », « aucun jour franc ».
func TestConvocationWording(t *testing.T) {
	r := ConvocationRule{Days: 5, Francs: true}
	for n, want := range map[int]string{0: "ne laisse aucun jour franc", 1: "ne laisse qu'un jour franc", 3: "ne laisse que 3 jours francs"} {
		if got := r.Leaves(n); got != want {
			t.Errorf("%d: %q", n, got)
		}
	}
	if got := (ConvocationRule{Days: 12}).Leaves(11); got != "ne laisse que 11 jours" {
		t.Errorf("%q", got)
	}
}

// TestSecondMeeting: after a quorum failure a commune, an EPCI or a syndicat mixte fermé
// is convened again three jours francs ahead whatever its size, never in urgency (CE,
// 16 juin 1997, Pfister); a département or a région meets de plein droit three days after
// the first meeting, and the twelve days run to that first meeting.
func TestSecondMeeting(t *testing.T) {
	monday := NewDate(2027, time.March, 1)
	second := func(a Authority, session Date, urgency bool) *Plan {
		return &Plan{Authority: a, Session: Session{ConvocationDate: monday, Date: session, Urgency: urgency,
			MembersInOffice: 19, Present: 9, SecondMeeting: true}}
	}
	big := Authority{Type: AuthCommune, Population: 12_000}
	if f, found := findingOf(second(big, NewDate(2027, time.March, 5), false), CodeConvocationDelay); found {
		t.Errorf("three jours francs are enough for a second meeting: %s", f.Message)
	}
	f, found := findingOf(second(big, NewDate(2027, time.March, 4), false), CodeConvocationDelay)
	if !found || f.Severity != Blocking || !strings.Contains(f.Message, "nouvelle convocation après un défaut de quorum") {
		t.Errorf("two jours francs before a second meeting: %+v", f)
	}
	f, found = findingOf(second(Authority{Type: AuthCommune, Population: 800}, NewDate(2027, time.March, 3), true), CodeSecondMeetingUrgency)
	if !found || f.Severity != Blocking || !strings.Contains(f.Reference, "Pfister") {
		t.Errorf("a second meeting convened in urgency: %+v", f)
	}
	if _, found := findingOf(second(Authority{Type: AuthCommune, Population: 800}, NewDate(2027, time.March, 3), true), CodeConvocationUrgency); found {
		t.Error("the urgency is taken as valid for a second meeting")
	}
	dep := Authority{Type: AuthDepartement, Departement: "38"}
	p := second(dep, NewDate(2027, time.March, 13), false)
	if first, ok := p.Session.FirstMeeting(&p.Authority); !ok || first != NewDate(2027, time.March, 10) {
		t.Fatalf("first meeting %v, %v", first, ok)
	}
	f, found = findingOf(p, CodeConvocationDelay)
	if !found || !strings.Contains(f.Message, "la première réunion, le "+FormatDate(NewDate(2027, time.March, 10))) ||
		!strings.Contains(f.Message, "la première réunion peut se tenir au plus tôt le "+FormatDate(NewDate(2027, time.March, 13))) {
		t.Errorf("twelve days to the first meeting: %+v", f)
	}
	if _, found := findingOf(second(dep, NewDate(2027, time.March, 16), false), CodeConvocationDelay); found {
		t.Error("a first meeting twelve days after the convocation")
	}
}

// TestSyndicatMixteOuvertFollowsItsStatuts: its quorum and proxies are its statuts';
// its acts follow the départements' rules (L. 5721-4).
func TestSyndicatMixteOuvertFollowsItsStatuts(t *testing.T) {
	a := Authority{Type: AuthSyndicatMixte, SyndicatKind: SyndicatOuvert}
	p := &Plan{Authority: a, Session: Session{MembersInOffice: 19, Present: 9, Represented: Int(10)}}
	for _, code := range []FindingCode{CodeQuorum, CodeProxies} {
		f, found := findingOf(p, code)
		if !found || f.Severity != Warning || !strings.Contains(f.Message, "statuts") || strings.Contains(f.Reference, "L. 2121") {
			t.Errorf("%s: %+v", code, f)
		}
	}
	if got := a.PublicationArticle(); got != "L. 3131-1 et L. 5721-4" {
		t.Errorf("publication of a syndicat mixte ouvert: %s", got)
	}
	a.SyndicatKind = SyndicatFerme
	p.Authority = a
	if f, found := findingOf(p, CodeQuorum); !found || f.Severity != Blocking || !strings.Contains(f.Reference, "L. 5711-1") {
		t.Errorf("a syndicat mixte fermé keeps the EPCI quorum: %+v", f)
	}
}

// TestVoteRejected: fewer votes for than against rejects the délibération; a tie gives
// the président's casting vote.
func TestVoteRejected(t *testing.T) {
	vote := func(pour, contre int) *Plan {
		return &Plan{Authority: Authority{Type: AuthCommune, Population: 800},
			Session: Session{MembersInOffice: 15, Present: 12, Represented: Int(0), VotesFor: Int(pour), VotesAgainst: Int(contre), Abstentions: Int(12 - pour - contre)}}
	}
	if f, found := findingOf(vote(4, 8), CodeVoteRejected); !found || f.Severity != Blocking || !strings.Contains(f.Message, "rejetée") || f.Reference != "CGCT, art. L. 2121-20" {
		t.Errorf("4 for, 8 against: %+v", f)
	}
	if f, found := findingOf(vote(6, 6), CodeVoteRejected); !found || f.Severity != Warning || !strings.Contains(f.Message, "prépondérante") {
		t.Errorf("a tie: %+v", f)
	}
	if f, found := findingOf(vote(7, 5), CodeVoteRejected); found {
		t.Errorf("7 for, 5 against: %+v", f)
	}
}

// TestSyndicatDeCommunes: an EPCI without fiscalité propre follows the EPCI frame, chooses
// how its acts are published, and has no compulsory télétransmission.
func TestSyndicatDeCommunes(t *testing.T) {
	a := Authority{Type: AuthSyndicatCommunes, Name: "SIVOM du Vercors"}
	if r, ok := a.ConvocationRule(&Session{}); !ok || r.Days != 5 || !r.Francs {
		t.Errorf("convocation %+v", r)
	}
	if small, known := a.ChoosesPublicationMode(); !small || !known {
		t.Error("a syndicat de communes chooses its publication mode")
	}
	if a.ActesCompulsory() {
		t.Error("@ctes is not compulsory for a syndicat de communes")
	}
	if art, statuts, _ := a.PowerArticle(); art != "L. 5211-1" || !statuts {
		t.Errorf("power %s %v", art, statuts)
	}
	if got := a.Council(); got != "le comité syndical" {
		t.Errorf("council %q", got)
	}
	p := &Plan{Authority: a}
	if f, found := findingOf(p, CodePublicationMode); !found || !strings.HasPrefix(f.Message, "Syndicat de communes") {
		t.Errorf("publication finding %+v", f)
	}
}
