package wizard

import (
	_ "embed"
	"encoding/json"
	"sync"
)

//go:embed data/contacts-2020.json
var contactsJSON []byte

// Contact is one useful contact from the AMF memento.
type Contact struct {
	Region string `json:"region"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Role   string `json:"role"`
	Seat   string `json:"seat"`
}

// ContactBook is the dated list of contacts copied from the AMF memento of October 2020.
type ContactBook struct {
	Source                   string    `json:"source"`
	AsOf                     string    `json:"as_of"`
	Note                     string    `json:"note"`
	National                 []Contact `json:"national"`
	ConseillersDiplomatiques []Contact `json:"conseillers_diplomatiques"`
	RRMA                     []Contact `json:"rrma"`
}

// ContactsAsOf is the date of the contacts, as the documents print it.
const ContactsAsOf = "octobre 2020"

// ContactsCheckNote tells the user to check the contacts, which are dated.
const ContactsCheckNote = "Contacts du mémento AMF d'octobre 2020 : les titulaires changent, vérifiez-les sur le site du ministère de l'Europe et des Affaires étrangères."

var contacts = sync.OnceValue(func() *ContactBook {
	var b ContactBook
	if err := json.Unmarshal(contactsJSON, &b); err != nil {
		panic("wizard: embedded contacts are invalid: " + err.Error())
	}
	return &b
})

// Contacts returns the embedded contact book.
func Contacts() *ContactBook { return contacts() }

// RegionalContacts are the contacts for one région.
type RegionalContacts struct {
	Region string
	// Conseiller is the conseiller diplomatique auprès du préfet de région, if the memento
	// names one.
	Conseiller *Contact
	// RRMA is the réseau régional multi-acteurs, if the région has one.
	RRMA *Contact
}

// ContactsFor returns the regional contacts of a région name ("Auvergne-Rhône-Alpes").
func ContactsFor(region string) RegionalContacts {
	b := contacts()
	rc := RegionalContacts{Region: region}
	for i := range b.ConseillersDiplomatiques {
		if c := b.ConseillersDiplomatiques[i]; c.Region == region {
			rc.Conseiller = &c
		}
	}
	for i := range b.RRMA {
		if c := b.RRMA[i]; c.Region == region {
			rc.RRMA = &c
		}
	}
	return rc
}
