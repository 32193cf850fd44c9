package app_test

import (
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// The registry's totals are kept per filter under the data version: the
// same filter's totals come back unchanged, other filters (another
// county, another light, another scope) get their own, and the next list
// after any change — a report through the app, a project's plan behind
// its back — shows it.
func TestRegistryTotalsFollowTheData(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 12, 20, 10, 0, 0, 0, a.Loc) }
		testenv.SeedPlan(t, a, 60, 12)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		list := func(who qianxiang.Actor, f qianxiang.ProjectFilter, light string) qianxiang.ProjectTotals {
			t.Helper()
			f.Year, f.PerPage = 2023, 5
			pg, err := a.Projects(ctx, who, app.ProjectQuery{ProjectFilter: f, Light: light})
			if err != nil {
				t.Fatal(err)
			}
			return pg.Totals
		}
		// What the database alone says, for comparison.
		direct := func(f qianxiang.ProjectFilter) qianxiang.ProjectTotals {
			t.Helper()
			f.Year, f.FigureMonth, f.InPlan = 2023, 12, true
			_, tot, err := a.DB.Projects(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return tot
		}
		city := list(cmd, qianxiang.ProjectFilter{}, "")
		county := list(cmd, qianxiang.ProjectFilter{OrgCode: "141102"}, "")
		if city.Count != 60 || county.Count == 0 || county.Count >= city.Count {
			t.Fatalf("counts: city %d, 141102 %d", city.Count, county.Count)
		}
		if got := list(cmd, qianxiang.ProjectFilter{OrgCode: "141102", Sort: "-annual_plan", Page: 2}, ""); got != county {
			t.Errorf("another page and sort of the same filter: %+v, want %+v", got, county)
		}
		if got := list(lishi, qianxiang.ProjectFilter{}, ""); got != county {
			t.Errorf("the county's own view of its plan: %+v, want %+v", got, county)
		}
		if got, want := list(cmd, qianxiang.ProjectFilter{}, "red"), list(cmd, qianxiang.ProjectFilter{}, "green"); got.Count+want.Count > city.Count || got == want {
			t.Errorf("the lights' totals are one entry: red %+v, green %+v", got, want)
		}
		if got, want := county, direct(qianxiang.ProjectFilter{OrgCode: "141102"}); got != want {
			t.Errorf("county totals %+v, the database says %+v", got, want)
		}

		// A month's figure and a plan changed behind the application's
		// back (as an import or a restore might) move the sums.
		page, err := a.Projects(ctx, cmd, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, OrgCode: "141102", PerPage: 1}})
		if err != nil || len(page.Items) != 1 {
			t.Fatal(err)
		}
		id := page.Items[0].ID
		raw := testenv.Raw(t, a)
		exec := func(q string) {
			t.Helper()
			if a.DB.Dialect() == store.Postgres {
				q = strings.Replace(q, "?", "$1", 1)
			}
			if _, err := raw.Exec(q, id); err != nil {
				t.Fatal(err)
			}
		}
		exec(`UPDATE reports SET completed = completed + 777 WHERE project_id = ? AND year = 2023 AND month = 12`)
		after := list(cmd, qianxiang.ProjectFilter{OrgCode: "141102"}, "")
		if after.MonthCompleted != county.MonthCompleted+777 || after.CompletedYTD != county.CompletedYTD+777 {
			t.Errorf("after a report of +777: %+v, before %+v", after, county)
		}
		exec(`UPDATE projects SET annual_plan = annual_plan + 5 WHERE id = ?`)
		if got := list(cmd, qianxiang.ProjectFilter{OrgCode: "141102"}, ""); got.AnnualPlan != after.AnnualPlan+5 {
			t.Errorf("after a plan of +5: %+v, before %+v", got, after)
		}
		if got, want := list(cmd, qianxiang.ProjectFilter{OrgCode: "141102"}, ""), direct(qianxiang.ProjectFilter{OrgCode: "141102"}); got != want {
			t.Errorf("county totals %+v, the database says %+v", got, want)
		}
	})
}
