package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

// TestDeputiesDemoScreens: the congress office's pages on the demo city —
// stations with their solved counts, one station, the handling report, the
// calendar — and the deputy's phone page. Screenshots go under
// $QIANXIANG_SHOTS when set; -short skips it (the demo takes a while to
// fill).
func TestDeputiesDemoScreens(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo city takes a while to fill")
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
	shots := []struct{ user, path, name, sel, want string }{
		{"renda", "/stations", "deputies-stations", `[data-k="solved"]`, "已解决"},
		{"renda", "/stations/1", "deputies-station", `#station-problems`, "已归档"},
		{"renda", "/suggestions?overdue=1", "deputies-overdue", `#suggestion-list`, "逾期"},
		{"renda", "/suggestions/report", "deputies-report", `#handling-report`, "合计"},
		{"renda", "/suggestions/report?print=1", "deputies-report-print", `#handling-report`, "满意率"},
		{"renda", "/calendar", "deputies-calendar", `[data-k="workdays"]`, "-02-14"},
		{"renda", "/calendar?from=2026-09-29", "deputies-calendar-deadlines", `[data-k="asked"]`, "2026-10-14"}, // National Day off, 10-10 worked,
		{"renda", "/stations/1#receptions", "deputies-station-receptions", `#receptions`, "值班代表"},
		{"renda", "/suggestions?kind=proposal", "deputies-proposals", `#suggestion-list`, "提案"},
		{"renda", "/public#suggestions", "deputies-public", `[data-k="suggestion-counts"]`, "已答复"},
		// The seed's session (issue 11): 369 deputies in 13 delegations,
		// the presidium's third meeting 52 of 55, the closing plenary 342
		// present passing the six resolutions.
		{"renda", "/congress", "congress-demo", `.tiles`, "13 个代表团"},
		{"renda", "/congress/meetings/1/minutes", "congress-demo-presidium-minutes", `.minutes`, "应出席55人，实出席52人，符合法定人数"},
		{"renda", "/congress/meetings/2/minutes", "congress-demo-plenary-minutes", `.minutes`, "应出席369人，实出席342人，符合法定人数"},
		{"renda", "/congress/meetings/2/minutes", "congress-demo-plenary-minutes", `.decisions`, "通过《关于吕梁市人民检察院工作报告的决议》"},
		{"renda", "/congress/meetings/2/screen", "congress-demo-screen", `[data-quorum]`, "应出席369人，实出席342人，符合法定人数"},
		{"renda", "/congress/resolutions", "congress-demo-resolutions", `main`, "目标完成情况"},
	}
	b := testenv.Browser(t)
	user := ""
	for _, s := range shots {
		var text string
		tasks := chromedp.Tasks{}
		if s.user != user {
			tasks = append(tasks, testenv.Login(srv.URL, s.user, pw[s.user]))
			user = s.user
		}
		tasks = append(tasks, chromedp.Navigate(srv.URL+s.path), chromedp.WaitVisible(s.sel, chromedp.ByQuery), chromedp.Text(s.sel, &text, chromedp.ByQuery))
		if err := chromedp.Run(b, tasks); err != nil || !strings.Contains(text, s.want) {
			t.Fatalf("%s: %v; want %q in %q", s.path, err, s.want, text)
		}
		testenv.Screenshot(t, b, s.name)
	}
	// The count of the public's problems solved traces to each one: the
	// headline's number opens the list of exactly that many, each opens
	// its record with its history.
	var solved, listed string
	var rows int
	err = chromedp.Run(b, chromedp.Navigate(srv.URL+"/stations"), chromedp.Text(`[data-k="solved-link"]`, &solved, chromedp.ByQuery),
		chromedp.Click(`[data-k="solved-link"]`, chromedp.ByQuery), chromedp.WaitVisible(`#station-problem-list`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#station-problem-list tbody tr').length`, &rows),
		chromedp.Text(`[data-k="count"]`, &listed, chromedp.ByQuery))
	testenv.Screenshot(t, b, "deputies-solved-list")
	if err != nil || !strings.Contains(solved, fmt.Sprintf("已解决 %d 件", rows)) || !strings.Contains(listed, fmt.Sprintf("已解决 %d 件", rows)) {
		t.Fatalf("the solved count %q, the list %q with %d rows: %v", solved, listed, rows, err)
	}
	var record string
	err = chromedp.Run(b, chromedp.Click(`#station-problem-list tbody tr a[href^="/station-problems/"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#history`, chromedp.ByQuery), chromedp.Text(`main`, &record, chromedp.ByQuery))
	testenv.Screenshot(t, b, "deputies-solved-one")
	if err != nil || !strings.Contains(record, "回访") || !strings.Contains(record, "已解决") || !strings.Contains(record, "转交") {
		t.Fatalf("one solved problem: %v %q", err, record)
	}
	// The leader who skipped last month's visit at one station is reminded.
	if _, err := a.Sweep(context.Background()); err != nil {
		t.Fatal(err)
	}
	var notes string
	b = testenv.Browser(t)
	err = chromedp.Run(b, testenv.Login(srv.URL, "shizhang", pw["shizhang"]), chromedp.Navigate(srv.URL+"/notifications"),
		chromedp.WaitVisible(`main`, chromedp.ByQuery), chromedp.Text(`main`, &notes, chromedp.ByQuery))
	testenv.Screenshot(t, b, "deputies-leader-reminded")
	if err != nil || !strings.Contains(notes, "本月未到联络站接待") || !strings.Contains(notes, "文水县开栅镇代表联络站") {
		t.Fatalf("the leader's notifications: %v %q", err, notes)
	}
	// A project's page shows the station problems about it.
	ps, err := a.StationProblems(context.Background(), qianxiang.SystemActor, 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Project == nil || p.CampaignID == 0 {
			continue
		}
		var voices string
		b = testenv.Browser(t)
		err := chromedp.Run(b, testenv.Login(srv.URL, "zhb", pw["zhb"]), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", srv.URL, p.Project.ID)),
			chromedp.WaitVisible(`#project-voices`, chromedp.ByQuery), chromedp.ScrollIntoView(`#project-voices`, chromedp.ByQuery),
			chromedp.Text(`#project-voices`, &voices, chromedp.ByQuery))
		testenv.Screenshot(t, b, "deputies-project-voices")
		if err != nil || !strings.Contains(voices, p.Text) || !strings.Contains(voices, "项目问题") {
			t.Fatalf("project page: %v %q", err, voices)
		}
		break
	}
	b = testenv.Browser(t)
	var mine string
	err = chromedp.Run(b, chromedp.EmulateViewport(390, 844), testenv.Login(srv.URL, "4-0001", pw["4-0001"]), chromedp.Navigate(srv.URL+"/my"),
		chromedp.WaitVisible(`#my-station`, chromedp.ByQuery), chromedp.Text(`main`, &mine, chromedp.ByQuery))
	testenv.Screenshot(t, b, "deputies-my-phone")
	if err != nil || !strings.Contains(mine, "待测评的答复") || !strings.Contains(mine, "离石区凤山街道代表联络站") {
		t.Fatalf("/my: %v %q", err, mine)
	}
	// On a phone every section of the bar is on screen, none under the
	// user's name: the congress office's long name once squeezed the bar
	// to 项目 调 and hid the rest.
	// Home takes each to their own work.
	for who, home := range map[string]string{"4-0001": "/my", "renda": "/suggestions"} {
		b = testenv.Browser(t)
		var hidden []string
		var at string
		err = chromedp.Run(b, chromedp.EmulateViewport(390, 844), testenv.Login(srv.URL, who, pw[who]), chromedp.Navigate(srv.URL+"/"),
			chromedp.WaitVisible(`.main-nav`, chromedp.ByQuery), chromedp.Evaluate(phoneNavHidden, &hidden), chromedp.Location(&at))
		testenv.Screenshot(t, b, "phone-bar-"+who)
		if err != nil || len(hidden) > 0 {
			t.Fatalf("%s on a phone: sections off screen or under the name: %v %v", who, hidden, err)
		}
		if at != srv.URL+home {
			t.Errorf("%s: / took them to %s, want %s", who, at, home)
		}
	}
}

// phoneNavHidden lists the bar's sections that are not wholly on screen
// or that the user's corner overlaps.
const phoneNavHidden = `(() => {
  const who = document.querySelector('header.top .who').getBoundingClientRect();
  const out = [];
  for (const a of document.querySelectorAll('.main-nav a')) {
    const r = a.getBoundingClientRect();
    const off = r.left < 0 || r.right > window.innerWidth || r.width === 0;
    const under = r.left < who.right && r.right > who.left && r.top < who.bottom && r.bottom > who.top;
    if (off || under) out.push(a.textContent.trim());
  }
  return out;
})()`
