package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"qianxiang"
	"qianxiang/app"
)

// problemTexts are obstacles as the 调度表 write them, by category.
var problemTexts = map[qianxiang.ProblemCategory][]string{
	qianxiang.CatLand:        {"项目用地指标尚未落实，需协调新增建设用地指标", "土地组卷报批进度滞后，影响开工", "部分用地涉及基本农田调整，需省级审批"},
	qianxiang.CatFunds:       {"项目资本金未足额到位", "银行贷款审批未通过，融资缺口较大", "专项债资金未及时拨付"},
	qianxiang.CatApproval:    {"施工许可证办理滞后", "规划许可待审批，设计方案需调整", "立项手续不全，可研批复未下达"},
	qianxiang.CatDemolition:  {"征地拆迁涉及12户未签订协议", "地上附着物补偿标准存在争议", "坟地迁移工作推进缓慢"},
	qianxiang.CatUtilities:   {"施工用电线路未接入", "供水管网配套未到位", "天然气管道接入需燃气公司配合"},
	qianxiang.CatEnvironment: {"能耗指标不足，能评未通过", "环评批复待省生态环境厅审批", "排污总量指标未落实"},
	qianxiang.CatOther:       {"施工队伍不足，冬季施工组织困难", "设备采购周期长，影响安装进度", "周边群众阻工，需属地协调"},
}

var instructionTexts = []string{
	"请责任单位本周内拿出解决方案，专班跟进，每周报告进展。",
	"请市自然资源局会同属地政府专题研究，月底前解决。",
	"要素保障是项目推进的关键，请倒排工期、挂图作战。",
	"请市发改委牵头协调，必要时提请市政府常务会研究。",
}

// fillProblems raises problems on the demo plan over the past weeks, some
// solved, some with the leader's instructions, some overdue, and then runs
// the sweep so overdue ones are on the leader's desk on first run. The
// clock is moved back for each step so ages and histories look lived.
func fillProblems(ctx context.Context, a *app.App, sys qianxiang.Actor) error {
	rng := rand.New(rand.NewPCG(2023, 8))
	realNow := a.Now
	defer func() { a.Now = realNow }()
	now := realNow()
	today := a.Today()
	years, err := a.DB.Years(ctx)
	if err != nil || len(years) == 0 {
		return err
	}
	projects, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: years[0]})
	if err != nil {
		return err
	}
	leaderUser, err := a.DB.UserByName(ctx, "shizhang")
	if err != nil {
		return err
	}
	leader := leaderUser.Actor()
	admins := map[int64]qianxiang.Actor{}
	for _, name := range []string{"lishi", "wenshui", "weijianwei"} {
		if u, err := a.DB.UserByName(ctx, name); err == nil {
			admins[u.Org.ID] = u.Actor()
		}
	}
	var mine, others []qianxiang.Project
	for _, p := range projects {
		switch {
		case p.Leader == leaderUser.DisplayName:
			mine = append(mine, p)
		case admins[p.LeadOrg.ID].UserID != 0 || rng.IntN(25) == 0:
			others = append(others, p)
		}
	}
	pick := func(ps []qianxiang.Project, n int) []qianxiang.Project {
		rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		return ps[:min(n, len(ps))]
	}
	chosen := append(pick(mine, 14), pick(others, 24)...)
	at := func(d qianxiang.Date, hour int) func() time.Time {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, hour, rng.IntN(60), 0, 0, a.Loc)
		if t.After(now) {
			t = now.Add(-time.Minute)
		}
		return func() time.Time { return t }
	}
	departments := []string{"141100-FGW", "141100-WJW", "141100-CGJ"}
	for k, proj := range chosen {
		cat := qianxiang.ProblemCategories[k%len(qianxiang.ProblemCategories)]
		texts := problemTexts[cat]
		raised := today.AddDays(-(4 + rng.IntN(60)))
		due := raised.AddDays(7 + rng.IntN(30))
		in := app.ProblemInput{Project: proj.ID, Category: string(cat), Description: texts[rng.IntN(len(texts))],
			OwnerOrg: proj.LeadOrg.Code, Due: due.String()}
		if rng.IntN(4) == 0 {
			in.OwnerOrg = departments[rng.IntN(len(departments))]
		}
		if rng.IntN(3) == 0 {
			in.CoOrgs = []string{departments[rng.IntN(len(departments))]}
		}
		a.Now = at(raised, 9)
		p, err := a.CreateProblem(ctx, sys, in)
		if err != nil {
			return err
		}
		owner := sys
		if ad, ok := admins[p.OwnerOrg.ID]; ok {
			owner = ad
		}
		fate := rng.IntN(10)
		if fate < 7 {
			a.Now = at(raised.AddDays(1), 10)
			if _, err := a.StepProblem(ctx, owner, p.ID, qianxiang.PAStart, ""); err != nil {
				return err
			}
		}
		switch {
		case fate < 2: // solved and confirmed before the due date
			solved := raised.AddDays(2 + rng.IntN(5))
			a.Now = at(solved, 15)
			if _, err := a.StepProblem(ctx, owner, p.ID, qianxiang.PAResolve, "已协调解决，相关手续办结"); err != nil {
				return err
			}
			if solved.AddDays(1).Before(today) {
				a.Now = at(solved.AddDays(1), 11)
				if _, err := a.StepProblem(ctx, sys, p.ID, qianxiang.PAClose, ""); err != nil {
					return err
				}
			}
		case fate < 8 && due.Before(today): // overdue: escalated overnight, the leader writes an instruction
			a.Now = at(due.AddDays(1), 0)
			if _, err := a.Sweep(ctx); err != nil {
				return err
			}
			a.Now = at(due.AddDays(1), 16)
			ins, err := a.Instruct(ctx, leader, p.ID, instructionTexts[rng.IntN(len(instructionTexts))])
			if err != nil {
				return err
			}
			if fate%2 == 0 {
				a.Now = at(due.AddDays(2), 9)
				if _, err := a.AckInstruction(ctx, owner, p.ID, ins.ID); err != nil {
					return err
				}
			}
		}
	}
	// The rest go up to their leaders now, as the server's first sweep would.
	a.Now = realNow
	_, err = a.Sweep(ctx)
	return err
}
