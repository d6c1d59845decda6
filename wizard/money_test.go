package wizard

import (
	"strings"
	"testing"
)

func TestParseAmount(t *testing.T) {
	ok := []struct {
		in   string
		want Cents
	}{
		{"12 500", 1250000},
		{"12 500,50", 1250050},
		{"12500.50", 1250050},
		{"12 500 €", 1250000},
		{"12\u00a0500,00\u00a0€", 1250000},
		{"12\u202f500,5", 1250050},
		{"0", 0},
		{"0,01", 1},
		{"1,5", 150},
		{"12.500", 1250000},
		{"1.234.567,89", 123456789},
		{"1 234 567", 123456700},
		{"  42  ", 4200},
		{"18000", 1800000},
		{"18 000 EUR", 1800000},
		{"3 euros", 300},
		{"+7", 700},
		{"12500.5", 1250050},
	}
	for _, c := range ok {
		got, err := ParseAmount(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, msg string }{
		{"", "vide"},
		{"abc", "invalide"},
		{"-5", "négatif"},
		{"12,505", "deux décimales"},
		{"12500.505", "deux décimales"},
		{"12,", "incomplet"},
		{"1 2 3", "invalide"},
		{"12 50", "invalide"},
		{"1,2,3", "invalide"},
		{"99999999999999", "trop grand"},
		{"12a", "invalide"},
		{"€", "vide"},
		{". 5", "invalide"},
	}
	for _, c := range bad {
		_, err := ParseAmount(c.in)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseAmount(%q) error = %v; want it to mention %q", c.in, err, c.msg)
		}
	}
}

func TestFormatAmount(t *testing.T) {
	cases := map[Cents]string{
		0:             "0,00\u00a0€",
		1:             "0,01\u00a0€",
		1250000:       "12\u00a0500,00\u00a0€",
		1800000:       "18\u00a0000,00\u00a0€",
		123456789:     "1\u00a0234\u00a0567,89\u00a0€",
		100:           "1,00\u00a0€",
		99999:         "999,99\u00a0€",
		-1250050:      "-12\u00a0500,50\u00a0€",
		Euros(80_000): "80\u00a0000,00\u00a0€",
	}
	for c, want := range cases {
		if got := FormatAmount(c); got != want {
			t.Errorf("FormatAmount(%d) = %q; want %q", c, got, want)
		}
	}
}

func TestFormatPercent(t *testing.T) {
	if got := FormatPercent(Euros(40000), Euros(60000)); got != "66,7\u00a0%" {
		t.Errorf("got %q", got)
	}
	if got := FormatPercent(Euros(1), Euros(2)); got != "50\u00a0%" {
		t.Errorf("got %q", got)
	}
}

func TestParseFormatRoundTrip(t *testing.T) {
	for _, c := range []Cents{0, 1, 99, 100, 1250050, MaxAmount} {
		got, err := ParseAmount(FormatAmount(c))
		if err != nil || got != c {
			t.Errorf("round trip %d: %d, %v", c, got, err)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"12 500", "12 500,50", "12500.50", "12 500 €", "1.234.567,89", "-3", "", "1,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseAmount(s)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if c < 0 || c > MaxAmount {
			t.Fatalf("ParseAmount(%q) = %d out of range", s, c)
		}
		back, err := ParseAmount(FormatAmount(c))
		if err != nil || back != c {
			t.Fatalf("re-parse of %q: %d, %v", FormatAmount(c), back, err)
		}
	})
}

// TestFormatShare: a share near a cap shows the decimals that tell it from the cap.
func TestFormatShare(t *testing.T) {
	for _, c := range []struct {
		num, den Cents
		cap      int
		want     string
	}{
		{70_00, 100_00, 70, "70\u00a0%"},
		{70_01, 100_00, 70, "70,01\u00a0%"},
		{69_99, 100_00, 70, "69,99\u00a0%"},
		{7_000_001, 10_000_000, 70, "70,00001\u00a0%"},
		{40_000_00, 60_000_00, 50, "66,7\u00a0%"},
		{9_99, 100_00, 10, "9,99\u00a0%"},
		{1, 3, 10, "33,3\u00a0%"},
		{0, 0, 70, "0\u00a0%"},
	} {
		if got := FormatShare(c.num, c.den, c.cap); got != c.want {
			t.Errorf("FormatShare(%d, %d, %d) = %q, want %q", c.num, c.den, c.cap, got, c.want)
		}
	}
	// The MEAE rate finding never reads « (70 %) dépasse le taux maximal de 70 % ».
	p := base()
	p.Funding[1].Amount++
	p.Funding[2].Amount--
	for _, f := range Check(p) {
		if f.Code == CodeMEAERate && !strings.Contains(f.Message, "(70,00001\u00a0%)") {
			t.Errorf("%s", f.Message)
		}
	}
}

// The 1 % énergie finances only the public distribution of electricity and gas
// (L. 1115-1-1), not any environment or climate action.
func TestOnePercentEnergyField(t *testing.T) {
	p := &Plan{Form: FormConvention,
		Authority: Authority{Type: AuthCommune, Population: 5000, Services: []Service{{Kind: ServiceElectriciteGaz, AnnualResources: Euros(2_000_000)}}},
		Domain:    Domain{Sectors: []Sector{SectorEnvironnement}},
		Actions:   []Action{{Title: "Reboisement des berges", Year: 2027, Cost: Euros(5000)}},
		Funding:   []FundingLine{{Source: SourceElecGaz, Amount: Euros(5000), Year: 2027}}}
	if f, found := findingOf(p, CodeOnePercentField); !found || f.Severity != Blocking || !strings.Contains(f.Message, "Distribution d'électricité et de gaz") {
		t.Errorf("reforestation paid by the 1 %% énergie: %+v", f)
	}
	p.Domain.Sectors = []Sector{SectorEnergie}
	if f, found := findingOf(p, CodeOnePercentField); found {
		t.Errorf("an action of electricity distribution: %+v", f)
	}
}

// The payee of an action is offered from the operator, then from the body an earlier
// action of the same kind pays.
func TestSuggestedPayeeName(t *testing.T) {
	p := &Plan{Implementation: Implementation{Mode: ModeDelegation, Operator: "Comité de jumelage de Belmont"},
		Actions: []Action{
			{PaidTo: Payee{Kind: PayeeDirect}},
			{PaidTo: Payee{Kind: PayeeComite}},
			{PaidTo: Payee{Kind: PayeeAssociation, Name: "Amis de Kayes"}},
			{PaidTo: Payee{Kind: PayeeAssociation}},
		}}
	for i, want := range []string{"", "Comité de jumelage de Belmont", "Comité de jumelage de Belmont", "Amis de Kayes"} {
		if got := p.SuggestedPayeeName(i); got != want {
			t.Errorf("action %d: %q, want %q", i+1, got, want)
		}
	}
	if got := p.SuggestedPayeeName(9); got != "" {
		t.Errorf("out of range: %q", got)
	}
}
