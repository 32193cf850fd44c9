package app_test

import (
	"bytes"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/excel"
	"qianxiang/internal/testenv"
)

// A task names its responsible city leader (imported from the 责任领导
// column or set by an audited edit); the leader's desk lists their tasks,
// red first, with the latest progress, and not another leader's; the
// column survives export and import.
func TestDeskTasksListTheLeadersTasksOnly(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		now := time.Date(2026, 3, 10, 10, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { return now }
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100-FGW")
		fgw := testenv.User(t, a, "fgw", qianxiang.RoleOrgAdmin, "141100-FGW")
		mk := func(user, name string) qianxiang.Actor {
			u, _, err := a.AddUser(ctx, qianxiang.SystemActor, app.NewUser{Username: user, DisplayName: name, Role: qianxiang.RoleLeader, OrgCode: "141100", Password: testenv.Password})
			if err != nil {
				t.Fatal(err)
			}
			return u.Actor()
		}
		zhang, ren := mk("shizhang", "张广勇"), mk("renzhong", "任忠")

		rows := readSampleTasks(t).Rows
		rows[0].Task.Leader = "张广勇"
		rows[1].Task.Leader = "任忠"
		l, err := a.ImportTaskList(ctx, cmd, qianxiang.TaskList{Year: 2026, Title: "台账"}, rows)
		if err != nil || len(l.Tasks) != 3 {
			t.Fatalf("import: %v", err)
		}
		t1, t2, t3 := l.Tasks[0], l.Tasks[1], l.Tasks[2]
		// The third task is given to 张广勇 by username through an edit.
		e, err := a.EditTask(ctx, cmd, t3.ID, app.TaskEdit{Leader: ptr(" shizhang "), Version: t3.Version})
		if err != nil || e.Leader != "shizhang" {
			t.Fatalf("edit leader: %+v %v", e, err)
		}
		if _, err := a.EditTask(ctx, fgw, t3.ID, app.TaskEdit{Leader: ptr("任忠")}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("an organisation changed the leader: %v", err)
		}
		audit, err := a.DB.AuditEntries(ctx, qianxiang.AuditFilter{Table: "tasks", ID: t3.ID})
		if err != nil || len(audit) == 0 || audit[0].Action != "update" || audit[0].Actor != "zhb" {
			t.Fatalf("leader edit not audited: %+v %v", audit, err)
		}
		// Progress on the first task; in April the second and third miss
		// their March milestone unless reported reached.
		lead := testenv.User(t, a, "lead1", qianxiang.RoleOrgAdmin, t1.LeadOrg.Code)
		if _, err := a.ReportTaskProgress(ctx, lead, t1.ID, app.ProgressIn{Month: "2026-03", Text: "方案已印发"}); err != nil {
			t.Fatalf("progress: %v", err)
		}
		now = time.Date(2026, 4, 20, 10, 0, 0, 0, a.Loc)

		d, err := a.Desk(ctx, zhang, "")
		if err != nil {
			t.Fatal(err)
		}
		got := map[int64]qianxiang.Task{}
		for _, x := range d.Tasks {
			got[x.ID] = x
		}
		if len(d.Tasks) != 2 || got[t1.ID].ID == 0 || got[t3.ID].ID == 0 || got[t2.ID].ID != 0 {
			t.Fatalf("张广勇's desk tasks: %+v", d.Tasks)
		}
		if p := got[t1.ID].Latest; p == nil || p.Text != "方案已印发" {
			t.Fatalf("latest progress on the desk: %+v", p)
		}
		for i := 1; i < len(d.Tasks); i++ {
			rank := map[qianxiang.Light]int{qianxiang.LightRed: 0, qianxiang.LightYellow: 1, qianxiang.LightGreen: 2}
			if rank[d.Tasks[i-1].Light] > rank[d.Tasks[i].Light] {
				t.Fatalf("not red first: %s before %s", d.Tasks[i-1].Light, d.Tasks[i].Light)
			}
		}
		for _, x := range d.Tasks {
			if x.Light == "" {
				t.Fatalf("task %d has no light", x.ID)
			}
		}
		d2, err := a.Desk(ctx, ren, "")
		if err != nil || len(d2.Tasks) != 1 || d2.Tasks[0].ID != t2.ID {
			t.Fatalf("任忠's desk tasks: %+v %v", d2, err)
		}
		// The campaign office opening 任忠's desk sees the same.
		if d3, err := a.Desk(ctx, cmd, "renzhong"); err != nil || len(d3.Tasks) != 1 || d3.Tasks[0].ID != t2.ID {
			t.Fatalf("office view of 任忠's desk: %v", err)
		}
		// Clearing the leader takes the task off the desk.
		cur, _ := a.Task(ctx, cmd, t2.ID)
		if _, err := a.EditTask(ctx, cmd, t2.ID, app.TaskEdit{Leader: ptr(""), Version: cur.Version}); err != nil {
			t.Fatal(err)
		}
		if d2, _ := a.Desk(ctx, ren, ""); len(d2.Tasks) != 0 {
			t.Fatalf("cleared leader still on the desk: %+v", d2.Tasks)
		}

		// Export writes 责任领导; import reads it back.
		all, err := a.Tasks(ctx, cmd, app.TaskQuery{ListID: l.ID})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := excel.WriteTasks(&buf, l.Title, 2026, all, func(x qianxiang.Light) string { return string(x) }); err != nil {
			t.Fatal(err)
		}
		again, err := excel.ReadTasks(&buf, "export.xlsx", 2026)
		if err != nil || len(again.Rows) != 3 {
			t.Fatalf("export reads again: %v", err)
		}
		want := []string{"张广勇", "", "shizhang"}
		for i, r := range again.Rows {
			if r.Task.Leader != want[i] || len(r.Task.Milestones) != len(all[i].Milestones) || r.LeadName != all[i].LeadOrg.Name {
				t.Fatalf("row %d after round trip: leader %q, %+v", i, r.Task.Leader, r)
			}
		}
	})
}
