package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang/internal/testenv"
)

// TestDemoLoginOpensTheChineseShell starts the whole server on a free port
// with the demo city, as `serve --demo` does, takes a login it printed, and
// logs in through a real headless Chromium.
func TestDemoLoginOpensTheChineseShell(t *testing.T) {
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, Lang: "en"}
	srv, err := StartServer(context.Background(), env, ServeConfig{DSN: filepath.Join(t.TempDir(), "demo.db"), Addr: "127.0.0.1:0", Demo: true})
	if err != nil {
		t.Fatalf("start: %v\n%s", err, errb.String())
	}
	defer srv.Close()
	m := regexp.MustCompile(`(?m)^\s+zhb\s+(\S+)\s+command`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("the demo login of the campaign office was not printed:\n%s", out.String())
	}
	base := "http://" + srv.Addr
	ctx := testenv.Browser(t)
	var nav, who, title string
	err = chromedp.Run(ctx,
		chromedp.Navigate(base+"/projects"),
		chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery), // sent to log in first
		chromedp.SendKeys(`input[name=username]`, "zhb", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=password]`, m[1], chromedp.ByQuery),
		chromedp.Submit(`input[name=password]`, chromedp.ByQuery),
		chromedp.WaitVisible(`header.top`, chromedp.ByQuery),
		chromedp.Text(`nav.main-nav`, &nav, chromedp.ByQuery),
		chromedp.Text(`.who`, &who, chromedp.ByQuery),
		chromedp.Location(&title),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	testenv.Screenshot(t, ctx, "shell-zh")
	for _, w := range []string{"项目", "调度", "问题", "人大", "设置"} {
		if !strings.Contains(nav, w) {
			t.Errorf("navigation %q lacks %s", nav, w)
		}
	}
	testenv.Contains(t, who, "指挥部办公室", "市发改委")
	if !strings.HasSuffix(title, "/projects") {
		t.Errorf("after login the user should be back where they were going, at %s", title)
	}
	var enNav string
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/?lang=en"), chromedp.Text(`nav.main-nav`, &enNav, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	testenv.Contains(t, enNav, "Projects", "Dispatch")
	testenv.Screenshot(t, ctx, "shell-en")
}
