package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
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

// The "Done when", tried as a new user would, in real browsers:
// staff import a roster on /congress and get the credential slips; a
// deputy logs in with their slip, must change the generated password,
// and checks in on a tablet-sized /vote while others are checked in at
// the desk; the hall screen (1920×1080) says whether the quorum is met;
// staff add a vote from the agenda and open it on the meeting page, the
// deputy votes on the tablet, staff close it and the result is on the
// screen within a second; the minutes print. On PostgreSQL the hall
// screen hangs off a second server sharing the database.
func TestBrowserCongressWalkthroughAsANewUser(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		testenv.Lvliang(t, a)
		testenv.User(t, a, "rdb", qianxiang.RoleCongressStaff, "141100")
		srv, _ := serve(t, a)
		hallURL := srv.URL
		if a.DB.Dialect() == store.Postgres {
			db2, err := store.OpenWith(ctx, a.DB.DSN, store.Options{AuditKeyFile: a.DB.Keys.Path})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db2.Close() })
			other, _ := serve(t, app.New(db2, slog.New(slog.NewTextHandler(io.Discard, nil))))
			hallURL = other.URL
		}
		shot := func(c context.Context, name string) { testenv.Screenshot(t, c, name+"-"+string(a.DB.Dialect())) }
		poll := func(expr string) chromedp.Action {
			return chromedp.Poll(expr, nil, chromedp.WithPollingTimeout(15*time.Second))
		}
		roster := filepath.Join(t.TempDir(), "代表名册.csv")
		os.WriteFile(roster, []byte("吕梁市第四届人民代表大会代表名册\n序号,姓名,代表团,性别,民族,职务/工作单位,座位号,代表证号,主席团成员\n"+
			"1,曹鑫,离石区代表团,男,汉族,离石区委书记,1排1号,9-0001,是\n"+
			"2,温磊庆,离石区代表团,男,汉族,离石区区长,1排2号,9-0002,否\n"+
			"3,郭丽娟,文水县代表团,女,汉族,文水县县长,1排3号,9-0003,否\n"+
			"4,张建国,文水县代表团,男,汉族,村党支部书记,1排4号,9-0004,否\n"+
			"5,李红梅,临县代表团,女,汉族,学校校长,1排5号,9-0005,否\n"+
			"6,王志鹏,临县代表团,男,汉族,企业董事长,1排6号,9-0006,否\n"), 0o644)

		// Staff import the roster on the page and get the slips.
		staff := testenv.Browser(t)
		var slips [][2]string
		if err := chromedp.Run(staff,
			testenv.Login(srv.URL, "rdb", testenv.Password),
			chromedp.Navigate(srv.URL+"/congress"),
			chromedp.WaitVisible(`form[action="/congress/import"] input[type=file]`, chromedp.ByQuery),
			chromedp.SetUploadFiles(`form[action="/congress/import"] input[type=file]`, []string{roster}, chromedp.ByQuery),
			chromedp.Click(`form[action="/congress/import"] button`, chromedp.ByQuery),
			chromedp.WaitVisible(`.slips`, chromedp.ByQuery),
			chromedp.Evaluate(`Array.from(document.querySelectorAll('.slip')).map(s => [s.querySelectorAll('b')[0].textContent, s.querySelector('.pw').textContent])`, &slips),
		); err != nil {
			shot(staff, "walk-import-failed")
			t.Fatalf("roster import on the page: %v", err)
		}
		shot(staff, "walk-slips")
		if len(slips) != 6 || slips[0][0] != "9-0001" || len(slips[0][1]) < 8 {
			t.Fatalf("slips: %v", slips)
		}
		// Staff set up the closing meeting with its agenda.
		if err := chromedp.Run(staff,
			chromedp.Navigate(srv.URL+"/congress"),
			chromedp.WaitVisible(`form[action="/congress/meetings"]`, chromedp.ByQuery),
			chromedp.SendKeys(`form[action="/congress/meetings"] input[name=title]`, "第三次全体会议（闭幕会）", chromedp.ByQuery),
			chromedp.SetValue(`form[action="/congress/meetings"] input[name=date]`, "2023-02-26", chromedp.ByQuery),
			chromedp.SetValue(`form[action="/congress/meetings"] input[name=session]`, "3", chromedp.ByQuery),
			chromedp.SendKeys(`form[action="/congress/meetings"] textarea[name=agenda]`, "1. 表决关于吕梁市人民政府工作报告的决议\n2. 闭幕", chromedp.ByQuery),
			chromedp.Click(`form[action="/congress/meetings"] button`, chromedp.ByQuery),
			chromedp.WaitVisible(`#desk`, chromedp.ByQuery),
		); err != nil {
			shot(staff, "walk-meeting-failed")
			t.Fatalf("new meeting: %v", err)
		}
		var path string
		chromedp.Run(staff, chromedp.Evaluate(`location.pathname`, &path))
		mid := strings.TrimPrefix(path, "/congress/meetings/")

		// The hall screen: nobody yet, no quorum.
		screen := testenv.Browser(t)
		if err := chromedp.Run(screen,
			testenv.Login(hallURL, "rdb", testenv.Password),
			chromedp.EmulateViewport(1920, 1080),
			chromedp.Navigate(hallURL+"/congress/meetings/"+mid+"/screen"),
			poll(`document.querySelector('[data-quorum]').textContent.includes('应出席6人，实出席0人，不符合法定人数')`),
		); err != nil {
			t.Fatalf("hall screen: %v", err)
		}
		// The first deputy logs in with the slip, must choose a password,
		// then checks in on the tablet.
		tablet := testenv.Browser(t)
		newPW := "Lvliang-2023-qx"
		if err := chromedp.Run(tablet,
			chromedp.EmulateViewport(820, 1180),
			testenv.Login(srv.URL, slips[0][0], slips[0][1]),
			poll(`location.pathname === '/account'`),
			chromedp.SendKeys(`input[name=old]`, slips[0][1], chromedp.ByQuery),
			chromedp.SendKeys(`input[name=new]`, newPW, chromedp.ByQuery),
			chromedp.Submit(`input[name=new]`, chromedp.ByQuery),
			chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
			testenv.Login(srv.URL, slips[0][0], newPW),
			chromedp.Navigate(srv.URL+"/vote"),
			chromedp.WaitVisible(`button[data-act="checkin"]`, chromedp.ByQuery),
		); err != nil {
			shot(tablet, "walk-tablet-login-failed")
			t.Fatalf("the deputy's first login: %v", err)
		}
		shot(tablet, "walk-tablet-checkin")
		if err := chromedp.Run(tablet,
			chromedp.Click(`button[data-act="checkin"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`[data-present-note]`, chromedp.ByQuery),
		); err != nil {
			t.Fatalf("tablet check-in: %v", err)
		}
		if err := chromedp.Run(screen, poll(`document.querySelector('[data-quorum]').textContent.includes('实出席1人，不符合法定人数')`)); err != nil {
			t.Fatalf("the screen did not follow the tablet's check-in: %v", err)
		}
		shot(screen, "walk-screen-no-quorum")
		// The desk checks three more in: two from a sign-in sheet (one
		// card mistyped first: nobody is checked in), one by name. Four of
		// six is the quorum.
		if err := chromedp.Run(staff,
			chromedp.SendKeys(`#list textarea[name=cards]`, "9-0002\n9-0030", chromedp.ByQuery),
			chromedp.Click(`#list button`, chromedp.ByQuery),
			poll(`document.getElementById('desk-msg').textContent.includes('9-0030')`),
			chromedp.SetValue(`#list textarea[name=cards]`, "9-0002\n9-0003", chromedp.ByQuery),
			chromedp.Click(`#list button`, chromedp.ByQuery),
			poll(`document.getElementById('desk-msg').textContent.includes('签到 2 人，已在场 0 人')`),
		); err != nil {
			shot(staff, "walk-list-failed")
			t.Fatalf("check-in from a list: %v", err)
		}
		// A mistaken check-in (王志鹏 is not in the hall) is taken back
		// with its reason; the quorum line follows.
		if err := chromedp.Run(staff,
			chromedp.SendKeys(`#desk input[name=who]`, "9-0006", chromedp.ByQuery),
			chromedp.Click(`#desk button`, chromedp.ByQuery),
			poll(`document.getElementById('desk-msg').textContent.includes('王志鹏') && document.querySelector('#desk input[name=who]').value === ''`),
			chromedp.SendKeys(`#leave input[name=card]`, "9-0006", chromedp.ByQuery),
			chromedp.SendKeys(`#leave input[name=reason]`, "误签：代表未到场", chromedp.ByQuery),
			chromedp.Click(`[data-k="undo-check-in"]`, chromedp.ByQuery),
			poll(`document.getElementById('desk-msg').textContent.includes('王志鹏 · 已撤销签到')`),
		); err != nil {
			shot(staff, "walk-undo-failed")
			t.Fatalf("undoing a mistaken check-in: %v", err)
		}
		shot(staff, "walk-desk-undone")
		if err := chromedp.Run(screen, poll(`document.querySelector('[data-quorum]').textContent.includes('实出席3人')`)); err != nil {
			t.Fatalf("the screen did not follow the undone check-in: %v", err)
		}
		for _, who := range []string{"张建国"} {
			if err := chromedp.Run(staff,
				chromedp.SendKeys(`#desk input[name=who]`, who, chromedp.ByQuery),
				chromedp.Click(`#desk button`, chromedp.ByQuery),
				poll(`document.getElementById('desk-msg').textContent.includes('签到成功') && document.querySelector('#desk input[name=who]').value === ''`),
			); err != nil {
				shot(staff, "walk-desk-failed")
				t.Fatalf("desk check-in of %s: %v", who, err)
			}
		}
		if err := chromedp.Run(screen, poll(`document.querySelector('[data-quorum]').textContent.includes('应出席6人，实出席4人，符合法定人数')`)); err != nil {
			t.Fatalf("the screen did not show the quorum met: %v", err)
		}
		shot(screen, "walk-screen-quorum")
		// The desk's own attendance by delegation follows too.
		if err := chromedp.Run(staff, poll(`document.querySelector('tr[data-deleg="文水县代表团"] [data-f=present]').textContent === '2' && document.querySelector('tr[data-deleg="临县代表团"] [data-f=away]').textContent === '2'`)); err != nil {
			shot(staff, "walk-desk-table-failed")
			t.Fatalf("the desk's attendance table did not follow: %v", err)
		}
		shot(staff, "walk-desk")
		// Staff add the vote from the agenda and open it.
		item := "表决关于吕梁市人民政府工作报告的决议"
		if err := chromedp.Run(staff,
			chromedp.SendKeys(`#newvote input[name=title]`, item, chromedp.ByQuery),
			chromedp.Click(`#newvote input[name=resolution]`, chromedp.ByQuery),
			chromedp.Click(`#newvote button`, chromedp.ByQuery),
			chromedp.WaitVisible(`tr[data-vote] button[data-act=open]`, chromedp.ByQuery),
			chromedp.Click(`tr[data-vote] button[data-act=open]`, chromedp.ByQuery),
			poll(`document.querySelector('tr[data-vote]').dataset.status === 'open'`),
		); err != nil {
			shot(staff, "walk-vote-failed")
			t.Fatalf("vote set up and opened on the meeting page: %v", err)
		}
		if err := chromedp.Run(tablet,
			chromedp.WaitVisible(`[data-ballot]`, chromedp.ByQuery),
			chromedp.Click(`button[data-choice="for"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`[data-confirm-bar]`, chromedp.ByQuery),
			chromedp.Click(`button[data-act="confirm"]`, chromedp.ByQuery),
			poll(`document.querySelector('[data-msg]').textContent.includes('您的表决已记录')`),
		); err != nil {
			shot(tablet, "walk-tablet-vote-failed")
			t.Fatalf("the tablet vote: %v", err)
		}
		shot(tablet, "walk-tablet-voted")
		// Two others press on their own tablets (through the service here).
		var vid int64
		k, _ := a.DB.CongressByCode(ctx, "lvliang-4")
		ms, _ := a.DB.Meetings(ctx, k.ID)
		vs, _ := a.DB.Votes(ctx, ms[0].ID)
		vid = vs[0].ID
		for card, c := range map[string]qianxiang.Choice{"9-0002": qianxiang.ChoiceFor, "9-0003": qianxiang.ChoiceAgainst} {
			u, err := a.DB.UserByName(ctx, card)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := a.CastBallot(ctx, u.Actor(), vid, c); err != nil {
				t.Fatalf("ballot of %s: %v", card, err)
			}
		}
		if err := chromedp.Run(screen, poll(`(document.querySelector('.hall-count')||{dataset:{}}).dataset.cast === "3"`)); err != nil {
			t.Fatalf("the screen did not count three votes: %v", err)
		}
		shot(screen, "walk-screen-voting")
		start := time.Now()
		if err := chromedp.Run(staff, chromedp.Click(`tr[data-vote] button[data-act=close]`, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Run(screen, chromedp.Poll(`document.querySelector('.hall-verdict') !== null`, nil,
			chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(10*time.Millisecond))); err != nil {
			t.Fatalf("the screen did not show the result: %v", err)
		}
		took := time.Since(start)
		shot(screen, "walk-screen-result")
		var result string
		chromedp.Run(screen, chromedp.Text(`.hall-result`, &result, chromedp.ByQuery))
		// Two for of six members is not more than half of ALL members.
		testenv.Contains(t, strings.Join(strings.Fields(result), " "), "赞成 2", "反对 1", "弃权 0", "未按键 1")
		var verdict string
		chromedp.Run(screen, chromedp.Text(`.hall-verdict`, &verdict, chromedp.ByQuery))
		testenv.Contains(t, verdict, "未通过")
		t.Logf("result on the hall screen (%s) %v after the close was clicked", hallURL, took)
		if took > time.Second {
			t.Errorf("the result took %v to reach the screen", took)
		}
		// The minutes: agenda, attendance by delegation with the absent
		// named, the vote's result; printable (no navigation, a PDF).
		var minutes string
		var pdf []byte
		if err := chromedp.Run(staff,
			chromedp.Navigate(srv.URL+"/congress/meetings/"+mid+"/minutes"),
			chromedp.WaitVisible(`.minutes`, chromedp.ByQuery),
			chromedp.Text(`.minutes`, &minutes, chromedp.ByQuery),
			chromedp.ActionFunc(func(c context.Context) error {
				return emulation.SetEmulatedMedia().WithMedia("print").Do(c)
			}),
		); err != nil {
			t.Fatalf("minutes: %v", err)
		}
		shot(staff, "walk-minutes-print")
		testenv.Contains(t, minutes, "第三次全体会议（闭幕会）", "第三次会议 · 会议记录", "表决关于吕梁市人民政府工作报告的决议", "闭幕", "应出席6人，实出席4人，符合法定人数",
			"离石区代表团", "临县代表团", "李红梅", "未通过", "《表决关于吕梁市人民政府工作报告的决议》未获通过")
		var navShown bool
		if err := chromedp.Run(staff,
			chromedp.Evaluate(`[...document.querySelectorAll('header.top, .no-print')].some(e => e.offsetParent !== null)`, &navShown),
			chromedp.ActionFunc(func(c context.Context) error {
				var err error
				pdf, _, err = page.PrintToPDF().Do(c)
				return err
			}),
		); err != nil {
			t.Fatalf("printing the minutes: %v", err)
		}
		if navShown {
			t.Error("the printed minutes show the navigation or the buttons")
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) < 10000 {
			t.Errorf("the minutes did not print: %d bytes", len(pdf))
		}
	})
}
