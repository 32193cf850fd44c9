package web_test

import (
	"context"

	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang/demo"
	"qianxiang/internal/testenv"
	"qianxiang/web"
)

// TestZZDemoShots is a throwaway harness: screenshots of the demo city.
func TestZZDemoShots(t *testing.T) {
	if os.Getenv("QX_DEMO_SHOTS") == "" {
		t.Skip()
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
	h, err := web.New(a, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	dir := os.Getenv("QIANXIANG_SHOTS")
	shot := func(ctx context.Context, name string, full bool) {
		var buf []byte
		var err error
		if full {
			err = chromedp.Run(ctx, chromedp.FullScreenshot(&buf, 80))
		} else {
			err = chromedp.Run(ctx, chromedp.CaptureScreenshot(&buf))
		}
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
	}
	run := func(user string, pages [][2]string, w, h int64, full bool) {
		ctx := testenv.Browser(t)
		if err := chromedp.Run(ctx, chromedp.EmulateViewport(w, h), testenv.Login(srv.URL, user, pw[user])); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+p[1]), chromedp.WaitReady("body")); err != nil {
				t.Fatal(err)
			}
			shot(ctx, p[0], full)
		}
	}
	run("zhb", [][2]string{{"d-home", "/"}, {"d-dispatch", "/dispatch"}, {"d-print", "/dispatch?print=1"}, {"d-settings", "/settings/dispatch"}, {"d-grid-city", "/reports?org=141102"}}, 1366, 768, os.Getenv("FULL") != "")
	run("zhb", [][2]string{{"d-screen", "/cockpit?screen=1"}}, 1920, 1080, false)
	run("lishi", [][2]string{{"d-lishi-home", "/"}, {"d-lishi-grid", "/reports"}, {"d-lishi-grid-prev", "/reports?month=" + os.Getenv("PREV")}}, 1366, 768, os.Getenv("FULL") != "")
	run("lishi-xm", [][2]string{{"d-xm-home", "/"}}, 1366, 768, false)
}
