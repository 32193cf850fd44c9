package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
)

// The hardening checks below walk the same route table as the access
// matrix, so a route added later is covered without a new test.

// writes lists the routes that change something and need a login.
func (w *matrixWorld) writes() []string {
	var out []string
	for _, p := range w.routes {
		method, _, ok := strings.Cut(p, " ")
		if ok && method != "GET" && !accessTable[p].public {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return destructive(out[i]) < destructive(out[j]) })
	return out
}

// checkCSRFOnEveryWrite: with a session but without its token, every
// write is refused with 403 and audits nothing, as a form or as JSON.
func (w *matrixWorld) checkCSRFOnEveryWrite(t *testing.T) {
	c := w.login(t, "m-admin")
	noToken := &client{t: t, c: c.c, base: c.base} // same cookie, no token
	for _, p := range w.writes() {
		before := w.auditOf(t, "m-admin")
		code, body, _ := w.call(t, noToken, p, accessTable[p].query)
		if code != http.StatusForbidden {
			t.Errorf("%s without the CSRF token: got %d, want 403", p, code)
		}
		if !strings.Contains(body, "expired") && !strings.Contains(body, "页面已过期") {
			t.Errorf("%s without the CSRF token: the answer does not say the form expired: %.200s", p, body)
		}
		if w.auditOf(t, "m-admin") != before {
			t.Errorf("%s without the CSRF token wrote to the audit log", p)
		}
	}
}

// goErrorText are fragments of Go error strings that must never reach a user.
var goErrorText = []string{"http: request body too large", "unexpected EOF", "json: cannot", "sql: ", "runtime error", "goroutine ", "SQLSTATE", "pq: ", "invalid character"}

// checkOversizedBodies: 2 MB of JSON to every write is refused (never
// stored, never a 5xx) with a clear message, not a Go error string.
func (w *matrixWorld) checkOversizedBodies(t *testing.T) {
	c := w.login(t, "m-admin")
	big := `{"name":"` + strings.Repeat("长", 700_000) + `"}` // 2.1 MB
	for _, p := range w.writes() {
		if destructive(p) > 0 || takesNoBody[p] {
			continue
		}
		method, _, _ := strings.Cut(p, " ")
		req, _ := http.NewRequest(method, w.srv.URL+w.path(p, accessTable[p].query), strings.NewReader(big))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", c.csrf)
		code, body, _ := c.do(req)
		if code >= 500 || (code >= 200 && code < 300) {
			t.Errorf("%s with a 2 MB body: got %d, want it refused (4xx)", p, code)
		}
		for _, g := range goErrorText {
			if strings.Contains(body, g) {
				t.Errorf("%s with a 2 MB body shows a Go error (%q): %.300s", p, g, body)
			}
		}
	}
}

// takesNoBody: writes whose request is the path alone; a body is ignored.
var takesNoBody = map[string]bool{
	"POST /api/v1/notifications/read": true, "POST /notifications/read": true,
	"POST /api/v1/users/{id}/reset-password": true, "POST /admin/users/{id}/reset": true, "POST /admin/tokens": true,
}

// sqlMeta is what an attacker types into a filter.
var sqlMeta = []string{`' OR '1'='1`, `1; DROP TABLE projects; --`, `%' --`, `"\`, `\x00`, `) UNION SELECT password_hash FROM users --`, `%_%`, `-1`, `99999999999999999999`}

// filterNames are the query parameters the lists read (project filter,
// problems, orders, tasks, grid, dispatch, congress, pipeline).
var filterNames = []string{"q", "org", "status", "sector", "kind", "stage", "year", "month", "leader", "overdue", "escalated",
	"page", "sort", "order", "list", "congress", "delegation", "category", "owner", "lead", "channel", "confidential", "from", "to", "lang", "per"}

// checkSQLMetaInFilters: every GET route with SQL metacharacters in every
// filter answers without a 5xx, shows no database error, and the tables
// are still there.
func (w *matrixWorld) checkSQLMetaInFilters(t *testing.T) {
	c := w.login(t, "m-admin")
	projects := w.one(t, `SELECT COUNT(*) FROM projects`)
	for _, p := range w.routes {
		if !strings.HasPrefix(p, "GET ") || strings.HasSuffix(p, "/events") {
			continue
		}
		for _, m := range sqlMeta {
			v := url.Values{}
			for _, f := range filterNames {
				v.Set(f, m)
			}
			path := w.path(p, "") + "?" + v.Encode()
			req, _ := http.NewRequest("GET", w.srv.URL+path, nil)
			code, body, _ := c.do(req)
			if code >= 500 {
				t.Errorf("GET %s: %d", path, code)
			}
			for _, g := range goErrorText {
				if strings.Contains(body, g) {
					t.Errorf("GET %s shows a database or Go error (%q)", path, g)
				}
			}
		}
	}
	if got := w.one(t, `SELECT COUNT(*) FROM projects`); got != projects {
		t.Fatalf("projects: %s before the filters, %s after", projects, got)
	}
}

// xss is what a user types into every text field.
const xss = `<script>alert(1)</script>`

// checkXSSEscapedEverywhere writes the script into every text column a
// page shows (behind the application's back, so no text rule strips it
// first), then reads every page and API answer as a city user, a county
// user and nobody: the script never comes back unescaped.
func (w *matrixWorld) checkXSSEscapedEverywhere(t *testing.T) {
	cols := map[string][]string{
		"projects":             {"name", "owner", "scope", "leader", "team", "target", "contact", "notes"},
		"problems":             {"description", "resolution", "note"},
		"orders":               {"text", "reply", "note"},
		"tasks":                {"title", "leader"},
		"task_lists":           {"title"},
		"congress_meetings":    {"title", "agenda"},
		"congress_votes":       {"title", "reason"},
		"congress_deputies":    {"name", "delegation", "title"},
		"users":                {"display_name"},
		"problem_instructions": {"text"},
		"notifications":        {"subject"},
		"approvals":            {"name", "doc", "note"},
		"pipeline_reserves":    {"agency"},
		"orgs":                 {"name"},
	}
	for table, cs := range cols {
		var set []string
		for _, c := range cs {
			set = append(set, fmt.Sprintf("%s = %s || '%s'", c, c, xss))
		}
		if _, err := w.raw.Exec(`UPDATE ` + table + ` SET ` + strings.Join(set, ", ")); err != nil {
			t.Fatalf("inject into %s: %v", table, err)
		}
	}
	seen := 0
	for _, who := range []string{"", "m-admin", "m-lishi", "m-staff"} {
		var c *client
		if who != "" {
			c = w.login(t, who)
		}
		for _, p := range w.routes {
			if !strings.HasPrefix(p, "GET ") || strings.HasSuffix(p, "/events") || strings.HasSuffix(p, ".xlsx") {
				continue
			}
			code, body, _ := w.call(t, c, p, accessTable[p].query)
			if code >= 500 {
				t.Errorf("%s as %q after the injection: %d", p, who, code)
			}
			if strings.Contains(body, xss) {
				t.Errorf("%s as %q: the script comes back unescaped", p, who)
			}
			if strings.Contains(body, "&lt;script&gt;alert(1)") || strings.Contains(body, `\u003cscript\u003ealert(1)`) {
				seen++
			}
		}
	}
	if seen < 20 {
		t.Fatalf("the injected text was shown (escaped) on only %d answers: the check would not see a leak", seen)
	}
}
