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
