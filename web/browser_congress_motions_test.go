package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// A deputy puts a motion forward on its page, another signs it on theirs,
// the committee's review is recorded by staff on the motion's page, the
// report is written and put to the presidium, whose vote decides it; the
// resolutions page shows the plan resolution's report-backs and its
// delivery against the targets, and staff record a report-back there.
func TestBrowserMotionsAndResolutions(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	h := newHall(t, a, 12, 10)
	srv, _ := serve(t, a)
	api := func(tok, method, path, body string) string {
		t.Helper()
		code, resp, _ := bearer(t, srv.URL, tok, method, path, strings.NewReader(body), "application/json")
		if code >= 300 {
			t.Fatalf("%s %s: %d %s", method, path, code, resp)
		}
		return resp
	}
	api(h.staffTok, "PUT", "/api/v1/congresses/lvliang-4/bodies/executive_chairs", `{"members":[{"card":"4-0001","role":"chair"},{"card":"4-0002"},{"card":"4-0003"}]}`)
	api(h.staffTok, "PUT", "/api/v1/congresses/lvliang-4/bodies/motions_committee", `{"members":[{"card":"4-0011","role":"chair"},{"card":"4-0012","role":"vice_chair"}]}`)
	poll := untilTrue
	dep := testenv.Browser(t)
	if err := chromedp.Run(dep,
		testenv.Login(srv.URL, h.deputies[0].Card, testenv.Password),
		chromedp.EmulateViewport(1280, 1000),
		chromedp.Navigate(srv.URL+"/congress/motions"),
		chromedp.WaitVisible(`#new-motion`, chromedp.ByQuery),
		chromedp.SendKeys(`#new-motion input[name=title]`, "关于加快城区集中供热老旧管网改造的议案", chromedp.ByQuery),
		chromedp.SendKeys(`#new-motion textarea[name=reason]`, "城区部分供热管网运行超过二十年，漏损率高。", chromedp.ByQuery),
		chromedp.SendKeys(`#new-motion textarea[name=basis]`, "《城镇供热管理条例》。", chromedp.ByQuery),
		chromedp.SendKeys(`#new-motion textarea[name=solution]`, "三年内完成城区老旧供热管网改造。", chromedp.ByQuery),
		chromedp.Click(`#new-motion button`, chromedp.ByQuery),
		poll(`document.querySelector('[data-k=signatures]') && document.querySelector('[data-k=signatures]').textContent.trim() === '1/10'`),
	); err != nil {
		testenv.Screenshot(t, dep, "congress-motion-new-failed")
		t.Fatalf("new motion: %v", err)
	}
	testenv.Screenshot(t, dep, "congress-motion-signing")
	// Submitting with one signature is refused on the page.
	if err := chromedp.Run(dep, chromedp.Click(`button[data-act=submit]`, chromedp.ByQuery),
		poll(`document.querySelector('.flash.err') && document.querySelector('.flash.err').textContent.includes('至少需要 10 名代表签名')`)); err != nil {
		testenv.Screenshot(t, dep, "congress-motion-submit-refused-failed")
		t.Fatalf("submit with one signature: %v", err)
	}
	testenv.Screenshot(t, dep, "congress-motion-refused")
	for i := 1; i < 9; i++ {
		api(h.token(t, a, i), "POST", "/api/v1/motions/1/sign", "")
	}
	other := testenv.Browser(t)
	if err := chromedp.Run(other,
		testenv.Login(srv.URL, h.deputies[9].Card, testenv.Password),
		chromedp.EmulateViewport(820, 1180),
		chromedp.Navigate(srv.URL+"/congress/motions/1"),
		chromedp.WaitVisible(`button[data-act=sign]`, chromedp.ByQuery),
		chromedp.Click(`button[data-act=sign]`, chromedp.ByQuery),
		poll(`document.querySelector('[data-k=signatures]').textContent.trim() === '10/10'`),
	); err != nil {
		testenv.Screenshot(t, other, "congress-motion-sign-failed")
		t.Fatalf("sign: %v", err)
	}
	testenv.Screenshot(t, other, "congress-motion-signed-tablet")
	if err := chromedp.Run(dep, chromedp.Navigate(srv.URL+"/congress/motions/1"),
		chromedp.WaitVisible(`button[data-act=submit]`, chromedp.ByQuery),
		chromedp.Click(`button[data-act=submit]`, chromedp.ByQuery),
		poll(`document.querySelector('[data-k=status]').textContent.includes('待审查')`)); err != nil {
		t.Fatalf("submit: %v", err)
	}
	// Staff record the committee's review on the motion's page.
	staff := testenv.Browser(t)
	if err := chromedp.Run(staff,
		testenv.Login(srv.URL, "rdb", testenv.Password),
		chromedp.EmulateViewport(1280, 1000),
		chromedp.Navigate(srv.URL+"/congress/motions/1"),
		chromedp.WaitVisible(`#review-form`, chromedp.ByQuery),
		chromedp.SetValue(`#review-form select[name=recommend]`, "converted", chromedp.ByQuery),
		chromedp.SendKeys(`#review-form textarea[name=review]`, "所提事项属于市人民政府职权范围内的具体工作，建议作为代表建议交市人民政府办理。", chromedp.ByQuery),
		chromedp.Click(`#review-form button`, chromedp.ByQuery),
		poll(`document.querySelector('[data-k=recommend]') && document.querySelector('[data-k=recommend]').textContent.includes('建议作为代表建议处理')`),
	); err != nil {
		testenv.Screenshot(t, staff, "congress-motion-review-failed")
		t.Fatalf("review: %v", err)
	}
	testenv.Screenshot(t, staff, "congress-motion-reviewed")
	// The report goes to the presidium's meeting and is voted there.
	pres := h.apiMeeting(t, srv.URL, "presidium", 10)
	if err := chromedp.Run(staff,
		chromedp.Navigate(srv.URL+"/congress/motions"),
		chromedp.WaitVisible(`#reports form[action="/congress/motion-reports"] button`, chromedp.ByQuery),
		chromedp.Click(`#reports form[action="/congress/motion-reports"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`tr[data-report="1"] form button`, chromedp.ByQuery),
		chromedp.Click(`tr[data-report="1"] form button`, chromedp.ByQuery),
		poll(`document.querySelector('tr[data-report="1"]').dataset.status === 'voting'`),
	); err != nil {
		testenv.Screenshot(t, staff, "congress-motion-report-failed")
		t.Fatalf("report: %v", err)
	}
	api(h.staffTok, "POST", "/api/v1/votes/1/open", "")
	for i := 0; i < 8; i++ {
		api(h.token(t, a, i), "POST", "/api/v1/votes/1/ballot", `{"choice":"for"}`)
	}
	api(h.staffTok, "POST", "/api/v1/votes/1/close", "")
	_ = pres
	if err := chromedp.Run(staff, chromedp.Navigate(srv.URL+"/congress/motions"),
		poll(`document.querySelector('tr[data-motion="1"]').dataset.status === 'converted' && document.querySelector('tr[data-report="1"]').dataset.status === 'adopted'`)); err != nil {
		testenv.Screenshot(t, staff, "congress-motions-decided-failed")
		t.Fatalf("decided: %v", err)
	}
	testenv.Screenshot(t, staff, "congress-motions-decided")
	// The converted motion continues as a suggestion from its own page:
	// its signers become the suggestion's deputies, and the motion links to it.
	var deputies string
	if err := chromedp.Run(staff, chromedp.Navigate(srv.URL+"/congress/motions/1"),
		chromedp.WaitVisible(`#to-suggestion button`, chromedp.ByQuery),
		chromedp.Click(`#to-suggestion button`, chromedp.ByQuery),
		untilTrue(`location.pathname.startsWith('/suggestions/')`),
		chromedp.Text(`main`, &deputies, chromedp.ByQuery),
		chromedp.Navigate(srv.URL+"/congress/motions/1"),
		untilTrue(`document.querySelector('[data-k=suggestion]') !== null && !document.getElementById('to-suggestion')`),
	); err != nil {
		testenv.Screenshot(t, staff, "congress-motion-to-suggestion-failed")
		t.Fatalf("the converted motion as a suggestion: %v", err)
	}
	testenv.Contains(t, deputies, "关于加快城区集中供热老旧管网改造的议案", h.deputies[0].Name, h.deputies[9].Name)
	testenv.Screenshot(t, staff, "congress-motion-continued")

	// The plan resolution passes and is followed up.
	office := testenv.User(t, a, "office", qianxiang.RoleCommand, "141100")
	if err := a.SetTargets(t.Context(), office, 2023, qianxiang.Targets{Year: 2023, Campaign: qianxiang.DefaultCampaignTarget()}); err != nil {
		t.Fatal(err)
	}
	plen := h.apiMeeting(t, srv.URL, "plenary", 12)
	api(h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/votes", plen), `{"title":"关于吕梁市2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划的决议","resolution":true}`)
	api(h.staffTok, "POST", "/api/v1/votes/2/open", "")
	for i := 0; i < 10; i++ {
		api(h.token(t, a, i), "POST", "/api/v1/votes/2/ballot", `{"choice":"for"}`)
	}
	api(h.staffTok, "POST", "/api/v1/votes/2/close", "")
	if err := chromedp.Run(staff,
		chromedp.Navigate(srv.URL+"/congress/resolutions"),
		chromedp.WaitVisible(`[data-resolution="1"] [data-k=delivery]`, chromedp.ByQuery),
		chromedp.SetValue(`[data-resolution="1"] form[action$="/followup"] select[name=body]`, "government", chromedp.ByQuery),
		chromedp.SetValue(`[data-resolution="1"] form[action$="/followup"] input[name=due]`, "2024-01-31", chromedp.ByQuery),
		chromedp.Click(`[data-resolution="1"] form[action$="/followup"] button`, chromedp.ByQuery),
		poll(`document.querySelectorAll('[data-resolution="1"] tr[data-followup]').length === 2`),
		chromedp.SendKeys(`tr[data-followup="1"] input[name=text]`, "市人民政府关于上半年计划执行情况的报告", chromedp.ByQuery),
		chromedp.Click(`tr[data-followup="1"] button`, chromedp.ByQuery),
		poll(`document.querySelector('tr[data-followup="1"]').dataset.status === 'reported'`),
	); err != nil {
		testenv.Screenshot(t, staff, "congress-resolutions-failed")
		t.Fatalf("resolutions: %v", err)
	}
	testenv.Screenshot(t, staff, "congress-resolutions-staff")
	var text string
	if err := chromedp.Run(other, chromedp.Navigate(srv.URL+"/congress/resolutions"),
		chromedp.WaitVisible(`[data-k=target-rate]`, chromedp.ByQuery),
		chromedp.Text(`[data-resolution="1"]`, &text, chromedp.ByQuery)); err != nil {
		t.Fatalf("a deputy's resolutions page: %v", err)
	}
	testenv.Contains(t, text, "市人民政府", "已报告", "1,000.00", "目标完成情况", "承办机关") // 亿元, grouped as every amount
	if strings.Contains(text, "登记报告") {
		t.Error("a deputy sees staff's forms")
	}
	testenv.Screenshot(t, other, "congress-resolutions-deputy")
	if err := chromedp.Run(staff, chromedp.Navigate(srv.URL+"/congress"), chromedp.WaitVisible(`#bodies`, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	testenv.Screenshot(t, staff, "congress-bodies")
}

// untilTrue evaluates a JavaScript condition until it holds, across the
// page loads a form post causes, for up to 20 seconds.
func untilTrue(expr string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
			var ok bool
			tctx, cancel := context.WithTimeout(ctx, 2*time.Second)
			err = chromedp.Evaluate(`(()=>{try{return !!(`+expr+`)}catch(e){return false}})()`, &ok).Do(tctx)
			cancel()
			if err == nil && ok {
				return nil
			}
		}
		if err == nil {
			err = fmt.Errorf("not true within 20 s: %s", expr)
		}
		return err
	})
}
