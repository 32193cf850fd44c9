package demo

import (
	"context"
	"fmt"
	"time"

	"qianxiang"
	"qianxiang/app"
)

// fillSupervision adds the supervision side of the demo city: orders (some
// overdue, one answered, one closed, one sent back), two key-task lists
// with a year of progress (some behind, some with a missed milestone), and
// the factor guarantee of a dozen projects (a 容缺 promise missed, so a
// problem raises itself). Everything goes through the services at the day
// it would have happened, so the audit trail reads like the real year.
func fillSupervision(ctx context.Context, a *app.App, sys qianxiang.Actor) error {
	today := a.Today()
	realNow := a.Now
	defer func() { a.Now = realNow }()
	at := func(d qianxiang.Date) {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 10, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { return t }
	}
	daysAgo := func(n int) qianxiang.Date {
		t := time.Date(today.Year, time.Month(today.Month), today.Day-n, 0, 0, 0, 0, time.UTC)
		return qianxiang.DateOf(t)
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return err
	}
	byCode := map[string]qianxiang.Org{}
	for _, o := range orgs {
		byCode[o.Code] = o
	}
	asOrg := func(code string) qianxiang.Actor {
		o := byCode[code]
		return qianxiang.Actor{Username: sys.Username, Role: qianxiang.RoleOrgAdmin, OrgID: o.ID, OrgPath: o.Path}
	}
	ducha, err := a.DB.UserByName(ctx, "ducha")
	if err != nil {
		return err
	}
	sup := ducha.Actor()
	first := func(org string) (qianxiang.Project, error) {
		ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: today.Year, OrgCode: org, PerPage: 3})
		if err != nil || len(ps) == 0 {
			return qianxiang.Project{}, fmt.Errorf("demo: no project in %s: %v", org, err)
		}
		return ps[0], nil
	}

	// Orders.
	type demoOrder struct {
		org, projectOrg, text string
		issued, replyBy       int // days ago
		steps                 []qianxiang.OrderStep
	}
	orders := []demoOrder{
		{"141102", "141102", "你区项目征地拆迁进度滞后，影响年度投资完成。请倒排工期、明确责任人，限期完成剩余地块交付。", 25, 10, nil},
		{"141121", "141121", "项目已连续两月未报送月报，请核实原因，督促项目单位按时据实填报。", 20, 5, nil},
		{"141100-WJW", "141121", "医疗卫生项目资金拨付滞后，请会同有关县区提出解决方案并报送。", 18, 8, []qianxiang.OrderStep{qianxiang.StepReply}},
		{"141102", "141102", "项目施工许可办理迟缓，请协调住建部门并联审批，加快手续办理。", 30, 15, []qianxiang.OrderStep{qianxiang.StepReply, qianxiang.StepAccept}},
		{"141121", "141121", "项目环评批复前置条件落实情况不清，请补充说明。", 16, 6, []qianxiang.OrderStep{qianxiang.StepReply, qianxiang.StepReject}},
		{"141181", "141181", "应开未开项目较多，请逐项说明未开工原因及开工时间。", 3, -7, nil},
	}
	replies := map[qianxiang.OrderStep]string{qianxiang.StepReply: "已召开专题会议研究，明确责任单位和完成时限，目前正在推进。",
		qianxiang.StepAccept: "回复情况属实，同意办结。", qianxiang.StepReject: "回复未说明具体措施和时间节点，请补充后重新回复。"}
	for _, d := range orders {
		p, err := first(d.projectOrg)
		if err != nil {
			return err
		}
		at(daysAgo(d.issued))
		o, err := a.IssueOrder(ctx, sup, app.NewOrder{Org: d.org, Project: p.ID, Text: d.text, ReplyBy: daysAgo(d.replyBy).String()})
		if err != nil {
			return fmt.Errorf("demo order: %w", err)
		}
		for i, st := range d.steps {
			at(daysAgo(d.issued - 3 - 2*i))
			who := sup
			if st == qianxiang.StepReply {
				who = asOrg(d.org)
			}
			if _, err := a.StepOrder(ctx, who, o.ID, st, replies[st]); err != nil {
				return fmt.Errorf("demo order step: %w", err)
			}
		}
	}
	if err := fillTasks(ctx, a, sys, today, at, asOrg); err != nil {
		return err
	}
	if err := fillFactors(ctx, a, sys, today, at, daysAgo, first); err != nil {
		return err
	}
	// Today: raise the problems of the 容缺 promises already missed.
	a.Now = realNow
	_, err = a.SweepPromises(ctx, 0)
	return err
}
