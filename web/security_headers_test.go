package web_test

import (
	"strings"
	"testing"
)

// A page and a file carry the pages' four security headers (a browser's
// own viewer of a workbook, photo or PDF is a page); a JSON answer the
// JSON document's: nosniff, a policy that loads nothing and is framed by
// nobody, X-Frame-Options DENY, and no Referrer-Policy (it sends none).
func TestSecurityHeadersByKindOfAnswer(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	const jsonCSP = "default-src 'none'; frame-ancestors 'none'"
	pageCSP := "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'; form-action 'self'"
	for _, c := range []struct {
		name  string
		sc    scenario
		ctype string
		csp   string
	}{
		{"the probe", scenario{path: "/api/v1/healthz", status: 200}, "application/json", jsonCSP},
		{"a list", scenario{user: "zhb", path: "/api/v1/projects?year=2023", status: 200}, "application/json", jsonCSP},
		{"an error", scenario{user: "zhb", path: "/api/v1/projects/987654", status: 404}, "application/json", jsonCSP},
		{"refused without a login", scenario{path: "/api/v1/projects", status: 401}, "application/json", jsonCSP},
		{"a page", scenario{path: "/login", status: 200}, "text/html", pageCSP},
		{"a workbook", scenario{user: "zhb", path: "/api/v1/exports/projects?year=2023", status: 200}, "application/vnd.openxmlformats", pageCSP},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.sc.method = "GET"
			status, body, h := w.do(t, c.sc)
			if status != c.sc.status {
				t.Fatalf("GET %s: %d %s", c.sc.path, status, body)
			}
			if got := h.Get("Content-Type"); !strings.HasPrefix(got, c.ctype) {
				t.Errorf("Content-Type %q, want %s", got, c.ctype)
			}
			if got := h.Values("Content-Security-Policy"); len(got) != 1 || got[0] != c.csp {
				t.Errorf("Content-Security-Policy %q, want %q", got, c.csp)
			}
			want := map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "SAMEORIGIN", "Referrer-Policy": "same-origin"}
			if c.csp == jsonCSP {
				want["X-Frame-Options"], want["Referrer-Policy"] = "DENY", ""
			}
			for k, v := range want {
				if got := h.Values(k); v == "" && len(got) != 0 || v != "" && (len(got) != 1 || got[0] != v) {
					t.Errorf("%s %q, want %q", k, got, v)
				}
			}
			// The request id names the answer's line in the log; the probe
			// has no line at the default level, so no id.
			if id := h.Get("X-Request-Id"); (id == "") != (c.name == "the probe") {
				t.Errorf("X-Request-Id %q", id)
			}
		})
	}
}
