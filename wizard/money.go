package wizard

import (
	"math/big"
	"strconv"
	"strings"
)

// Cents is an amount of money in euro cents. Amounts are never floats.
type Cents int64

// Euros returns an amount of whole euros.
func Euros(n int64) Cents { return Cents(n * 100) }

// MaxAmount is the largest amount the program accepts: one thousand billion euros.
const MaxAmount = Cents(100_000_000_000_000)

// NBSP is the non-breaking space used in French amounts and before € : ; in documents.
const NBSP = "\u00a0"

// String formats the amount the French way: "12 500,00 €", with non-breaking spaces.
func (c Cents) String() string { return FormatAmount(c) }

// FormatAmount formats an amount as "12 500,00 €" with non-breaking spaces between the
// groups of thousands and before the euro sign.
func FormatAmount(c Cents) string { return FormatNumber(c) + NBSP + "€" }

// FormatNumber formats an amount as "12 500,00", without the currency sign.
func FormatNumber(c Cents) string {
	neg := c < 0
	if neg {
		c = -c
	}
	whole := strconv.FormatInt(int64(c/100), 10)
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(NBSP)
		}
		b.WriteRune(r)
	}
	frac := int64(c % 100)
	b.WriteByte(',')
	b.WriteByte(byte('0' + frac/10))
	b.WriteByte(byte('0' + frac%10))
	return b.String()
}

// FormatPercent formats a ratio num/den as a French percentage with one decimal: "66,7 %".
func FormatPercent(num, den Cents) string {
	if den == 0 {
		return "0" + NBSP + "%"
	}
	tenths := (int64(num)*1000 + int64(den)/2) / int64(den)
	s := strconv.FormatInt(tenths/10, 10)
	if d := tenths % 10; d != 0 {
		s += "," + strconv.FormatInt(d, 10)
	}
	return s + NBSP + "%"
}

// FormatShare formats num/den as a French percentage to be read against a cap of cap
// percent: one decimal, or as many more (up to six) as it takes for a share that is not
// the cap never to read as the cap — « 70,01 % », never « 70 % » for a share above
// 70 %.
func FormatShare(num, den Cents, cap int) string {
	if den == 0 {
		return "0" + NBSP + "%"
	}
	n, d := big.NewInt(int64(num)), big.NewInt(int64(den))
	exact := new(big.Int).Mul(n, big.NewInt(100)).Cmp(new(big.Int).Mul(d, big.NewInt(int64(cap)))) == 0
	var s string
	for decimals := 1; decimals <= 6; decimals++ {
		scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)+2), nil)
		// round(num × 10^(decimals+2) / den)
		q := new(big.Int).Mul(n, scale)
		q.Add(q, new(big.Int).Quo(d, big.NewInt(2)))
		q.Quo(q, d)
		digits := q.String()
		for len(digits) <= decimals {
			digits = "0" + digits
		}
		whole, frac := digits[:len(digits)-decimals], strings.TrimRight(digits[len(digits)-decimals:], "0")
		s = whole
		if frac != "" {
			s += "," + frac
		}
		if exact || frac != "" || whole != strconv.Itoa(cap) {
			break
		}
	}
	return s + NBSP + "%"
}

// amountHint is appended to every amount error so that the user knows what to type.
const amountHint = "attendu un montant en euros, par exemple 12 500 ou 12 500,50"

// ParseAmount reads an amount typed the French way — "12 500", "12 500,50", "12500.50",
// "12 500 €", with normal, non-breaking or narrow non-breaking spaces — into cents.
// Negative amounts, more than two decimals and malformed groups are refused with a
// French message.
func ParseAmount(s string) (Cents, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSuffix(t, "€")
	t = strings.TrimSuffix(t, "EUR")
	t = strings.TrimSuffix(t, "euros")
	t = strings.TrimSpace(t)
	if t == "" {
		return 0, Errorf("montant vide : %s", amountHint)
	}
	if strings.HasPrefix(t, "-") {
		return 0, Errorf("montant négatif « %s » : un montant ne peut pas être négatif", s)
	}
	t = strings.TrimPrefix(t, "+")

	// Split off the decimal part. A comma is always the decimal separator (French); a single
	// dot is one too, unless it is followed by exactly three digits after at most three
	// ("12.500" is twelve thousand five hundred, the French grouping).
	intPart, fracPart, hasFrac := t, "", false
	if i := strings.LastIndex(t, ","); i >= 0 {
		intPart, fracPart, hasFrac = t[:i], t[i+1:], true
	} else if strings.Count(t, ".") == 1 {
		i := strings.Index(t, ".")
		head, tail := t[:i], t[i+1:]
		if !(len(tail) == 3 && len(strings.TrimSpace(head)) <= 3) {
			intPart, fracPart, hasFrac = head, tail, true
		}
	}
	if hasFrac {
		if fracPart == "" {
			return 0, Errorf("montant « %s » incomplet après la virgule ; %s", s, amountHint)
		}
		if len(fracPart) > 2 {
			return 0, Errorf("montant « %s » : au plus deux décimales ; %s", s, amountHint)
		}
	}

	digits, ok := stripGroups(intPart)
	if !ok || digits == "" {
		return 0, Errorf("montant « %s » invalide : %s", s, amountHint)
	}
	for _, r := range fracPart {
		if r < '0' || r > '9' {
			return 0, Errorf("montant « %s » invalide : %s", s, amountHint)
		}
	}
	if len(digits) > 13 {
		return 0, Errorf("montant « %s » trop grand : au plus %s", s, FormatAmount(MaxAmount))
	}
	whole, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, Errorf("montant « %s » invalide : %s", s, amountHint)
	}
	var frac int64
	switch len(fracPart) {
	case 1:
		frac = int64(fracPart[0]-'0') * 10
	case 2:
		frac = int64(fracPart[0]-'0')*10 + int64(fracPart[1]-'0')
	}
	c := Cents(whole*100 + frac)
	if c > MaxAmount {
		return 0, Errorf("montant « %s » trop grand : au plus %s", s, FormatAmount(MaxAmount))
	}
	return c, nil
}

func isGroupSep(r rune) bool {
	switch r {
	case ' ', '\u00a0', '\u202f', '.', '\'', '’':
		return true
	}
	return false
}

// stripGroups removes thousands separators (space, non-breaking space, narrow non-breaking
// space, dot, apostrophe) from the integer part, checking that the groups are well formed:
// digits only, no separator at either end, three digits per group after the first.
func stripGroups(s string) (string, bool) {
	s = strings.TrimSpace(s)
	groups := strings.FieldsFunc(s, isGroupSep)
	if len(groups) == 0 || isGroupSep(rune(s[0])) || strings.ContainsFunc(s[len(s)-1:], isGroupSep) {
		return "", false
	}
	var b strings.Builder
	for i, g := range groups {
		for _, r := range g {
			if r < '0' || r > '9' {
				return "", false
			}
		}
		if len(groups) > 1 && ((i > 0 && len(g) != 3) || (i == 0 && len(g) > 3)) {
			return "", false
		}
		b.WriteString(g)
	}
	return b.String(), true
}
