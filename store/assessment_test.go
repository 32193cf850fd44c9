package store_test

import (
	"context"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// The year's weights round-trip on both databases; an unchanged save
// writes nothing; a year never set reads as the defaults.
func TestAssessSettingsRoundTrip(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		if s, ok, err := a.DB.AssessSettings(ctx, 2023); err != nil || ok || s != qianxiang.DefaultAssessSettings(2023) {
			t.Fatalf("unset year: %+v %v %v", s, ok, err)
		}
		s := qianxiang.AssessSettings{Year: 2023, BoardSize: 5, Weights: qianxiang.AssessWeights{
			Completion: 40, StartRate: 10, TargetRate: 10, EntryRate: 15, ProblemsOnTime: 15, ReportsOnTime: 10}}
		put := func(s qianxiang.AssessSettings) (action, before string) {
			t.Helper()
			err := a.DB.Tx(ctx, func(tx *store.Tx) error {
				var err error
				_, action, before, err = tx.PutAssessSettings(ctx, s)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return action, before
		}
		if act, _ := put(s); act != "create" {
			t.Errorf("first save: %q", act)
		}
		if act, _ := put(s); act != "" {
			t.Errorf("unchanged save: %q", act)
		}
		s.BoardSize = 2
		if act, before := put(s); act != "update" || before == "" {
			t.Errorf("change: %q, before %q", act, before)
		}
		got, ok, err := a.DB.AssessSettings(ctx, 2023)
		s.Set = true
		if err != nil || !ok || got != s {
			t.Errorf("read back %+v %v %v, want %+v", got, ok, err, s)
		}
		if _, ok, _ := a.DB.AssessSettings(ctx, 2024); ok {
			t.Error("2024 reads 2023's weights")
		}
	})
}

// Problems fall due inside the window only; a pending one has no
// resolution time even when an earlier resolution was reopened.
func TestAssessProblemsWindow(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		orgs := testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		p, err := a.CreateProject(ctx, cmd, qianxiang.Project{Year: 2023, Name: "测试项目", Org: qianxiang.OrgRef{Code: "141102"},
			Kind: qianxiang.KindContinuing, TotalInvestment: 500000, AnnualPlan: 120000})
		if err != nil {
			t.Fatal(err)
		}
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			for _, d := range []int{1, 15, 28} {
				pb := qianxiang.Problem{Project: qianxiang.ProjectRef{ID: p.ID}, Category: qianxiang.CatLand, Description: "x",
					OwnerOrg: orgs["141102"].Ref(), Due: qianxiang.Date{Year: 2023, Month: 2, Day: d}}
				if err := tx.InsertProblem(ctx, &pb); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		ps, err := a.DB.AssessProblems(ctx, qianxiang.Date{Year: 2023, Month: 2, Day: 2}, qianxiang.Date{Year: 2023, Month: 2, Day: 28})
		if err != nil || len(ps) != 2 || ps[0].Due.Day != 15 || ps[1].Due.Day != 28 || !ps[0].ResolvedAt.IsZero() || ps[0].OwnerPath != orgs["141102"].Path {
			t.Errorf("window: %+v %v", ps, err)
		}
	})
}
