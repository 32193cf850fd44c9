package qianxiang

import (
	"sort"
	"strconv"
	"time"
)

// YearCalendar is the working-day calendar the office keeps for one year:
// the public holidays (法定节假日, weekend days inside a break included) and
// the adjusted workdays (调休上班) that fall on a Saturday or Sunday.
type YearCalendar struct {
	Year     int    `json:"year"`
	Holidays []Date `json:"holidays"`
	Workdays []Date `json:"workdays"`
	Version  int    `json:"version,omitempty"`
}

// Validate refuses a calendar whose days lie outside its year, repeat,
// or are both a holiday and a workday; an adjusted workday must fall on a
// weekend (a weekday already is one). Days are sorted on the way.
func (c *YearCalendar) Validate() error {
	if c.Year < 2000 || c.Year > 2100 {
		return FieldError("year", "must be a year between 2000 and 2100")
	}
	seen := map[Date]string{}
	check := func(field string, ds []Date) error {
		for i, d := range ds {
			name := field + "[" + strconv.Itoa(i) + "]"
			switch {
			case d.IsZero() || d.MonthOnly():
				return FieldError(name, "must be a day (YYYY-MM-DD)")
			case d.Year != c.Year:
				return FieldError(name, "%s is not in %d", d.String(), c.Year)
			}
			if prev, ok := seen[d]; ok {
				if prev == field {
					return FieldError(name, "%s is listed twice", d.String())
				}
				return FieldError(name, "%s is both a holiday and a workday", d.String())
			}
			seen[d] = field
			if field == "workdays" && !weekend(d) {
				return FieldError(name, "%s is a %s, already a working day; an adjusted workday falls on a Saturday or Sunday", d.String(), d.Time().Weekday().String())
			}
		}
		return nil
	}
	if err := check("holidays", c.Holidays); err != nil {
		return err
	}
	if err := check("workdays", c.Workdays); err != nil {
		return err
	}
	sortDates(c.Holidays)
	sortDates(c.Workdays)
	return nil
}

func sortDates(ds []Date) { sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) }) }

func weekend(d Date) bool {
	wd := d.Time().Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// Calendar answers "is this a working day" over the years the office has
// kept; a year it has not kept counts Monday to Friday only.
type Calendar struct {
	holiday map[Date]bool
	workday map[Date]bool
	years   map[int]bool
}

// NewCalendar joins kept years into one calendar.
func NewCalendar(years ...YearCalendar) Calendar {
	c := Calendar{holiday: map[Date]bool{}, workday: map[Date]bool{}, years: map[int]bool{}}
	for _, y := range years {
		c.years[y.Year] = true
		for _, d := range y.Holidays {
			c.holiday[d] = true
		}
		for _, d := range y.Workdays {
			c.workday[d] = true
		}
	}
	return c
}

// Kept reports whether the office has kept the year's calendar.
func (c Calendar) Kept(year int) bool { return c.years[year] }

// Workday reports a working day: Monday to Friday, minus the holidays,
// plus the adjusted workdays.
func (c Calendar) Workday(d Date) bool {
	if c.workday[d] {
		return true
	}
	return !weekend(d) && !c.holiday[d]
}

// AddWorkdays is the deadline "within n working days of d": counting starts
// the day after d, and the deadline is the nth working day.
func (c Calendar) AddWorkdays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if c.Workday(d) {
			n--
		}
	}
	return d
}

// WorkdaysBetween counts the working days after a up to and including b
// (0 when b is not after a).
func (c Calendar) WorkdaysBetween(a, b Date) int {
	n := 0
	for d := a.AddDays(1); !b.Before(d); d = d.AddDays(1) {
		if c.Workday(d) {
			n++
		}
	}
	return n
}

// AddMonths is the deadline "within n months of d": the same day n months
// later, or the last day of that month when it has no such day
// (2023-11-30 + 3 months → 2024-02-29).
func AddMonths(d Date, n int) Date {
	m := d.Year*12 + d.Month - 1 + n
	y, mo := m/12, m%12+1
	last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	day := d.Day
	if day > last {
		day = last
	}
	return Date{Year: y, Month: mo, Day: day}
}
