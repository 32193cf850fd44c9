package app_test

import (
	"context"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// uncodedList is a county's list without project codes, as most are.
const uncodedList = "序号,项目名称,县（市、区）,项目类型,总投资,年度计划投资,计划开工时间\n" +
	"1,离石区第一污水处理厂,离石区,新开工,100,40,2023-03\n" +
	"2,离石区城北道路改造,离石区,新开工,300,120,2023-04\n" +
	"3,文水县农贸市场,文水县,新开工,50,20,2023-05\n"

func importList(t *testing.T, a *app.App, list string, update bool) (*app.ImportResult, error) {
	t.Helper()
	return a.ImportProjects(context.Background(), qianxiang.SystemActor, 2023, "list.csv", strings.NewReader(list), false, update)
}

// Importing the same uncoded list twice is refused, naming each row that
// matches a project of the plan by name and county, and writes nothing;
// with update it changes those projects instead (issue 7, item 7). Without
// the check the plan doubled: 180 became 360.
func TestImportingAListTwiceIsRefusedNotDoubled(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		testenv.Lvliang(t, a)
		if res, err := importList(t, a, uncodedList, false); err != nil || res.Created != 3 {
			t.Fatalf("first import: %v", err)
		}
		res, err := importList(t, a, uncodedList, false)
		if qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("second import: %v, want a refusal", err)
		}
		if res.InPlan != 3 || !res.OnlyInPlan() {
			t.Errorf("in plan = %d (only: %v), want 3", res.InPlan, res.OnlyInPlan())
		}
		rows := map[int]bool{}
		for _, d := range qianxiang.AsError(err).Details {
			if d.Field == "name" && strings.Contains(d.Format, "already in the %d plan") {
				rows[d.Row] = true
			}
		}
		if !rows[2] || !rows[3] || !rows[4] || len(rows) != 3 {
			t.Errorf("rows named: %v, want 2, 3 and 4", rows)
		}
		ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: 2023})
		if err != nil {
			t.Fatal(err)
		}
		var annual qianxiang.Money
		for _, p := range ps {
			annual += p.AnnualPlan
		}
		if len(ps) != 3 || annual.String() != "180.00" {
			t.Errorf("after the refused import: %d projects, annual plan %s; want 3, 180.00", len(ps), annual)
		}
		// The same list as an update changes the three, adds none.
		changed := strings.Replace(uncodedList, "300,120", "300,150", 1)
		res, err = importList(t, a, changed, true)
		if err != nil || res.Created != 0 || res.Updated != 3 || res.Totals.AnnualPlan.String() != "210.00" {
			t.Fatalf("update: %v, %d created, %d updated, plan %s", err, res.Created, res.Updated, res.Totals.AnnualPlan)
		}
		// A new project in the same county is still added.
		more := uncodedList + "4,离石区第二污水处理厂,离石区,新开工,80,30,2023-06\n"
		res, err = importList(t, a, more, true)
		if err != nil || res.Created != 1 || res.Updated != 3 {
			t.Errorf("list with one new project: %v, %d created, %d updated", err, res.Created, res.Updated)
		}
	})
}
