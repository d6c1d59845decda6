package tui

import (
	"aect/wizard"
)

// documents is the documents engine used by the preview and the export.
var documents docEngine = pendingDocs{}

// pendingDocs stands in until the documents package lands.
type pendingDocs struct{}

func (pendingDocs) kinds(*wizard.Plan) []docKind {
	return []docKind{{"deliberation", "Délibération"}}
}

func (pendingDocs) preview(*wizard.Plan, docKind, wizard.Date) (string, error) {
	return "", simpleError("aperçu indisponible dans cette version")
}

func (pendingDocs) export(*wizard.Plan, string, string, wizard.Date) ([]string, error) {
	return nil, simpleError("export indisponible dans cette version")
}
