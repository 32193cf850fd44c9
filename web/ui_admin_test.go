package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

func TestAdminManagesUsersAndTokensThroughPages(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	testenv.User(t, w.a, "root", "admin", "141100")
	admin := loginAs(t, w.srv.URL, "root", testenv.Password)
	status, page := admin.get("/admin/users")
	if status != 200 {
		t.Fatalf("users page: %d", status)
	}
	testenv.Contains(t, page, "新增用户", "lishi", "县区/部门管理员")

	status, page, _ = admin.post("/admin/users", url.Values{"username": {"xiaoyi"}, "role": {"org_admin"}, "org": {"141181"}})
	if status != 200 || !strings.Contains(page, "已创建用户 xiaoyi") {
		t.Fatalf("add user: %d", status)
	}
	pw := regexp.MustCompile(`初始密码：(\S+?)<`).FindStringSubmatch(page)
	if pw == nil {
		t.Fatal("the generated password is not shown")
	}
	status, page, _ = admin.post("/admin/users", url.Values{"username": {"xiaoyi"}, "role": {"viewer"}, "org": {"141181"}})
	if status != 409 || !strings.Contains(page, "已被使用") {
		t.Fatalf("duplicate user: %d", status)
	}
	status, page, _ = admin.post("/admin/tokens", url.Values{"name": {"nightly"}})
	if status != 200 || !regexp.MustCompile(`<code class="secret">qx_`).MatchString(page) {
		t.Fatalf("token shown once: %d", status)
	}
	us, _ := w.a.DB.UserByName(t.Context(), "xiaoyi")
	if status, _, _ := admin.post("/admin/users/"+strconv.FormatInt(us.ID, 10)+"/active", url.Values{"active": {"false"}}); status != http.StatusSeeOther {
		t.Fatalf("deactivate: %d", status)
	}
	if _, _, _, err := w.a.Login(t.Context(), "xiaoyi", pw[1], "127.0.0.1"); err == nil {
		t.Fatal("a deactivated user logged in")
	}
	// A county admin may not manage users, even by posting the form.
	county := loginAs(t, w.srv.URL, "lishi", testenv.Password)
	county.get("/admin/users")
	if status, _, _ := county.post("/admin/users", url.Values{"username": {"evil"}, "role": {"admin"}, "org": {"141100"}}); status != 403 {
		t.Fatalf("a county admin added a user: %d", status)
	}
	// A form without the session's CSRF token is refused.
	if status, _, _ := admin.post("/admin/users", url.Values{"csrf": {"forged"}, "username": {"x2"}, "role": {"viewer"}, "org": {"141100"}}); status != 403 {
		t.Fatalf("forged CSRF: %d", status)
	}
}

func TestAccountPasswordChangeEndsTheSession(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	s := loginAs(t, w.srv.URL, "lishi", testenv.Password)
	s.get("/account")
	status, page, _ := s.post("/account", url.Values{"old": {"wrong"}, "new": {"Another-pass-9"}})
	if status != 422 || !strings.Contains(page, "原密码") {
		t.Fatalf("wrong old password: %d", status)
	}
	status, page, _ = s.post("/account", url.Values{"old": {testenv.Password}, "new": {"Another-pass-9"}})
	if status != 200 || !strings.Contains(page, "密码已修改") {
		t.Fatalf("change: %d", status)
	}
	if status, _ := s.get("/projects"); status != http.StatusSeeOther {
		t.Fatalf("the old session should be gone: %d", status)
	}
	loginAs(t, w.srv.URL, "lishi", "Another-pass-9")
}

func TestAuditPageNamesATamperedRecord(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	s := loginAs(t, w.srv.URL, "zhb", testenv.Password)
	status, page := s.get("/admin/audit")
	if status != 200 || !strings.Contains(page, "离石区项目") {
		t.Fatalf("audit trail page: %d", status)
	}
	testenv.Raw(t, w.a).Exec(`UPDATE projects SET leader = '某人' WHERE name = '离石区项目'`)
	_, page = s.get("/admin/audit?verify=1")
	testenv.Contains(t, page, "审计链发现 1 处问题", "离石区项目", "leader")
	county := loginAs(t, w.srv.URL, "lishi", testenv.Password)
	if status, _ := county.get("/admin/audit"); status != 403 {
		t.Fatalf("a county admin read the audit: %d", status)
	}
}

func TestAResetPasswordMustBeChangedFirst(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	testenv.User(t, w.a, "root", "admin", "141100")
	admin := loginAs(t, w.srv.URL, "root", testenv.Password)
	admin.get("/admin/users")
	u, _ := w.a.DB.UserByName(t.Context(), "lishi")
	_, page, _ := admin.post("/admin/users/"+strconv.FormatInt(u.ID, 10)+"/reset", url.Values{})
	pw := regexp.MustCompile(`lishi 的新密码：(\S+?)<`).FindStringSubmatch(page)
	if pw == nil {
		t.Fatal("the new password is not shown")
	}
	s := loginAs(t, w.srv.URL, "lishi", pw[1])
	res, err := s.c.Get(s.base + "/projects")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/account?must=1" {
		t.Fatalf("after a reset the user must change the password first: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if status, body := s.get("/api/v1/projects"); status != 403 || !strings.Contains(body, "password") {
		t.Fatalf("the API too waits for the change: %d %s", status, body)
	}
	s.get("/account?must=1")
	if status, _, _ := s.post("/account", url.Values{"old": {pw[1]}, "new": {"My-own-pass-7"}}); status != 200 {
		t.Fatalf("change: %d", status)
	}
	s = loginAs(t, w.srv.URL, "lishi", "My-own-pass-7")
	if status, _ := s.get("/projects"); status != 200 {
		t.Fatalf("after changing it the user goes on: %d", status)
	}
}
