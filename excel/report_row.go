package excel

import (
	"strings"

	"qianxiang"
)

// row reads the report on row r; ok is false when it names no project.
func (p *reportReader) row(r int) (ReportRow, bool) {
	get := func(f field) string { return p.l.cell(p.t, r, f) }
	out := ReportRow{Row: r + 1}
	pr := p.project(r)
	if pr != nil {
		if first, dup := p.seen[pr]; dup {
			p.fail(r, fName, "%s is already reported on row %d", pr.Name, first+1)
		}
		p.seen[pr] = r
		out.ProjectID = pr.ID
	}

	c := p.l.by[fCompleted]
	m, _, err := parseAmount(get(fCompleted), c.factor)
	switch {
	case err != nil:
		format, args := amountProblem(get(fCompleted), c.unit, err)
		p.fail(r, fCompleted, format, args...)
	case m < 0:
		p.fail(r, fCompleted, "the amount completed this month %s is negative", m)
	}
	out.Completed = m
	if pr != nil && err == nil {
		p.checkYTD(r, pr, m)
	}

	p.started(r, &out)
	out.Progress = strings.TrimSpace(get(fProgress))
	if out.Problem = strings.TrimSpace(get(fProblem)); emptyAmount[compact(out.Problem)] {
		out.Problem = ""
	}
	return out, pr != nil
}

// project finds the plan's project a row reports on: by code when the
// row has one, else by name within the county.
func (p *reportReader) project(r int) *qianxiang.Project {
	get := func(f field) string { return p.l.cell(p.t, r, f) }
	code := strings.NewReplacer("—", "-", "–", "-").Replace(compact(plainText(get(fCode))))
	if code != "" {
		if pr := p.byCode[code]; pr != nil {
			return pr
		}
		p.fail(r, fCode, "no project of the %d plan has the code %s", p.year, code)
		return nil
	}
	name := oneLine(get(fName))
	if name == "" {
		p.fail(r, fName, "the row names no project: 项目代码 and 项目名称 are empty")
		return nil
	}
	cands := p.byName[compact(name)]
	if county := oneLine(get(fCounty)); county != "" {
		res := p.orgs.resolve(county)
		if res.org == nil {
			format, args := orgProblem("county", county, res)
			p.fail(r, fCounty, format, args...)
			return nil
		}
		var in []*qianxiang.Project
		for _, pr := range cands {
			if pr.Org.ID == res.org.ID {
				in = append(in, pr)
			}
		}
		if len(in) == 1 {
			return in[0]
		}
		p.fail(r, fName, "no single project named %s in %s is in the %d plan", name, res.org.Name, p.year)
		return nil
	}
	if len(cands) == 1 {
		return cands[0]
	}
	p.fail(r, fName, "no single project named %s is in the %d plan: give its county or code", name, p.year)
	return nil
}

// checkYTD compares a 累计完成投资 cell with the months before plus this
// one.
func (p *reportReader) checkYTD(r int, pr *qianxiang.Project, month qianxiang.Money) {
	c := p.l.by[fYTD]
	if c == nil || p.opt.PriorYTD == nil && p.month != 1 {
		return
	}
	raw := p.t.get(r, c.idx)
	ytd, empty, err := parseAmount(raw, c.factor)
	switch {
	case empty:
	case err != nil:
		format, args := amountProblem(raw, c.unit, err)
		p.fail(r, fYTD, format, args...)
	case ytd != p.opt.PriorYTD[pr.ID]+month:
		p.fail(r, fYTD, "the cumulative %s is not months 1-%d as reported (%s) plus this month (%s)",
			ytd, p.month-1, p.opt.PriorYTD[pr.ID], month)
	}
}

// started reads 是否开工 and 开工时间: a start date with an empty 是否开工
// means started; a date with 否 contradicts itself.
func (p *reportReader) started(r int, out *ReportRow) {
	raw := p.l.cell(p.t, r, fStarted)
	yes, ok := truthy(raw)
	if !ok {
		p.fail(r, fStarted, "%q is neither 是 nor 否", strings.TrimSpace(raw))
	}
	out.Started = yes
	c := p.l.by[fStartedOn]
	if c == nil {
		return
	}
	v := p.t.get(r, c.idx)
	format := fmtPlain
	if serialText.MatchString(strings.TrimSpace(v)) {
		format = p.t.cellFormat(r, c.idx)
	}
	d, empty, err := parseDate(v, format, p.t.date1904)
	switch {
	case empty:
		return
	case err != nil:
		p.fail(r, fStartedOn, "%q is not a date: write the start as 2023-03-15 or 2023年3月", strings.TrimSpace(v))
		return
	case ok && !yes && compact(raw) != "":
		p.fail(r, fStartedOn, "a start date is given but 是否开工 says %s", strings.TrimSpace(raw))
	}
	out.Started, out.StartedOn = true, d
	if p.year != 0 && d.MonthIndex() > (qianxiang.Date{Year: p.year, Month: p.month}).MonthIndex() {
		p.warnAt(r, fStartedOn, "the start %s is after the month reported (%d-%02d)", d, p.year, p.month)
	}
}
