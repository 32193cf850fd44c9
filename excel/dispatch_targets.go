package excel

import (
	"fmt"

	"qianxiang"
)

// DispatchSheetTargets is the sheet of progress against assigned targets.
const DispatchSheetTargets = "目标任务完成情况"

var dispatchQuarterNames = map[string]string{"strong_start": "开门红", "every_quarter": "季季红", "whole_year": "全年红"}

// targets writes each organisation with an assigned target (分解下达)
// against it, and at months 3, 6, 9, 12 whether its completion rate reached
// time progress. Nothing is written when no target is set.
func (b *dispatchBook) targets(d *qianxiang.Dispatch) {
	type line struct {
		name string
		t    qianxiang.DispatchTotals
	}
	var lines []line
	// A county's or department's own workbook: its total is its own
	// target, named after it, and its own row would only repeat it.
	label, own := "全市大会战", ""
	if d.Standing != nil {
		own = d.Standing.Org.Code
		label = d.Standing.Org.Name + "合计"
	}
	if d.Total.Target != nil {
		lines = append(lines, line{label, d.Total})
	}
	// Unlisted: given a target, no project yet (the city's view only).
	for _, rows := range [][]qianxiang.OrgDispatch{d.ByOrg, d.Departments(), d.Unlisted} {
		for _, o := range rows {
			if o.Target != nil && (o.Org.Code != own || d.Total.Target == nil) {
				lines = append(lines, line{o.Org.Name, o.DispatchTotals})
			}
		}
	}
	if len(lines) == 0 {
		return
	}
	const sh = DispatchSheetTargets
	b.newSheet(sh)
	header := []any{"单位", "项目数", "目标项目数", "年度计划投资（万元）", "下达目标投资（万元）", "累计完成投资（万元）", "目标完成率", "投资完成率", "新开工项目已开工", "目标新开工"}
	if d.Quarter != "" {
		header = append(header, dispatchQuarterNames[d.Quarter])
	}
	last := dispatchCol(len(header))
	b.title(sh, "A1", last+"1", fmt.Sprintf("目标任务完成情况（%d年%s）", d.Year, dispatchMonths(d.Month)))
	b.merge(sh, "A2", last+"2", fmt.Sprintf("目标完成率＝累计完成投资÷下达目标投资；时序进度：%s", dispatchPctText(d.TimeProgress)), b.st.note)
	b.row(sh, 3, dispatchHeader, header...)
	for i, l := range lines {
		v := []any{l.name, l.t.Projects, l.t.Target.Projects, l.t.AnnualPlan, l.t.Target.AnnualPlan, l.t.CompletedYTD,
			dispatchOptPct(l.t.TargetRate), dispatchPct(l.t.CompletionRate), l.t.StartedNewProjects, ""}
		if n := l.t.Target.NewStarts; n != nil {
			v[9] = *n
		}
		if q := l.t.QuarterMet; q != nil {
			v = append(v, map[bool]string{true: "达到时序进度", false: "未达到"}[*q])
		}
		kind := dispatchBody
		if i == 0 && d.Total.Target != nil {
			kind = dispatchTotal
		}
		b.row(sh, 4+i, kind, v...)
	}
	b.widths(sh, 18, 8, 10, 16, 16, 16, 10, 10, 12, 10, 12)
	b.freeze(sh, 3)
	b.printSetup(sh, 3)
}
