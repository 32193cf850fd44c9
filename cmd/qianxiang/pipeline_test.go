package main

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// qianxiang pipeline promote: all the named reserve projects or none.
func TestCLIPipelinePromote(t *testing.T) {
	t.Setenv("LANG", "C")
	dir := t.TempDir()
	db, key := filepath.Join(dir, "q.db"), filepath.Join(dir, "audit.key")
	t.Setenv("QIANXIANG_AUDIT_KEY_FILE", key)
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	a := testenv.OpenDSN(t, db, key)
	ctx := context.Background()
	mk := func(name string) int64 {
		p, err := a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: 2026, Name: name, Org: qianxiang.OrgRef{Code: "141102"},
			Kind: qianxiang.KindPreparatory, Stage: qianxiang.StageReserve, TotalInvestment: 100000})
		if err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	ready, unready := mk("离石区成熟储备项目"), mk("离石区培育储备项目")
	var all []app.CheckInput
	for _, it := range qianxiang.DefaultChecklist {
		all = append(all, app.CheckInput{Key: it.Key, Done: true})
	}
	if err := a.SetChecks(ctx, qianxiang.SystemActor, ready, all); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "pipeline", "promote", "--db", db, fmt.Sprint(ready), fmt.Sprint(unready))
	if code != 1 {
		t.Fatalf("exit %d %s %s", code, out, errs)
	}
	testenv.Contains(t, errs, fmt.Sprintf("project %d (离石区培育储备项目) was not promoted, nor any other", unready), "可行性研究报告")
	if p, _ := a.DB.Project(ctx, ready); p.Year != 2026 {
		t.Fatalf("a refused batch promoted %d", ready)
	}
	testenv.Contains(t, mustRun(t, "pipeline", "promote", "--db", db, "--year", "2027", fmt.Sprint(ready)),
		fmt.Sprintf("promoted %d 离石区成熟储备项目 into the 2027 plan", ready))
	if code, _, _ := run(t, "", "pipeline", "promote", "--db", db, "x"); code != 2 {
		t.Errorf("bad id: exit %d", code)
	}
	testenv.Contains(t, mustRun(t, "audit", "verify", "--db", db), "intact")
}
