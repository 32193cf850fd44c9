package app_test

import (
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func TestProjectScopeAndOptimisticLocking(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		wjw := testenv.User(t, a, "wjw", qianxiang.RoleOrgAdmin, "141100-WJW")
		reporter := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		mine, err := a.CreateProject(ctx, lishi, newProject("离石区养老服务中心项目", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		led := newProject("文水县人民医院综合楼项目", "141121")
		led.LeadOrg.Code = "141100-WJW"
		theirs, err := a.CreateProject(ctx, cmd, led)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.CreateProject(ctx, lishi, newProject("越权项目", "141121")); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county created a project in another county: %v", err)
		}
		page, err := a.Projects(ctx, lishi, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023}})
		if err != nil || page.Total != 1 || page.Items[0].ID != mine.ID {
			t.Fatalf("county list: %+v %v", page, err)
		}
		if page.Totals.AnnualPlan != mine.AnnualPlan {
			t.Fatalf("totals: %v", page.Totals)
		}
		if _, err := a.Project(ctx, lishi, theirs.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("another county's project must be not found: %v", err)
		}
		if p, err := a.Project(ctx, wjw, theirs.ID); err != nil || p.LeadOrg.Code != "141100-WJW" {
			t.Fatalf("the lead department sees its project: %v", err)
		}
		if _, err := a.PatchProject(ctx, lishi, theirs.ID, theirs.Version, []byte(`{"name":"x"}`)); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("patch out of scope: %v", err)
		}
		if _, err := a.PatchProject(ctx, reporter, mine.ID, mine.Version, []byte(`{"name":"x"}`)); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a reporter edited a project: %v", err)
		}
		if _, err := a.PatchProject(ctx, lishi, mine.ID, mine.Version, []byte(`{"org":{"code":"141121"}}`)); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county moved its project away: %v", err)
		}
		p2, err := a.PatchProject(ctx, lishi, mine.ID, mine.Version, []byte(`{"annual_plan": 1500.25, "leader": "任忠"}`))
		if err != nil || p2.AnnualPlan.String() != "1500.25" || p2.Leader != "任忠" || p2.Name != mine.Name {
			t.Fatalf("patch: %+v %v", p2, err)
		}
		if _, err := a.PatchProject(ctx, cmd, mine.ID, mine.Version, []byte(`{"leader": "任磊"}`)); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("a stale edit must be refused: %v", err)
		}
		if _, err := a.PatchProject(ctx, cmd, mine.ID, p2.Version, []byte(`{"annual_plan": 99999}`)); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("annual plan above total: %v", err)
		}
		if err := a.DeleteProject(ctx, lishi, mine.ID, p2.Version); err != nil {
			t.Fatal(err)
		}
		h, _ := a.DB.History(ctx, "projects", mine.ID)
		if len(h) != 3 || h[2].Action != "delete" {
			t.Fatalf("history after delete: %+v", h)
		}
	})
}

func TestProjectListFiltersAndSearch(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		for _, n := range []string{"离石区中学新建教学楼项目", "离石区100%_特殊项目", "柳林县现代物流园项目"} {
			org := "141102"
			if n[0:3] == "柳" {
				org = "141125"
			}
			if _, err := a.CreateProject(ctx, cmd, newProject(n, org)); err != nil {
				t.Fatal(err)
			}
		}
		cases := []struct {
			q    app.ProjectQuery
			want int
		}{
			{app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, Q: "教学楼"}}, 1},
			{app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, Q: "100%_"}}, 1},
			{app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, Q: "%"}}, 1},
			{app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, OrgCode: "141102"}}, 2},
			{app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2024}}, 0},
			{app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, Kind: "new"}}, 0},
		}
		for i, c := range cases {
			page, err := a.Projects(ctx, cmd, c.q)
			if err != nil || page.Total != c.want {
				t.Errorf("case %d: total %v, want %d (%v)", i, page, c.want, err)
			}
		}
		if _, err := a.Projects(ctx, cmd, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{PerPage: 500}}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("per_page 500: %v", err)
		}
		if _, err := a.Projects(ctx, cmd, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Sort: "1;drop"}}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("bad sort: %v", err)
		}
	})
}

func TestSearchWithoutYear(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		if _, err := a.CreateProject(ctx, qianxiang.SystemActor, newProject("汾阳市文化馆图书馆项目", "141182")); err != nil {
			t.Fatal(err)
		}
		page, err := a.Projects(ctx, qianxiang.SystemActor, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Q: "图书馆"}})
		if err != nil || page.Total != 1 {
			t.Fatalf("search across years: %+v %v", page, err)
		}
	})
}

// The registry colours lights by the month the dispatch shows, so a number
// clicked on the dispatch page lists the same projects.
func TestListLightsFollowTheDispatchMonth(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 6, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		p, _ := a.CreateProject(ctx, cmd, newProject("离石区续建项目", "141102")) // plan 1200.00
		// Month 1 at pace (100 of 1200), nothing after: green in January,
		// red by May.
		if _, err := a.SubmitReport(ctx, cmd, p.ID, 2023, 1, &app.ReportInput{Completed: money("100")}); err != nil {
			t.Fatal(err)
		}
		light := func(month int) qianxiang.Light {
			page, err := a.Projects(ctx, cmd, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023}, Month: month})
			if err != nil {
				t.Fatal(err)
			}
			return page.Items[0].Light
		}
		if got := light(0); got != qianxiang.LightGreen {
			t.Fatalf("by default the latest reported month (1): %s", got)
		}
		if got := light(5); got != qianxiang.LightRed {
			t.Fatalf("month 5: %s", got)
		}
		d, _ := a.Dispatch(ctx, cmd, 2023, 5)
		if d.Projects[p.ID].Light != light(5) {
			t.Fatal("the list and the dispatch disagree")
		}
		if _, err := a.Projects(ctx, cmd, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023}, Month: 13}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("month 13: %v", err)
		}
	})
}

func TestFilterValuesWithoutAYear(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		p := newProject("汾阳市项目", "141182")
		p.Sector, p.Leader = "产业项目", "任磊"
		if _, err := a.CreateProject(ctx, qianxiang.SystemActor, p); err != nil {
			t.Fatal(err)
		}
		sectors, leaders, err := a.FilterValues(ctx, qianxiang.SystemActor, 0)
		if err != nil || len(sectors) != 1 || len(leaders) != 1 {
			t.Fatalf("%v %v %v", sectors, leaders, err)
		}
	})
}
