package crs

// Marker is one of the policy markers of the CAD that the APD declaration asks for each
// line: how far the spending targets a policy objective.
type Marker struct {
	// Key names the marker in aect's answers: "gender" for domain.marker_gender.
	Key string
	// Name is the marker's French name, after « marqueur » : « égalité femmes-hommes ».
	Name string
	// Help says in French what the marker covers.
	Help string
}

// Markers lists the four markers the declaration asks, in the platform's order.
var Markers = [...]Marker{
	{"gender", "égalité femmes-hommes", "Le projet vise-t-il l'égalité entre les femmes et les hommes (marqueur « égalité » du CAD de l'OCDE) ?"},
	{"environment", "environnement", "Le projet vise-t-il la protection de l'environnement (marqueur « aide à l'environnement » du CAD) ?"},
	{"biodiversity", "biodiversité", "Le projet vise-t-il la préservation de la diversité biologique (marqueur de Rio « biodiversité » du CAD) ?"},
	{"nutrition", "nutrition", "Le projet vise-t-il l'amélioration de la nutrition (marqueur « nutrition » du CAD) ?"},
}

// ScoreLabels are the French meanings of a marker's scores 0, 1 and 2.
var ScoreLabels = [...]string{"non ciblé", "objectif significatif", "objectif principal"}
