package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func TestProblemsAPIScopesAndRefusals(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	y := time.Now().Year() + 1
	toks := withTokens(t, w.a, []userSpec{{"shizhang", "leader", "141100"}})
	w.tokens["shizhang"] = toks["shizhang"]
	body := func(due, owner string) string {
		return fmt.Sprintf(`{"project":%d,"category":"approval","description":"施工许可待办理","owner_org":%q,"due":%q}`, w.lishi.ID, owner, due)
	}
	for _, sc := range []scenario{
		{name: "due in the past", user: "lishi", method: "POST", path: "/api/v1/problems", body: body("2020-01-01", "141121"), status: 422, contain: `"field":"due"`},
		{name: "unknown org", user: "lishi", method: "POST", path: "/api/v1/problems", body: body(fmt.Sprintf("%d-01-15", y), "999999"), status: 422, contain: `organisation \"999999\" not found`},
		{name: "a viewer may not raise", user: "guest", method: "POST", path: "/api/v1/problems", body: body(fmt.Sprintf("%d-01-15", y), "141121"), status: 403},
		{name: "raised", user: "lishi", method: "POST", path: "/api/v1/problems", body: body(fmt.Sprintf("%d-01-15", y), "141121"), status: 201, contain: `"owner_org":{"code":"141121"`},
		{name: "bad leader filter", user: "zhb", method: "GET", path: "/api/v1/problems?leader=bob", status: 422, contain: `"field":"leader"`},
		{name: "the owner county sees it", user: "wenshui", method: "GET", path: "/api/v1/problems", status: 200, contain: `"days_open":0`},
		{name: "not the rest of the project", user: "wenshui", method: "GET", path: fmt.Sprintf("/api/v1/projects/%d", w.lishi.ID), status: 404},
		{name: "nor its problem list", user: "wenshui", method: "GET", path: fmt.Sprintf("/api/v1/projects/%d/problems", w.lishi.ID), status: 404},
		{name: "the owner is told", user: "wenshui", method: "GET", path: "/api/v1/notifications", status: 200, contain: `"unread":1`},
		{name: "read", user: "wenshui", method: "POST", path: "/api/v1/notifications/read", body: `{}`, status: 200, contain: `"unread":0`},
		{name: "webhook not http", user: "zhb", method: "PUT", path: "/api/v1/settings/webhook", body: `{"url":"ftp://hooks.example","secret":"0123456789abcdef"}`, status: 422, contain: `not an http(s) address`},
		{name: "webhook by a county", user: "lishi", method: "PUT", path: "/api/v1/settings/webhook", body: `{"url":"https://hooks.example","secret":"0123456789abcdef"}`, status: 403},
	} {
		status, got, _ := w.do(t, sc)
		if status != sc.status || !strings.Contains(got, sc.contain) {
			t.Fatalf("%s: %d %s", sc.name, status, got)
		}
	}
	ps, _ := w.a.Problems(t.Context(), qianxiang.SystemActor, app.ProblemQuery{})
	id := ps[0].ID
	for _, sc := range []scenario{
		{name: "another county", user: "wenshui", method: "GET", path: "/api/v1/problems/999", status: 404},
		{name: "closing unresolved", user: "zhb", method: "POST", path: fmt.Sprintf("/api/v1/problems/%d/close", id), status: 422, contain: "only a resolved problem can be closed"},
		{name: "instruction by the office", user: "zhb", method: "POST", path: fmt.Sprintf("/api/v1/problems/%d/instructions", id), body: `{"text":"抓紧"}`, status: 403, contain: "only a city leader"},
		{name: "instruction by a leader", user: "shizhang", method: "POST", path: fmt.Sprintf("/api/v1/problems/%d/instructions", id), body: `{"text":"请文水县一周内办结"}`, status: 201},
		{name: "extend without a reason", user: "zhb", method: "POST", path: fmt.Sprintf("/api/v1/problems/%d/extend", id), body: fmt.Sprintf(`{"due":"%d-02-15"}`, y), status: 422, contain: `"field":"reason"`},
		{name: "unknown step", user: "zhb", method: "POST", path: fmt.Sprintf("/api/v1/problems/%d/explode", id), body: `{}`, status: 404},
	} {
		status, got, _ := w.do(t, sc)
		if status != sc.status || !strings.Contains(got, sc.contain) {
			t.Fatalf("%s: %d %s", sc.name, status, got)
		}
	}
	// Past the due date: from the cockpit, the overdue list shows the owner,
	// the age and the leader's instruction.
	w.a.Now = func() time.Time { return time.Date(y, 1, 20, 9, 0, 0, 0, w.a.Loc) }
	c := loginAs(t, w.srv.URL, "zhb", testenv.Password)
	if st, page := c.get("/"); st != 200 || !strings.Contains(page, `href="/problems?overdue=1"`) {
		t.Fatalf("cockpit: %d", st)
	}
	st, page := c.get("/problems?overdue=1")
	if st != 200 {
		t.Fatalf("overdue list: %d", st)
	}
	testenv.Contains(t, page, "施工许可待办理", "文水县", "请文水县一周内办结", "已逾期")
	if st, page = c.get("/dispatch?print=1"); st != 200 {
		t.Fatalf("circular: %d", st)
	}
	testenv.Contains(t, page, "逾期未解决问题（1 个）", "施工许可待办理", "请文水县一周内办结")
	// Opening the problem reads its notices.
	cw := loginAs(t, w.srv.URL, "wenshui", testenv.Password)
	if st, _ := cw.get(fmt.Sprintf("/problems/%d", id)); st != 200 {
		t.Fatalf("problem page: %d", st)
	}
	if _, unread, _ := w.a.Notifications(t.Context(), wenshuiActor(t, w), 0); unread != 0 {
		t.Fatalf("unread after opening the problem: %d", unread)
	}
	if st, x, _ := bearer(t, w.srv.URL, w.tokens["zhb"], "GET", "/problems/export.xlsx?overdue=1", nil, ""); st != 200 || !strings.HasPrefix(x, "PK") {
		t.Fatalf("export: %d", st)
	}
}

func wenshuiActor(t *testing.T, w *apiWorld) qianxiang.Actor {
	u, err := w.a.DB.UserByName(t.Context(), "wenshui")
	if err != nil {
		t.Fatal(err)
	}
	return u.Actor()
}
