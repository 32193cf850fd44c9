package excel

import (
	"strings"

	"qianxiang"
)

// dates reads the planned start and end, and the 建设起止年限 span that
// stands in for them where they are not given. A new project needs its
// start month: the lights of the dispatch depend on it, so a start year
// from a span is not enough.
func (p *projectReader) dates(r int, pr *qianxiang.Project) {
	start, startOK := p.date(r, fStart)
	end, endOK := p.date(r, fEnd)
	var spanStart, spanEnd qianxiang.Date
	if raw := p.l.cell(p.t, r, fSpan); raw != "" {
		s, e, empty, err := parseSpan(raw)
		switch {
		case err != nil:
			p.fail(r, fSpan, "%q is not a span of years such as 2023-2025", strings.TrimSpace(raw))
		case !empty:
			spanStart, spanEnd = s, e
		}
	}
	if start.IsZero() && startOK && pr.Kind != qianxiang.KindNew {
		start = spanStart
	}
	if end.IsZero() && endOK {
		end = spanEnd
	}
	pr.PlannedStart, pr.PlannedEnd = start, end
	switch {
	case pr.Kind != qianxiang.KindNew || !startOK:
	case start.IsZero():
		p.fail(r, fStart, "a new project (新开工) needs its planned start month")
	case start.Year != p.year:
		p.warn(r, fStart, "a new project of the %d plan is planned to start in %s", p.year, start)
	}
	if !start.IsZero() && !end.IsZero() && end.MonthIndex() < start.MonthIndex() {
		p.warn(r, fEnd, "the planned end %s is before the planned start %s", end, start)
	}
}

// date reads a date cell; ok is false when the cell holds something that
// is not a date (the fault is recorded).
func (p *projectReader) date(r int, f field) (qianxiang.Date, bool) {
	c := p.l.by[f]
	if c == nil {
		return qianxiang.Date{}, true
	}
	raw := p.t.get(r, c.idx)
	format := fmtPlain
	if serialText.MatchString(strings.TrimSpace(raw)) {
		format = p.t.cellFormat(r, c.idx)
	}
	d, _, err := parseDate(raw, format, p.t.date1904)
	switch {
	case err == errNoMonth:
		p.fail(r, f, "%q gives no month: write the %s as 2023年3月 or 2023-03-15", strings.TrimSpace(raw), fieldLabel(f))
	case err != nil:
		p.fail(r, f, "%q is not a date: write the %s as 2023年3月 or 2023-03-15", strings.TrimSpace(raw), fieldLabel(f))
	default:
		return d, true
	}
	return d, false
}
