package qianxiang

import "time"

// Time is the date at midnight UTC, for counting days.
func (d Date) Time() time.Time {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(d.Month), day, 0, 0, 0, 0, time.UTC)
}

// Before reports d earlier than e (both full days).
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// AddDays is the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// DaysBetween counts the calendar days from a to b (negative when b is
// earlier).
func DaysBetween(a, b Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}
