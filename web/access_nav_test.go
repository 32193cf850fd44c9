package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"qianxiang"
)

var navLink = regexp.MustCompile(`<a href="(/[^"?]*)"`)

// checkNavOpens has every role follow every link of the bar at the top of
// the page: a link there that answers 403 or 404 is a dead end a new
// user meets in the first minute (a county's office was offered the
// congress's pages, which are hidden from it). And it checks where /
// takes each of them.
func (w *matrixWorld) checkNavOpens(t *testing.T) {
	for _, u := range matrixUsers {
		c := w.sessions[u.name]
		if c == nil {
			c = w.login(t, u.name)
			w.sessions[u.name] = c
		}
		code, body := c.get("/projects")
		if code != 200 {
			t.Fatalf("%s: /projects answered %d", u.name, code)
		}
		start := strings.Index(body, `<nav class="main-nav"`)
		end := strings.Index(body[max(start, 0):], "</nav>")
		if start < 0 || end < 0 {
			t.Fatalf("%s: no main navigation on /projects", u.name)
		}
		var links []string
		for _, m := range navLink.FindAllStringSubmatch(body[start:start+end], -1) {
			links = append(links, m[1])
			if code, _ := c.get(m[1]); code != 200 {
				t.Errorf("%s (%s): the bar's link %s answers %d", u.name, u.role, m[1], code)
			}
		}
		if len(links) < 8 {
			t.Errorf("%s: only %d links in the bar: %v", u.name, len(links), links)
		}
		t.Log(u.name, fmt.Sprint(links))
		// Home: the congress's own people land on their own work, not
		// on the month's project reports; the rest stay on /.
		req, _ := http.NewRequest("GET", c.base+"/?lang=zh", nil)
		code, _, h := c.do(req)
		want := map[qianxiang.Role]string{qianxiang.RoleDeputy: "/my?lang=zh", qianxiang.RoleCongressStaff: "/suggestions?lang=zh"}[u.role]
		switch {
		case want == "" && code != 200:
			t.Errorf("%s (%s): / answered %d", u.name, u.role, code)
		case want != "" && (code != 303 || h.Get("Location") != want):
			t.Errorf("%s (%s): / answered %d to %q, want 303 to %s", u.name, u.role, code, h.Get("Location"), want)
		}
	}
}
