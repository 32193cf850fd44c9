package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qianxiang/internal/testenv"
)

// A deputy checks in and votes on a tablet-sized page while the hall
// screen, on another browser, follows: the quorum, the count of votes
// cast, and the result the moment staff close the vote.
func TestBrowserDeputyVotesOnTabletWhileHallScreenFollows(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	h := newHall(t, a, 6, 2)
	srv, _ := serve(t, a)
	api := func(method, path, body string) string {
		t.Helper()
		code, resp, _ := bearer(t, srv.URL, h.staffTok, method, path, strings.NewReader(body), "application/json")
		if code >= 300 {
			t.Fatalf("%s %s: %d %s", method, path, code, resp)
		}
		return resp
	}
	api("POST", "/api/v1/meetings", `{"congress":"lvliang-4","body":"plenary","title":"吕梁市第四届人民代表大会第三次会议闭幕会","date":"2023-02-26"}`)
	for i := 1; i < 4; i++ { // three of six: no quorum until a fourth arrives
		api("POST", "/api/v1/meetings/1/checkins", `{"card":"`+h.deputies[i].Card+`"}`)
	}
	screen := testenv.Browser(t)
	tablet := testenv.Browser(t)
	poll := func(expr string) chromedp.Action {
		return chromedp.Poll(expr, nil, chromedp.WithPollingTimeout(10*time.Second))
	}
	if err := chromedp.Run(screen,
		testenv.Login(srv.URL, "rdb", testenv.Password),
		chromedp.EmulateViewport(1920, 1080),
		chromedp.Navigate(srv.URL+"/congress/meetings/1/screen"),
		poll(`document.querySelector('[data-quorum]').textContent.includes('不符合法定人数')`),
	); err != nil {
		t.Fatalf("hall screen: %v", err)
	}
	testenv.Screenshot(t, screen, "congress-screen-no-quorum")
	var note string
	if err := chromedp.Run(tablet,
		testenv.Login(srv.URL, h.deputies[0].Card, testenv.Password),
		chromedp.EmulateViewport(820, 1180),
		chromedp.Navigate(srv.URL+"/vote"),
		chromedp.WaitVisible(`button[data-act="checkin"]`, chromedp.ByQuery),
		chromedp.Click(`button[data-act="checkin"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-present-note]`, chromedp.ByQuery),
		chromedp.Text(`[data-msg]`, &note, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("tablet check-in: %v", err)
	}
	if err := chromedp.Run(screen, poll(`document.querySelector('[data-quorum]').textContent.includes('应出席6人，实出席4人，符合法定人数')`)); err != nil {
		t.Fatalf("the screen did not show the quorum met: %v", err)
	}
	for i := 4; i < 6; i++ {
		api("POST", "/api/v1/meetings/1/checkins", `{"card":"`+h.deputies[i].Card+`"}`)
	}
	api("POST", "/api/v1/meetings/1/votes", `{"title":"关于吕梁市2023年国民经济和社会发展计划的决议"}`)
	api("POST", "/api/v1/votes/1/open", ``)
	if err := chromedp.Run(tablet,
		chromedp.WaitVisible(`[data-ballot]`, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("the tablet did not show the open vote: %v", err)
	}
	testenv.Screenshot(t, tablet, "congress-tablet-ballot")
	if err := chromedp.Run(tablet,
		chromedp.Click(`button[data-choice="for"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-confirm-bar]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	testenv.Screenshot(t, tablet, "congress-tablet-confirm")
	if err := chromedp.Run(tablet,
		chromedp.Click(`button[data-act="confirm"]`, chromedp.ByQuery),
		poll(`document.querySelector('[data-msg]').textContent.includes('您的表决已记录')`),
	); err != nil {
		t.Fatalf("the tablet did not record the vote: %v", err)
	}
	testenv.Screenshot(t, tablet, "congress-tablet-voted")
	if err := chromedp.Run(screen, poll(`(document.querySelector('.hall-count')||{}).dataset && document.querySelector('.hall-count').dataset.cast === "1"`)); err != nil {
		t.Fatalf("the screen did not count the tablet's vote: %v", err)
	}
	for _, i := range []int{1, 2, 3, 5} { // deputy 4 does not press
		tok := h.token(t, a, i)
		choice := map[int]string{1: "for", 2: "for", 3: "for", 5: "against"}[i]
		if code, resp, _ := bearer(t, srv.URL, tok, "POST", "/api/v1/votes/1/ballot", strings.NewReader(`{"choice":"`+choice+`"}`), "application/json"); code != 200 {
			t.Fatalf("ballot: %d %s", code, resp)
		}
	}
	if err := chromedp.Run(screen, poll(`document.querySelector('.hall-count').dataset.cast === "5"`)); err != nil {
		t.Fatalf("the screen did not follow the count: %v", err)
	}
	var splitShown bool
	chromedp.Run(screen, chromedp.Evaluate(`document.querySelector('.hall-result') !== null || document.body.innerText.includes('反对') || document.body.innerText.includes('弃权')`, &splitShown))
	testenv.Screenshot(t, screen, "congress-screen-voting")
	if splitShown {
		t.Fatal("the screen shows the split while the vote is open")
	}
	start := time.Now()
	api("POST", "/api/v1/votes/1/close", ``)
	if err := chromedp.Run(screen, poll(`document.querySelector('.hall-verdict.passed') !== null`)); err != nil {
		testenv.Screenshot(t, screen, "congress-screen-failed")
		var html string
		chromedp.Run(screen, chromedp.OuterHTML("main", &html, chromedp.ByQuery))
		t.Log(html)
		t.Fatalf("the screen did not show the result: %v", err)
	}
	took := time.Since(start)
	testenv.Screenshot(t, screen, "congress-screen-result")
	var result string
	chromedp.Run(screen, chromedp.Text(`.hall-result`, &result, chromedp.ByQuery))
	testenv.Contains(t, strings.Join(strings.Fields(result), " "), "赞成 4", "反对 1", "弃权 0", "未按键 1")
	if took > time.Second {
		t.Errorf("the result took %v to reach the screen", took)
	}
	if err := chromedp.Run(tablet, poll(`document.querySelector('[data-msg]').textContent.includes('没有进行中的表决')`)); err != nil {
		t.Fatalf("the tablet did not notice the close: %v", err)
	}
	t.Log(fmt.Sprintf("result on the screen %v after close", took))
	// The staff's own pages: the desk with its votes, and the minutes.
	if err := chromedp.Run(screen, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(srv.URL+"/congress/meetings/1"),
		chromedp.WaitVisible(`#desk`, chromedp.ByQuery),
		chromedp.SendKeys(`#desk input[name=who]`, "代表0006", chromedp.ByQuery),
		chromedp.Click(`#desk button`, chromedp.ByQuery),
		poll(`document.getElementById('desk-msg').textContent.includes('签到')`)); err != nil {
		testenv.Screenshot(t, screen, "congress-meeting-desk-failed")
		t.Fatalf("desk: %v", err)
	}
	testenv.Screenshot(t, screen, "congress-meeting-desk")
	chromedp.Run(screen, chromedp.Navigate(srv.URL+"/congress/meetings/1/minutes"), chromedp.WaitVisible(`.minutes`, chromedp.ByQuery))
	testenv.Screenshot(t, screen, "congress-minutes")
}
