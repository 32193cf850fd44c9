package demo

import (
	"context"
	"fmt"

	"qianxiang"
	"qianxiang/app"
)

// The demo's key-task lists: the party committee plenary's 20 tasks and
// the economic work conference's 10, each with a lead, co-organisations and
// a milestone every quarter.
var plenaryTasks = []string{
	"深入实施“千项千亿”项目建设大会战", "加快转型发展重点产业链培育", "推进煤炭清洁高效利用", "实施新能源装机倍增行动",
	"打造特色文旅康养品牌", "推动县域经济高质量发展", "推进城市更新和老旧小区改造", "加快交通基础设施互联互通",
	"实施黄河流域生态保护治理", "推进乡村振兴示范创建", "优化营商环境攻坚", "深化国资国企改革",
	"扩大有效投资和消费", "加强招商引资和项目落地", "提升县域医疗服务能力", "办好教育民生实事",
	"推进数字政府建设", "强化安全生产监管", "加强城乡社区治理", "推进干部作风能力提升",
}

var conferenceTasks = []string{
	"稳住工业经济基本盘", "抓好重大项目集中开工", "推进专项债项目建设", "加快开发区扩区调规",
	"落实减税降费政策", "推进银企对接常态化", "扩大外贸进出口", "实施消费提振行动", "保障重点项目用地", "推进清洁取暖改造",
}

var taskLeads = []string{"141100-FGW", "141100-CGJ", "141100-XQJG", "141100-WJW", "141102", "141121", "141181", "141182"}

func fillTasks(ctx context.Context, a *app.App, sys qianxiang.Actor, today qianxiang.Date, at func(qianxiang.Date), asOrg func(string) qianxiang.Actor) error {
	lists := []struct {
		title, source string
		tasks         []string
	}{
		{fmt.Sprintf("%d年市委全会20项重点任务", today.Year), "市委全会", plenaryTasks},
		{fmt.Sprintf("%d年经济工作会议10项重点工作", today.Year), "经济工作会议", conferenceTasks},
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, o := range orgs {
		names[o.Code] = o.Name
	}
	at(qianxiang.Date{Year: today.Year, Month: 1, Day: 10})
	var all []qianxiang.Task
	for li, l := range lists {
		var rows []app.TaskRow
		for i, title := range l.tasks {
			lead := taskLeads[(i+li)%len(taskLeads)]
			co := taskLeads[(i+li+3)%len(taskLeads)]
			// Each task has a responsible city leader, taken in turn over
			// both lists, so the demo leader (张广勇) has green, yellow and
			// red tasks on the desk's "my tasks".
			t := qianxiang.Task{No: i + 1, Title: title, Leader: leaders[(len(all)+i)%len(leaders)]}
			for q := 0; q < 4; q++ {
				m := 3*q + 1 + (i+li)%3
				t.Milestones = append(t.Milestones, qianxiang.Milestone{Month: fmt.Sprintf("%04d-%02d", today.Year, m),
					Text: []string{"制定实施方案", "完成阶段目标", "推进过半", "完成年度任务"}[q]})
			}
			rows = append(rows, app.TaskRow{Row: i + 3, Task: t, LeadName: names[lead], CoNames: []string{names[co]}})
		}
		made, err := a.ImportTaskList(ctx, sys, qianxiang.TaskList{Year: today.Year, Title: l.title, Source: l.source}, rows)
		if err != nil {
			return fmt.Errorf("demo tasks: %w", err)
		}
		all = append(all, made.Tasks...)
	}
	// A year of monthly progress, reported near each month's end. Every
	// seventh task misses a milestone (red); every fifth loses its
	// co-organisation's report of last month (yellow).
	for m := 1; m < today.Month; m++ {
		at(qianxiang.Date{Year: today.Year, Month: m, Day: 26})
		for i, t := range all {
			key := fmt.Sprintf("%04d-%02d", today.Year, m)
			reach := false
			for _, ms := range t.Milestones {
				reach = reach || ms.Month == key
			}
			reach = reach && !(i%7 == 3 && m >= today.Month-3)
			if _, err := a.ReportTaskProgress(ctx, asOrg(t.LeadOrg.Code), t.ID, app.ProgressIn{Month: key,
				Text: fmt.Sprintf("%d月按计划推进，%s", m, map[bool]string{true: "节点目标已完成。", false: "各项工作有序开展。"}[reach]), MilestoneDone: reach}); err != nil {
				return fmt.Errorf("demo progress: %w", err)
			}
			if i%5 == 2 && m == today.Month-1 {
				continue
			}
			for _, co := range t.CoOrgs {
				if _, err := a.ReportTaskProgress(ctx, asOrg(co.Code), t.ID, app.ProgressIn{Month: key, Text: "积极配合牵头单位推进。"}); err != nil {
					return fmt.Errorf("demo progress: %w", err)
				}
			}
		}
	}
	return nil
}

// fillFactors records approvals, land, funding and bank matchmaking for
// the first projects of a few counties.
func fillFactors(ctx context.Context, a *app.App, sys qianxiang.Actor, today qianxiang.Date, at func(qianxiang.Date),
	daysAgo func(int) qianxiang.Date, first func(string) (qianxiang.Project, error)) error {
	for i, org := range []string{"141102", "141121", "141181", "141182", "141125", "141124"} {
		p, err := first(org)
		if err != nil {
			return err
		}
		at(daysAgo(40))
		approvals := []qianxiang.Approval{
			{Kind: "project_approval", State: qianxiang.ApprovalApproved, StartedOn: daysAgo(90), ApprovedOn: daysAgo(60)},
			{Kind: "land_presite", State: qianxiang.ApprovalApproved, StartedOn: daysAgo(80), ApprovedOn: daysAgo(50)},
			{Kind: "planning_permit", State: qianxiang.ApprovalInProcess, StartedOn: daysAgo(30)},
			{Kind: "eia", State: qianxiang.ApprovalInProcess, StartedOn: daysAgo(28)},
			{Kind: "energy", State: qianxiang.ApprovalTolerated, StartedOn: daysAgo(25), Doc: "节能报告审查意见", PromisedBy: daysAgo(10 - 20*(i%2))}, // odd: still ahead,
			{Kind: "construction_permit", State: qianxiang.ApprovalNotStarted},
		}
		for _, ap := range approvals {
			if _, err := a.SaveApproval(ctx, sys, p.ID, ap); err != nil {
				return fmt.Errorf("demo approval: %w", err)
			}
		}
		area, _ := qianxiang.ParseMu(fmt.Sprintf("%d.5", 80+i*15))
		lands := []qianxiang.LandNeed{{Area: area, Source: qianxiang.LandSources[i%3], State: qianxiang.LandStates[i%3], Note: "拟通过挂牌出让供地"}}
		for _, l := range lands {
			if _, err := a.SaveLand(ctx, sys, p.ID, l); err != nil {
				return fmt.Errorf("demo land: %w", err)
			}
		}
		need := qianxiang.Money((20000 + i*5000) * 100)
		if _, err := a.SaveFunding(ctx, sys, p.ID, qianxiang.FundingNeed{Amount: need, Type: "bank_loan", Note: "项目贷款"}); err != nil {
			return err
		}
		if _, err := a.SaveFunding(ctx, sys, p.ID, qianxiang.FundingNeed{Amount: need / 2, Type: qianxiang.FundTypes[1+i%3]}); err != nil {
			return err
		}
		for j, bank := range []string{"中国建设银行吕梁分行", "中国农业银行吕梁分行"} {
			if _, err := a.SaveBank(ctx, sys, p.ID, qianxiang.BankMatch{Event: fmt.Sprintf("%d年重点项目银企对接会", today.Year), HeldOn: daysAgo(35),
				Bank: bank, Intended: need / 2, Signed: need / qianxiang.Money(4+j*4)}); err != nil {
				return err
			}
		}
	}
	return nil
}
