package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// After logging in, the login form sends the user back to next. Browsers
// read a backslash in a path as a slash, so "/\evil.example" is a link to
// another site and made the login page an open redirect for phishing.
func TestSecurityLoginRedirectStaysOnSite(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	testenv.Lvliang(t, a)
	testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
	srv, _ := serve(t, a)
	noFollow := func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for _, next := range []string{`/\evil.example`, `/\/evil.example/`, `\\evil.example`, `//evil.example`, `https://evil.example/`, "/%5Cevil.example"} {
		jar := newJar()
		c := &http.Client{Jar: jar, CheckRedirect: noFollow}
		form := url.Values{"username": {"lishi"}, "password": {testenv.Password}, "next": {next}}
		res, err := c.PostForm(srv.URL+"/login", form)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		loc := res.Header.Get("Location")
		if res.StatusCode != http.StatusSeeOther || !onSite(loc) {
			t.Errorf("login with next=%q: %d to %q, want a redirect on this site", next, res.StatusCode, loc)
		}
		// Already logged in, the login page redirects at once.
		res, err = c.Get(srv.URL + "/login?next=" + url.QueryEscape(next))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if loc := res.Header.Get("Location"); !onSite(loc) {
			t.Errorf("logged in, /login?next=%q redirects to %q", next, loc)
		}
	}
}

// onSite reports a Location a browser resolves to this site: a path that
// does not start with two slashes once backslashes count as slashes.
func onSite(loc string) bool {
	l := strings.ReplaceAll(loc, `\`, "/")
	return strings.HasPrefix(l, "/") && !strings.HasPrefix(l, "//")
}
