package app_test

import (
	"bytes"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/demo"
	"qianxiang/internal/testenv"
	"qianxiang/internal/workbooks"
	"qianxiang/store"
)

// A 调度表 written in bulk leaves what row-by-row saving left: every
// report submitted with its amount, one import entry per report in the
// trail (before: the report as it was; after: as stored), the starts it
// reports recorded on the projects with their own entries, a problem per
// 存在问题 cell; imported again, every report an update at the next
// version. A faulty row refuses the whole file, naming row and field, and
// nothing is written. The trail verifies throughout.
func TestReportImportInBulk(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2025, 4, 8, 10, 0, 0, 0, a.Loc) }
		if _, _, err := demo.FillScale(ctx, a, demo.Scale{Projects: 90, Year: 2025, Months: 2, ProblemEvery: 1000, Seed: 3}); err != nil {
			t.Fatal(err)
		}
		cmd := testenv.User(t, a, "qx-import", qianxiang.RoleCommand, "141100")
		ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: 2025, Sort: "id"})
		if err != nil {
			t.Fatal(err)
		}
		data, err := workbooks.Dispatch(2025, 3, ps, 7)
		if err != nil {
			t.Fatal(err)
		}
		problemsBefore, _ := a.Problems(ctx, cmd, app.ProblemQuery{})
		imp, err := a.ImportReports(ctx, cmd, 2025, 3, "调度表.xlsx", bytes.NewReader(data), false)
		if err != nil {
			t.Fatalf("import: %v %v", err, details(err))
		}
		rs, _ := a.DB.MonthReports(ctx, 2025, 3)
		if len(rs) != len(ps) || len(imp.Rows) != len(ps) {
			t.Fatalf("%d reports, %d rows, want %d", len(rs), len(imp.Rows), len(ps))
		}
		byProject := map[int64]qianxiang.Report{}
		for _, r := range rs {
			byProject[r.ProjectID] = r
		}
		starts, moved := 0, 0
		for i, p := range ps {
			r := byProject[p.ID]
			if r.Status != qianxiang.ReportSubmitted || r.Completed != p.AnnualPlan/40 || r.Version != 1 || r.UpdatedBy != "qx-import" {
				t.Fatalf("%s: report %+v", p.Name, r)
			}
			after, _ := a.DB.Project(ctx, p.ID)
			if p.StartedOn.IsZero() && p.Kind == qianxiang.KindNew && i%3 == 0 {
				starts++
				want := qianxiang.Date{Year: 2025, Month: 3, Day: 1 + i%25}
				if after.StartedOn != want || after.Version != p.Version+1 {
					t.Errorf("%s: started %v (version %d), want %v", p.Name, after.StartedOn, after.Version, want)
				}
				// Issue 15.3: a start read from the 调度表 moves 前期 to 在建 too.
				if after.Stage != qianxiang.StageAfterStart(p.Stage) {
					t.Errorf("%s: stage %s after a start from %s, want %s", p.Name, after.Stage, p.Stage, qianxiang.StageAfterStart(p.Stage))
				}
				if after.Stage != p.Stage {
					moved++
				}
				h, _ := a.History(ctx, cmd, "projects", p.ID)
				if len(h) == 0 || h[len(h)-1].Action != "start" || h[len(h)-1].Before == "" {
					t.Errorf("%s: no start in the trail: %+v", p.Name, h)
				}
			} else if after.StartedOn != p.StartedOn || after.Version != p.Version {
				t.Errorf("%s: changed without a start: %v → %v", p.Name, p.StartedOn, after.StartedOn)
			}
			h, _ := a.History(ctx, cmd, "reports", r.ID)
			if len(h) != 1 || h[0].Action != "import" || h[0].Before != "" || h[0].After == "" {
				t.Fatalf("%s: report trail %+v", p.Name, h)
			}
		}
		if starts == 0 || moved == 0 {
			t.Errorf("the workbook started %d projects and moved the stage of %d", starts, moved)
		}
		problems, _ := a.Problems(ctx, cmd, app.ProblemQuery{})
		if got := len(problems) - len(problemsBefore); got != len(ps)/7 {
			t.Errorf("%d problems opened, want %d", got, len(ps)/7)
		}

		// Again: every report is an update, its before the first after.
		if _, err := a.ImportReports(ctx, cmd, 2025, 3, "调度表.xlsx", bytes.NewReader(data), false); err != nil {
			t.Fatalf("import again: %v %v", err, details(err))
		}
		for _, r := range rs {
			now, _ := a.DB.Report(ctx, r.ProjectID, 2025, 3)
			h, _ := a.History(ctx, cmd, "reports", r.ID)
			if now.ID != r.ID || now.Version != 2 || len(h) != 2 || h[1].Before != h[0].After || h[1].After == h[0].After {
				t.Fatalf("report %d after the second import: version %d, trail %+v", r.ID, now.Version, h)
			}
		}

		// A county's part of the month: the befores are read by id.
		part, err := workbooks.Dispatch(2025, 3, ps[:10], 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.ImportReports(ctx, cmd, 2025, 3, "调度表.xlsx", bytes.NewReader(part), false); err != nil {
			t.Fatalf("import a part: %v %v", err, details(err))
		}
		for _, p := range ps[:10] {
			r := byProject[p.ID]
			h, _ := a.History(ctx, cmd, "reports", r.ID)
			if len(h) != 3 || h[2].Before != h[1].After {
				t.Fatalf("report %d after a partial import: trail %+v", r.ID, h)
			}
		}

		// A fault on one row: nothing is written.
		entries, _ := a.AuditEntries(ctx, qianxiang.SystemActor, qianxiang.AuditFilter{Limit: 1})
		bad, err := workbooks.Dispatch(2025, 4, append(append([]qianxiang.Project{}, ps...), qianxiang.Project{Name: "不在计划内的项目", Org: ps[0].Org}), 0)
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.ImportReports(ctx, cmd, 2025, 3, "调度表.xlsx", bytes.NewReader(bad), false)
		if qianxiang.ErrorCode(err) != qianxiang.EValidation || !hasDetail(err, len(ps)+3, "name") {
			t.Fatalf("a row naming no project: %v %v", err, details(err))
		}
		if now, _ := a.AuditEntries(ctx, qianxiang.SystemActor, qianxiang.AuditFilter{Limit: 1}); now[0].ID != entries[0].ID {
			t.Errorf("a refused import wrote to the trail")
		}
		if again, _ := a.DB.Report(ctx, ps[len(ps)-1].ID, 2025, 3); again.Version != 2 {
			t.Errorf("a refused import changed a report (version %d)", again.Version)
		}
		if _, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) > 0 {
			t.Fatalf("verify: %v %v", broken, err)
		}
	})
}

// SaveReports refuses, and writes nothing, when a report changed since it
// was read: the version it was read at is gone.
func TestSaveReportsRefusesAStaleVersion(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2025, 4, 8, 10, 0, 0, 0, a.Loc) }
		if _, _, err := demo.FillScale(ctx, a, demo.Scale{Projects: 5, Year: 2025, Months: 2, ProblemEvery: 1000, Seed: 3}); err != nil {
			t.Fatal(err)
		}
		rs, _ := a.DB.MonthReports(ctx, 2025, 1)
		stale := rs[0]
		stale.Version--
		fresh := qianxiang.Report{ProjectID: rs[0].ProjectID, Year: 2025, Month: 5, Status: qianxiang.ReportDraft}
		err := a.DB.Tx(ctx, func(tx *store.Tx) error {
			befores, err := tx.ReportSnapshots(ctx, 2025, 1)
			if err != nil {
				return err
			}
			_, err = tx.SaveReports(ctx, []*qianxiang.Report{&fresh, &stale}, befores)
			return err
		})
		if qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("stale version saved: %v", err)
		}
		if got, _ := a.DB.MonthReports(ctx, 2025, 5); len(got) != 0 {
			t.Errorf("the refused batch wrote %d reports", len(got))
		}
	})
}

// The snapshots SaveReports makes from what it writes are, byte for byte,
// the rows as stored (what Snapshot reads back and audit verify compares),
// for a new report and for updates, on both databases.
func TestSaveReportsSnapshotsAreStored(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2025, 4, 8, 10, 0, 0, 0, a.Loc) }
		if _, _, err := demo.FillScale(ctx, a, demo.Scale{Projects: 4, Year: 2025, Months: 1, ProblemEvery: 1000, Seed: 5}); err != nil {
			t.Fatal(err)
		}
		rs, _ := a.DB.MonthReports(ctx, 2025, 1)
		now := a.Now()
		save := []*qianxiang.Report{{ProjectID: rs[0].ProjectID, Year: 2025, Month: 6, Status: qianxiang.ReportSubmitted,
			Completed: 1234, Progress: `"引号" <b>&</b> \ 换行` + "\n", SubmittedAt: &now, UpdatedBy: "qx-import", Late: true}}
		for i := range rs {
			r := rs[i]
			r.Completed += 7
			r.Progress = "进度 " + r.Progress
			r.StartedOn = qianxiang.Date{Year: 2025, Month: 1, Day: 3}
			r.Reopened = i%2 == 0
			save = append(save, &r)
		}
		err := a.DB.Tx(ctx, func(tx *store.Tx) error {
			befores, err := tx.ReportSnapshots(ctx, 2025, 1)
			if err != nil {
				return err
			}
			snaps, err := tx.SaveReports(ctx, save, befores)
			if err != nil {
				return err
			}
			if len(snaps) != len(save) {
				t.Fatalf("%d snapshots for %d reports", len(snaps), len(save))
			}
			for _, r := range save {
				stored, err := tx.Snapshot(ctx, "reports", r.ID)
				if err != nil {
					return err
				}
				if snaps[r.ID] != stored {
					t.Errorf("report %d (version %d):\n made   %s\n stored %s", r.ID, r.Version, snaps[r.ID], stored)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
