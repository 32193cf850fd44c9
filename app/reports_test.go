package app_test

import (
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func money(s string) *qianxiang.Money { m, _ := qianxiang.ParseMoney(s); return &m }

func TestReportWorkflowAndDeadline(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		now := time.Date(2023, 3, 10, 9, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { return now }
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		county := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		other := testenv.User(t, a, "wenshui-xm", qianxiang.RoleReporter, "141121")
		np := newProject("离石区新开工项目", "141102")
		np.Kind, np.PlannedStart = qianxiang.KindNew, qianxiang.Date{Year: 2023, Month: 3}
		p, err := a.CreateProject(ctx, cmd, np)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.SaveReport(ctx, unit, p.ID, 2023, 4, app.ReportInput{Completed: money("1")}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a future month: %v", err)
		}
		if _, err := a.SaveReport(ctx, unit, p.ID, 2023, 3, app.ReportInput{Completed: money("-1")}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a negative amount: %v", err)
		}
		if _, err := a.SaveReport(ctx, other, p.ID, 2023, 3, app.ReportInput{Completed: money("1")}); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("another county's unit: %v", err)
		}
		started := qianxiang.Date{Year: 2023, Month: 3, Day: 5}
		r, err := a.SaveReport(ctx, unit, p.ID, 2023, 3, app.ReportInput{Completed: money("320.50"), Progress: ptr("基础施工"), StartedOn: &started})
		if err != nil || r.Status != qianxiang.ReportDraft {
			t.Fatalf("save: %+v %v", r, err)
		}
		if _, err := a.ApproveReport(ctx, county, p.ID, 2023, 3, 0); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("approving a draft: %v", err)
		}
		if r, err = a.SubmitReport(ctx, unit, p.ID, 2023, 3, nil); err != nil || r.Status != qianxiang.ReportSubmitted || r.Late {
			t.Fatalf("submit: %+v %v", r, err)
		}
		if got, _ := a.Project(ctx, cmd, p.ID); got.StartedOn != started {
			t.Fatalf("the submitted start date must reach the project: %v", got.StartedOn)
		}
		if _, err := a.SaveReport(ctx, unit, p.ID, 2023, 3, app.ReportInput{Completed: money("1")}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("editing a submitted report: %v", err)
		}
		if _, err := a.ReturnReport(ctx, unit, p.ID, 2023, 3, 0, "x"); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a unit returned its own report: %v", err)
		}
		if _, err := a.ReturnReport(ctx, county, p.ID, 2023, 3, 0, " "); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("return without reason: %v", err)
		}
		if r, err = a.ReturnReport(ctx, county, p.ID, 2023, 3, 0, "金额与形象进度不符"); err != nil || r.Status != qianxiang.ReportReturned {
			t.Fatalf("return: %+v %v", r, err)
		}
		// After the deadline a unit may still correct a returned report…
		now = time.Date(2023, 3, 27, 9, 0, 0, 0, a.Loc)
		if r, err = a.SubmitReport(ctx, unit, p.ID, 2023, 3, &app.ReportInput{Completed: money("300")}); err != nil || !r.Late {
			t.Fatalf("resubmit after return, late: %+v %v", r, err)
		}
		if r, err = a.ApproveReport(ctx, county, p.ID, 2023, 3, 0); err != nil || r.Status != qianxiang.ReportApproved {
			t.Fatalf("approve: %+v %v", r, err)
		}
		// …but not start a new one; the county can, marked late.
		q, _ := a.CreateProject(ctx, cmd, newProject("离石区续建项目", "141102"))
		if _, err := a.SaveReport(ctx, unit, q.ID, 2023, 3, app.ReportInput{Completed: money("5")}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a unit after the deadline: %v", err)
		}
		if r, err = a.SubmitReport(ctx, county, q.ID, 2023, 3, &app.ReportInput{Completed: money("5")}); err != nil || !r.Late {
			t.Fatalf("county after the deadline: %+v %v", r, err)
		}
		// A reopened month lets the unit in again.
		q2, _ := a.CreateProject(ctx, cmd, newProject("离石区续建二期项目", "141102"))
		if _, err := a.ReopenReport(ctx, county, q2.ID, 2023, 3); err != nil {
			t.Fatal(err)
		}
		if _, err := a.SaveReport(ctx, unit, q2.ID, 2023, 3, app.ReportInput{Completed: money("7")}); err != nil {
			t.Fatalf("a unit in a reopened month: %v", err)
		}
		d, err := a.Dispatch(ctx, cmd, 2023, 3)
		if err != nil || d.Total.CompletedYTD.String() != "305.00" || d.Total.ReportsMissing != 1 {
			t.Fatalf("dispatch counts submitted and approved only: %+v %v", d.Total, err)
		}
		h, _ := a.DB.History(ctx, "reports", r.ID)
		if len(h) == 0 {
			t.Fatal("report transitions must be audited")
		}
	})
}

func ptr[T any](v T) *T { return &v }

func TestGridListsOnlyTheKindsThatReport(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		a.CreateProject(ctx, cmd, newProject("离石区续建项目", "141102"))
		prep := newProject("离石区前期项目", "141102")
		prep.Kind = qianxiang.KindPreparatory
		a.CreateProject(ctx, cmd, prep)
		s := qianxiang.DefaultDispatchSettings()
		s.ReportingKinds = []qianxiang.Kind{qianxiang.KindNew, qianxiang.KindContinuing}
		if err := a.SetDispatchSettings(ctx, cmd, s); err != nil {
			t.Fatal(err)
		}
		g, err := a.ReportGrid(ctx, cmd, 2023, 3, "")
		if err != nil || len(g.Rows) != 1 || g.Rows[0].Project.Name != "离石区续建项目" {
			t.Fatalf("grid: %+v %v", g, err)
		}
	})
}
