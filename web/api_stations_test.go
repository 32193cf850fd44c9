package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// Stations through the API and the page's forms: a problem goes the whole
// way and is counted solved; a unit answers only what was forwarded to it.
func TestStationAPIAndPages(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	suggestionCity(t, a)
	testenv.User(t, a, "shizhang", qianxiang.RoleLeader, "141100")
	srv, _ := serve(t, a)
	staff := loginAs(t, srv.URL, "rdb", testenv.Password)
	cgj := loginAs(t, srv.URL, "cgj", testenv.Password)
	wjw := loginAs(t, srv.URL, "wjw", testenv.Password)
	dep := loginAs(t, srv.URL, "S-0001", testenv.Password)
	call := func(c *client, method, path, body string) (int, map[string]any) {
		t.Helper()
		code, out := c.send(method, path, body)
		var m map[string]any
		json.Unmarshal([]byte(out), &m)
		return code, m
	}
	code, m := call(staff, "POST", "/api/v1/stations", `{"name":"凤山街道代表联络站","org":"141102","reception_day":10,"deputies":["S-0001","S-0002"],"leaders":["shizhang"]}`)
	if code != 201 {
		t.Fatalf("station: %d %v", code, m)
	}
	sid := int(m["id"].(float64))
	if code, m = call(staff, "POST", "/api/v1/stations", `{"name":"x","org":"141102","reception_day":31}`); code != 422 {
		t.Fatalf("reception day 31: %d %v", code, m)
	}
	code, m = call(dep, "POST", fmt.Sprintf("/api/v1/stations/%d/problems", sid), `{"visitor":"李大娘","text":"小区路灯不亮"}`)
	if code != 201 || m["status"] != "registered" {
		t.Fatalf("register: %d %v", code, m)
	}
	pid := int(m["id"].(float64))
	p := fmt.Sprintf("/api/v1/station-problems/%d/", pid)
	if code, m = call(dep, "POST", p+"forward", `{"org":"141100-CGJ"}`); code != 403 {
		t.Fatalf("a deputy does not forward: %d %v", code, m)
	}
	if code, m = call(staff, "POST", p+"forward", `{"org":"141100-CGJ"}`); code != 200 || m["status"] != "forwarded" {
		t.Fatalf("forward: %d %v", code, m)
	}
	if code, m = call(wjw, "POST", p+"answer", `{"text":"x"}`); code != 404 {
		t.Fatalf("another unit: %d %v", code, m)
	}
	if code, m = call(cgj, "POST", p+"answer", `{"text":"已修复"}`); code != 200 {
		t.Fatalf("answer: %d %v", code, m)
	}
	if code, m = call(dep, "POST", p+"return-visit", `{"text":"满意","solved":true}`); code != 200 || m["solved"] != true {
		t.Fatalf("return visit: %d %v", code, m)
	}
	if code, m = call(staff, "GET", "/api/v1/stations/counts", ``); code != 200 || !strings.Contains(fmt.Sprint(m["units"]), "141100-CGJ") {
		t.Fatalf("counts: %d %v", code, m)
	}
	// The page's forms: a visit and a step.
	if code, body, _ := staff.post(fmt.Sprintf("/stations/%d/visits", sid), url.Values{"leader": {"shizhang"}, "visited_on": {""}, "scheduled_on": {"2099-01-10"}}); code != 303 {
		t.Fatalf("schedule a visit: %d %s", code, body)
	}
	// A visit's people are those received (接待人数), not a verification's
	// names (核查人员); the API's field stays "people".
	if code, m = call(staff, "POST", fmt.Sprintf("/api/v1/stations/%d/visits?lang=zh", sid), `{"leader":"shizhang","visited_on":"2023-01-10","people":-1}`); code != 422 ||
		m["error"].(map[string]any)["message"] != "接待人数：须在 0 到 100,000 之间" || !strings.Contains(fmt.Sprint(m["error"]), "field:people") {
		t.Fatalf("a visit with -1 people: %d %v", code, m)
	}
	if code, body, _ := staff.post(fmt.Sprintf("/station-problems/%d/archive", pid), url.Values{"station": {fmt.Sprint(sid)}}); code != 303 {
		t.Fatalf("archive: %d %s", code, body)
	}
	for _, path := range []string{"/stations", fmt.Sprintf("/stations/%d", sid)} {
		if code, body := staff.get(path); code != 200 || !strings.Contains(body, "凤山街道代表联络站") {
			t.Fatalf("%s: %d", path, code)
		}
	}
	if code, body := dep.get("/my"); code != 200 || !strings.Contains(body, "我的联络站") {
		t.Fatalf("/my: %d", code)
	}
	// A station problem about a project shows on the project's page.
	testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100-FGW")
	proj, err := a.CreateProject(context.Background(), qianxiang.SystemActor, qianxiang.Project{Year: 2023, Name: "离石区北川河治理项目",
		Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindContinuing, TotalInvestment: 9000, AnnualPlan: 3000})
	if err != nil {
		t.Fatal(err)
	}
	if code, m = call(dep, "POST", fmt.Sprintf("/api/v1/stations/%d/problems", sid), fmt.Sprintf(`{"text":"北川河治理施工噪音扰民","project":%d}`, proj.ID)); code != 201 {
		t.Fatalf("register about a project: %d %v", code, m)
	}
	zhb := loginAs(t, srv.URL, "zhb", testenv.Password)
	// Made a campaign problem with one action: each record leads to the other.
	spid := int(m["id"].(float64))
	if code, m = call(staff, "POST", fmt.Sprintf("/api/v1/station-problems/%d/forward", spid), `{"org":"141102"}`); code != 200 {
		t.Fatalf("forward: %d %v", code, m)
	}
	if code, m = call(staff, "POST", fmt.Sprintf("/api/v1/station-problems/%d/to-campaign", spid), `{"category":"other"}`); code != 200 || m["campaign_problem"] == nil {
		t.Fatalf("to campaign: %d %v", code, m)
	}
	cp := int(m["campaign_problem"].(float64))
	if code, body := zhb.get(fmt.Sprintf("/problems/%d", cp)); code != 200 || !strings.Contains(body, fmt.Sprintf(`href="/station-problems/%d"`, spid)) {
		t.Fatalf("the campaign problem leads back to the station's record: %d", code)
	}
	if code, body := staff.get(fmt.Sprintf("/station-problems/%d", spid)); code != 200 || !strings.Contains(body, fmt.Sprintf(`href="/problems/%d"`, cp)) {
		t.Fatalf("the station's record leads to the campaign problem: %d", code)
	}
	if code, m = call(staff, "POST", "/api/v1/suggestions", fmt.Sprintf(`{"title":"关于加快北川河治理进度的建议","body":"内容","deputies":["S-0001"],"submitted_on":"2023-03-01","project":%d}`, proj.ID)); code != 201 {
		t.Fatalf("a suggestion about the project: %d %v", code, m)
	}
	if code, body := zhb.get(fmt.Sprintf("/projects/%d", proj.ID)); code != 200 || !strings.Contains(body, "代表建议和群众反映问题") || !strings.Contains(body, "北川河治理施工噪音扰民") ||
		!strings.Contains(body, "关于加快北川河治理进度的建议") {
		t.Fatalf("project page: %d %s", code, body)
	}
}
