package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

// Malformed ids and months are malformed input: 400 naming the parameter,
// as the contract says, not the 422 of a rule. A well-formed month outside
// the years served stays a rule refusal.
func TestMalformedPathParamsAre400(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	own := fmt.Sprintf("/api/v1/projects/%d", w.lishi.ID)
	for _, sc := range []scenario{
		{"a word for an id", "zhb", "GET", "/api/v1/projects/abc", "", nil, 400, `"field":"id"`},
		{"a zero id", "zhb", "GET", "/api/v1/projects/0", "", nil, 400, `"field":"id"`},
		{"a negative id", "zhb", "GET", "/api/v1/projects/-3", "", nil, 400, `"field":"id"`},
		{"a signed id", "zhb", "GET", "/api/v1/projects/+3", "", nil, 400, `"field":"id"`},
		{"a fraction for an id", "zhb", "GET", "/api/v1/projects/1.5", "", nil, 400, `"field":"id"`},
		{"an id beyond int64", "zhb", "GET", "/api/v1/projects/99999999999999999999", "", nil, 400, `"field":"id"`},
		{"a bad id on a write", "lishi", "PUT", "/api/v1/projects/x1/reports/2023-01", `{"completed":1}`, nil, 400, `"field":"id"`},
		{"a month without a dash", "lishi", "PUT", own + "/reports/202301", `{"completed":1}`, nil, 400, `"field":"month"`},
		{"a month with letters", "lishi", "PUT", own + "/reports/2023-0x", `{"completed":1}`, nil, 400, `"field":"month"`},
		{"a signed month", "lishi", "POST", own + "/reports/2023--1/approve", "", nil, 400, `"field":"month"`},
		{"a three-digit month", "lishi", "POST", own + "/reports/2023-001/submit", "", nil, 400, `"field":"month"`},
		{"a short year", "lishi", "PUT", own + "/reports/23-01", `{"completed":1}`, nil, 400, `"field":"month"`},
		{"a malformed grid month", "lishi", "GET", "/api/v1/reports/grid?month=March", "", nil, 400, `"field":"month"`},
		{"a month of a year not served is a rule", "lishi", "PUT", own + "/reports/1999-01", `{"completed":1}`, nil, 422, `"field":"year"`},
		{"month 13 is a rule, as on the dispatch", "lishi", "PUT", own + "/reports/2023-13", `{"completed":1}`, nil, 422, `"field":"month"`},
		{"a well-formed unknown id is 404", "zhb", "GET", "/api/v1/projects/987654", "", nil, 404, "not_found"},
	} {
		t.Run(sc.name, func(t *testing.T) {
			status, body, _ := w.do(t, sc)
			if status != sc.status || !strings.Contains(body, sc.contain) {
				t.Fatalf("%s %s: %d %s; want %d containing %q", sc.method, sc.path, status, body, sc.status, sc.contain)
			}
			if status == 400 && !strings.Contains(body, `"code":"invalid_input"`) {
				t.Fatalf("400 without the invalid_input code: %s", body)
			}
		})
	}
}

// If-Match: * (RFC 9110) means "any current version": the write applies to
// the project as it is; it still has to exist and be in scope.
func TestIfMatchStarMeansAnyVersion(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			w := newAPIWorld(t, kind)
			own := fmt.Sprintf("/api/v1/projects/%d", w.lishi.ID)
			other := fmt.Sprintf("/api/v1/projects/%d", w.wenshui.ID)
			star := map[string]string{"If-Match": "*"}
			for _, sc := range []scenario{
				{"patch with *", "lishi", "PATCH", own, `{"leader":"任忠"}`, star, 200, "任忠"},
				{"patch with * again", "lishi", "PATCH", own, `{"leader":"王平"}`, star, 200, "王平"},
				{"* outside the scope is still 404", "lishi", "PATCH", other, `{"leader":"x"}`, star, 404, "not_found"},
				{"a version 0 is not an ETag", "lishi", "PATCH", own, `{"leader":"x"}`, map[string]string{"If-Match": `"v0"`}, 400, "If-Match"},
				{"a stale ETag is still 409", "lishi", "PATCH", own, `{"leader":"x"}`, map[string]string{"If-Match": `"v1"`}, 409, "conflict"},
				{"delete with *", "lishi", "DELETE", own, "", star, 204, ""},
				{"* on a deleted project is 404", "lishi", "DELETE", own, "", star, 404, "not_found"},
			} {
				status, body, h := w.do(t, sc)
				if status != sc.status || !strings.Contains(body, sc.contain) {
					t.Fatalf("%s: %d %s; want %d containing %q", sc.name, status, body, sc.status, sc.contain)
				}
				if sc.name == "patch with * again" && h.Get("ETag") != `"v3"` {
					t.Fatalf("ETag after two patches with *: %q, want \"v3\"", h.Get("ETag"))
				}
			}
		})
	}
}

// The CSRF token is taken from the X-CSRF-Token header or the csrf field
// of the body, never from the query string (where logs, history and
// Referer headers would keep it).
func TestCSRFTokenNotTakenFromQueryString(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	c := loginAs(t, w.srv.URL, "lishi", testenv.Password)
	q := "?csrf=" + url.QueryEscape(c.csrf)
	path := fmt.Sprintf("%s/api/v1/projects/%d/reports/2023-01", w.srv.URL, w.lishi.ID)

	req, _ := http.NewRequest("PUT", path+q, strings.NewReader(`{"completed": 1}`))
	req.Header.Set("Content-Type", "application/json")
	if code, body, _ := c.do(req); code != 403 {
		t.Fatalf("an API write with the token in the query: %d %s, want 403", code, body)
	}
	// A form with the token in its action's query and not in its fields.
	req, _ = http.NewRequest("POST", w.srv.URL+"/logout"+q, strings.NewReader("x=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if code, _, _ := c.do(req); code != 403 {
		t.Fatalf("a form with the token in the query only: %d, want 403", code)
	}
	// The header and the form field still work.
	req, _ = http.NewRequest("PUT", path, strings.NewReader(`{"completed": 1}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", c.csrf)
	if code, body, _ := c.do(req); code != 200 {
		t.Fatalf("with the header: %d %s", code, body)
	}
	if code, body, _ := c.post("/logout", url.Values{}); code >= 400 {
		t.Fatalf("logging out with the form field: %d %s", code, body)
	}
}

// Approve and return act on the version the reviewer saw, sent as If-Match
// or as version in the body like save and submit; stale is 409.
func TestReviewAPITakesTheVersionSeen(t *testing.T) {
	w := newDspWorld(t)
	base := fmt.Sprintf("/api/v1/projects/%d/reports/%d-03", w.lishi[0], w.year)
	call := func(user, method, path, body string, hdr map[string]string) (int, string, http.Header) {
		t.Helper()
		req, _ := http.NewRequest(method, w.srv.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+w.tokens[user])
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		return (&client{t: t, c: http.DefaultClient}).do(req)
	}
	version := func(body string) int {
		var r struct{ Version int }
		json.Unmarshal([]byte(body), &r)
		return r.Version
	}
	code, body, h := call("lishi-xm", "POST", base+"/submit", `{"completed": 100}`, nil)
	if code != 200 || h.Get("ETag") != fmt.Sprintf(`"v%d"`, version(body)) {
		t.Fatalf("submit: %d %s ETag %q", code, body, h.Get("ETag"))
	}
	seen := version(body)
	// Returned by a colleague and resubmitted with other figures meanwhile.
	if code, body, _ := call("lishi", "POST", base+"/return", fmt.Sprintf(`{"reason":"请核对","version":%d}`, seen), nil); code != 200 {
		t.Fatalf("return: %d %s", code, body)
	}
	code, body, _ = call("lishi-xm", "POST", base+"/submit", `{"completed": 900}`, nil)
	if code != 200 {
		t.Fatalf("resubmit: %d %s", code, body)
	}
	now := version(body)
	etag := func(v int) map[string]string { return map[string]string{"If-Match": fmt.Sprintf(`"v%d"`, v)} }
	for _, c := range []struct {
		name, action, body string
		hdr                map[string]string
		status             int
	}{
		{"approve with a stale If-Match", "approve", "", etag(seen), 409},
		{"approve with a stale body version", "approve", fmt.Sprintf(`{"version":%d}`, seen), nil, 409},
		{"return with a stale body version", "return", fmt.Sprintf(`{"reason":"x","version":%d}`, seen), nil, 409},
		{"header and body disagree", "approve", fmt.Sprintf(`{"version":%d}`, now), etag(seen), 400},
		{"a malformed If-Match", "approve", "", map[string]string{"If-Match": "yesterday"}, 400},
		{"approve the version seen now", "approve", fmt.Sprintf(`{"version":%d}`, now), nil, 200},
		{"return any version", "return", `{"reason":"再核对"}`, map[string]string{"If-Match": "*"}, 200},
	} {
		code, body, _ := call("lishi", "POST", base+"/"+c.action, c.body, c.hdr)
		if code != c.status {
			t.Fatalf("%s: %d %s, want %d", c.name, code, body, c.status)
		}
	}
	// Without any version, as before: the current report.
	if code, body, _ := call("lishi-xm", "POST", base+"/submit", "", nil); code != 200 {
		t.Fatalf("submit without a body: %d %s", code, body)
	}
	if code, body, _ := call("lishi", "POST", base+"/approve", "", nil); code != 200 || !strings.Contains(body, `"approved"`) {
		t.Fatalf("approve without a version: %d %s", code, body)
	}
}
