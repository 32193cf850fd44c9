package demo_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

func TestDemoCityIsAliveAndDeterministic(t *testing.T) {
	ctx := context.Background()
	var first []demo.Login
	var plan qianxiang.Money
	for i := 0; i < 2; i++ {
		a := testenv.Open(t, "sqlite")
		a.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, a.Loc) }
		logins, err := demo.Fill(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		roles := map[string]bool{}
		for _, l := range logins {
			roles[l.Role] = true
			if _, _, _, err := a.Login(ctx, l.Username, l.Password, "127.0.0.1"); err != nil {
				t.Fatalf("printed login %s does not work: %v", l.Username, err)
			}
		}
		for _, r := range qianxiang.Roles {
			if !roles[string(r)] {
				t.Errorf("no demo user with role %s", r)
			}
		}
		page, err := a.Projects(ctx, qianxiang.SystemActor, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2026, PerPage: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total < 1000 || page.Totals.AnnualPlan < 900*qianxiang.Yi || page.Totals.AnnualPlan > 1200*qianxiang.Yi {
			t.Fatalf("demo plan: %d projects, annual plan %s 万元; want about 1,000 and 1,000 亿元", page.Total, page.Totals.AnnualPlan)
		}
		d, err := a.Dispatch(ctx, qianxiang.SystemActor, 2026, 10)
		if err != nil {
			t.Fatal(err)
		}
		if d.Total.CompletedYTD == 0 || d.Total.Lights.Green < d.Total.Lights.Red {
			t.Fatalf("the cockpit should be alive and mostly green: %+v", d.Total)
		}
		if _, broken, _ := a.VerifyAudit(ctx, qianxiang.SystemActor); len(broken) != 0 {
			t.Fatalf("demo data must be in the audit trail: %v", broken[:1])
		}
		if i == 0 {
			first, plan = logins, page.Totals.AnnualPlan
		} else if logins[0] != first[0] || page.Totals.AnnualPlan != plan {
			t.Fatal("two demo runs differ")
		}
		if _, err := demo.Fill(ctx, a); !errors.Is(err, demo.ErrNotEmpty) {
			t.Fatalf("a second fill must refuse: %v", err)
		}
	}
}
