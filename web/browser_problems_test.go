package web_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// A county raises a problem on its project; the clock passes its due date
// and the sweep escalates it; the leader finds it on the desk from the
// cockpit, writes an instruction; the county acknowledges and resolves it;
// the campaign office closes it.
func TestBrowserProblemGoesOverdueToTheLeadersDeskAndIsClosed(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	// The clock runs in the future: session cookies expire by the real one.
	y := time.Now().Year() + 1
	var now atomic.Int64
	now.Store(time.Date(y, 4, 3, 9, 0, 0, 0, a.Loc).UnixNano())
	a.Now = func() time.Time { return time.Unix(0, now.Load()).In(a.Loc) }
	testenv.Lvliang(t, a)
	testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
	testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100-FGW")
	if _, _, err := a.AddUser(ctx, qianxiang.SystemActor, app.NewUser{Username: "shizhang", DisplayName: "张广勇", Role: qianxiang.RoleLeader,
		OrgCode: "141100", Password: testenv.Password}); err != nil {
		t.Fatal(err)
	}
	p, err := a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: y, Name: "文水县物流园区项目", Org: qianxiang.OrgRef{Code: "141121"},
		Kind: qianxiang.KindContinuing, TotalInvestment: 80000, AnnualPlan: 30000, Leader: "张广勇"})
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := serve(t, a)
	b := testenv.Browser(t)
	logout := chromedp.Tasks{chromedp.Click(`form[action="/logout"] button`, chromedp.ByQuery), chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery)}

	var url string
	err = chromedp.Run(b,
		testenv.Login(srv.URL, "wenshui", testenv.Password),
		chromedp.Navigate(fmt.Sprintf("%s/projects/%d", srv.URL, p.ID)),
		chromedp.Click(`[data-k="raise-problem"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#problem-form`, chromedp.ByQuery),
		chromedp.SetValue(`select[name=category]`, "land", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=description]`, "物流园区二期用地指标未落实", chromedp.ByQuery),
		chromedp.SetValue(`input[name=due]`, fmt.Sprintf("%d-04-10", y), chromedp.ByQuery),
		chromedp.Click(`[data-k="raise"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`h1.problem-title`, chromedp.ByQuery),
		chromedp.Location(&url),
	)
	testenv.Screenshot(t, b, "problem-raised")
	if err != nil || !strings.Contains(url, "done=created") {
		t.Fatalf("raising: %v at %s", err, url)
	}
	ps, _ := a.Problems(ctx, qianxiang.SystemActor, app.ProblemQuery{})
	if len(ps) != 1 || ps[0].Due.String() != fmt.Sprintf("%d-04-10", y) || ps[0].OwnerOrg.Code != "141121" {
		t.Fatalf("stored: %+v", ps)
	}
	id := ps[0].ID

	// Eleven days later the sweep sends it up to the project's leader.
	now.Store(time.Date(y, 4, 14, 8, 0, 0, 0, a.Loc).UnixNano())
	if r, err := a.Sweep(ctx); err != nil || r.Escalated != 1 {
		t.Fatalf("sweep: %+v %v", r, err)
	}

	// The leader: cockpit → desk (one click) → the problem (two).
	var deskRow, unread string
	err = chromedp.Run(b, logout,
		testenv.Login(srv.URL, "shizhang", testenv.Password),
		chromedp.Text(`[data-k="unread"] .count`, &unread, chromedp.ByQuery),
		chromedp.Click(`[data-k="obstacles"] [data-k="desk-link"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#escalated`, chromedp.ByQuery),
		chromedp.Text(fmt.Sprintf(`#escalated tr[data-id="%d"]`, id), &deskRow, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "leaders-desk")
	if err != nil || !strings.Contains(deskRow, "物流园区二期用地指标未落实") || !strings.Contains(deskRow, "文水县") || !strings.Contains(deskRow, "11") || unread != "1" {
		t.Fatalf("desk row %q, unread %q: %v", deskRow, unread, err)
	}
	var instr string
	err = chromedp.Run(b,
		chromedp.Click(fmt.Sprintf(`#escalated tr[data-id="%d"] a`, id), chromedp.ByQuery),
		chromedp.WaitVisible(`#instruct-form`, chromedp.ByQuery),
		chromedp.SendKeys(`#instruct-form textarea`, "请文水县本周内协调落实用地指标", chromedp.ByQuery),
		chromedp.Click(`[data-k="instruct"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		chromedp.Text(`#instructions`, &instr, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "instruction-written")
	if err != nil || !strings.Contains(instr, "请文水县本周内协调落实用地指标") || !strings.Contains(instr, "待签收") {
		t.Fatalf("instruction: %q %v", instr, err)
	}

	// The county acknowledges and resolves it.
	var status string
	err = chromedp.Run(b, logout,
		testenv.Login(srv.URL, "wenshui", testenv.Password),
		chromedp.Navigate(fmt.Sprintf("%s/problems/%d", srv.URL, id)),
		chromedp.Click(`[data-k="ack"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		chromedp.WaitVisible(`form[action$="/resolve"] textarea`, chromedp.ByQuery),
		chromedp.SendKeys(`form[action$="/resolve"] textarea`, "已调剂存量用地指标", chromedp.ByQuery),
		chromedp.Click(`[data-k="resolve"]`, chromedp.ByQuery),
	)
	if err == nil {
		// The acknowledgement's banner is still showing while the resolve
		// posts: wait for the new page's status rather than for a banner.
		status, err = waitForText(b, `[data-k="status"]`, "已解决待确认")
	}
	if err != nil || status != "已解决待确认" {
		t.Fatalf("resolving: %q %v", status, err)
	}

	// The campaign office: cockpit → overdue list shows none now; close it.
	err = chromedp.Run(b, logout,
		testenv.Login(srv.URL, "zhb", testenv.Password),
		chromedp.Navigate(fmt.Sprintf("%s/problems/%d", srv.URL, id)),
		chromedp.Click(`[data-k="close"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		chromedp.Text(`[data-k="status"]`, &status, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "problem-closed")
	if err != nil || status != "已办结" {
		t.Fatalf("closing: %q %v", status, err)
	}
	d, err := a.ProblemDetail(ctx, qianxiang.SystemActor, id)
	if err != nil || len(d.Instructions) != 1 || !d.Instructions[0].Acked() || len(d.History) != 6 {
		t.Fatalf("detail: %+v %v", d, err)
	}
}

// waitForText reads sel until it says want, across the page loads a form
// post causes, for up to 20 seconds.
func waitForText(ctx context.Context, sel, want string) (string, error) {
	var got string
	var err error
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		tctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err = chromedp.Run(tctx, chromedp.Text(sel, &got, chromedp.ByQuery))
		cancel()
		if err == nil && strings.TrimSpace(got) == want {
			return strings.TrimSpace(got), nil
		}
	}
	return got, err
}
