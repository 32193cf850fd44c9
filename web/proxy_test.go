package web_test

import (
	"net/http"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

// Behind a reverse proxy the client's address and scheme come from the
// proxy's headers — only when the server is told to trust them.
func TestBehindATrustedProxy(t *testing.T) {
	for _, trust := range []bool{false, true} {
		a := testenv.Open(t, "sqlite")
		testenv.Lvliang(t, a)
		testenv.User(t, a, "lishi", "org_admin", "141102")
		srv, s := serve(t, a)
		s.TrustProxy = trust
		login := func(from, username, password string) *http.Response {
			req, _ := http.NewRequest("POST", srv.URL+"/api/v1/session", strings.NewReader(`{"username":"`+username+`","password":"`+password+`"}`))
			req.Header.Set("X-Forwarded-For", "203.0.113.9, "+from)
			req.Header.Set("X-Forwarded-Proto", "https")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return res
		}
		res := login("10.1.2.3", "lishi", testenv.Password)
		secure := strings.Contains(res.Header.Get("Set-Cookie"), "Secure")
		if secure != trust {
			t.Fatalf("trust %v: Secure cookie %v", trust, secure)
		}
		if hsts := res.Header.Get("Strict-Transport-Security") != ""; hsts != trust {
			t.Fatalf("trust %v: HSTS %v", trust, hsts)
		}
		// 20 failures (against other names) from one client behind the proxy
		// lock that client only
		// when the proxy is trusted; untrusted, everyone shares its address.
		for i := 0; i < 20; i++ {
			login("10.9.9.9", "user"+strings.Repeat("x", i), "wrong")
		}
		if got := login("10.1.2.3", "lishi", testenv.Password).StatusCode; (got == 200) != trust {
			t.Fatalf("trust %v: another client behind the proxy got %d", trust, got)
		}
	}
}
