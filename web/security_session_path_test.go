package web_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// sessionCookieOf gives the last qx_session value a response sets ("" none;
// a refused cookie is first cleared, then the login sets the new one).
func sessionCookieOf(h http.Header) string {
	v := ""
	for _, c := range (&http.Response{Header: h}).Cookies() {
		if c.Name == "qx_session" && c.Value != "" {
			v = c.Value
		}
	}
	return v
}

// Login always issues a new session id: a cookie planted before the login
// (session fixation) is not adopted, two logins get two ids, and the id
// of a session that logged out is dead.
func TestSecuritySessionRotatesOnLogin(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	testenv.Lvliang(t, a)
	testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
	srv, _ := serve(t, a)
	login := func(planted string) string {
		t.Helper()
		form := url.Values{"username": {"lishi"}, "password": {testenv.Password}, "next": {"/"}}
		req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if planted != "" {
			req.AddCookie(&http.Cookie{Name: "qx_session", Value: planted})
		}
		c := &client{t: t, c: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
		code, _, h := c.do(req)
		if code != http.StatusSeeOther {
			t.Fatalf("login: %d", code)
		}
		return sessionCookieOf(h)
	}
	planted := "attacker-chosen-session-id-0123456789abcdef"
	first := login(planted)
	if first == "" || first == planted {
		t.Fatalf("login kept the planted session id (%q)", first)
	}
	second := login("") // the same user from another browser
	if second == "" || second == first {
		t.Fatalf("a second login kept the session id %q", first)
	}
	get := func(id string) int {
		req, _ := http.NewRequest("GET", srv.URL+"/api/v1/me", nil)
		req.AddCookie(&http.Cookie{Name: "qx_session", Value: id})
		c := &client{t: t, c: http.DefaultClient}
		code, _, _ := c.do(req)
		return code
	}
	if get(planted) != 401 {
		t.Fatalf("the planted id opens a session")
	}
	if get(second) != 200 {
		t.Fatalf("the new session does not work")
	}
	c := loginAs(t, srv.URL, "lishi", testenv.Password)
	u, _ := url.Parse(srv.URL)
	var id string
	for _, ck := range c.c.Jar.Cookies(u) {
		if ck.Name == "qx_session" {
			id = ck.Value
		}
	}
	if id == "" || id == second || get(id) != 200 {
		t.Fatalf("API login: session id %q", id)
	}
	if code, _, _ := c.post("/logout", url.Values{}); code != http.StatusSeeOther {
		t.Fatalf("logout: %d", code)
	}
	if code := get(id); code != 401 {
		t.Fatalf("the id of a session that logged out still answers %d", code)
	}
}

// A file name with ../ in an upload never reaches the file system: the
// workbook and the photo are kept in the database under the server's own
// names, nothing appears where the name points, and the name is shown
// as text.
func TestSecurityUploadFileNamesCannotTraverse(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	testenv.Lvliang(t, a)
	tokens := withTokens(t, a, []userSpec{{"zhb", qianxiang.RoleCommand, "141100"}, {"lishi-xm", qianxiang.RoleReporter, "141102"}})
	p, err := a.CreateProject(context.Background(), qianxiang.SystemActor, qianxiang.Project{Year: 2023, Name: "离石区项目", Org: qianxiang.OrgRef{Code: "141102"},
		Kind: qianxiang.KindContinuing, TotalInvestment: 100000, AnnualPlan: 50000})
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := serve(t, a)
	target := t.TempDir()
	wd, _ := os.Getwd()
	up := strings.Repeat("../", strings.Count(wd, "/")+2)
	send := func(user, path, name string, data []byte) (int, string) {
		t.Helper()
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(data)
		mw.Close()
		code, body, _ := bearer(t, srv.URL, tokens[user], "POST", path, &b, mw.FormDataContentType())
		return code, body
	}
	book, err := os.ReadFile(filepath.Join(testenv.Samples(t), "city-sectioned-2023", "projects.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	names := []string{
		up + strings.TrimPrefix(target, "/") + "/evil.xlsx",
		"..\\..\\..\\" + strings.TrimPrefix(target, "/") + "\\evil2.xlsx",
		"/" + strings.TrimPrefix(target, "/") + "/evil3.xlsx",
		"%2e%2e%2f%2e%2e%2fevil4.xlsx",
		"evil\x00.xlsx",
	}
	for _, n := range names {
		code, body := send("zhb", "/api/v1/imports/projects?year=2023&dry_run=1", n, book)
		if code >= 500 {
			t.Errorf("import named %q: %d %s", n, code, body)
		}
	}
	photo := fmt.Sprintf("/api/v1/projects/%d/reports/2023-03/photos", p.ID)
	for _, n := range names {
		code, body := send("lishi-xm", photo, strings.Replace(n, ".xlsx", ".png", 1), dspPNG(t))
		if code >= 500 {
			t.Errorf("photo named %q: %d %s", n, code, body)
		}
		if strings.Contains(body, target) && !strings.Contains(body, `"name"`) {
			t.Errorf("photo named %q: the answer shows the path outside a name field: %s", n, body)
		}
	}
	left, _ := os.ReadDir(target)
	for _, e := range left {
		t.Errorf("an upload wrote %s outside the database", filepath.Join(target, e.Name()))
	}
}
