package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang"

	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

// TestBrowserReservePoolAndPromotionList is the pipeline as its users meet
// it in the demo city: the campaign office reads the pool on a desktop,
// opens a reserve project that lacks mandatory items, is refused
// promotion with the missing items named, marks them done and promotes it
// into next year's plan; then an investor on a phone finds the promotion
// list on /public and sends an expression of interest.
func TestBrowserReservePoolAndPromotionList(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	// The real clock: the browser drops a session cookie whose expiry,
	// counted from a fixed test clock, has already passed.
	if _, err := demo.Fill(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	// The demo's own logins must change their generated passwords first.
	testenv.User(t, a, "office", qianxiang.RoleCommand, "141100-FGW")
	srv, _ := serve(t, a)
	b := testenv.Browser(t)
	var rows int
	var href string
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 900),
		testenv.Login(srv.URL, "office", testenv.Password),
		chromedp.Navigate(srv.URL+"/pipeline"),
		chromedp.WaitVisible(`#pool`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#pool tbody tr').length`, &rows),
		chromedp.Evaluate(`[...document.querySelectorAll('#pool a')].find(a => a.textContent.includes('文水县中医院迁建项目')).getAttribute('href')`, &href),
	)
	testenv.Screenshot(t, b, "pipeline-desktop")
	if err != nil {
		t.Fatal(err)
	}
	if rows != 18 || !strings.HasPrefix(href, "/pipeline/") {
		t.Fatalf("pool rows %d, link %q", rows, href)
	}
	var refused, flash, year string
	err = chromedp.Run(b,
		chromedp.Navigate(srv.URL+href),
		chromedp.WaitVisible(`[data-k=promote]`, chromedp.ByQuery),
		chromedp.Click(`[data-k=promote]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.err`, chromedp.ByQuery),
		chromedp.Text(`.flash.err`, &refused, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "reserve-promotion-refused")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(refused, "用地预审") || !strings.Contains(refused, "资金来源落实") {
		t.Errorf("the refusal does not name the missing items: %q", refused)
	}
	err = chromedp.Run(b,
		chromedp.Click(`input[name="done.land"]`, chromedp.ByQuery),
		chromedp.Click(`input[name="done.funding"]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name="note.funding"]`, "县财政已出具资金承诺函", chromedp.ByQuery),
		chromedp.Click(`form[action$="/checks"] button.primary`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		chromedp.Click(`[data-k=promote]`, chromedp.ByQuery),
		// Promoted, the project leaves the pool and its promote form goes.
		chromedp.WaitNotPresent(`[data-k=promote]`, chromedp.ByQuery),
		chromedp.Text(`.flash.ok`, &flash, chromedp.ByQuery),
		chromedp.Text(`h1 small`, &year, chromedp.ByQuery),
		// What is left to do once in the plan: its annual plan.
		chromedp.WaitVisible(`[data-k=set-plan]`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "reserve-promoted")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(flash, "转入年度计划") || !strings.Contains(year, strconv.Itoa(a.DefaultYear(context.Background())+1)) || !strings.Contains(year, "前期") {
		t.Errorf("after promotion: flash %q, heading %q", flash, year)
	}

	// The promotion is into next year's plan (the demo's plan is this
	// year's, which stays the default year): the registry of that year
	// lists the project, and its page shows the history it brought along,
	// the promotion last, with the year and stage it changed.
	next := strconv.Itoa(a.DefaultYear(context.Background()) + 1)
	var listed, promoteRow, created string
	err = chromedp.Run(b,
		chromedp.Navigate(srv.URL+"/projects?year="+next),
		chromedp.WaitVisible(`main table`, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll('main table tbody tr')].map(r => r.textContent).join('|')`, &listed),
	)
	testenv.Screenshot(t, b, "registry-next-year")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(listed, "文水县中医院迁建项目") {
		t.Errorf("the %s registry does not list the promoted project: %q", next, listed)
	}
	err = chromedp.Run(b,
		chromedp.Navigate(srv.URL+strings.Replace(href, "/pipeline/", "/projects/", 1)),
		chromedp.WaitVisible(`#history`, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll('#history tbody tr')].map(r => r.textContent).find(t => t.includes('转入年度计划')) || ''`, &promoteRow),
		chromedp.Evaluate(`[...document.querySelectorAll('#history tbody tr')].length > 1 ? document.querySelector('#history tbody tr').textContent : ''`, &created),
		chromedp.ScrollIntoView(`#history`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "promoted-project-history")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(promoteRow, next) || !strings.Contains(promoteRow, "前期") || created == "" {
		t.Errorf("the project's history: promotion %q, first entry %q", promoteRow, created)
	}

	// An investor on a phone.
	var promos, width, spilt int
	var sent, planLabel, plan string
	err = chromedp.Run(b,
		logout(),
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(srv.URL+"/public#promotions"),
		chromedp.WaitVisible(`[data-k=promotion]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('[data-k=promotion]').length`, &promos),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
		// The city's figures fit their tiles on a phone (ten-digit sums
		// in 万元 did not: the last digits ran off the screen).
		chromedp.Evaluate(`[...document.querySelectorAll('.public-tiles .v')].filter(v => v.scrollWidth > v.clientWidth).length`, &spilt),
		chromedp.Text(`[data-k=annual_plan]`, &plan, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('[data-k=annual_plan]').previousElementSibling.textContent`, &planLabel),
		chromedp.ScrollIntoView(`#promotions`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "public-promotions-phone")
	if err != nil {
		t.Fatal(err)
	}
	if promos != 8 || width > 390 {
		t.Errorf("%d promotions, page %dpx wide on a 390px phone", promos, width)
	}
	if spilt != 0 || !strings.Contains(planLabel, "亿元") || strings.Count(plan, ",") > 0 {
		t.Errorf("%d figures run out of their tiles; annual plan %q %q", spilt, planLabel, plan)
	}
	err = chromedp.Run(b,
		chromedp.Click(`[data-k=promotion] a`, chromedp.ByQuery),
		chromedp.WaitVisible(`form.interest-form`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=company]`, "山西晋投新能源有限公司", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=person]`, "周经理", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=phone]`, "12", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=intent]`, "拟以股权合作方式投资约3亿元，希望尽快对接。", chromedp.ByQuery),
		chromedp.Click(`form.interest-form button`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.err`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "public-interest-refused-phone")
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Run(b,
		chromedp.SendKeys(`input[name=phone]`, "13812345678", chromedp.ByQuery),
		chromedp.Click(`form.interest-form button`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-k=sent]`, chromedp.ByQuery),
		chromedp.Text(`[data-k=sent]`, &sent, chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
	)
	testenv.Screenshot(t, b, "public-interest-sent-phone")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sent, "已收到") || width > 390 {
		t.Errorf("sent %q, width %d", sent, width)
	}
}
