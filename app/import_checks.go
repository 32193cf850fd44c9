package app

import (
	"strings"
	"unicode"

	"qianxiang"
	"qianxiang/excel"
)

// checkImportedProjects applies the domain's rules to each row of a
// project list, so that an imported project meets the same limits as one
// created through the API or the form (the one definition in
// qianxiang.TextRules and the amount bounds). Each row's project is
// normalised in place. A row the reader already refused gets only its text
// faults added: the reader's own messages name its other faults better.
func checkImportedProjects(cityCode string, rows []ImportRow, already []qianxiang.Detail) []qianxiang.Detail {
	failed := map[int]bool{}
	for _, d := range already {
		failed[d.Row] = true
	}
	var out []qianxiang.Detail
	for i := range rows {
		e := qianxiang.AsError(rows[i].Project.Validate(cityCode))
		if e == nil {
			continue
		}
		for _, d := range e.Details {
			if failed[rows[i].Row] && !isTextField(d.Field) {
				continue
			}
			d.Row = rows[i].Row
			out = append(out, d)
		}
	}
	return out
}

func isTextField(field string) bool {
	_, ok := qianxiang.TextRules[field]
	return ok || strings.HasPrefix(field, "team[") || strings.HasPrefix(field, "extra.")
}

// checkImportedReports applies to each row of a 调度表 the rules a report
// saved through the API meets: its texts' limits and the amount's bounds
// against the project's total investment (prior: the year to date before
// the month). Rows are normalised in place.
func checkImportedReports(imp *excel.ReportImport, projects map[int64]qianxiang.Project, prior map[int64]qianxiang.Money) []qianxiang.Detail {
	var out []qianxiang.Detail
	for i := range imp.Rows {
		row := &imp.Rows[i]
		for _, f := range []struct {
			field string
			v     *string
		}{{"progress", &row.Progress}, {"problem", &row.Problem}} {
			v, d := qianxiang.CleanText(f.field, *f.v)
			if d != nil {
				d.Row = row.Row
				out = append(out, *d)
				continue
			}
			*f.v = v
		}
		p, ok := projects[row.ProjectID]
		if !ok {
			continue
		}
		if d := qianxiang.CheckCompleted("completed", row.Completed, prior[row.ProjectID], p.TotalInvestment); d != nil {
			d.Row = row.Row
			out = append(out, *d)
		}
	}
	return out
}

// dropControl removes a control character (for strings.Map).
func dropControl(r rune) rune {
	if unicode.Is(unicode.Cc, r) {
		return -1
	}
	return r
}
