package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// The contract's suggestion API end to end, with its refusals, and the
// pages' form posts.
func TestSuggestionAPIAndPages(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	suggestionCity(t, a)
	srv, _ := serve(t, a)
	staff := loginAs(t, srv.URL, "rdb", testenv.Password)
	cgj := loginAs(t, srv.URL, "cgj", testenv.Password)
	wjw := loginAs(t, srv.URL, "wjw", testenv.Password)
	dep := loginAs(t, srv.URL, "S-0001", testenv.Password)
	dep3 := loginAs(t, srv.URL, "S-0003", testenv.Password)
	// Logged in by the real clock (cookies expire by it); then the
	// services' clock goes back to domain.md's example.
	a.Now = func() time.Time { return time.Date(2023, 3, 28, 10, 0, 0, 0, a.Loc) }
	call := func(c *client, method, path, body string) (int, map[string]any) {
		t.Helper()
		code, out := c.send(method, path, body)
		var m map[string]any
		json.Unmarshal([]byte(out), &m)
		return code, m
	}
	msg := func(m map[string]any) string {
		e, _ := m["error"].(map[string]any)
		s, _ := e["message"].(string)
		return s
	}
	if code, m := call(staff, "PUT", "/api/v1/calendar/2023", `{"holidays":["2023-04-05","2023-04-23"],"workdays":["2023-04-23"]}`); code != 422 ||
		!strings.Contains(msg(m), "both a holiday and a workday") {
		t.Fatalf("calendar both ways: %d %v", code, m)
	}
	if code, _ := call(cgj, "PUT", "/api/v1/calendar/2023", `{"holidays":["2023-04-05"]}`); code != 403 {
		t.Fatalf("a unit keeps no calendar: %d", code)
	}
	if code, m := call(staff, "PUT", "/api/v1/calendar/2023", `{"holidays":["2023-04-05"],"workdays":["2023-04-23"]}`); code != 200 {
		t.Fatalf("calendar: %d %v", code, m)
	}
	code, m := call(dep, "POST", "/api/v1/suggestions", `{"title":"关于增设路灯的建议","body":"照明不足","deputies":["S-0002"],"submitted_on":"2023-03-01"}`)
	if code != 201 || m["status"] != "submitted" {
		t.Fatalf("create: %d %v", code, m)
	}
	id := int(m["id"].(float64))
	p := fmt.Sprintf("/api/v1/suggestions/%d", id)
	code, m = call(staff, "POST", p+"/assign", `{"lead_org":"141100-CGJ","co_orgs":["141100-WJW"],"assigned_on":"2023-03-28"}`)
	if code != 200 || m["return_by"] != "2023-04-07" || m["answer_due"] != "2023-06-28" || m["status"] != "handling" {
		t.Fatalf("assign: %d %v", code, m)
	}
	if code, m = call(wjw, "POST", p+"/answer", `{"class":"A","text":"x"}`); code != 403 {
		t.Fatalf("a co-unit answers: %d %v", code, m)
	}
	if code, m = call(cgj, "POST", p+"/extend", `{"reason":""}`); code != 422 {
		t.Fatalf("extension without a reason: %d %v", code, m)
	}
	// A send-back after 7 working days (2023-04-07 with Qingming off) is refused.
	a.Now = func() time.Time { return time.Date(2023, 4, 10, 10, 0, 0, 0, a.Loc) }
	if code, m = call(cgj, "POST", p+"/send-back", `{"reason":"不属本单位职责"}`); code != 422 || !strings.Contains(msg(m), "2023-04-07") {
		t.Fatalf("a late send-back: %d %v", code, m)
	}
	a.Now = func() time.Time { return time.Date(2023, 3, 28, 10, 0, 0, 0, a.Loc) }
	if code, m = call(wjw, "POST", p+"/send-back", `{"reason":"不涉及本单位"}`); code != 200 || len(m["co_orgs"].([]any)) != 0 {
		t.Fatalf("a co-unit's send-back in time: %d %v", code, m)
	}
	if code, m = call(cgj, "POST", p+"/answer", `{"class":"B","text":"已列入计划"}`); code != 200 || m["status"] != "answered" {
		t.Fatalf("answer: %d %v", code, m)
	}
	if code, m = call(dep3, "POST", p+"/rate", `{"rating":"satisfied"}`); code != 403 || !strings.Contains(msg(m), "signed") {
		t.Fatalf("a rating by someone who did not sign: %d %v", code, m)
	}
	if code, m = call(dep, "POST", p+"/rate", `{"rating":"unsatisfied"}`); code != 200 || m["status"] != "handling" || m["rating"] != "unsatisfied" {
		t.Fatalf("unsatisfied: %d %v", code, m)
	}
	if code, m = call(cgj, "GET", "/api/v1/suggestions?overdue=1", ``); code != 200 || m["total"].(float64) != 0 {
		t.Fatalf("overdue: %d %v", code, m)
	}
	if code, m = call(cgj, "GET", "/api/v1/suggestions/report?year=2023", ``); code != 200 {
		t.Fatalf("report: %d %v", code, m)
	}
	// Pages.
	for _, path := range []string{"/suggestions", "/suggestions?kind=proposal", fmt.Sprintf("/suggestions/%d", id), "/suggestions/report",
		"/suggestions/report?print=1", "/calendar?year=2023"} {
		if code, body := staff.get(path); code != 200 {
			t.Fatalf("%s: %d %s", path, code, body)
		}
	}
	if code, body := dep.get("/my"); code != 200 {
		t.Fatalf("/my: %d %s", code, body)
	}
	code, body, h := dep.post("/suggestions", url.Values{"title": {"第二条建议"}, "body": {"内容"}, "deputies": {"S-0003"}, "submitted_on": {"2023-03-28"}})
	if code != 303 || !strings.Contains(h.Get("Location"), "done=created") {
		t.Fatalf("form submit: %d %s", code, body)
	}
	if code, body := dep.get(h.Get("Location")); code != 200 {
		t.Fatalf("the new suggestion's page: %d %s", code, body)
	}
	if code, body := cgj.get("/suggestions/report.xlsx?year=2023"); code != 200 || !strings.HasPrefix(body, "PK") {
		t.Fatalf("xlsx: %d", code)
	}
	// Public unless classified: the public list, without login, shows the
	// first and not a classified one.
	if code, m = call(staff, "POST", "/api/v1/suggestions", `{"title":"涉密建议","body":"内容","deputies":["S-0002"],"submitted_on":"2023-03-02","classified":true}`); code != 201 {
		t.Fatalf("classified: %d %v", code, m)
	}
	code, body, _ = bearer(t, srv.URL, "", "GET", "/api/v1/public/suggestions?year=2023", nil, "")
	if code != 200 || !strings.Contains(body, "关于增设路灯的建议") || strings.Contains(body, "涉密建议") || strings.Contains(body, "S-0001") {
		t.Fatalf("public: %d %s", code, body)
	}
	// And on the public portal, answered, with the answer.
	code, body, _ = bearer(t, srv.URL, "", "GET", "/public", nil, "")
	if code != 200 || !strings.Contains(body, "关于增设路灯的建议") || !strings.Contains(body, "已列入计划") || strings.Contains(body, "涉密建议") {
		t.Fatalf("public portal: %d", code)
	}
	_ = qianxiang.SugClosed
}

func newJSON(method, u, body string) (*http.Request, error) {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, u, r)
	if err == nil && body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, err
}
