package app_test

import (
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// Issue 15.4: the registry carries each project's completed YTD, rate and
// the month's figure, sorts by any of them, and its totals include them.
func TestRegistrySortsAndSumsTheFigures(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 4, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		// plan, March figure, February figure (万元)
		specs := []struct {
			name     string
			plan     qianxiang.Money
			feb, mar string
		}{
			{"甲", 1000_00, "100", "50"}, // 150, 15%, month 50
			{"乙", 400_00, "20", "200"},  // 220, 55%, month 200
			{"丙", 0, "300", "10"},       // 310, no rate, month 10
			{"丁", 2000_00, "", ""},      // nothing
		}
		ids := map[string]int64{}
		for _, s := range specs {
			np := newProject("离石区项目"+s.name, "141102")
			np.AnnualPlan = s.plan
			p, err := a.CreateProject(ctx, cmd, np)
			if err != nil {
				t.Fatal(err)
			}
			ids[s.name] = p.ID
			for m, v := range map[int]string{2: s.feb, 3: s.mar} {
				if v == "" {
					continue
				}
				if _, err := a.SubmitReport(ctx, cmd, p.ID, 2023, m, &app.ReportInput{Completed: money(v)}); err != nil {
					t.Fatal(err)
				}
			}
		}
		order := func(sort string) []string {
			pg, err := a.Projects(ctx, cmd, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, Sort: sort}, Month: 3})
			if err != nil {
				t.Fatalf("sort %s: %v", sort, err)
			}
			var out []string
			for _, p := range pg.Items {
				for n, id := range ids {
					if id == p.ID {
						out = append(out, n)
					}
				}
			}
			if sort == "" {
				tot := pg.Totals
				if tot.CompletedYTD != 680_00 || tot.MonthCompleted != 260_00 || tot.AnnualPlan != 3400_00 {
					t.Errorf("totals %+v, want completed 680, month 260, plan 3,400", tot)
				}
				if r, ok := tot.CompletionRate(); !ok || r.Rounded() != 0.2 {
					t.Errorf("total rate %v", r)
				}
				f := pg.Figures[ids["乙"]]
				if f.CompletedYTD != 220_00 || f.MonthCompleted != 200_00 || f.Rate == nil || f.Rate.Rounded() != 0.55 {
					t.Errorf("乙's figures %+v", f)
				}
				if pg.Figures[ids["丙"]].Rate != nil {
					t.Error("a project without a plan has a rate")
				}
			}
			return out
		}
		order("")
		for sort, want := range map[string]string{
			"-completed": "丙乙甲丁", "completed": "丁甲乙丙",
			"-rate": "乙甲丁丙", "rate": "丙丁甲乙",
			"-month": "乙甲丙丁", "month": "丁丙甲乙",
		} {
			got := ""
			for _, n := range order(sort) {
				got += n
			}
			if got != want {
				t.Errorf("sort %s: %s, want %s", sort, got, want)
			}
		}
	})
}
