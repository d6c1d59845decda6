package document

import (
	"sort"

	"aect/wizard"
	"aect/wizard/document/render"
)

// maxYearColumns is the number of years the financing table shows as columns; beyond,
// it lists one row per source and year.
const maxYearColumns = 4

// fundingTable shows the funding by party and source — the French party's own
// contribution first, then the co-funders, each group with its subtotal — with one column
// per year, or one row per source and year when there are many years.
func (f *facts) fundingTable() *render.Table {
	srcs := f.sources()
	yearSet := map[int]bool{}
	for _, fl := range f.p.Funding {
		yearSet[fl.Year] = true
	}
	var years []int
	for y := range yearSet {
		years = append(years, y)
	}
	sort.Ints(years)
	if len(srcs) == 0 {
		return &render.Table{Columns: []render.Column{{Title: "Source", Width: 6}, {Title: "Montant", Width: 3, Right: true}},
			Rows: []render.Row{{Cells: []render.Inline{cat(todo("source de financement")), cat(todo(whatAmount))}}}}
	}
	long := len(years) > maxYearColumns
	t := &render.Table{Columns: []render.Column{{Title: "Partie et source", Width: 7}}}
	if long {
		t.Columns = append(t.Columns, render.Column{Title: "Année", Width: 2}, render.Column{Title: "Montant", Width: 3, Right: true})
	} else {
		for _, y := range years {
			t.Columns = append(t.Columns, render.Column{Title: wizard.YearText(y), Width: 3, Right: true})
		}
		t.Columns = append(t.Columns, render.Column{Title: "Total", Width: 3, Right: true})
	}
	row := func(label render.Inline, byYear map[int]wizard.Cents, total wizard.Cents, bold bool) render.Row {
		r := render.Row{Total: bold, Cells: []render.Inline{label}}
		for _, y := range years {
			if a, ok := byYear[y]; ok {
				r.Cells = append(r.Cells, cat(amount(a)))
			} else {
				r.Cells = append(r.Cells, cat("–"))
			}
		}
		r.Cells = append(r.Cells, cat(amount(total)))
		return r
	}
	for _, own := range []bool{true, false} {
		group := "Partie française (apport propre)"
		if !own {
			group = "Cofinancements sollicités"
		}
		sub := map[int]wizard.Cents{}
		var subTotal wizard.Cents
		var rows []render.Row
		for _, st := range srcs {
			if st.source.IsOwnContribution() != own {
				continue
			}
			for y, a := range st.years {
				sub[y] += a
			}
			subTotal += st.total
			if long {
				for _, y := range years {
					if a, ok := st.years[y]; ok {
						rows = append(rows, render.Row{Cells: []render.Inline{cat(sourceLabel(st)), cat(yearText(y)), cat(amount(a))}})
					}
				}
				continue
			}
			rows = append(rows, row(cat(sourceLabel(st)), st.years, st.total, false))
		}
		if len(rows) == 0 {
			continue
		}
		t.Rows = append(t.Rows, render.Row{Group: true, Cells: []render.Inline{cat(group)}})
		t.Rows = append(t.Rows, rows...)
		if long {
			t.Rows = append(t.Rows, render.Row{Total: true, Cells: []render.Inline{cat("Sous-total"), cat(""), cat(amount(subTotal))}})
		} else {
			t.Rows = append(t.Rows, row(cat("Sous-total"), sub, subTotal, true))
		}
	}
	if long {
		t.Rows = append(t.Rows, render.Row{Total: true, Cells: []render.Inline{cat("Total"), cat(""), cat(amount(f.p.TotalFunding()))}})
		return t
	}
	all := map[int]wizard.Cents{}
	for _, ya := range f.p.FundingByYear() {
		all[ya.Year] = ya.Amount
	}
	t.Rows = append(t.Rows, row(cat("Total"), all, f.p.TotalFunding(), true))
	return t
}
