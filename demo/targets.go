package demo

import (
	"context"

	"qianxiang"
	"qianxiang/app"
)

// fillTargets is the campaign office dividing 千项千亿 — 1,000 projects and
// 1,000 亿元 — among the 13 counties (分解下达): each county's share of the
// investment in proportion to its projects' annual plans, in whole
// millions of yuan (100 万元), the remainder to the largest so the shares
// add up to exactly 1,000 亿元; its project and new-start targets are
// what it listed.
func fillTargets(ctx context.Context, a *app.App, sys qianxiang.Actor, year int) error {
	d, err := a.Dispatch(ctx, sys, year, 1)
	if err != nil {
		return err
	}
	campaign := qianxiang.DefaultCampaignTarget()
	const unit = 100 * 100 // 100 万元 in hundredths of 万元
	units := int64(campaign.AnnualPlan) / unit
	var sum int64
	for _, o := range d.ByOrg {
		sum += int64(o.AnnualPlan)
	}
	if sum == 0 {
		return nil
	}
	t := qianxiang.Targets{Year: year, Campaign: campaign}
	var given int64
	largest := 0
	for i, o := range d.ByOrg {
		share := units * int64(o.AnnualPlan) / sum
		given += share
		t.Orgs = append(t.Orgs, qianxiang.OrgTarget{Org: o.Org.Code, Projects: o.Projects,
			AnnualPlan: qianxiang.Money(share * unit), NewStarts: o.NewProjects})
		if o.AnnualPlan > d.ByOrg[largest].AnnualPlan {
			largest = i
		}
	}
	t.Orgs[largest].AnnualPlan += qianxiang.Money((units - given) * unit)
	return a.SetTargets(ctx, sys, year, t)
}
