package excel

import (
	"strings"

	"qianxiang"
)

// project reads the project on row r, recording every fault of the row;
// amountsOK reports that both amounts were read, for the subtotal checks.
func (p *projectReader) project(r int) (pr qianxiang.Project, amountsOK bool) {
	get := func(f field) string { return p.l.cell(p.t, r, f) }
	pr.Year = p.year

	if pr.Name = oneLine(get(fName)); pr.Name == "" {
		p.fail(r, fName, "the project name is empty")
	}
	pr.Code = p.code(r, get(fCode))
	pr.Owner = oneLine(plainText(get(fOwner)))

	county := oneLine(get(fCounty))
	if county == "" {
		p.fail(r, fCounty, "the county (县（市、区）) is empty")
	} else if o := p.org(r, fCounty, "county", county); o != nil {
		pr.Org, pr.OrgPath = o.Ref(), o.Path
		pr.LeadOrg, pr.LeadOrgPath = pr.Org, pr.OrgPath
	}
	if lead := oneLine(get(fLeadOrg)); lead != "" {
		if o := p.org(r, fLeadOrg, "lead organisation", lead); o != nil {
			pr.LeadOrg, pr.LeadOrgPath = o.Ref(), o.Path
		}
	}

	pr.Kind = p.kindOf(r, get(fKind))
	pr.Stage = pr.Kind.DefaultStage()
	if !pr.Kind.Valid() {
		pr.Stage = ""
	}
	if pr.Sector = oneLine(get(fSector)); pr.Sector == "" {
		pr.Sector = p.sectionSector()
	}
	pr.Scope = strings.TrimSpace(get(fScope))

	var ok1, ok2 bool
	pr.TotalInvestment, ok1 = p.amount(r, fTotal)
	pr.AnnualPlan, ok2 = p.amount(r, fAnnual)
	amountsOK = ok1 && ok2
	if amountsOK && pr.AnnualPlan > pr.TotalInvestment {
		p.fail(r, fAnnual, "the annual plan %s is greater than the total investment %s", pr.AnnualPlan, pr.TotalInvestment)
	}

	p.dates(r, &pr)
	pr.Leader = oneLine(get(fLeader))
	pr.Contact = oneLine(get(fContact))
	pr.Phone = oneLine(plainText(get(fPhone)))
	if v := get(fInStats); v != "" {
		yes, ok := truthy(v)
		if !ok {
			p.warn(r, fInStats, "%q is neither 是 nor 否; read as 否", v)
		}
		pr.InStats = yes
	}
	pr.Notes = strings.TrimSpace(get(fNotes))
	pr.Extra = p.extra(r)
	pr.Classes = p.classes(r)

	p.duplicates(r, pr)
	return pr, amountsOK
}

// code checks a project code's form and place, and that no earlier row
// has it. A code is kept even when faulty, so the preview shows it.
func (p *projectReader) code(r int, raw string) string {
	code := strings.NewReplacer("—", "-", "–", "-", "－", "-").Replace(compact(plainText(raw)))
	if code == "" {
		return ""
	}
	if err := qianxiang.CheckProjectCode(code, p.opt.CityCode); err != nil {
		if e := qianxiang.AsError(err); e != nil {
			p.fail(r, fCode, e.Format, e.Args...)
		} else {
			p.fail(r, fCode, "%s", err.Error())
		}
		return code
	}
	if first, dup := p.codes[code]; dup {
		p.fail(r, fCode, "project code %s is also on row %d", code, first+1)
		return code
	}
	p.codes[code] = r
	return code
}

// org resolves a county or lead organisation cell.
func (p *projectReader) org(r int, f field, what, name string) *qianxiang.Org {
	res := p.orgs.resolve(name)
	if res.org == nil {
		format, args := orgProblem(what, name, res)
		p.fail(r, f, format, args...)
	}
	return res.org
}

// kindOf reads the kind cell, falling back on the section heading above.
func (p *projectReader) kindOf(r int, raw string) qianxiang.Kind {
	if v := compact(raw); v != "" {
		if k, ok := qianxiang.ParseKind(v); ok {
			return k
		}
		p.fail(r, fKind, "kind %q is not one of 新开工 (新建), 续建 (在建), 前期", oneLine(raw))
		return ""
	}
	if p.kind == "" {
		p.fail(r, fKind, "the kind is empty and no section heading such as 一、新开工项目 above the row gives it")
	}
	return p.kind
}

// amount reads a required amount cell; ok is false when it has no value.
func (p *projectReader) amount(r int, f field) (qianxiang.Money, bool) {
	c := p.l.by[f]
	raw := p.t.get(r, c.idx)
	m, empty, err := parseAmount(raw, c.factor)
	switch {
	case empty:
		p.fail(r, f, "the %s is empty", fieldLabel(f))
	case err != nil:
		format, args := amountProblem(raw, c.unit, err)
		p.fail(r, f, format, args...)
	case m < 0:
		p.fail(r, f, "the %s %s is negative", fieldLabel(f), m)
	default:
		return m, true
	}
	return m, false
}

// fieldLabel names a field in messages.
func fieldLabel(f field) string {
	switch f {
	case fTotal:
		return "total investment"
	case fAnnual:
		return "annual plan"
	case fStart:
		return "planned start"
	case fEnd:
		return "planned end"
	}
	return strings.ReplaceAll(string(f), "_", " ")
}

// extra keeps the cells of columns the importer does not know, by header.
func (p *projectReader) extra(r int) map[string]string {
	var m map[string]string
	for _, c := range p.l.cols {
		if _, class := p.classColumn(c); c.field != "" || class {
			continue
		}
		v := strings.TrimSpace(p.t.get(r, c.idx))
		if v == "" {
			continue
		}
		if serialText.MatchString(v) && p.t.cellFormat(r, c.idx) != fmtPlain {
			if d, _, err := parseDate(v, p.t.cellFormat(r, c.idx), p.t.date1904); err == nil {
				v = d.String() // a date cell shows a date, not its serial number
			}
		}
		if m == nil {
			m = map[string]string{}
		}
		m[c.header] = v
	}
	return m
}

// duplicates warns of a project listed twice without a code to tell them
// apart.
func (p *projectReader) duplicates(r int, pr qianxiang.Project) {
	if pr.Name == "" || pr.Org == (qianxiang.OrgRef{}) {
		return
	}
	key := compact(pr.Name) + "\x00" + pr.Org.Code
	if first, seen := p.names[key]; seen && (!first.hasCode || pr.Code == "") {
		p.warn(r, fName, "%s in %s is also on row %d, and a project code does not tell them apart", pr.Name, pr.Org.Name, first.row+1)
		return
	}
	p.names[key] = seenName{row: r, hasCode: pr.Code != ""}
}
