package app_test

import (
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// deleteWorld is 离石区's office and unit on 2023-03-10.
func deleteWorld(t *testing.T, a *app.App) (office, unit qianxiang.Actor) {
	a.Now = func() time.Time { return time.Date(2023, 3, 10, 10, 0, 0, 0, a.Loc) }
	testenv.Lvliang(t, a)
	return testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102"), testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
}

// Deleting a project takes its rows in other tables with it; each of them
// must leave a delete entry (with what it held) in the trail, in the same
// transaction, so that audit verify stays clean and the history of those
// rows is kept. The foreign keys' cascade alone removed them silently.
func TestDeleteProjectAuditsEveryChildRow(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		lishi, unit := deleteWorld(t, a)
		p, err := a.CreateProject(ctx, lishi, newProject("离石区误录项目", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		// A draft report with its photo, a factor and a voucher: the work
		// of a project entered by mistake, before anything was reported.
		r, err := a.SaveReport(ctx, unit, p.ID, 2023, 3, app.ReportInput{Completed: money("10.5")})
		if err != nil {
			t.Fatal(err)
		}
		ph, err := a.AttachPhoto(ctx, unit, p.ID, 2023, 3, "site.png", pngOf(t, 3))
		if err != nil {
			t.Fatal(err)
		}
		ap, err := a.SaveApproval(ctx, lishi, p.ID, qianxiang.Approval{Kind: "eia", State: qianxiang.ApprovalInProcess})
		if err != nil {
			t.Fatal(err)
		}
		f, err := a.UploadVoucher(ctx, unit, p.ID, qianxiang.VoucherApproval, "批复.pdf", testPDF)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.DeleteProject(ctx, lishi, p.ID, app.AnyVersion); err != nil {
			t.Fatal(err)
		}
		if _, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
			t.Fatalf("audit verify after deleting a project: %v %v", broken, err)
		}
		for _, c := range []struct {
			table string
			id    int64
			holds string
		}{{"reports", r.ID, `"completed":"1050"`}, {"photos", ph.ID, "site.png"}, {"approvals", ap.ID, "eia"}, {"stat_files", f.ID, "批复.pdf"}} {
			h, err := a.DB.History(ctx, c.table, c.id)
			if err != nil || len(h) == 0 {
				t.Fatalf("%s %d: no history (%v)", c.table, c.id, err)
			}
			last := h[len(h)-1]
			if last.Action != "delete" || last.Actor != "lishi" || !strings.Contains(last.Before, c.holds) || last.After != "" {
				t.Errorf("%s %d: last entry %+v, want lishi's delete holding %q", c.table, c.id, last, c.holds)
			}
		}
	})
}

// A project whose reports went to the office, or that problems were raised
// on, is part of the city's record: the dispatches sent out counted it and
// leaders instructed on it. Deleting it would rewrite them, so it is
// refused with the reason, and nothing changes.
func TestDeleteProjectWithHistoryIsRefused(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		lishi, unit := deleteWorld(t, a)
		reported, err := a.CreateProject(ctx, lishi, newProject("离石区已上报项目", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.SubmitReport(ctx, unit, reported.ID, 2023, 3, &app.ReportInput{Completed: money("10")}); err != nil {
			t.Fatal(err)
		}
		raised, err := a.CreateProject(ctx, lishi, newProject("离石区有问题项目", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.CreateProblem(ctx, lishi, app.ProblemInput{Project: raised.ID, Category: "审批", Description: "环评批复未下达",
			OwnerOrg: "141102", Due: "2023-03-20"}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			p    qianxiang.Project
			want string
		}{{reported, "report"}, {raised, "problem"}} {
			err := a.DeleteProject(ctx, lishi, c.p.ID, app.AnyVersion)
			if qianxiang.ErrorCode(err) != qianxiang.EConflict || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: deleted or refused without naming its %ss: %v", c.p.Name, c.want, err)
			}
			if _, err := a.Project(ctx, lishi, c.p.ID); err != nil {
				t.Errorf("%s is gone after a refused delete: %v", c.p.Name, err)
			}
		}
		if _, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
			t.Fatalf("audit verify: %v %v", broken, err)
		}
	})
}
