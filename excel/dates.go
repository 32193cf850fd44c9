package excel

import (
	"errors"
	"regexp"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// cellFormat is what a cell's number format says about a numeric value.
type cellFormat int

const (
	fmtPlain cellFormat = iota
	fmtDate             // a day: yyyy-mm-dd, m/d/yy …
	fmtMonth            // a month without a day: yyyy"年"m"月", mmm-yy
)

var (
	errNoMonth = errors.New("no month")
	errBadDate = errors.New("not a date")

	// 2023.3, 2023.03, 2023年3月, 2023-3, 2023/3, 2023年3月底 …
	monthText = regexp.MustCompile(`^(\d{4})(?:年|[.\-/])(\d{1,2})(?:月(?:份|底|末|初|上旬|中旬|下旬)?)?$`)
	// 2023/3/15, 2023年3月15日, 2023-03-15 00:00:00 …
	dayText = regexp.MustCompile(`^(\d{4})(?:年|[.\-/])(\d{1,2})(?:月|[.\-/])(\d{1,2})日?(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$`)
	// 202303 and 20230315, as some systems export them.
	packedDate = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})?$`)
	yearOnly   = regexp.MustCompile(`^(\d{4})年?$`)
	serialText = regexp.MustCompile(`^\d{5}(\.\d+)?$`)
	// 2023-2025, 2023年—2025年, 2023.3-2025.12, 2023至2025 in a 建设起止年限 column.
	spanText = regexp.MustCompile(`^(\d{4})年?(?:(?:年|[./\-])(\d{1,2})月?)?(?:[\-~至到—–―])(\d{4})年?(?:(?:年|[./\-])(\d{1,2})月?)?$`)
)

// parseDate reads a date cell. raw is the stored value; format says how the
// workbook displays a number, so that a serial shown as 2023年3月 is read
// as that month. A day-less spelling gives a month-only date (Day 0).
func parseDate(raw string, format cellFormat, date1904 bool) (d qianxiang.Date, empty bool, err error) {
	t := squeeze(halfWidth(raw))
	if emptyAmount[t] {
		return d, true, nil
	}
	if m := dayText.FindStringSubmatch(t); m != nil {
		d, err = makeDate(m[1], m[2], m[3])
		return d, false, err
	}
	if m := monthText.FindStringSubmatch(t); m != nil {
		d, err = makeDate(m[1], m[2], "")
		return d, false, err
	}
	if m := packedDate.FindStringSubmatch(t); m != nil && m[1] >= "1950" && m[1] <= "2100" {
		d, err = makeDate(m[1], m[2], m[3])
		return d, false, err
	}
	if yearOnly.MatchString(t) {
		return d, false, errNoMonth
	}
	if serialText.MatchString(t) {
		return serialDate(t, format, date1904)
	}
	return d, false, errBadDate
}

// serialDate converts an Excel serial day number (44966 = 2023-02-09).
func serialDate(t string, format cellFormat, date1904 bool) (qianxiang.Date, bool, error) {
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 18000 || f > 73000 { // 1949 … 2099: anything else is not a plan date
		return qianxiang.Date{}, false, errBadDate
	}
	tm, err := excelize.ExcelDateToTime(f, date1904)
	if err != nil {
		return qianxiang.Date{}, false, errBadDate
	}
	d := qianxiang.DateOf(tm)
	if format == fmtMonth {
		d.Day = 0
	}
	return d, false, nil
}

// makeDate checks a year, month and optional day; an empty day gives a
// month-only date.
func makeDate(ys, ms, ds string) (qianxiang.Date, error) {
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	if y < 1950 || y > 2100 || m < 1 || m > 12 {
		return qianxiang.Date{}, errBadDate
	}
	d := qianxiang.Date{Year: y, Month: m}
	if ds == "" {
		return d, nil
	}
	day, _ := strconv.Atoi(ds)
	if day < 1 || day > daysIn(y, m) {
		return qianxiang.Date{}, errBadDate
	}
	d.Day = day
	return d, nil
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseSpan reads a 建设起止年限 cell. It gives the start and end as
// month-only dates: a bare start year means its January, a bare end year
// its December, the widest reading of "2023-2025".
func parseSpan(raw string) (start, end qianxiang.Date, empty bool, err error) {
	t := squeeze(halfWidth(raw))
	if emptyAmount[t] {
		return start, end, true, nil
	}
	if m := yearOnly.FindStringSubmatch(t); m != nil {
		t = m[1] + "-" + m[1]
	}
	m := spanText.FindStringSubmatch(t)
	if m == nil {
		return start, end, false, errBadDate
	}
	if m[2] == "" {
		m[2] = "1"
	}
	if m[4] == "" {
		m[4] = "12"
	}
	if start, err = makeDate(m[1], m[2], ""); err != nil {
		return start, end, false, err
	}
	if end, err = makeDate(m[3], m[4], ""); err != nil {
		return start, end, false, err
	}
	if end.MonthIndex() < start.MonthIndex() {
		return start, end, false, errBadDate
	}
	return start, end, false, nil
}
