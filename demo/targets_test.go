package demo_test

import (
	"context"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

// The demo office divided exactly 1,000 亿元 among the 13 counties, and
// the dispatch shows each county against its own target.
func TestDemoDividesTheCampaignAmongTheCounties(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, a.Loc) }
	if _, err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	ts, err := a.Targets(ctx, qianxiang.SystemActor, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var sum qianxiang.Money
	for _, o := range ts.Orgs {
		sum += o.AnnualPlan
	}
	if len(ts.Orgs) != 13 || sum != 1000*qianxiang.Yi || ts.Campaign.Projects != 1000 {
		t.Fatalf("%d counties with %s 万元 in all, campaign %+v", len(ts.Orgs), sum, ts.Campaign)
	}
	d, err := a.Dispatch(ctx, qianxiang.SystemActor, 2026, 9)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range d.ByOrg {
		if o.Target == nil || o.TargetRate == nil || o.QuarterMet == nil {
			t.Errorf("%s: target %v rate %v quarter %v", o.Org.Name, o.Target, o.TargetRate, o.QuarterMet)
		}
	}
	if d.Quarter != "every_quarter" || d.Total.Target == nil || d.Total.Target.AnnualPlan != 1000*qianxiang.Yi {
		t.Errorf("campaign row: %q %+v", d.Quarter, d.Total.Target)
	}
}
