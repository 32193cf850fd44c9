package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

func TestZZShots(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	ctx := context.Background()
	logins, err := demo.Fill(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	pw := map[string]string{}
	for _, l := range logins {
		pw[l.Username] = l.Password
	}
	srv, _ := serve(t, a)
	b := testenv.Browser(t)
	shot := func(user, path, name string) {
		chromedp.Run(b, chromedp.Navigate(srv.URL+path), chromedp.Sleep(300*time.Millisecond))
		testenv.Screenshot(t, b, name)
	}
	chromedp.Run(b, testenv.Login(srv.URL, "shizhang", pw["shizhang"]))
	shot("shizhang", "/", "z-cockpit")
	shot("shizhang", "/desk", "z-desk")
	shot("shizhang", "/problems?overdue=1", "z-overdue")
	shot("shizhang", "/notifications", "z-notes")
	chromedp.Run(b, chromedp.Click(`form[action="/logout"] button`, chromedp.ByQuery), chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
		testenv.Login(srv.URL, "zhb", pw["zhb"]))
	shot("zhb", "/problems", "z-problems")
	shot("zhb", "/settings/webhook", "z-webhook")
	shot("zhb", "/dispatch?print=1", "z-circular")
}
