package wizard

import (
	"testing"
	"time"
)

func TestFormatDate(t *testing.T) {
	cases := map[Date]string{
		NewDate(2026, time.November, 25): "25\u00a0novembre\u00a02026",
		NewDate(2027, time.March, 1):     "1er\u00a0mars\u00a02027",
		NewDate(2026, time.December, 15): "15\u00a0décembre\u00a02026",
		NewDate(2027, time.August, 2):    "2\u00a0août\u00a02027",
		{}:                               "",
	}
	for d, want := range cases {
		if got := FormatDate(d); got != want {
			t.Errorf("FormatDate(%v) = %q; want %q", d.ISO(), got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	want := NewDate(2026, time.November, 25)
	for _, in := range []string{"25/11/2026", "2026-11-25", "25 novembre 2026", "25 NOVEMBRE 2026", "25-11-2026", "25.11.2026", "25/11/26", " 25/11/2026 "} {
		got, err := ParseDate(in)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v", in, got.ISO(), err)
		}
	}
	if got, err := ParseDate("1er mars 2027"); err != nil || got != NewDate(2027, time.March, 1) {
		t.Errorf("1er mars: %v %v", got.ISO(), err)
	}
	if got, err := ParseDate("15 fevrier 2027"); err != nil || got != NewDate(2027, time.February, 15) {
		t.Errorf("fevrier: %v %v", got.ISO(), err)
	}
	for _, in := range []string{"", "31/02/2027", "demain", "25 brumaire 2026", "2026-13-01", "32/01/2026", "1/1/1800"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := NewDate(2027, time.January, 31)
	if got := d.AddDays(1); got != NewDate(2027, time.February, 1) {
		t.Errorf("AddDays: %v", got.ISO())
	}
	if !d.Before(d.AddDays(1)) || d.Before(d) {
		t.Error("Before")
	}
}

func TestFormatAge(t *testing.T) {
	now := time.Date(2026, time.November, 25, 15, 0, 0, 0, time.Local)
	cases := map[time.Duration]string{
		10 * time.Second: "à l'instant",
		5 * time.Minute:  "il y a 5 min",
		3 * time.Hour:    "il y a 3 h",
		20 * time.Hour:   "hier",
		72 * time.Hour:   "22/11/2026",
	}
	for d, want := range cases {
		if got := FormatAge(now.Add(-d), now); got != want {
			t.Errorf("FormatAge(-%v) = %q; want %q", d, got, want)
		}
	}
	if FormatAge(time.Time{}, now) != "" {
		t.Error("zero time")
	}
}

func TestFormatMoment(t *testing.T) {
	at := time.Date(2026, time.September, 1, 9, 5, 7, 0, time.Local)
	if got := FormatMoment(at, false); got != "1er"+NBSP+"septembre"+NBSP+"2026 à 09:05" {
		t.Errorf("%q", got)
	}
	if got := FormatMoment(at, true); got != "1er"+NBSP+"septembre"+NBSP+"2026 à 09:05:07" {
		t.Errorf("%q", got)
	}
}
