package excel

import (
	"io"
	"strconv"
	"strings"

	"qianxiang"
)

// ReadTargets reads the office's table of assigned targets (分解下达): one
// row per county or department with its projects, annual investment (万元,
// or 亿元 when the header says so) and new starts, found by their headers;
// a row named 合计, 全市 or 大会战 is the campaign's own target. Every
// fault is named by row and column; nothing is returned with a fault.
func ReadTargets(r io.Reader, filename string, orgs []qianxiang.Org) (qianxiang.Targets, error) {
	var out qianxiang.Targets
	wb, err := readWorkbook(r, filename)
	if err != nil {
		return out, err
	}
	defer wb.close()
	t, err := wb.load(wb.sheets[0], 0)
	if err != nil {
		return out, err
	}
	head, orgCol, projCol, planCol, newCol := -1, -1, -1, -1, -1
	factor := int64(1)
	for row := 0; row < min(len(t.rows), 12) && head < 0; row++ {
		o, p, pl, n := -1, -1, -1, -1
		for c := range t.rows[row] {
			h := compact(oneLine(t.get(row, c)))
			switch {
			case strings.Contains(h, "新开工"):
				n = c
			case strings.Contains(h, "投资"):
				pl = c
				if unitOf(h) == "亿元" {
					factor = 10000
				}
			case strings.Contains(h, "项目"):
				p = c
			case strings.Contains(h, "单位") || strings.Contains(h, "县") || strings.Contains(h, "部门"):
				o = c
			}
		}
		if o >= 0 && pl >= 0 {
			head, orgCol, projCol, planCol, newCol = row, o, p, pl, n
		}
	}
	if head < 0 {
		return out, unreadable("%s has no header row with an organisation column (单位) and an investment column (年度投资)", displayName(filename))
	}
	ix := newOrgIndex(orgs)
	var ds []qianxiang.Detail
	fault := func(row, col int, field, format string, args ...any) {
		ds = append(ds, qianxiang.Detail{Row: row + 1, Column: columnName(col), Header: oneLine(t.get(head, col)), Field: field, Format: format, Args: args})
	}
	count := func(row, col int, field string) int {
		v := compact(t.get(row, col))
		if col < 0 || emptyAmount[v] {
			return 0
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f != float64(int(f)) || f > 1_000_000 {
			fault(row, col, field, "%q is not a whole number", v)
			return 0
		}
		if f < 0 {
			fault(row, col, field, "%q is negative: a target is a count to reach", v)
			return 0
		}
		return int(f)
	}
	for row := head + 1; row < len(t.rows); row++ {
		if t.blank(row) {
			continue
		}
		name := compact(oneLine(t.get(row, orgCol)))
		plan, _, err := parseAmount(t.get(row, planCol), factor)
		if err != nil {
			fault(row, planCol, "annual_plan", "%q is not an amount", t.get(row, planCol))
		} else if plan < 0 {
			fault(row, planCol, "annual_plan", "%q is negative: a target is an amount to reach", t.get(row, planCol))
		}
		switch {
		case name == "":
			fault(row, orgCol, "org", "names no organisation")
		case name == "合计" || name == "总计" || name == "大会战" || cityWide[name]:
			out.Campaign = qianxiang.CampaignTarget{Projects: count(row, projCol, "projects"), AnnualPlan: plan}
		default:
			res := ix.resolve(name)
			if res.org == nil || (res.org.Kind != qianxiang.OrgCounty && res.org.Kind != qianxiang.OrgDepartment) {
				f, a := orgProblem("organisation", name, res)
				ds = append(ds, qianxiang.Detail{Row: row + 1, Column: columnName(orgCol), Header: oneLine(t.get(head, orgCol)), Field: "org", Format: f, Args: a})
				continue
			}
			out.Orgs = append(out.Orgs, qianxiang.OrgTarget{Org: res.org.Code, Name: res.org.Name, Projects: count(row, projCol, "projects"),
				AnnualPlan: plan, NewStarts: count(row, newCol, "new_starts")})
		}
	}
	if len(ds) > 0 {
		e := qianxiang.Errorf(qianxiang.EValidation, "%d faults in the targets", len(ds))
		e.Details = ds
		return qianxiang.Targets{}, e
	}
	return out, nil
}
