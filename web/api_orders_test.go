package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"os"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// The contract's order endpoints end to end, with the refusals a client
// meets: a reply from someone else (403), out of scope (404), a past
// reply_by and an unknown organisation (422 naming the field).
func TestAPIOrdersTasksAndFactors(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 30, 10, 0, 0, 0, a.Loc) }
	testenv.Lvliang(t, a)
	tok := withTokens(t, a, []userSpec{{"ducha", qianxiang.RoleSupervisor, "141100"}, {"zhb", qianxiang.RoleCommand, "141100-FGW"},
		{"lishi", qianxiang.RoleOrgAdmin, "141102"}, {"wenshui", qianxiang.RoleOrgAdmin, "141121"}, {"jiaocheng", qianxiang.RoleOrgAdmin, "141122"}})
	srv, _ := serve(t, a)
	call := func(who, method, path, body string) (int, string) {
		code, out, _ := bearer(t, srv.URL, tok[who], method, path, strings.NewReader(body), "application/json")
		return code, out
	}
	p, err := a.CreateProject(context.Background(), qianxiang.SystemActor, qianxiang.Project{Year: 2026, Name: "文水县供热管网项目",
		Org: qianxiang.OrgRef{Code: "141121"}, Kind: qianxiang.KindContinuing, TotalInvestment: 100000, AnnualPlan: 12000})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		who, body string
		status    int
		want      string
	}{
		{"ducha", `{"org":"999","text":"x","reply_by":"2026-12-10"}`, 422, `"field":"org"`},
		{"ducha", `{"org":"141102","text":"x","reply_by":"2026-11-01"}`, 422, `"field":"reply_by"`},
		{"ducha", `{"org":"141102","text":"x","reply_by":"2026-12-10","project":"x"}`, 422, `"field":"project"`},
		{"lishi", `{"org":"141102","text":"x","reply_by":"2026-12-10"}`, 403, `"code":"forbidden"`},
	}
	for _, c := range cases {
		if code, out := call(c.who, "POST", "/api/v1/orders", c.body); code != c.status || !strings.Contains(out, c.want) {
			t.Errorf("%s %s: %d %s", c.who, c.body, code, out)
		}
	}
	code, out := call("ducha", "POST", "/api/v1/orders", fmt.Sprintf(`{"org":"141102","project":%d,"text":"请协调管网穿越离石段","reply_by":"2026-12-10"}`, p.ID))
	if code != 201 || !strings.Contains(out, `"number":"督办〔2026〕1号"`) {
		t.Fatalf("issue: %d %s", code, out)
	}
	var o struct{ ID int64 }
	json.Unmarshal([]byte(out), &o)
	path := fmt.Sprintf("/api/v1/orders/%d", o.ID)
	if code, _ := call("jiaocheng", "GET", path, ""); code != 404 {
		t.Fatalf("out of scope: %d", code)
	}
	if code, out := call("wenshui", "POST", path+"/reply", `{"text":"x"}`); code != 403 || !strings.Contains(out, "addressed to") {
		t.Fatalf("a reply by someone else: %d %s", code, out)
	}
	if code, _ := call("lishi", "GET", fmt.Sprintf("/api/v1/projects/%d", p.ID), ""); code != 404 {
		t.Fatalf("the addressee must not see the rest of the project: %d", code)
	}
	for _, s := range []struct{ who, step, status string }{{"lishi", "reply", "replied"}, {"zhb", "accept", ""}, {"ducha", "reject", "returned"},
		{"lishi", "reply", "replied"}, {"ducha", "accept", "accepted"}} {
		code, out := call(s.who, "POST", path+"/"+s.step, `{"text":"办理情况"}`)
		if s.status == "" {
			if code != 403 {
				t.Fatalf("another office accepting: %d %s", code, out)
			}
			continue
		}
		if code != 200 || !strings.Contains(out, `"status":"`+s.status+`"`) {
			t.Fatalf("%s: %d %s", s.step, code, out)
		}
	}
	if code, out := call("lishi", "GET", "/api/v1/orders?status=accepted", ""); code != 200 || !strings.Contains(out, `"total":1`) {
		t.Fatalf("list: %d %s", code, out)
	}
	if code, out := call("ducha", "GET", "/api/v1/orders?overdue=yes", ""); code != 422 || !strings.Contains(out, `"field":"overdue"`) {
		t.Fatalf("bad overdue: %d %s", code, out)
	}
	if code, out := call("ducha", "GET", "/api/v1/orders/counts", ""); code != 200 || !strings.Contains(out, `"on_time_rate":1`) {
		t.Fatalf("counts: %d %s", code, out)
	}
	if code, out, h := bearer(t, srv.URL, tok["ducha"], "GET", "/api/v1/exports/orders", nil, ""); code != 200 || !strings.HasPrefix(out, "PK") ||
		!strings.Contains(h.Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("export: %d", code)
	}

	// Factors: the county edits its project; the exact area comes back.
	fpath := fmt.Sprintf("/api/v1/projects/%d/factors", p.ID)
	if code, out := call("wenshui", "POST", fpath+"/land", `{"area":"12.25","source":"stock","state":"needed"}`); code != 201 || !strings.Contains(out, `"area":12.25`) {
		t.Fatalf("land: %d %s", code, out)
	}
	if code, out := call("wenshui", "POST", fpath+"/land", `{"area":"12.255","source":"stock","state":"needed"}`); code != 400 || !strings.Contains(out, "two decimals") {
		t.Fatalf("three decimals: %d %s", code, out)
	}
	if code, out := call("wenshui", "POST", fpath+"/approval", `{"kind":"eia","state":"tolerated","doc":"环评报告书"}`); code != 422 || !strings.Contains(out, `"field":"promised_by"`) {
		t.Fatalf("容缺 without a date: %d %s", code, out)
	}
	if code, _ := call("lishi", "GET", fpath, ""); code != 404 {
		t.Fatalf("another county's factors: %d", code)
	}
	if code, out := call("wenshui", "GET", fpath, ""); code != 200 || !strings.Contains(out, `"land_total":12.25`) {
		t.Fatalf("factors: %d %s", code, out)
	}

	// Tasks: the sample ledger through the import endpoint, then progress.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "tasks-2026.xlsx")
	sample, err := os.ReadFile("../excel/testdata/tasks-2026.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(sample)
	mw.Close()
	code, out, _ = bearer(t, srv.URL, tok["zhb"], "POST", "/api/v1/imports/tasks?year=2026", &body, mw.FormDataContentType())
	if code != 201 || !strings.Contains(out, "2026年市委全会重点任务分解台账") {
		t.Fatalf("import tasks: %d %s", code, out)
	}
	if code, out := call("lishi", "GET", "/api/v1/tasks?year=2026", ""); code != 200 || !strings.Contains(out, `"total":2`) {
		t.Fatalf("lishi's tasks: %d %s", code, out)
	}
	if code, out := call("jiaocheng", "GET", "/api/v1/tasks?year=2026", ""); code != 200 || !strings.Contains(out, `"total":0`) {
		t.Fatalf("jiaocheng's tasks: %d %s", code, out)
	}
}
