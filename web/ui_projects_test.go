package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/web"
)

// regWorld is a server with three projects of the 2022 plan: one in 离石区
// (whose name carries HTML), two in 文水县.
type regWorld struct {
	a          *app.App
	srv        *httptest.Server
	s          *web.Server
	lishi, ws1 qianxiang.Project
	ws2        qianxiang.Project
}

func newRegWorld(t *testing.T, a *app.App) *regWorld {
	t.Helper()
	testenv.Lvliang(t, a)
	w := &regWorld{a: a}
	w.srv, w.s = serve(t, a)
	testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
	testenv.User(t, a, "zhb2", qianxiang.RoleCommand, "141100")
	testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
	testenv.User(t, a, "guest", qianxiang.RoleViewer, "141100")
	mk := func(p qianxiang.Project) qianxiang.Project {
		p.Year = 2022
		out, err := a.CreateProject(context.Background(), qianxiang.SystemActor, p)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	w.lishi = mk(qianxiang.Project{Name: "离石区<script>alert(1)</script>测试项目", Code: "2022-141102-01-01-000001",
		Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindNew, TotalInvestment: 100000, AnnualPlan: 30050,
		PlannedStart: qianxiang.Date{Year: 2022, Month: 3}, Sector: "产业项目", Leader: "张广勇",
		Team:   []qianxiang.TeamMember{{Name: "王瑞", Role: "专班组长", Phone: "13800000001"}},
		Target: qianxiang.Target{StartBy: "2022-06", Text: "六月底前开工"}})
	w.ws1 = mk(qianxiang.Project{Name: "文水县供水保障项目", Org: qianxiang.OrgRef{Code: "141121"}, Kind: qianxiang.KindContinuing,
		TotalInvestment: 200025, AnnualPlan: 50000, Sector: "基础设施项目", Leader: "任忠"})
	w.ws2 = mk(qianxiang.Project{Name: "文水县物流园前期项目", Org: qianxiang.OrgRef{Code: "141121"}, Kind: qianxiang.KindPreparatory,
		TotalInvestment: 10000, AnnualPlan: 1000, Sector: "产业项目", Leader: "任忠"})
	return w
}

func (w *regWorld) login(t *testing.T, username string) *client {
	t.Helper()
	return loginAs(t, w.srv.URL, username, testenv.Password)
}

var totalsRE = regexp.MustCompile(`id="total-count">(\d+)<.*?id="total-investment">([\d,.]+)<.*?id="total-annual">([\d,.]+)<`)

// totals reads the totals line of the list page.
func totals(t *testing.T, body string) (count, total, annual string) {
	t.Helper()
	m := totalsRE.FindStringSubmatch(strings.ReplaceAll(body, "\n", " "))
	if m == nil {
		t.Fatalf("no totals line in:\n%s", body)
	}
	return m[1], m[2], m[3]
}

func TestProjectsPageFiltersSortsAndTotals(t *testing.T) {
	w := newRegWorld(t, testenv.Open(t, "sqlite"))
	c := w.login(t, "zhb")
	code, body := c.get("/projects?year=2022")
	if code != 200 {
		t.Fatalf("status %d:\n%s", code, body)
	}
	if n, tot, ann := totals(t, body); n != "3" || tot != "3,100.25" || ann != "810.50" {
		t.Errorf("totals of the whole plan = %s, %s, %s; want 3, 3,100.25, 810.50", n, tot, ann)
	}
	// A name is text, never markup.
	testenv.Contains(t, body, "离石区&lt;script&gt;alert(1)&lt;/script&gt;测试项目")
	if strings.Contains(body, "<script>alert(1)") {
		t.Error("a project name was rendered as HTML")
	}
	for _, tc := range []struct {
		query, count, total, annual string
		has, hasNot                 string
	}{
		{"org=141121", "2", "2,100.25", "510.00", "文水县供水保障项目", "测试项目"},
		{"kind=new", "1", "1,000.00", "300.50", "测试项目", "文水县供水保障项目"},
		{"q=" + url.QueryEscape("物流园"), "1", "100.00", "10.00", "文水县物流园前期项目", "文水县供水保障项目"},
		{"q=2022-141102", "1", "1,000.00", "300.50", "测试项目", "文水县物流园前期项目"},
		{"sector=" + url.QueryEscape("产业项目") + "&leader=" + url.QueryEscape("任忠"), "1", "100.00", "10.00", "物流园", "供水保障"},
	} {
		code, body := c.get("/projects?year=2022&" + tc.query)
		if code != 200 {
			t.Fatalf("%s: status %d", tc.query, code)
		}
		if n, tot, ann := totals(t, body); n != tc.count || tot != tc.total || ann != tc.annual {
			t.Errorf("%s: totals %s, %s, %s; want %s, %s, %s", tc.query, n, tot, ann, tc.count, tc.total, tc.annual)
		}
		if !strings.Contains(body, tc.has) || strings.Contains(body, tc.hasNot) {
			t.Errorf("%s: want %q listed and %q not", tc.query, tc.has, tc.hasNot)
		}
	}
	// Sorted by annual plan, biggest first; the header offers the reverse.
	_, body = c.get("/projects?year=2022&sort=-annual_plan")
	a, b, d := strings.Index(body, "供水保障"), strings.Index(body, "测试项目"), strings.Index(body, "物流园前期")
	if !(a < b && b < d) {
		t.Errorf("sort=-annual_plan: positions %d, %d, %d are not in descending annual plan", a, b, d)
	}
	testenv.Contains(t, body, "sort=annual_plan")
	// Paging: one per page gives three pages, the totals stay those of the set.
	_, body = c.get("/projects?year=2022&per_page=1&page=2")
	if n, _, _ := totals(t, body); n != "3" {
		t.Errorf("paged totals count %s, want 3", n)
	}
	testenv.Contains(t, body, "page=3", "page=1")
	if code, _ := c.get("/projects?year=2022&per_page=500"); code != 422 {
		t.Errorf("per_page=500: status %d, want 422", code)
	}
	if code, _ := c.get("/projects?kind=bogus"); code != 422 {
		t.Errorf("kind=bogus: status %d, want 422", code)
	}
}

func TestProjectsCountyUserSeesOnlyTheirCounty(t *testing.T) {
	w := newRegWorld(t, testenv.Open(t, "sqlite"))
	c := w.login(t, "lishi")
	_, body := c.get("/projects?year=2022")
	if n, tot, _ := totals(t, body); n != "1" || tot != "1,000.00" {
		t.Errorf("county list totals %s, %s; want 1, 1,000.00", n, tot)
	}
	if strings.Contains(body, "文水县供水保障项目") {
		t.Error("a county user sees another county's project in the list")
	}
	for _, path := range []string{"/projects/%d", "/projects/%d/edit"} {
		if code, body := c.get(fmt.Sprintf(path, w.ws1.ID)); code != 404 || strings.Contains(body, "供水保障") {
			t.Errorf("%s of another county: status %d, want 404 without the project", fmt.Sprintf(path, w.ws1.ID), code)
		}
	}
	code, _, _ := c.post(fmt.Sprintf("/projects/%d/delete", w.ws1.ID), url.Values{"version": {"1"}})
	if code != 404 {
		t.Errorf("delete another county's project: status %d, want 404", code)
	}
	code, body = c.get(fmt.Sprintf("/projects/%d", w.lishi.ID))
	if code != 200 {
		t.Fatalf("own project: status %d", code)
	}
	testenv.Contains(t, body, "王瑞", "专班组长", "13800000001", "六月底前开工", "2022-06", "1,000.00",
		fmt.Sprintf(`href="/projects/%d/edit"`, w.lishi.ID), "新建")
	// A viewer reads but gets no edit button, and the edit page refuses.
	g := w.login(t, "guest")
	if _, body := g.get(fmt.Sprintf("/projects/%d", w.lishi.ID)); strings.Contains(body, "/edit\"") {
		t.Error("a viewer is offered the edit button")
	}
	if code, _ := g.get(fmt.Sprintf("/projects/%d/edit", w.lishi.ID)); code != 403 {
		t.Errorf("viewer edit page: status %d, want 403", code)
	}
}
