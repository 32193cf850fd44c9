package qianxiang

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day without time zone. A date known only to the month
// (a planned start "2023.3") has Day 0 and means that month.
type Date struct {
	Year  int
	Month int
	Day   int
}

// IsZero reports an unset date.
func (d Date) IsZero() bool { return d.Year == 0 }

// MonthOnly reports a date known to the month.
func (d Date) MonthOnly() bool { return d.Year != 0 && d.Day == 0 }

// String gives YYYY-MM-DD, or YYYY-MM for a month-only date, "" when unset.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// MonthIndex is Year*12+Month-1, for comparing months.
func (d Date) MonthIndex() int { return d.Year*12 + d.Month - 1 }

// ParseDate reads YYYY-MM-DD or YYYY-MM.
func ParseDate(s string) (Date, error) {
	if d, ok := parseDateDigits(s); ok {
		return d, nil
	}
	return parseDateLayouts(s)
}

// parseDateLayouts is ParseDate through time.Parse.
func parseDateLayouts(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		// Year 0 would read as "no date" (IsZero): refused, not dropped
		// (found by FuzzParseDate).
		if t, err := time.Parse(layout, s); err == nil && t.Year() > 0 {
			d := Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
			if layout == "2006-01" {
				d.Day = 0
			}
			return d, nil
		}
	}
	return Date{}, fmt.Errorf("not a date: %q", s)
}

// parseDateDigits reads the stored forms, YYYY-MM-DD and YYYY-MM in
// ASCII digits, without time.Parse: a registry page parses three dates a
// row, and time.Parse built an error for every month-only one before
// trying the second layout. It gives what ParseDate's layouts give for
// those strings; anything else (ok false) goes the long way.
func parseDateDigits(s string) (d Date, ok bool) {
	num := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, true
	}
	if (len(s) != 7 && len(s) != 10) || s[4] != '-' {
		return d, false
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	if !ok1 || !ok2 || y == 0 || m < 1 || m > 12 {
		return d, false
	}
	d = Date{Year: y, Month: m}
	if len(s) == 7 {
		return d, true
	}
	day, ok3 := num(s[8:])
	if s[7] != '-' || !ok3 || day < 1 || day > daysIn(y, m) {
		return Date{}, false
	}
	d.Day = day
	return d, true
}

// daysIn is the number of days of month m of year y (Gregorian).
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// AppendJSON appends the date as MarshalJSON writes it.
func (d Date) AppendJSON(b []byte) []byte {
	if d.IsZero() {
		return append(b, "null"...)
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		// Never stored; written as String writes it.
		return append(append(append(b, '"'), d.String()...), '"')
	}
	b = append(b, '"', byte('0'+d.Year/1000), byte('0'+d.Year/100%10), byte('0'+d.Year/10%10), byte('0'+d.Year%10),
		'-', byte('0'+d.Month/10), byte('0'+d.Month%10))
	if d.Day != 0 {
		b = append(b, '-', byte('0'+d.Day/10), byte('0'+d.Day%10))
	}
	return append(b, '"')
}

// DateOf gives the calendar day of t in its location.
func DateOf(t time.Time) Date { return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()} }

// MarshalJSON writes the date string, or null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads a date string or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" || s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
