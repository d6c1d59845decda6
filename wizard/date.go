package wizard

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without time or zone. The zero Date means "not given".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date, normalised as time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date of t in its own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns the date at noon UTC, for arithmetic.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// AddDays returns the date n days later (or earlier when n is negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns the date n months later.
func (d Date) AddMonths(n int) Date { return DateOf(d.Time().AddDate(0, n, 0)) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// ISO returns "2026-11-25", or "" for the zero date.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MonthNames holds the French month names, indexed 1–12.
var MonthNames = [13]string{"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre"}

// String formats the date the long French way: "25 novembre 2026", "1er mars 2027".
func (d Date) String() string { return FormatDate(d) }

// FormatDate formats a date the long French way: "25 novembre 2026", "1er mars 2027",
// with non-breaking spaces so that the date never breaks across lines. The zero date
// gives "".
func FormatDate(d Date) string {
	if d.IsZero() {
		return ""
	}
	day := strconv.Itoa(d.Day)
	if d.Day == 1 {
		day = "1er"
	}
	return day + NBSP + MonthNames[d.Month] + NBSP + strconv.Itoa(d.Year)
}

const dateHint = "attendu une date comme 25/11/2026, 2026-11-25 ou 25 novembre 2026"

// ParseISODate reads a "YYYY-MM-DD" date, the form used in aect-plan/1 files.
func ParseISODate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, Errorf("date « %s » invalide : attendu AAAA-MM-JJ, par exemple 2026-11-25", s)
	}
	return DateOf(t), nil
}

// ParseDate reads a date typed by the user: "25/11/2026", "25-11-2026", "25.11.2026",
// "2026-11-25", "25 novembre 2026" or "1er mars 2027" (case and accents ignored).
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Date{}, Errorf("date vide : %s", dateHint)
	}
	if d, err := ParseISODate(t); err == nil {
		return d, nil
	}
	var parts []string
	if f := strings.FieldsFunc(t, func(r rune) bool { return r == '/' || r == '.' || r == '-' }); len(f) == 3 {
		parts = f
	} else if f := strings.Fields(Fold(t)); len(f) == 3 {
		parts = f
		parts[0] = strings.TrimSuffix(parts[0], "er")
		parts[1] = ""
		for m := 1; m <= 12; m++ {
			if Fold(MonthNames[m]) == strings.Fields(Fold(t))[1] {
				parts[1] = strconv.Itoa(m)
			}
		}
	}
	if len(parts) != 3 {
		return Date{}, Errorf("date « %s » invalide : %s", s, dateHint)
	}
	day, err1 := strconv.Atoi(strings.TrimSpace(parts[0]))
	month, err2 := strconv.Atoi(strings.TrimSpace(parts[1]))
	year, err3 := strconv.Atoi(strings.TrimSpace(parts[2]))
	if err1 != nil || err2 != nil || err3 != nil {
		return Date{}, Errorf("date « %s » invalide : %s", s, dateHint)
	}
	if year < 100 {
		year += 2000
	}
	d := NewDate(year, time.Month(month), day)
	if month < 1 || month > 12 || d.Day != day || year < 1900 || year > 2200 {
		return Date{}, Errorf("date « %s » impossible : vérifiez le jour, le mois et l'année", s)
	}
	return d, nil
}

// FormatMoment says in French when t was, in local time, to the minute ("25 novembre 2026
// à 10:42"), or to the second with seconds set ("… à 10:42:07").
func FormatMoment(t time.Time, seconds bool) string {
	t = t.Local()
	layout := "15:04"
	if seconds {
		layout = "15:04:05"
	}
	return FormatDate(DateOf(t)) + " à " + t.Format(layout)
}

// FormatAge says in French when t was, relative to now, the way draft lists show it:
// "à l'instant", "il y a 5 min", "il y a 3 h", "hier", or the date "02/01/2026".
func FormatAge(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	today, day := DateOf(now.Local()), DateOf(t.Local())
	switch {
	case d < time.Minute:
		return "à l'instant"
	case d < time.Hour:
		return fmt.Sprintf("il y a %d min", int(d.Minutes()))
	case day == today:
		return fmt.Sprintf("il y a %d h", int(d.Hours()))
	case day == today.AddDays(-1):
		return "hier"
	}
	return fmt.Sprintf("%02d/%02d/%04d", day.Day, int(day.Month), day.Year)
}
