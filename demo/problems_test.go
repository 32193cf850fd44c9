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

// On first run the leader's desk has overdue, escalated problems, some
// instructions acknowledged and some waiting, and solved ones in the lists.
func TestDemoLeadersDeskIsAlive(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, a.Loc) }
	if _, err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	u, err := a.DB.UserByName(ctx, "shizhang")
	if err != nil {
		t.Fatal(err)
	}
	d, err := a.Desk(ctx, u.Actor(), "")
	if err != nil {
		t.Fatal(err)
	}
	acked := 0
	for _, in := range d.Latest {
		if in.Acked() {
			acked++
		}
	}
	if len(d.Projects) == 0 || len(d.Escalated) < 3 || len(d.Awaiting) < 1 || acked < 1 {
		t.Fatalf("desk: %d projects, %d escalated, %d awaiting, %d acknowledged", len(d.Projects), len(d.Escalated), len(d.Awaiting), acked)
	}
	lights := map[qianxiang.Light]int{}
	for _, tk := range d.Tasks {
		if tk.Leader != "张广勇" {
			t.Fatalf("another leader's task on the desk: %+v", tk)
		}
		lights[tk.Light]++
	}
	if len(d.Tasks) < 5 || lights[qianxiang.LightRed] == 0 || d.Tasks[0].Light != qianxiang.LightRed || lights[qianxiang.LightGreen] == 0 {
		t.Fatalf("desk tasks: %d, lights %v", len(d.Tasks), lights)
	}
	all, err := a.Problems(ctx, qianxiang.SystemActor, app.ProblemQuery{})
	if err != nil {
		t.Fatal(err)
	}
	st := map[qianxiang.ProblemStatus]int{}
	for _, p := range all {
		st[p.Status]++
	}
	if st[qianxiang.ProblemClosed] == 0 || st[qianxiang.ProblemOpen]+st[qianxiang.ProblemInProgress] < 10 {
		t.Fatalf("statuses: %v", st)
	}
	if _, broken, _ := a.VerifyAudit(ctx, qianxiang.SystemActor); len(broken) != 0 {
		t.Fatalf("audit: %v", broken[0])
	}
}
