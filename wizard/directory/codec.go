package directory

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The compact form is gzip-compressed UTF-8 text, one item per line, fields separated by
// tabs:
//
//	aect-annuaire	1
//	millesime	2026
//	source	INSEE…
//	regions	26             then one line per région: code, name, zone
//	departements	109    then code, name, région, zone
//	epci	1255           then SIREN, name, nature, financing, population totale,
//	                       population municipale, members, départements (space-separated)
//	communes	34969      then ten blocks of one line per commune, a column each:
//	                       INSEE, name, département, région, zone, SIREN, population
//	                       municipale, population totale, postcodes, EPCI
//	fin
//
// Columns compress better than rows. Within them: an INSEE code that follows the previous
// one in the same département is written "+n"; a SIREN is left empty when it is the usual
// one of its INSEE code (siren21) and written "-" when the commune has none; the
// population totale is written as its difference with the municipale ("=n" when the
// municipale is unknown); an unknown population is empty.
const (
	formatName    = "aect-annuaire"
	formatVersion = 1
	// maxDecoded bounds what Decode inflates: the 2026 data take 2 MB.
	maxDecoded = 64 << 20
)

// Encode writes the directory in its compact form.
func (d *Directory) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	line := func(fields ...string) {
		bw.WriteString(strings.Join(fields, "\t"))
		bw.WriteByte('\n')
	}
	line(formatName, strconv.Itoa(formatVersion))
	line("millesime", strconv.Itoa(d.info.Millesime))
	line("source", d.info.Source)
	line("regions", strconv.Itoa(len(d.regions)))
	for _, r := range d.regions {
		line(r.Code, r.Name, string(r.Zone))
	}
	line("departements", strconv.Itoa(len(d.deps)))
	for _, dep := range d.deps {
		line(dep.Code, dep.Name, dep.Region, string(dep.Zone))
	}
	line("epci", strconv.Itoa(len(d.epcis)))
	for _, e := range d.epcis {
		line(e.SIREN, e.Name, e.Nature, e.Financing, population(e.PopulationTotale), population(e.PopulationMunicipale),
			strconv.Itoa(e.Members), strings.Join(e.Departements, " "))
	}
	line("communes", strconv.Itoa(len(d.communes)))
	column := func(f func(i int, c *Commune) string) {
		for i := range d.communes {
			bw.WriteString(f(i, &d.communes[i]))
			bw.WriteByte('\n')
		}
	}
	column(func(i int, c *Commune) string {
		if i > 0 {
			if n, ok := inseeStep(d.communes[i-1].INSEE, c.INSEE); ok {
				return "+" + strconv.Itoa(n)
			}
		}
		return c.INSEE
	})
	column(func(_ int, c *Commune) string { return c.Name })
	column(func(_ int, c *Commune) string { return c.Departement })
	column(func(_ int, c *Commune) string { return c.Region })
	column(func(_ int, c *Commune) string { return string(c.Zone) })
	column(func(_ int, c *Commune) string {
		switch c.SIREN {
		case "":
			return "-"
		case siren21(c.INSEE):
			return ""
		}
		return c.SIREN
	})
	column(func(_ int, c *Commune) string { return population(c.PopulationMunicipale) })
	column(func(_ int, c *Commune) string {
		switch {
		case c.PopulationTotale == PopulationUnknown:
			return ""
		case c.PopulationMunicipale == PopulationUnknown:
			return "=" + strconv.Itoa(c.PopulationTotale)
		}
		return strconv.Itoa(c.PopulationTotale - c.PopulationMunicipale)
	})
	column(func(_ int, c *Commune) string { return strings.Join(c.Postcodes, " ") })
	column(func(_ int, c *Commune) string { return c.EPCI })
	line("fin")
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func population(n int) string {
	if n == PopulationUnknown {
		return ""
	}
	return strconv.Itoa(n)
}

// inseeStep is n when cur is prev plus n within the same département prefix.
func inseeStep(prev, cur string) (int, bool) {
	if len(prev) != 5 || len(cur) != 5 || prev[:2] != cur[:2] || !isDigits(prev[2:]) || !isDigits(cur[2:]) {
		return 0, false
	}
	p, _ := strconv.Atoi(prev[2:])
	c, _ := strconv.Atoi(cur[2:])
	return c - p, c > p
}

// siren21 is the SIREN most communes of metropolitan France received in 1973: 21, the
// département, 0, the commune's number, and a Luhn check digit ("24396" → "212403968").
// Communes created or renumbered since have others: the compact form writes those.
func siren21(insee string) string {
	if len(insee) != 5 {
		return ""
	}
	dep := insee[:2]
	if dep == "2A" || dep == "2B" {
		dep = "20"
	}
	body := "21" + dep + "0" + insee[2:]
	if !isDigits(body) {
		return ""
	}
	sum := 0
	for i := len(body) - 1; i >= 0; i-- {
		n := int(body[i] - '0')
		if (len(body)-1-i)%2 == 0 { // the check digit will be rightmost: double from here
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return body + strconv.Itoa((10-sum%10)%10)
}

// ReadInfo reads the millésime and the source of a directory in compact form without
// decoding the rest.
func ReadInfo(r io.Reader) (Info, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return Info{}, errNotDirectory
	}
	defer zr.Close()
	br := bufio.NewReaderSize(io.LimitReader(zr, 4096), 4096)
	var lines []string
	for range 3 {
		l, err := br.ReadString('\n')
		if err != nil {
			return Info{}, errNotDirectory
		}
		lines = append(lines, strings.TrimSuffix(l, "\n"))
	}
	p := &parser{lines: strings.Join(lines, "\n") + "\n"}
	return p.header()
}

var errNotDirectory = &Error{Msg: "ce fichier n'est pas un annuaire des collectivités d'aect"}

// Decode reads a directory in compact form and checks it as New does.
func Decode(r io.Reader) (*Directory, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, errNotDirectory
	}
	var buf bytes.Buffer
	buf.Grow(4 << 20) // the 2026 data inflate to 2 MB: one allocation
	_, err = buf.ReadFrom(io.LimitReader(zr, maxDecoded+1))
	data := buf.Bytes()
	if err == nil {
		err = zr.Close()
	}
	if err != nil {
		if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrHeader) {
			return nil, &Error{Msg: "annuaire incomplet ou abîmé (somme de contrôle fausse)"}
		}
		return nil, err
	}
	if len(data) > maxDecoded {
		return nil, &Error{Msg: "annuaire trop volumineux"}
	}
	p := &parser{lines: string(data)}
	info, err := p.header()
	if err != nil {
		return nil, err
	}
	d, err := p.body(info)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// parser walks the lines of the decompressed text; substrings share its memory.
type parser struct {
	lines string
	n     int // number of the line read last
}

func (p *parser) next() (string, error) {
	if p.lines == "" {
		return "", p.errorf("fin de fichier inattendue")
	}
	l, rest, ok := strings.Cut(p.lines, "\n")
	if !ok {
		return "", p.errorf("fin de fichier inattendue")
	}
	p.lines = rest
	p.n++
	return l, nil
}

func (p *parser) errorf(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf("annuaire illisible, ligne %d : ", p.n) + fmt.Sprintf(format, args...)}
}

// fields reads a line of exactly n fields.
func (p *parser) fields(n int) ([]string, error) {
	l, err := p.next()
	if err != nil {
		return nil, err
	}
	f := strings.Split(l, "\t")
	if len(f) != n {
		return nil, p.errorf("%d champs au lieu de %d", len(f), n)
	}
	return f, nil
}

// section reads "name\tcount".
func (p *parser) section(name string) (int, error) {
	f, err := p.fields(2)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(f[1])
	if f[0] != name || err != nil || n < 0 || n > 1_000_000 {
		return 0, p.errorf("section « %s » attendue", name)
	}
	return n, nil
}

func (p *parser) header() (Info, error) {
	f, err := p.fields(2)
	if err != nil || f[0] != formatName {
		return Info{}, errNotDirectory
	}
	if f[1] != strconv.Itoa(formatVersion) {
		return Info{}, &Error{Msg: fmt.Sprintf("annuaire au format %s, que cette version d'aect ne sait pas lire : mettez aect à jour", clip(f[1]))}
	}
	var info Info
	if info.Millesime, err = p.section("millesime"); err != nil {
		return Info{}, err
	}
	f, err = p.fields(2)
	if err != nil || f[0] != "source" {
		return Info{}, p.errorf("source attendue")
	}
	info.Source = f[1]
	return info, nil
}

func (p *parser) body(info Info) (*Directory, error) {
	n, err := p.section("regions")
	if err != nil {
		return nil, err
	}
	regions := make([]Region, n)
	for i := range regions {
		f, err := p.fields(3)
		if err != nil {
			return nil, err
		}
		regions[i] = Region{Code: f[0], Name: f[1], Zone: Zone(f[2])}
	}
	if n, err = p.section("departements"); err != nil {
		return nil, err
	}
	deps := make([]Departement, n)
	for i := range deps {
		f, err := p.fields(4)
		if err != nil {
			return nil, err
		}
		deps[i] = Departement{Code: f[0], Name: f[1], Region: f[2], Zone: Zone(f[3])}
	}
	if n, err = p.section("epci"); err != nil {
		return nil, err
	}
	epcis := make([]EPCI, n)
	for i := range epcis {
		f, err := p.fields(8)
		if err != nil {
			return nil, err
		}
		e := EPCI{SIREN: f[0], Name: f[1], Nature: f[2], Financing: f[3], Departements: strings.Fields(f[7])}
		if e.PopulationTotale, err = p.population(f[4]); err != nil {
			return nil, err
		}
		if e.PopulationMunicipale, err = p.population(f[5]); err != nil {
			return nil, err
		}
		if e.Members, err = strconv.Atoi(f[6]); err != nil {
			return nil, p.errorf("nombre de communes « %s »", clip(f[6]))
		}
		epcis[i] = e
	}
	if n, err = p.section("communes"); err != nil {
		return nil, err
	}
	communes := make([]Commune, n)
	column := func(set func(c *Commune, prev *Commune, v string) error) error {
		for i := range communes {
			v, err := p.next()
			if err != nil {
				return err
			}
			var prev *Commune
			if i > 0 {
				prev = &communes[i-1]
			}
			if err := set(&communes[i], prev, v); err != nil {
				return err
			}
		}
		return nil
	}
	columns := []func(c, prev *Commune, v string) error{
		func(c, prev *Commune, v string) error {
			if !strings.HasPrefix(v, "+") {
				c.INSEE = v
				return nil
			}
			step, err := strconv.Atoi(v[1:])
			if err != nil || prev == nil || step <= 0 {
				return p.errorf("code INSEE « %s »", clip(v))
			}
			num, err := strconv.Atoi(prev.INSEE[2:])
			if err != nil || num+step > 999 {
				return p.errorf("code INSEE « %s »", clip(v))
			}
			n := strconv.Itoa(1000 + num + step) // "1042": the 0-padded suffix after the 1
			c.INSEE = prev.INSEE[:2] + n[1:]
			return nil
		},
		func(c, _ *Commune, v string) error { c.Name = v; return nil },
		func(c, _ *Commune, v string) error { c.Departement = v; return nil },
		func(c, _ *Commune, v string) error { c.Region = v; return nil },
		func(c, _ *Commune, v string) error { c.Zone = Zone(v); return nil },
		func(c, _ *Commune, v string) error {
			switch v {
			case "-":
			case "":
				c.SIREN = siren21(c.INSEE)
			default:
				c.SIREN = v
			}
			return nil
		},
		func(c, _ *Commune, v string) (err error) {
			c.PopulationMunicipale, err = p.population(v)
			return err
		},
		func(c, _ *Commune, v string) error {
			var err error
			switch {
			case v == "":
				c.PopulationTotale = PopulationUnknown
			case strings.HasPrefix(v, "="):
				c.PopulationTotale, err = p.population(v[1:])
			case c.PopulationMunicipale == PopulationUnknown:
				err = p.errorf("population totale « %s »", clip(v))
			default:
				var diff int
				diff, err = strconv.Atoi(v)
				c.PopulationTotale = c.PopulationMunicipale + diff
				if err != nil {
					err = p.errorf("population totale « %s »", clip(v))
				}
			}
			return err
		},
		func(c, _ *Commune, v string) error { c.Postcodes = strings.Fields(v); return nil },
		func(c, _ *Commune, v string) error { c.EPCI = v; return nil },
	}
	for _, set := range columns {
		if err := column(set); err != nil {
			return nil, err
		}
	}
	if l, err := p.next(); err != nil || l != "fin" || p.lines != "" {
		return nil, p.errorf("« fin » attendue")
	}
	return New(info, regions, deps, epcis, communes)
}

func (p *parser) population(v string) (int, error) {
	if v == "" {
		return PopulationUnknown, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, p.errorf("population « %s »", clip(v))
	}
	return n, nil
}
