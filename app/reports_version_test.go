package app_test

import (
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// TestReviewAppliesToTheVersionSeen: a reviewer approves or returns the
// report they saw. Returned and resubmitted with other figures a moment
// before, it is refused (409) until the reviewer reloads; without a
// version (0) or with AnyVersion the current report is reviewed.
func TestReviewAppliesToTheVersionSeen(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		county := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		p, err := a.CreateProject(ctx, qianxiang.SystemActor, newProject("离石区滨河路改造", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		seen, err := a.SubmitReport(ctx, unit, p.ID, 2023, 3, &app.ReportInput{Completed: money("100")})
		if err != nil {
			t.Fatal(err)
		}
		// Another reviewer returns it; the unit resubmits other figures.
		if _, err := a.ReturnReport(ctx, county, p.ID, 2023, 3, seen.Version, "请核对金额"); err != nil {
			t.Fatal(err)
		}
		again, err := a.SubmitReport(ctx, unit, p.ID, 2023, 3, &app.ReportInput{Completed: money("900")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.ApproveReport(ctx, county, p.ID, 2023, 3, seen.Version); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("approving the version seen before the return: %v, want conflict", err)
		}
		if _, err := a.ReturnReport(ctx, county, p.ID, 2023, 3, seen.Version, "x"); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("returning a stale version: %v, want conflict", err)
		}
		// A unit's submit on a stale copy is refused the same way.
		if _, err := a.SubmitReport(ctx, unit, p.ID, 2023, 3, &app.ReportInput{Completed: money("1"), Version: seen.Version}); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("submitting a stale copy: %v, want conflict", err)
		}
		cur, err := a.DB.Report(ctx, p.ID, 2023, 3)
		if err != nil || cur.Status != qianxiang.ReportSubmitted || cur.Version != again.Version || cur.Completed != *money("900") {
			t.Fatalf("the refusals changed the report: %+v %v", cur, err)
		}
		ok, err := a.ApproveReport(ctx, county, p.ID, 2023, 3, again.Version)
		if err != nil || ok.Status != qianxiang.ReportApproved {
			t.Fatalf("approving the current version: %+v %v", ok, err)
		}
		if r, err := a.ReturnReport(ctx, county, p.ID, 2023, 3, app.AnyVersion, "再核对"); err != nil || r.Status != qianxiang.ReportReturned {
			t.Fatalf("returning any version: %+v %v", r, err)
		}
		if _, err := a.SubmitReport(ctx, unit, p.ID, 2023, 3, nil); err != nil {
			t.Fatal(err)
		}
		if r, err := a.ApproveReport(ctx, county, p.ID, 2023, 3, 0); err != nil || r.Status != qianxiang.ReportApproved {
			t.Fatalf("approving without a version: %+v %v", r, err)
		}
	})
}
