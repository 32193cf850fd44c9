package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// Classifications and batch starts through the API: roles, refusals with
// their status and field, the registry filter, the dispatch grouping, the
// public portal without confidential projects, and the pages.
func TestChainsAndBatchStartsAPI(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	ctx := context.Background()
	mk := func(name, org string, confidential bool) qianxiang.Project {
		p, err := w.a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: 2023, Name: name, Org: qianxiang.OrgRef{Code: org},
			Kind: qianxiang.KindNew, PlannedStart: qianxiang.Date{Year: 2023, Month: 3}, TotalInvestment: 1200050, AnnualPlan: 300025, Confidential: confidential})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	n1 := mk("离石区氢能综合利用示范项目", "141102", false)
	n2 := mk("离石区保密项目", "141102", true)
	ws := mk("文水县农产品加工园项目", "141121", false)
	list := `{"name":"重点产业链","headers":["产业链"],"entries":[{"name":"新能源"},{"name":"氢能"}]}`
	for _, sc := range []scenario{
		{name: "anonymous", method: "GET", path: "/api/v1/class-lists", status: 401},
		{name: "a county defines no list", user: "lishi", method: "PUT", path: "/api/v1/class-lists/chain", body: list, status: 403, contain: "campaign office"},
		{name: "bad code", user: "zhb", method: "PUT", path: "/api/v1/class-lists/Chain!", body: list, status: 422, contain: `"field":"code"`},
		{name: "duplicate entry", user: "zhb", method: "PUT", path: "/api/v1/class-lists/chain", body: `{"name":"重点产业链","entries":[{"name":"氢能"},{"name":"氢能"}]}`, status: 422, contain: `"field":"entries[1]"`},
		{name: "defined", user: "zhb", method: "PUT", path: "/api/v1/class-lists/chain", body: list, status: 200, contain: `"code":"chain"`},
		{name: "read by a county", user: "lishi", method: "GET", path: "/api/v1/class-lists", status: 200, contain: `"氢能"`},
		{name: "unknown entry on a project", user: "lishi", method: "PATCH", path: fmt.Sprintf("/api/v1/projects/%d", n1.ID), header: map[string]string{"If-Match": "*"},
			body: `{"classes":{"chain":["光伏"]}}`, status: 422, contain: `"field":"classes.chain"`},
		{name: "classified", user: "lishi", method: "PATCH", path: fmt.Sprintf("/api/v1/projects/%d", n1.ID), header: map[string]string{"If-Match": "*"},
			body: `{"classes":{"chain":["氢能","新能源"]}}`, status: 200, contain: `"classes":{"chain":["新能源","氢能"]}`},
		{name: "registry filter", user: "zhb", method: "GET", path: "/api/v1/projects?year=2023&chain=" + "%E6%B0%A2%E8%83%BD", status: 200, contain: `"total":1`},
		{name: "registry filter, none", user: "wenshui", method: "GET", path: "/api/v1/projects?year=2023&chain=chain:" + "%E6%B0%A2%E8%83%BD", status: 200, contain: `"total":0`},
		{name: "dispatch grouping", user: "zhb", method: "GET", path: "/api/v1/dispatch?year=2023&month=3", status: 200, contain: `"by_class":[{"list":"chain","name":"重点产业链","rows":[{"entry":"新能源","projects":1`},
	} {
		if status, got, _ := w.do(t, sc); status != sc.status || !strings.Contains(got, sc.contain) {
			t.Fatalf("%s: %d %s", sc.name, status, got)
		}
	}

	event := func(county string) string {
		return fmt.Sprintf(`{"title":"离石区2023年第一批重大项目集中开工","date":"2023-03-16","place":"离石区开发区","county":%q,"leader":"张广勇"}`, county)
	}
	for _, sc := range []scenario{
		{name: "anonymous", method: "POST", path: "/api/v1/batch-starts", body: event("141102"), status: 401},
		{name: "in another county's name", user: "lishi", method: "POST", path: "/api/v1/batch-starts", body: event("141121"), status: 403, contain: "only in its own name"},
		{name: "by a project unit", user: "lishi-xm", method: "POST", path: "/api/v1/batch-starts", body: event("141102"), status: 403},
		{name: "a department is no county", user: "zhb", method: "POST", path: "/api/v1/batch-starts", body: event("141100-FGW"), status: 422, contain: `"field":"county"`},
		{name: "no date", user: "lishi", method: "POST", path: "/api/v1/batch-starts", body: `{"title":"x","place":"y","county":"141102"}`, status: 422, contain: `"field":"date"`},
		{name: "with another county's project: nothing kept", user: "zhb", method: "POST", path: "/api/v1/batch-starts",
			body: strings.Replace(event("141102"), `}`, fmt.Sprintf(`,"projects":[%d]}`, ws.ID), 1), status: 422, contain: "not in 离石区"},
		{name: "listed: none yet", user: "zhb", method: "GET", path: "/api/v1/batch-starts?year=2023", status: 200, contain: `"total":0`},
	} {
		if status, got, _ := w.do(t, sc); status != sc.status || !strings.Contains(got, sc.contain) {
			t.Fatalf("%s: %d %s", sc.name, status, got)
		}
	}
	status, got, _ := w.do(t, scenario{user: "lishi", method: "POST", path: "/api/v1/batch-starts", body: event("141102")})
	if status != 201 {
		t.Fatalf("create: %d %s", status, got)
	}
	var b qianxiang.BatchStart
	json.Unmarshal([]byte(got), &b)
	base := fmt.Sprintf("/api/v1/batch-starts/%d", b.ID)
	for _, sc := range []scenario{
		{name: "join: continuing", user: "lishi", method: "POST", path: base + "/projects", body: fmt.Sprintf(`{"projects":[%d]}`, w.lishi.ID), status: 422, contain: "continuing"},
		{name: "join: another county's", user: "lishi", method: "POST", path: base + "/projects", body: fmt.Sprintf(`{"projects":[%d]}`, ws.ID), status: 404},
		{name: "join: none", user: "lishi", method: "POST", path: base + "/projects", body: `{"projects":[]}`, status: 422, contain: `"field":"projects"`},
		{name: "joined", user: "lishi", method: "POST", path: base + "/projects", body: fmt.Sprintf(`{"projects":[%d,%d]}`, n1.ID, n2.ID), status: 200,
			contain: `"count":2,"total_investment":24001.00,"annual_plan":6000.50`},
		{name: "start date from the event", user: "lishi", method: "GET", path: fmt.Sprintf("/api/v1/projects/%d", n1.ID), status: 200, contain: `"started_on":"2023-03-16"`},
		{name: "another county reads it without the confidential one", user: "wenshui", method: "GET", path: base, status: 200, contain: `"count":1`},
		{name: "nor may change it", user: "wenshui", method: "DELETE", path: fmt.Sprintf("%s/projects/%d", base, n1.ID), status: 404},
		{name: "moved", user: "lishi", method: "PATCH", path: base, body: `{"date":"2023-03-18"}`, status: 200, contain: `"date":"2023-03-18"`},
		{name: "the project moved with it", user: "lishi", method: "GET", path: fmt.Sprintf("/api/v1/projects/%d", n1.ID), status: 200, contain: `"started_on":"2023-03-18"`},
		{name: "stale", user: "lishi", method: "PATCH", path: base, header: map[string]string{"If-Match": `"v1"`}, body: `{"place":"z"}`, status: 409},
		{name: "unknown", user: "zhb", method: "GET", path: "/api/v1/batch-starts/999", status: 404},
		{name: "malformed id", user: "zhb", method: "GET", path: "/api/v1/batch-starts/abc", status: 400},
		{name: "public: no confidential project", method: "GET", path: "/api/v1/public/progress?year=2023", status: 200, contain: `"batch_starts":[{"id":`},
	} {
		status, got, _ := w.do(t, sc)
		if status != sc.status || !strings.Contains(got, sc.contain) {
			t.Fatalf("%s: %d %s", sc.name, status, got)
		}
		if sc.path == "/api/v1/public/progress?year=2023" && (strings.Contains(got, "保密") || !strings.Contains(got, `"count":1`)) {
			t.Fatalf("the public sees: %s", got)
		}
	}
	// The pages: the list, the event, its printable list; the registry
	// filter and the project's page.
	c := loginAs(t, w.srv.URL, "lishi", testenv.Password)
	for path, want := range map[string][]string{
		"/batch-starts?year=2023":                     {"集中开工", "离石区2023年第一批重大项目集中开工", "24,001.00"},
		fmt.Sprintf("/batch-starts/%d", b.ID):         {"离石区氢能综合利用示范项目", "活动日期", "张广勇"},
		fmt.Sprintf("/batch-starts/%d?print=1", b.ID): {"本次集中开工项目 2 个，总投资 24,001.00 万元"},
		"/projects?year=2023&chain=chain:氢能":          {"离石区氢能综合利用示范项目", "产业链 / 专业镇"},
		fmt.Sprintf("/projects/%d", n1.ID):            {"重点产业链", "新能源、氢能", "集中开工活动"},
		"/classes":                                    {"重点产业链", "氢能"},
		"/dispatch?year=2023&month=3":                 {"按重点产业链分类"},
	} {
		st, page := c.get(path)
		if st != 200 {
			t.Fatalf("%s: %d", path, st)
		}
		testenv.Contains(t, page, want...)
	}
	if st, _ := c.get("/projects?year=2023&chain=chain:光伏"); st != 200 {
		t.Fatalf("unknown filter value: %d", st)
	}
	// A county's form in another county's name is refused on the page too.
	st, page, _ := c.post("/batch-starts", map[string][]string{"title": {"x"}, "date": {"2023-04-01"}, "place": {"y"}, "county": {"141121"}, "year": {"2023"}})
	if st != 403 || !strings.Contains(page, "文水县") {
		t.Fatalf("form in another county's name: %d", st)
	}
	if _, broken, err := w.a.DB.Verify(ctx); err != nil || len(broken) > 0 {
		t.Fatalf("audit: %v %v", broken, err)
	}
}
