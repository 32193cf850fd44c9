package app_test

import (
	"bytes"
	"os"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/excel"
	"qianxiang/internal/testenv"
)

func readSampleTasks(t *testing.T) *excel.TaskSheet {
	t.Helper()
	f, err := os.Open("../excel/testdata/tasks-2026.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ts, err := excel.ReadTasks(f, "tasks-2026.xlsx", 2026)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// The sample ledger imports whole; a row naming an unknown organisation
// refuses the whole list with the row named; the lead reports a
// milestone, a co-organisation reports progress; lights follow the clock;
// an organisation not on a task does not see it; the export imports again.
func TestTaskLedgerImportProgressLightsAndScope(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		var now = time.Date(2026, 3, 10, 10, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { return now }
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100-FGW")
		fgw := testenv.User(t, a, "fgw", qianxiang.RoleOrgAdmin, "141100-FGW")
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		wenshui := testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		jiaocheng := testenv.User(t, a, "jiaocheng", qianxiang.RoleOrgAdmin, "141122")
		ts := readSampleTasks(t)
		if ts.Title != "2026年市委全会重点任务分解台账" || len(ts.Rows) != 3 || len(ts.Rows[0].Task.Milestones) != 4 || ts.Rows[0].CoNames[1] != "文水县" {
			t.Fatalf("sample read: %+v", ts)
		}
		broken := append([]app.TaskRow{}, ts.Rows...)
		broken[1].LeadName = "市不存在局"
		_, err := a.ImportTaskList(ctx, cmd, qianxiang.TaskList{Year: 2026, Title: ts.Title}, broken)
		if e := qianxiang.AsError(err); e == nil || len(e.Details) != 1 || e.Details[0].Row != 4 || e.Details[0].Column != "C" {
			t.Fatalf("unknown lead organisation: %v", err)
		}
		if ls, _ := a.TaskLists(ctx, cmd, 2026); len(ls) != 0 {
			t.Fatal("a refused import wrote a list")
		}
		if _, err := a.ImportTaskList(ctx, lishi, qianxiang.TaskList{Year: 2026, Title: ts.Title}, readSampleTasks(t).Rows); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county imported the ledger: %v", err)
		}
		l, err := a.ImportTaskList(ctx, cmd, qianxiang.TaskList{Year: 2026, Title: ts.Title, Source: "市委全会"}, readSampleTasks(t).Rows)
		if err != nil || len(l.Tasks) != 3 {
			t.Fatalf("import: %v", err)
		}
		task1 := l.Tasks[0].ID
		if tk, _ := a.Tasks(ctx, lishi, app.TaskQuery{Year: 2026}); len(tk) != 2 {
			t.Fatalf("lishi helps with tasks 1 and 2, sees %d", len(tk))
		}
		if tk, _ := a.Tasks(ctx, jiaocheng, app.TaskQuery{Year: 2026}); len(tk) != 0 {
			t.Fatalf("jiaocheng is on no task, sees %d", len(tk))
		}
		if _, err := a.Task(ctx, jiaocheng, task1); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("jiaocheng reading task 1: %v", err)
		}
		if _, err := a.ReportTaskProgress(ctx, lishi, task1, app.ProgressIn{Month: "2026-03", Text: "配合制定计划", MilestoneDone: true}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a co-organisation reached a milestone: %v", err)
		}
		sup := testenv.User(t, a, "ducha", qianxiang.RoleSupervisor, "141100")
		if _, err := a.ReportTaskProgress(ctx, sup, task1, app.ProgressIn{Month: "2026-03", Text: "x"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("supervision is not on the task: %v", err)
		}
		for _, who := range []qianxiang.Actor{lishi, wenshui} {
			if _, err := a.ReportTaskProgress(ctx, who, task1, app.ProgressIn{Month: "2026-03", Text: "已配合"}); err != nil {
				t.Fatal(err)
			}
		}
		tk, err := a.ReportTaskProgress(ctx, fgw, task1, app.ProgressIn{Month: "2026-03", Text: "年度计划已印发", MilestoneDone: true})
		if err != nil || tk.Milestones[0].DoneOn.IsZero() || tk.Light != qianxiang.LightGreen {
			t.Fatalf("lead reaches march: %+v %v", tk, err)
		}
		now = time.Date(2026, 5, 2, 9, 0, 0, 0, a.Loc)
		if tk, _ := a.Task(ctx, fgw, task1); tk.Light != qianxiang.LightYellow || tk.Reason != qianxiang.TaskReasonMissingProgress {
			t.Fatalf("april not reported: %s %s", tk.Light, tk.Reason)
		}
		now = time.Date(2026, 7, 1, 9, 0, 0, 0, a.Loc)
		if red, _ := a.Tasks(ctx, cmd, app.TaskQuery{Year: 2026, Light: "red"}); len(red) != 2 {
			t.Fatalf("june's 集中开工 and 摸底造册 (april) missed: %d red", len(red))
		}
		t.Log("then the office takes june's milestone off task 1")
		if _, err := a.EditTask(ctx, lishi, task1, app.TaskEdit{Title: "x"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county edited a task: %v", err)
		}
		if _, err := a.EditTask(ctx, cmd, task1, app.TaskEdit{CoOrgs: []string{"离石区", "无此县"}}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("an unknown co-organisation: %v", err)
		}
		ed, err := a.EditTask(ctx, cmd, task1, app.TaskEdit{CoOrgs: []string{"离石区"}, Milestones: []qianxiang.Milestone{
			{Month: "2026-03", Text: "制定年度计划"}, {Month: "2026-12", Text: "完成全年目标"}}})
		if err != nil || len(ed.CoOrgs) != 1 || len(ed.Milestones) != 2 || ed.Milestones[0].DoneOn.IsZero() || ed.Light != qianxiang.LightYellow {
			t.Fatalf("edit keeps march reached, drops june: no longer red, still behind on reports: %+v %v", ed, err)
		}
		var buf bytes.Buffer
		all, _ := a.Tasks(ctx, cmd, app.TaskQuery{ListID: l.ID})
		if err := excel.WriteTasks(&buf, l.Title, 2026, all, func(x qianxiang.Light) string { return string(x) }); err != nil {
			t.Fatal(err)
		}
		again, err := excel.ReadTasks(&buf, "export.xlsx", 2026)
		if err != nil || len(again.Rows) != 3 || len(again.Rows[2].Task.Milestones) != 2 || again.Rows[0].LeadName != "市发改委" {
			t.Fatalf("the export reads back: %+v %v", again, err)
		}
		if _, broken, _ := a.VerifyAudit(ctx, qianxiang.SystemActor); len(broken) != 0 {
			t.Fatalf("audit chain: %v", broken)
		}
	})
}
