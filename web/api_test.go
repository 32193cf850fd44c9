package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// apiWorld is a server with two counties' projects and a token per role.
type apiWorld struct {
	srv     *httptest.Server
	a       *app.App
	tokens  map[string]string
	lishi   qianxiang.Project // in 离石区
	wenshui qianxiang.Project // in 文水县
}

func newAPIWorld(t *testing.T, kind string) *apiWorld {
	a := testenv.Open(t, kind)
	testenv.Lvliang(t, a)
	w := &apiWorld{a: a}
	w.tokens = withTokens(t, a, []userSpec{{"zhb", "command", "141100"}, {"lishi", "org_admin", "141102"}, {"lishi-xm", "reporter", "141102"},
		{"wenshui", "org_admin", "141121"}, {"guest", "viewer", "141100"}, {"ducha", "supervisor", "141100"}})
	ctx := context.Background()
	var err error
	mk := func(name, org string) qianxiang.Project {
		return qianxiang.Project{Year: 2023, Name: name, Org: qianxiang.OrgRef{Code: org}, Kind: qianxiang.KindContinuing, TotalInvestment: 100000, AnnualPlan: 50000}
	}
	if w.lishi, err = a.CreateProject(ctx, qianxiang.SystemActor, mk("离石区项目", "141102")); err != nil {
		t.Fatal(err)
	}
	if w.wenshui, err = a.CreateProject(ctx, qianxiang.SystemActor, mk("文水县<script>alert(1)</script>项目", "141121")); err != nil {
		t.Fatal(err)
	}
	w.srv, _ = serve(t, a)
	return w
}

type scenario struct {
	name    string
	user    string // "" for anonymous
	method  string
	path    string
	body    string
	header  map[string]string
	status  int
	contain string
}

func (w *apiWorld) do(t *testing.T, sc scenario) (int, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(sc.method, w.srv.URL+sc.path, strings.NewReader(sc.body))
	if sc.user != "" {
		req.Header.Set("Authorization", "Bearer "+w.tokens[sc.user])
	}
	if sc.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range sc.header {
		req.Header.Set(k, v)
	}
	c := &client{t: t, c: http.DefaultClient}
	return c.do(req)
}

func TestAPIScenarios(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			w := newAPIWorld(t, kind)
			own := fmt.Sprintf("/api/v1/projects/%d", w.lishi.ID)
			other := fmt.Sprintf("/api/v1/projects/%d", w.wenshui.ID)
			v1 := map[string]string{"If-Match": `"v1"`}
			for _, sc := range []scenario{
				{"health needs no login", "", "GET", "/api/v1/healthz", "", nil, 200, `"ok"`},
				{"anonymous is 401", "", "GET", "/api/v1/me", "", nil, 401, `"unauthenticated"`},
				{"bad token is 401", "", "GET", "/api/v1/projects", "", map[string]string{"Authorization": "Bearer qx_nope"}, 401, "token"},
				{"me", "lishi", "GET", "/api/v1/me", "", nil, 200, `"141102"`},
				{"county sees its project", "lishi", "GET", own, "", nil, 200, "离石区项目"},
				{"county gets 404 for another county", "lishi", "GET", other, "", nil, 404, "not_found"},
				{"county cannot patch another county", "lishi", "PATCH", other, `{"name":"x"}`, v1, 404, ""},
				{"county cannot delete another county", "lishi", "DELETE", other, "", v1, 404, ""},
				{"county cannot see another county's reports", "lishi", "GET", other + "/reports", "", nil, 404, ""},
				{"county cannot report for another county", "lishi", "PUT", other + "/reports/2023-01", `{"completed":1}`, nil, 404, ""},
				{"county list holds only its county", "lishi", "GET", "/api/v1/projects?year=2023", "", nil, 200, `"total":1`},
				{"reporter cannot create projects", "lishi-xm", "POST", "/api/v1/projects", `{"year":2023,"name":"x","org":{"code":"141102"},"kind":"continuing"}`, nil, 403, "forbidden"},
				{"reporter cannot edit projects", "lishi-xm", "PATCH", own, `{"name":"x"}`, v1, 403, ""},
				{"viewer cannot report", "guest", "PUT", own + "/reports/2023-01", `{"completed":1}`, nil, 403, ""},
				{"supervisor cannot import", "ducha", "POST", "/api/v1/imports/projects?year=2023", "", nil, 403, ""},
				{"county cannot add users", "lishi", "POST", "/api/v1/users", `{"username":"x","role":"viewer","org":"141102"}`, nil, 403, ""},
				{"patch needs If-Match", "zhb", "PATCH", own, `{"name":"x"}`, nil, 400, "If-Match"},
				{"stale If-Match is 409", "zhb", "PATCH", own, `{"name":"x"}`, map[string]string{"If-Match": `"v7"`}, 409, "conflict"},
				{"malformed JSON is 400", "zhb", "POST", "/api/v1/projects", `{"name":`, nil, 400, "invalid_input"},
				{"a rule refusal is 422 with details", "zhb", "POST", "/api/v1/projects", `{"year":2023,"name":"x","org":{"code":"141102"},"kind":"continuing","total_investment":1,"annual_plan":2}`, nil, 422, `"field":"annual_plan"`},
				{"per_page above 200 is refused", "zhb", "GET", "/api/v1/projects?per_page=500", "", nil, 422, "per_page"},
				{"unknown route is a JSON 404", "zhb", "GET", "/api/v1/nothing", "", nil, 404, "not_found"},
				{"dispatch month out of range", "zhb", "GET", "/api/v1/dispatch?year=2023&month=13", "", nil, 422, "month"},
				{"names are JSON-escaped", "zhb", "GET", other, "", nil, 200, `\u003cscript\u003e`},
			} {
				t.Run(sc.name, func(t *testing.T) {
					status, body, _ := w.do(t, sc)
					if status != sc.status || !strings.Contains(body, sc.contain) {
						t.Fatalf("%s %s: %d %s; want %d containing %q", sc.method, sc.path, status, body, sc.status, sc.contain)
					}
					if status >= 400 {
						var e struct {
							Error struct{ Code, Message string }
						}
						if json.Unmarshal([]byte(body), &e) != nil || e.Error.Code == "" || e.Error.Message == "" {
							t.Fatalf("error body not in the contract's shape: %s", body)
						}
					}
				})
			}
		})
	}
}

func TestAPIETagFlow(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	path := fmt.Sprintf("/api/v1/projects/%d", w.lishi.ID)
	_, _, h := w.do(t, scenario{user: "lishi", method: "GET", path: path})
	etag := h.Get("ETag")
	if etag != `"v1"` {
		t.Fatalf("ETag %q", etag)
	}
	status, body, h := w.do(t, scenario{user: "lishi", method: "PATCH", path: path, body: `{"leader":"任忠"}`, header: map[string]string{"If-Match": etag}})
	if status != 200 || !strings.Contains(body, "任忠") || h.Get("ETag") != `"v2"` {
		t.Fatalf("patch: %d %s %s", status, body, h.Get("ETag"))
	}
	if status, _, _ := w.do(t, scenario{user: "lishi", method: "DELETE", path: path, header: map[string]string{"If-Match": etag}}); status != 409 {
		t.Fatalf("delete with the old ETag: %d", status)
	}
	if status, _, _ := w.do(t, scenario{user: "lishi", method: "DELETE", path: path, header: map[string]string{"If-Match": `"v2"`}}); status != 204 {
		t.Fatalf("delete: %d", status)
	}
}

func TestSessionLoginNeedsCSRFForWrites(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	jar := newJar()
	c := &http.Client{Jar: jar}
	res, err := c.Post(w.srv.URL+"/api/v1/session", "application/json", strings.NewReader(`{"username":"lishi","password":"`+testenv.Password+`"}`))
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("login: %v %v", res.StatusCode, err)
	}
	var login struct{ CSRF string }
	json.NewDecoder(res.Body).Decode(&login)
	res.Body.Close()
	body := `{"completed": 12.5}`
	path := fmt.Sprintf("%s/api/v1/projects/%d/reports/2023-01", w.srv.URL, w.lishi.ID)
	req, _ := http.NewRequest("PUT", path, strings.NewReader(body))
	res, _ = c.Do(req)
	if res.StatusCode != 403 {
		t.Fatalf("a cookie write without the CSRF token: %d", res.StatusCode)
	}
	req, _ = http.NewRequest("PUT", path, strings.NewReader(body))
	req.Header.Set("X-CSRF-Token", login.CSRF)
	res, _ = c.Do(req)
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.Contains(string(b), `"completed":12.50`) {
		t.Fatalf("with the token: %d %s", res.StatusCode, b)
	}
	bad, _ := http.Post(w.srv.URL+"/api/v1/session", "application/json", strings.NewReader(`{"username":"lishi","password":"nope"}`))
	if bad.StatusCode != 401 {
		t.Fatalf("wrong password: %d", bad.StatusCode)
	}
}
