package excel

import (
	"fmt"

	"qianxiang"
)

// DispatchSheetProjects lists every project with its light and why.
const DispatchSheetProjects = "全部项目亮灯情况"

var dispatchLightNames = map[qianxiang.Light]string{
	qianxiang.LightGreen: "绿灯", qianxiang.LightYellow: "黄灯", qianxiang.LightRed: "红灯",
}

// dispatchWhy says in the office's words why a project has its light: the
// branch of the light rule (light.go) that decided it.
func dispatchWhy(l qianxiang.ProjectLight, p qianxiang.DispatchProject, timeProgress string) string {
	switch l.Why {
	case qianxiang.ReasonOverdueStart:
		return fmt.Sprintf("应开未开：计划%s开工，尚未开工", p.PlannedStart)
	case qianxiang.ReasonBehindSchedule:
		return fmt.Sprintf("投资进度滞后：完成率低于时序进度（%s）超过黄灯区间", timeProgress)
	case qianxiang.WhyWithinBand:
		return fmt.Sprintf("完成率低于时序进度（%s），在黄灯区间内", timeProgress)
	case qianxiang.WhyOnSchedule:
		return fmt.Sprintf("完成率达到时序进度（%s）", timeProgress)
	case qianxiang.WhyStartNotDue:
		return fmt.Sprintf("未到计划开工时间（%s）", p.PlannedStart)
	case qianxiang.WhyNoPlan:
		return "无年度计划投资，按开工情况亮灯"
	}
	return ""
}

// allProjects writes every project of the dispatch, by county and name,
// with its figures, its light for month N and the reason for it.
func (b *dispatchBook) allProjects(d *qianxiang.Dispatch) {
	const sh = DispatchSheetProjects
	b.newSheet(sh)
	header := []any{"序号", "项目名称", "县（市、区）", "责任单位", "项目类型", "年度计划投资（万元）", "累计完成投资（万元）", "投资完成率", "本月报送", "亮灯", "亮灯原因"}
	last := dispatchCol(len(header))
	tp := dispatchPctText(d.TimeProgress)
	b.title(sh, "A1", last+"1", fmt.Sprintf("全部项目亮灯情况（%d年%s，共%d个）", d.Year, dispatchMonths(d.Month), len(d.Lines)))
	b.merge(sh, "A2", last+"2", fmt.Sprintf("亮灯规则与调度通报相同：截至%d月，时序进度%s。", d.Month, tp), b.st.note)
	b.row(sh, 3, dispatchHeader, header...)
	for i, ln := range d.Lines {
		p, l := ln.Project, ln.Light
		var rate any = "—"
		if l.HasRate {
			rate = dispatchPct(qianxiang.Fraction(l.Rate))
		}
		reported := "未报"
		if l.Reported {
			reported = "已报"
		}
		b.row(sh, 4+i, dispatchBody, i+1, p.Name, p.Org.Name, p.LeadOrg.Name, dispatchKindNames[p.Kind],
			p.AnnualPlan, l.CompletedYTD, rate, reported, dispatchLightNames[l.Light], dispatchWhy(l, p, tp))
	}
	b.none(sh, 4, len(d.Lines), last)
	b.widths(sh, 6, 40, 12, 16, 9, 14, 14, 10, 8, 6, 40)
	b.freeze(sh, 3)
	b.printSetup(sh, 3)
}
