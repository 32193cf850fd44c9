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

// suggestionCity is a congress of three deputies (cards S-0001…), the
// congress office (rdb) and the city's urban management bureau (cgj).
func suggestionCity(t *testing.T, a *app.App) {
	t.Helper()
	ctx := context.Background()
	testenv.Lvliang(t, a)
	staff := testenv.User(t, a, "rdb", qianxiang.RoleCongressStaff, "141100")
	testenv.User(t, a, "cgj", qianxiang.RoleOrgAdmin, "141100-CGJ")
	testenv.User(t, a, "wjw", qianxiang.RoleOrgAdmin, "141100-WJW")
	ds := []qianxiang.Deputy{{Seq: 1, Name: "王建华", Delegation: "离石区代表团", Card: "S-0001"},
		{Seq: 2, Name: "李秀英", Delegation: "离石区代表团", Card: "S-0002"}, {Seq: 3, Name: "张志强", Delegation: "孝义市代表团", Card: "S-0003"}}
	if _, err := a.AddDeputiesSharedPassword(ctx, staff, "lvliang-4", ds, testenv.Password); err != nil {
		t.Fatal(err)
	}
}

// A deputy submits a suggestion with a co-signer from the phone page; the
// congress office assigns it; the unit answers; the deputy rates it
// unsatisfied; the unit answers again, within a month of the rating.
func TestBrowserSuggestionAnsweredRatedUnsatisfiedAndAnsweredAgain(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	y := time.Now().Year() + 1
	var now atomic.Int64
	now.Store(time.Date(y, 3, 2, 9, 0, 0, 0, a.Loc).UnixNano())
	a.Now = func() time.Time { return time.Unix(0, now.Load()).In(a.Loc) }
	suggestionCity(t, a)
	srv, _ := serve(t, a)
	b := testenv.Browser(t)
	phone, desk := chromedp.EmulateViewport(390, 844), chromedp.EmulateViewport(1280, 900)

	// The deputy submits.
	var url string
	err := chromedp.Run(b, phone,
		testenv.Login(srv.URL, "S-0001", testenv.Password),
		chromedp.Navigate(srv.URL+"/my"),
		chromedp.Click(`[data-k="new"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#new-suggestion`, chromedp.ByQuery),
		chromedp.SendKeys(`#new-suggestion input[name=title]`, "关于增设北川河沿岸路灯的建议", chromedp.ByQuery),
		chromedp.SendKeys(`#new-suggestion textarea[name=body]`, "北川河沿岸步道夜间照明不足，群众晚间出行存在安全隐患，建议增设路灯。", chromedp.ByQuery),
		chromedp.SendKeys(`#new-suggestion input[name=deputies]`, "S-0002", chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "suggestion-1-deputy-writes")
	if err == nil {
		err = chromedp.Run(b, chromedp.Click(`[data-k="submit"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`h1.problem-title`, chromedp.ByQuery), chromedp.Location(&url))
	}
	if err != nil || !strings.Contains(url, "done=created") {
		var body string
		chromedp.Run(b, chromedp.Text(`body`, &body, chromedp.ByQuery))
		t.Fatalf("submitting: %s: %v at %s", body, err, url)
	}
	ss, _ := a.Suggestions(ctx, qianxiang.SystemActor, app.SuggestionQuery{})
	if len(ss) != 1 || len(ss[0].Signers) != 2 || ss[0].Status != qianxiang.SugSubmitted {
		t.Fatalf("stored: %+v", ss)
	}
	id := ss[0].ID

	// The office assigns it to the urban management bureau.
	var due, ret string
	b = testenv.Browser(t) // one browser for each person
	err = chromedp.Run(b, desk,
		testenv.Login(srv.URL, "rdb", testenv.Password),
		chromedp.Navigate(srv.URL+"/suggestions"),
		chromedp.Click(fmt.Sprintf(`#suggestion-list tr[data-id="%d"] a`, id), chromedp.ByQuery),
		chromedp.WaitVisible(`#assign-form`, chromedp.ByQuery),
		chromedp.SetValue(`#assign-form select[name=lead_org]`, "141100-CGJ", chromedp.ByQuery),
		chromedp.Click(`[data-k="assign"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-k="answer_due"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="answer_due"]`, &due, chromedp.ByQuery),
		chromedp.Text(`[data-k="return_by"]`, &ret, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "suggestion-2-office-assigned")
	if err != nil || !strings.HasPrefix(due, fmt.Sprintf("%d-06-02", y)) || ret == "" {
		t.Fatalf("assigning: due %q return by %q: %v", due, ret, err)
	}

	b = testenv.Browser(t)
	// The unit sees it, and answers.
	now.Store(time.Date(y, 4, 20, 10, 0, 0, 0, a.Loc).UnixNano())
	var status string
	err = chromedp.Run(b, desk,
		testenv.Login(srv.URL, "cgj", testenv.Password),
		chromedp.Navigate(srv.URL+"/suggestions"),
		chromedp.Click(fmt.Sprintf(`#suggestion-list tr[data-id="%d"] a`, id), chromedp.ByQuery),
		chromedp.WaitVisible(`#answer-form`, chromedp.ByQuery),
		chromedp.SetValue(`#answer-form select[name=class]`, "B", chromedp.ByQuery),
		chromedp.SendKeys(`#answer-form textarea`, "已列入年度路灯改造计划，预计年内完工。", chromedp.ByQuery),
		chromedp.Click(`[data-k="answer"]`, chromedp.ByQuery),
	)
	if err == nil {
		status, err = waitForText(b, `[data-k="status"]`, "已答复待测评")
	}
	testenv.Screenshot(t, b, "suggestion-3-unit-answered")
	if err != nil {
		t.Fatalf("answering: %q %v", status, err)
	}
	var other string
	chromedp.Run(b, chromedp.Navigate(srv.URL+"/suggestions"), chromedp.Text(`main`, &other, chromedp.ByQuery))
	if strings.Count(other, "北川河") != 1 {
		t.Fatalf("the unit's list: %q", other)
	}

	// The deputy rates it unsatisfied on the phone page.
	now.Store(time.Date(y, 4, 25, 10, 0, 0, 0, a.Loc).UnixNano())
	var toRate, flash string
	b = testenv.Browser(t)
	err = chromedp.Run(b, phone,
		testenv.Login(srv.URL, "S-0001", testenv.Password),
		chromedp.Navigate(srv.URL+"/my"),
		chromedp.WaitVisible(`#to-rate`, chromedp.ByQuery),
		chromedp.Text(`#to-rate`, &toRate, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "suggestion-4-deputy-phone-to-rate")
	if err != nil || !strings.Contains(toRate, "已列入年度路灯改造计划") {
		var body string
		chromedp.Run(b, chromedp.Text(`body`, &body, chromedp.ByQuery))
		t.Logf("page: %s", body)
		t.Fatalf("to rate: %q %v", toRate, err)
	}
	err = chromedp.Run(b, chromedp.Click(`[data-k="rate-unsatisfied"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery), chromedp.Text(`.flash.ok`, &flash, chromedp.ByQuery))
	testenv.Screenshot(t, b, "suggestion-5-deputy-rated-unsatisfied")
	s, _ := a.Suggestion(ctx, qianxiang.SystemActor, id)
	if err != nil || s.Status != qianxiang.SugHandling || s.Round != 2 || s.AnswerDue.String() != fmt.Sprintf("%d-05-25", y) {
		t.Fatalf("after unsatisfied: %v %s round %d due %s", err, s.Status, s.Round, s.AnswerDue)
	}

	// The unit answers again (a third browser).
	b = testenv.Browser(t)
	now.Store(time.Date(y, 5, 20, 10, 0, 0, 0, a.Loc).UnixNano())
	var answers string
	err = chromedp.Run(b, desk,
		testenv.Login(srv.URL, "cgj", testenv.Password),
		chromedp.Navigate(fmt.Sprintf("%s/suggestions/%d", srv.URL, id)),
		chromedp.WaitVisible(`#answer-form`, chromedp.ByQuery),
		chromedp.SetValue(`#answer-form select[name=class]`, "A", chromedp.ByQuery),
		chromedp.SendKeys(`#answer-form textarea`, "新增路灯42盏已于5月18日全部亮灯。", chromedp.ByQuery),
		chromedp.Click(`[data-k="answer"]`, chromedp.ByQuery),
	)
	if err == nil {
		_, err = waitForText(b, `[data-k="status"]`, "已答复待测评")
	}
	chromedp.Run(b, chromedp.Text(`#answers`, &answers, chromedp.ByQuery))
	testenv.Screenshot(t, b, "suggestion-6-unit-answered-again")
	if err != nil || !strings.Contains(answers, "第 2 轮") || !strings.Contains(answers, "新增路灯42盏") {
		t.Fatalf("answering again: %q %v", answers, err)
	}
	d, err := a.SuggestionDetail(ctx, qianxiang.SystemActor, id)
	if err != nil || len(d.Answers) != 2 || !d.Answers[1].OnTime || len(d.Ratings) != 1 || len(d.History) != 5 {
		t.Fatalf("detail: %+v %v", d, err)
	}
}
