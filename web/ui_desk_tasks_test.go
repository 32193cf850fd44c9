package web_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/internal/testenv"
)

// The task API carries the responsible leader, editable by PUT; the
// leader's desk shows "我的任务" with their task linked and not another's.
func TestDeskTasksPageAndLeaderField(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	testenv.Lvliang(t, a)
	toks := withTokens(t, a, []userSpec{{"zhb", qianxiang.RoleCommand, "141100-FGW"}, {"shizhang", qianxiang.RoleLeader, "141100"}})
	srv, _ := serve(t, a)
	u, err := a.DB.UserByName(ctx, "zhb")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../excel/testdata/tasks-2026.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, err := excel.ReadTasks(f, "tasks-2026.xlsx", 2026)
	if err != nil {
		t.Fatal(err)
	}
	l, err := a.ImportTaskList(ctx, u.Actor(), qianxiang.TaskList{Year: a.DefaultYear(ctx), Title: "台账"}, sheet.Rows)
	if err != nil {
		t.Fatal(err)
	}
	t1, t2 := l.Tasks[0], l.Tasks[1]
	code, body, _ := bearer(t, srv.URL, toks["zhb"], "PUT", fmt.Sprintf("/api/v1/tasks/%d", t1.ID), strings.NewReader(`{"leader":"shizhang","version":1}`), "application/json")
	if code != 200 || !strings.Contains(body, `"leader":"shizhang"`) {
		t.Fatalf("PUT leader: %d %s", code, body)
	}
	code, body, _ = bearer(t, srv.URL, toks["shizhang"], "PUT", fmt.Sprintf("/api/v1/tasks/%d", t2.ID), strings.NewReader(`{"leader":"shizhang"}`), "application/json")
	if code != 403 {
		t.Fatalf("a leader set a task's leader: %d %s", code, body)
	}
	code, body, _ = bearer(t, srv.URL, toks["zhb"], "GET", fmt.Sprintf("/api/v1/tasks/%d", t2.ID), nil, "")
	if code != 200 || !strings.Contains(body, `"leader":""`) {
		t.Fatalf("GET task: %d %s", code, body)
	}
	c := loginAs(t, srv.URL, "shizhang", testenv.Password)
	code, page := c.get("/desk")
	if code != 200 || !strings.Contains(page, "我的任务") || !strings.Contains(page, fmt.Sprintf(`href="/tasks/%d"`, t1.ID)) ||
		strings.Contains(page, fmt.Sprintf(`href="/tasks/%d"`, t2.ID)) {
		t.Fatalf("desk page %d:\n%s", code, page)
	}
}
