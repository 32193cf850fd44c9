package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/web"
)

// serve starts the whole web server over a on a loopback port.
func serve(t *testing.T, a *app.App) (*httptest.Server, *web.Server) {
	t.Helper()
	s, err := web.New(a, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv, s
}

type userSpec struct {
	name string
	role qianxiang.Role
	org  string
}

// withTokens adds users (password testenv.Password) and gives each an API token.
func withTokens(t *testing.T, a *app.App, users []userSpec) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, u := range users {
		act := testenv.User(t, a, u.name, u.role, u.org)
		tok, err := a.CreateToken(context.Background(), act, u.name, "test")
		if err != nil {
			t.Fatal(err)
		}
		out[u.name] = tok
	}
	return out
}

// bearer sends one API request with a token.
func bearer(t *testing.T, base, token, method, path string, body io.Reader, ctype string) (int, string, http.Header) {
	t.Helper()
	r, _ := http.NewRequest(method, base+path, body)
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	res, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

// client is a logged-in browser without a browser: a cookie jar and the
// session's CSRF token for forms. Redirects are not followed, so tests see them.
type client struct {
	t    *testing.T
	c    *http.Client
	base string
	csrf string
}

// loginAs logs in through the API and keeps the session cookie.
func loginAs(t *testing.T, base, username, password string) *client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	body := fmt.Sprintf(`{"username":%q,"password":%q}`, username, password)
	resp, err := c.Post(base+"/api/v1/session", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ CSRF string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.CSRF == "" {
		t.Fatalf("login %s: status %d, %v", username, resp.StatusCode, err)
	}
	return &client{t: t, c: c, base: base, csrf: out.CSRF}
}

func (c *client) do(req *http.Request) (int, string, http.Header) {
	c.t.Helper()
	resp, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func (c *client) get(path string) (int, string) {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.base+path, nil)
	code, body, _ := c.do(req)
	return code, body
}

// send sends a JSON body (or none) with the session's CSRF header, as the
// pages' scripts do, and gives the status and the answer.
func (c *client) send(method, path, body string) (int, string) {
	c.t.Helper()
	req, _ := newJSON(method, c.base+path, body)
	req.Header.Set("X-CSRF-Token", c.csrf)
	code, out, _ := c.do(req)
	return code, out
}

// post sends a form the way a browser does, with the hidden csrf field
// (unless the test set one).
func (c *client) post(path string, v url.Values) (int, string, http.Header) {
	c.t.Helper()
	if v.Get("csrf") == "" {
		v.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest("POST", c.base+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}
