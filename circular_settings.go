package qianxiang

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// CircularSettings are how the campaign office heads and closes its printed
// circular (调度通报), as a real 公文 is: the issuing body's full name, the
// 文号 pattern, and the 报/送/发 distribution and 印发 line at the end.
type CircularSettings struct {
	Issuer       string `json:"issuer"`        // 发文机关全称
	NumberFormat string `json:"number_format"` // 文号: {year} and {n} are replaced
	Report       string `json:"report"`        // 报：superiors the circular is reported to
	Send         string `json:"send"`          // 送：leaders it is sent to
	Distribute   string `json:"distribute"`    // 发：units it is issued to
	PrintedBy    string `json:"printed_by"`    // 印发机关; empty: the issuer
}

// DefaultCircularSettings are the words of the city's own circulars: the
// headquarters office of the campaign, and a 文号 abbreviated from the
// city's first character (吕梁市 → 吕千项办〔2026〕N号).
func DefaultCircularSettings(city string) CircularSettings {
	abbr := ""
	if r, _ := utf8.DecodeRuneInString(city); r != utf8.RuneError {
		abbr = string(r)
	}
	return CircularSettings{
		Issuer:       city + "“千项千亿”项目建设大会战指挥部办公室",
		NumberFormat: abbr + "千项办〔{year}〕{n}号",
		Report:       "市委、市人大、市政府、市政协主要领导",
		Send:         "市大会战指挥部各位领导",
		Distribute:   "各县（市、区）人民政府，市直各有关单位",
	}
}

// Validate cleans the settings (CleanText) and names every faulty field.
func (s *CircularSettings) Validate() error {
	ds := CleanTexts("circular.issuer", &s.Issuer, "circular.number_format", &s.NumberFormat,
		"circular.report", &s.Report, "circular.send", &s.Send, "circular.distribute", &s.Distribute,
		"circular.printed_by", &s.PrintedBy)
	if s.Issuer == "" && !hasField(ds, "circular.issuer") {
		ds = append(ds, Detail{Field: "circular.issuer", Format: "is required: the issuing body's full name"})
	}
	if !hasField(ds, "circular.number_format") && s.NumberFormat != "" && !strings.Contains(s.NumberFormat, "{n}") {
		ds = append(ds, Detail{Field: "circular.number_format", Format: "must contain {n}, the issue number (and may contain {year})"})
	}
	if len(ds) == 0 {
		return nil
	}
	e := FieldError(ds[0].Field, ds[0].Format, ds[0].Args...)
	e.Details = ds
	return e
}

// DocNumber gives the 文号 of issue n of year ("" without a pattern).
func (s CircularSettings) DocNumber(year, n int) string {
	if s.NumberFormat == "" || n <= 0 {
		return ""
	}
	return strings.NewReplacer("{year}", fmt.Sprint(year), "{n}", fmt.Sprint(n)).Replace(s.NumberFormat)
}

// Printer is the 印发机关: the printed_by setting, else the issuer.
func (s CircularSettings) Printer() string {
	if s.PrintedBy != "" {
		return s.PrintedBy
	}
	return s.Issuer
}

// CircularIssue is the number (第N期) and date a month's circular was
// issued under. Numbers count the circulars of a year, not the months: an
// office that skipped a month, or issued twice, numbers on.
type CircularIssue struct {
	Month    int  `json:"month"`
	Number   int  `json:"number"`
	IssuedOn Date `json:"issued_on"`
}

// CircularIssues are the issues of one year, by month.
type CircularIssues []CircularIssue

// For gives month's issue: the stored one, else the next number of the
// year after the months before it (1 for the year's first), not yet kept.
func (is CircularIssues) For(month int) (iss CircularIssue, kept bool) {
	last := 0
	for _, x := range is {
		if x.Month == month {
			return x, true
		}
		if x.Month < month {
			last = max(last, x.Number)
		}
	}
	return CircularIssue{Month: month, Number: last + 1}, false
}

// Set keeps month's issue; a number another month of the year holds is
// refused, naming that month.
func (is CircularIssues) Set(year int, x CircularIssue) (CircularIssues, error) {
	var ds []Detail
	if x.Month < 1 || x.Month > 12 {
		ds = append(ds, Detail{Field: "month", Format: "must be between 1 and 12"})
	}
	if x.Number < 1 || x.Number > 999 {
		ds = append(ds, Detail{Field: "issue_no", Format: "must be a whole number from 1 to 999"})
	}
	if !x.IssuedOn.IsZero() && (x.IssuedOn.Year < year || x.IssuedOn.Year > year+1 || x.IssuedOn.Day == 0) {
		ds = append(ds, Detail{Field: "issued_on", Format: "must be a date in %d or early %d", Args: []any{year, year + 1}})
	}
	for _, o := range is {
		if o.Month != x.Month && o.Number == x.Number && len(ds) == 0 {
			ds = append(ds, Detail{Field: "issue_no", Format: "No. %d of %d is already the circular of month %d", Args: []any{x.Number, year, o.Month}})
		}
	}
	if len(ds) > 0 {
		e := FieldError(ds[0].Field, ds[0].Format, ds[0].Args...)
		e.Details = ds
		return is, e
	}
	out := slices.DeleteFunc(slices.Clone(is), func(o CircularIssue) bool { return o.Month == x.Month })
	out = append(out, x)
	slices.SortFunc(out, func(a, b CircularIssue) int { return a.Month - b.Month })
	return out, nil
}
