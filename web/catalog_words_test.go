package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// TestPagesReadTheirOwnWords: English keys shared by two areas once took
// whichever Chinese registered last, so the congress chair's "Open"
// button read the orders' 未办结 and "Reopen" read the problems' 重新打开.
// Each page must show its own area's word.
func TestPagesReadTheirOwnWords(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 30, 10, 0, 0, 0, a.Loc) }
	h := newHall(t, a, 9, 3)
	tok := withTokens(t, a, []userSpec{{"ducha", qianxiang.RoleSupervisor, "141100"}})
	srv, _ := serve(t, a)

	// The congress meeting: a draft vote and a closed one.
	m := h.apiMeeting(t, srv.URL, "plenary", 6)
	if code, resp, _ := bearer(t, srv.URL, h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/votes", m),
		strings.NewReader(`{"title":"关于计划报告的决议","anonymity":"aggregate"}`), "application/json"); code != 201 {
		t.Fatalf("draft vote: %d %s", code, resp)
	}
	closed := h.apiVote(t, srv.URL, m, "aggregate")
	if code, resp, _ := bearer(t, srv.URL, h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/close", closed), nil, ""); code != 200 {
		t.Fatalf("close: %d %s", code, resp)
	}
	staff := loginAs(t, srv.URL, "rdb", testenv.Password)
	code, page := staff.get(fmt.Sprintf("/congress/meetings/%d", m))
	if code != 200 {
		t.Fatalf("meeting page: %d", code)
	}
	testenv.Contains(t, page, `data-act="open">开始表决</button>`, `data-act="reopen">重新表决</button>`,
		`data-open="开始表决"`, `data-reopen="重新表决"`)
	for _, wrong := range []string{"未办结", "重新打开"} {
		if strings.Contains(page, wrong) {
			t.Errorf("the meeting page reads %s, another area's word", wrong)
		}
	}
	if code, page = staff.get("/congress"); code != 200 {
		t.Fatalf("/congress: %d", code)
	}
	testenv.Contains(t, page, "<h1>人大会议", `>人大</a>`)

	// The orders: the open count per organisation is 未办结.
	p, err := a.CreateProject(context.Background(), qianxiang.SystemActor, qianxiang.Project{Year: 2026, Name: "文水县供热管网项目",
		Org: qianxiang.OrgRef{Code: "141121"}, Kind: qianxiang.KindContinuing, TotalInvestment: 100000, AnnualPlan: 12000})
	if err != nil {
		t.Fatal(err)
	}
	if code, out, _ := bearer(t, srv.URL, tok["ducha"], "POST", "/api/v1/orders",
		strings.NewReader(fmt.Sprintf(`{"org":"141121","project":%d,"text":"请协调管网穿越","reply_by":"2026-12-10"}`, p.ID)), "application/json"); code != 201 {
		t.Fatalf("issue an order: %d %s", code, out)
	}
	ducha := loginAs(t, srv.URL, "ducha", testenv.Password)
	if code, page = ducha.get("/orders"); code != 200 {
		t.Fatalf("/orders: %d", code)
	}
	testenv.Contains(t, page, "按单位统计", `<th class="num">未办结</th>`)
	if strings.Contains(page, "开始表决") {
		t.Error("the orders page reads the congress's 开始表决")
	}
}
