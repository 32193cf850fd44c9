package web_test

import (
	"context"
	"os"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

// TestFirstHourScreens takes the screenshots issue 15 asks a person to look
// at (cockpit, big screen, registry, circular as the city and as a county)
// on the demo city. It runs only when QIANXIANG_SHOTS names a folder: the
// demo takes most of a minute to fill.
func TestFirstHourScreens(t *testing.T) {
	if os.Getenv("QIANXIANG_SHOTS") == "" {
		t.Skip("set QIANXIANG_SHOTS to a folder to take the screenshots")
	}
	a := testenv.Open(t, "sqlite")
	logins, err := demo.Fill(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	pw := map[string]string{}
	for _, l := range logins {
		pw[l.Username] = l.Password
	}
	srv, _ := serve(t, a)
	shots := []struct{ user, path, name string }{
		{"zhb", "/cockpit", "cockpit-city"},
		{"zhb", "/cockpit?screen=1", "bigscreen-city"},
		{"zhb", "/projects?year=2026&per_page=50", "registry-city"},
		{"zhb", "/dispatch?print=1", "circular-city"},
		{"lishi", "/dispatch", "dispatch-county"},
		{"lishi", "/dispatch?print=1", "circular-county"},
		{"lishi", "/cockpit?screen=1", "bigscreen-county"},
	}
	for _, user := range []string{"zhb", "lishi"} {
		b := testenv.Browser(t)
		if err := chromedp.Run(b, chromedp.EmulateViewport(1366, 768), testenv.Login(srv.URL, user, pw[user])); err != nil {
			t.Fatalf("log in %s: %v", user, err)
		}
		for _, s := range shots {
			if s.user != user {
				continue
			}
			w, h := int64(1366), int64(768)
			if s.name[:3] == "big" {
				w, h = 1920, 1080
			}
			if err := chromedp.Run(b, chromedp.EmulateViewport(w, h), chromedp.Navigate(srv.URL+s.path),
				chromedp.WaitVisible("body", chromedp.ByQuery)); err != nil {
				t.Fatalf("%s: %v", s.path, err)
			}
			testenv.Screenshot(t, b, s.name)
		}
	}
}
