package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

// The demo's reserve pool is alive: every band filled, projects offered
// to private capital with investors' interest, the confidential one in the
// office's pool and nowhere public, the year's dispatch unchanged by it.
func TestDemoReservePool(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, a.Loc) }
	if _, err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	pool, err := a.Pool(ctx, qianxiang.SystemActor, app.PoolQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if pool.Total.Projects != 18 || pool.Total.High == 0 || pool.Total.Medium == 0 || pool.Total.Low == 0 || len(pool.ByCounty) != 13 {
		t.Errorf("pool %+v, %d counties", pool.Total, len(pool.ByCounty))
	}
	secret := ""
	for _, r := range pool.Items {
		if r.Project.Confidential {
			secret = r.Project.Name
		}
	}
	pubs, err := a.PublicPromotions(ctx)
	if err != nil || len(pubs) != 8 || secret == "" {
		t.Fatalf("%d promotions, confidential %q: %v", len(pubs), secret, err)
	}
	for _, p := range pubs {
		if strings.Contains(p.Name, secret) || strings.HasPrefix(p.OfficePhone, "1") {
			t.Errorf("public promotion %+v", p)
		}
	}
	is, err := a.Interests(ctx, qianxiang.SystemActor, 0)
	if err != nil || len(is) < 7 {
		t.Errorf("%d interests: %v", len(is), err)
	}
	d, err := a.Dispatch(ctx, qianxiang.SystemActor, 2026, 10)
	if err != nil {
		t.Fatal(err)
	}
	// The registry lists the year's plan, as the dispatch counts it; the
	// pool shows when its stages are asked for.
	all, err := a.Projects(ctx, qianxiang.SystemActor, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2026, PerPage: 1}})
	if err != nil || d.Total.Projects != all.Total {
		t.Errorf("the dispatch counts %d projects, the registry %d: %v", d.Total.Projects, all.Total, err)
	}
	inPool := 0
	for _, st := range []qianxiang.Stage{qianxiang.StageIdea, qianxiang.StageReserve} {
		p, err := a.Projects(ctx, qianxiang.SystemActor, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2026, Stage: string(st), PerPage: 1}})
		if err != nil {
			t.Fatal(err)
		}
		inPool += p.Total
	}
	if inPool != 18 {
		t.Errorf("the registry shows %d pool projects by stage, want 18", inPool)
	}
	if _, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
		t.Errorf("audit: %+v %v", broken, err)
	}
}
