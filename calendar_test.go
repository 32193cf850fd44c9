package qianxiang

import (
	"strings"
	"testing"
)

func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func ds(ss ...string) []Date {
	out := []Date{}
	for _, s := range ss {
		out = append(out, d(s))
	}
	return out
}

// cal2023 is the State Council's 2023 calendar (the part the tests need).
var cal2023 = YearCalendar{Year: 2023,
	Holidays: ds("2023-01-01", "2023-01-02", "2023-01-21", "2023-01-22", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26", "2023-01-27",
		"2023-04-05", "2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03",
		"2023-06-22", "2023-06-23", "2023-06-24", "2023-09-29", "2023-09-30", "2023-10-01", "2023-10-02", "2023-10-03",
		"2023-10-04", "2023-10-05", "2023-10-06"),
	Workdays: ds("2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08")}

func TestAddWorkdaysOnTheCalendar(t *testing.T) {
	c := NewCalendar(cal2023)
	cases := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"domain.md: 7 working days with 2023-04-05 a holiday", "2023-03-28", 7, "2023-04-07"},
		{"counting starts the day after", "2023-03-06", 1, "2023-03-07"},
		{"Friday + 1 is Monday", "2023-03-10", 1, "2023-03-13"},
		{"from a Saturday", "2023-03-11", 1, "2023-03-13"},
		{"调休 Sunday 2023-04-23 is a working day", "2023-04-21", 1, "2023-04-23"},
		{"across the May Day break and its 调休 Saturday", "2023-04-27", 3, "2023-05-05"},
		{"May Day break then 2023-05-06 (Saturday, worked)", "2023-04-27", 4, "2023-05-06"},
		{"Spring Festival: 调休 weekend after the break", "2023-01-19", 2, "2023-01-28"},
		{"National Day: 7 working days from 2023-09-27", "2023-09-27", 7, "2023-10-12"},
		{"year end into a year not kept: Monday to Friday", "2023-12-28", 3, "2024-01-02"},
	}
	for _, tc := range cases {
		if got := c.AddWorkdays(d(tc.from), tc.n); got != d(tc.want) {
			t.Errorf("%s: %s + %d working days = %s, want %s", tc.name, tc.from, tc.n, got, tc.want)
		}
	}
}

func TestAddMonthsKeepsTheDayOrTheMonthEnd(t *testing.T) {
	cases := []struct {
		from string
		n    int
		want string
	}{
		{"2023-11-30", 3, "2024-02-29"}, // domain.md: leap year
		{"2022-11-30", 3, "2023-02-28"},
		{"2023-03-28", 3, "2023-06-28"},
		{"2023-03-31", 3, "2023-06-30"},
		{"2023-08-31", 6, "2024-02-29"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 1, "2024-03-29"},
		{"2023-01-31", 1, "2023-02-28"},
		{"2023-10-31", 3, "2024-01-31"},
		{"2023-12-15", 1, "2024-01-15"},
		{"2099-12-31", 2, "2100-02-28"}, // 2100 is not a leap year
	}
	for _, tc := range cases {
		if got := AddMonths(d(tc.from), tc.n); got != d(tc.want) {
			t.Errorf("%s + %d months = %s, want %s", tc.from, tc.n, got, tc.want)
		}
	}
}

func TestYearCalendarRefusals(t *testing.T) {
	cases := []struct {
		name string
		c    YearCalendar
		want string
	}{
		{"both holiday and workday", YearCalendar{Year: 2023, Holidays: ds("2023-04-23"), Workdays: ds("2023-04-23")}, "both a holiday and a workday"},
		{"outside the year", YearCalendar{Year: 2023, Holidays: ds("2024-01-01")}, "is not in 2023"},
		{"twice", YearCalendar{Year: 2023, Holidays: ds("2023-04-05", "2023-04-05")}, "listed twice"},
		{"weekday workday", YearCalendar{Year: 2023, Workdays: ds("2023-04-24")}, "already a working day"},
		{"month only", YearCalendar{Year: 2023, Holidays: []Date{{Year: 2023, Month: 4}}}, "must be a day"},
		{"bad year", YearCalendar{Year: 1999}, "between 2000 and 2100"},
	}
	for _, tc := range cases {
		err := tc.c.Validate()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
	ok := cal2023
	if err := ok.Validate(); err != nil {
		t.Fatalf("the 2023 calendar is valid: %v", err)
	}
}

func TestWorkdaysBetween(t *testing.T) {
	c := NewCalendar(cal2023)
	if n := c.WorkdaysBetween(d("2023-03-28"), d("2023-04-07")); n != 7 {
		t.Errorf("got %d, want 7", n)
	}
	if n := c.WorkdaysBetween(d("2023-04-07"), d("2023-03-28")); n != 0 {
		t.Errorf("got %d, want 0", n)
	}
}

// The deadline table of a suggestion on the 2023 calendar: domain.md's
// examples, month ends, leap years and 调休 weekends.
func TestSuggestionDeadlineTable(t *testing.T) {
	c := NewCalendar(cal2023)
	cases := []struct {
		name                                      string
		from                                      string
		returnBy, coView, answer, extended, again string
	}{
		{"domain.md: 7 working days over Qingming", "2023-03-28", "2023-04-07", "2023-04-28", "2023-06-28", "2023-09-28", "2023-04-28"},
		{"domain.md: 3 months into a leap February", "2023-11-30", "2023-12-11", "2023-12-30", "2024-02-29", "2024-05-30", "2023-12-30"},
		{"month end: 31st to shorter months", "2023-08-31", "2023-09-11", "2023-09-30", "2023-11-30", "2024-02-29", "2023-09-30"},
		{"Spring Festival: the 调休 weekend counts", "2023-01-20", "2023-02-03", "2023-02-20", "2023-04-20", "2023-07-20", "2023-02-20"},
		{"May Day: the 调休 Sunday before counts", "2023-04-21", "2023-05-04", "2023-05-21", "2023-07-21", "2023-10-21", "2023-05-21"},
		{"May Day: the 调休 Saturday after is the 7th", "2023-04-24", "2023-05-06", "2023-05-24", "2023-07-24", "2023-10-24", "2023-05-24"},
		{"National Day: eight days off, then 调休", "2023-09-27", "2023-10-12", "2023-10-27", "2023-12-27", "2024-03-27", "2023-10-27"},
		{"a year not kept: Monday to Friday", "2022-11-30", "2022-12-09", "2022-12-30", "2023-02-28", "2023-05-30", "2022-12-30"},
		{"31 January: February's end", "2023-01-31", "2023-02-09", "2023-02-28", "2023-04-30", "2023-07-31", "2023-02-28"},
		{"29 February: a year on there is none", "2024-02-29", "2024-03-11", "2024-03-29", "2024-05-29", "2024-08-29", "2024-03-29"},
	}
	for _, tc := range cases {
		got := SuggestionDeadlines(c, d(tc.from))
		want := Deadlines{From: d(tc.from), ReturnBy: d(tc.returnBy), CoViewDue: d(tc.coView), AnswerDue: d(tc.answer), ExtendedDue: d(tc.extended), AgainDue: d(tc.again)}
		if got != want {
			t.Errorf("%s: from %s\n got %+v\nwant %+v", tc.name, tc.from, got, want)
		}
	}
}
