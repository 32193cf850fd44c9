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

// The supervision side of the demo is alive: overdue orders, answered and
// closed ones, both task lists with every light, factors with a missed 容缺
// promise that has raised its problem.
func TestDemoSupervisionIsAlive(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, a.Loc) }
	if _, err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	sys := qianxiang.SystemActor
	orders, _ := a.Orders(ctx, sys, app.OrderQuery{})
	status := map[qianxiang.OrderStatus]int{}
	overdue := 0
	for _, o := range orders {
		status[o.Status]++
		if o.Overdue {
			overdue++
		}
	}
	if len(orders) != 6 || overdue < 2 || status[qianxiang.OrderAccepted] != 1 || status[qianxiang.OrderReturned] != 1 || status[qianxiang.OrderReplied] != 1 {
		t.Fatalf("demo orders: %d, overdue %d, %v", len(orders), overdue, status)
	}
	tasks, _ := a.Tasks(ctx, sys, app.TaskQuery{Year: 2026})
	lights := map[qianxiang.Light]int{}
	for _, tk := range tasks {
		lights[tk.Light]++
	}
	if len(tasks) != 30 || lights[qianxiang.LightRed] == 0 || lights[qianxiang.LightYellow] == 0 || lights[qianxiang.LightGreen] == 0 {
		t.Fatalf("demo tasks: %d %v", len(tasks), lights)
	}
	if _, broken, _ := a.VerifyAudit(ctx, sys); len(broken) != 0 {
		t.Fatalf("audit: %v", broken[:1])
	}
	if n, _ := a.SweepPromises(ctx, 0); n != 0 {
		t.Fatalf("the demo's missed promises were already raised; the sweep raised %d more", n)
	}
}
