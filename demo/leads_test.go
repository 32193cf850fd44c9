package demo_test

import (
	"context"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

// The demo city's investment attraction is alive: leads at every stage but
// 服务, three stalled, one taken back with its reason, two landed as
// linked registry projects; the portal has three published news items.
func TestDemoLeadsAndNews(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, a.Loc) }
	if _, err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	sys := qianxiang.SystemActor
	ls, err := a.Leads(ctx, sys, app.LeadQuery{})
	if err != nil {
		t.Fatal(err)
	}
	stages, stalled, linked := map[qianxiang.LeadStage]int{}, 0, 0
	for _, l := range ls {
		stages[l.Stage]++
		if l.Stalled {
			stalled++
		}
		if l.Project != nil {
			linked++
			back, err := a.LeadOfProject(ctx, sys, l.Project.ID)
			if err != nil || back == nil || back.ID != l.ID {
				t.Errorf("project %d does not lead back to lead %d", l.Project.ID, l.ID)
			}
		}
	}
	if len(ls) != 9 || stalled != 3 || linked != 2 || stages[qianxiang.LeadTalking] != 5 || stages[qianxiang.LeadSigned] != 2 ||
		stages[qianxiang.LeadLanded] != 1 || stages[qianxiang.LeadInvesting] != 1 {
		t.Fatalf("%d leads, %d stalled, %d linked, stages %v", len(ls), stalled, linked, stages)
	}
	f, err := a.LeadFunnel(ctx, sys, "county", app.LeadQuery{})
	if err != nil || f.Total.Landed.Num != 2 || f.Total.Landed.Den != 9 {
		t.Fatalf("funnel total %+v %v", f.Total, err)
	}
	news, err := a.PublicNews(ctx, 20)
	if err != nil || len(news) != 3 || news[0].Date.String() != "2026-11-23" {
		t.Fatalf("public news %+v %v", news, err)
	}
	if _, broken, _ := a.VerifyAudit(ctx, sys); len(broken) != 0 {
		t.Fatalf("audit: %v", broken)
	}
}
